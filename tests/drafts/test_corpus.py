"""The checker held to a measured standard: precision and recall over a clause corpus."""

from fazhi.drafts.checker import check_clause
from tests.drafts.corpus import CORPUS, FLAGGED, HELD_OUT, LAWFUL


def score(clauses):
    """(precision, recall, misses): a flagged clause counts when its kind is found; a lawful clause
    with any finding, or a flagged one with a wrong extra kind, is a false positive."""
    true_pos = false_pos = false_neg = 0
    misses = []
    for text, expected in clauses:
        kinds = {f.kind for f in check_clause(text)}
        if expected is None:
            false_pos += bool(kinds)
        elif expected in kinds:
            true_pos += 1
            false_pos += bool(kinds - {expected})
        else:
            false_neg += 1
        if (expected is None and kinds) or (expected is not None and kinds != {expected}):
            misses.append((text, expected, kinds))
    return true_pos / ((true_pos + false_pos) or 1), true_pos / ((true_pos + false_neg) or 1), misses


def test_corpus_is_large_and_balanced():
    assert len(CORPUS) >= 60
    assert abs(len(FLAGGED) - len(LAWFUL)) <= 2
    assert len({text for text, _ in CORPUS + HELD_OUT}) == len(CORPUS) + len(HELD_OUT)


def test_precision_and_recall(capsys):
    precision, recall, misses = score(CORPUS)
    held_precision, held_recall, held_misses = score(HELD_OUT)
    with capsys.disabled():
        print(f"\n条款语料 {len(CORPUS)} 条：precision {precision:.1%}，recall {recall:.1%}")
        print(
            f"留出语料 {len(HELD_OUT)} 条（未据以调整规则）：precision {held_precision:.1%}，recall {held_recall:.1%}"
        )
        for text, expected, kinds in held_misses:
            print(f"  留出未中：{text}（应为 {expected}，得到 {sorted(kinds)}）")
    assert recall >= 0.9, misses
    assert precision >= 0.8, misses
