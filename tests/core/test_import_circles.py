"""The three import circles of core stay gone: Refused (errors), SOON (deadlines) and the tenancy models
(tenancy) live in leaf modules, and no core module reaches them from inside a function."""

import ast
from pathlib import Path

import fazhi.core

CORE = Path(fazhi.core.__file__).parent
LEAVES = {"Refused": "fazhi.core.errors", "SOON": "fazhi.core.deadlines"}


def _modules():
    return sorted(p for p in CORE.glob("*.py") if p.name != "__init__.py")


def _nested_imports(tree):
    """ImportFrom nodes inside a function body (the way a circle is usually dodged)."""
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from (n for n in ast.walk(fn) if isinstance(n, ast.ImportFrom))


def test_shared_names_are_imported_at_load_time_from_their_leaf():
    wrong = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _nested_imports(tree):
            names = {a.name for a in node.names}
            if names & set(LEAVES) or (node.module or "").startswith("fazhi.org.models"):
                wrong.append(f"{path.name}:{node.lineno} imports {sorted(names)} inside a function")
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("fazhi.core"):
                for alias in node.names:
                    if alias.name in LEAVES and node.module != LEAVES[alias.name]:
                        wrong.append(f"{path.name}:{node.lineno} takes {alias.name} from {node.module}")
    assert wrong == []


def test_only_tenancy_names_the_org_models():
    naming = [
        p.name
        for p in _modules()
        if p.name != "tenancy.py" and ('get_model("org"' in p.read_text(encoding="utf-8"))
    ]
    assert naming == []


def test_leaves_import_nothing_of_fazhi_but_leaves():
    for name in ("errors.py", "tenancy.py"):
        tree = ast.parse((CORE / name).read_text(encoding="utf-8"))
        imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in imported if m and m.startswith("fazhi")], name
