"""Generated Chinese text: messages joined into one sentence read "甲；乙。", never "甲。；乙。"."""

END_MARKS = "。；;.!！?？ "


def clauses(parts, end: str = "。") -> str:
    """Join messages as the clauses of one sentence: each part's own end mark is dropped (validation
    and guard messages end in 。), the whole gets `end`. Empty parts are left out."""
    items = [text for part in parts if (text := str(part).strip().rstrip(END_MARKS))]
    return "；".join(items) + end if items else ""
