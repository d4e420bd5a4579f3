"""Chinese word segmentation (jieba, in process: no remote service), shared by search and the draft checker.

jieba's dictionary loads on first use (about a second; it caches a prefix dictionary on disk), so
importing this module costs nothing until a text is segmented.
"""

import logging
import re
import threading
from functools import lru_cache

# Terms of the trade jieba's general dictionary splits ("综合/执法"); kept whole so that a search
# for them and the checker's keywords meet the same tokens.
LEGAL_WORDS = (
    "综合执法",
    "罚款",
    "查封",
    "扣押",
    "保证金",
    "通报批评",
    "三重一大",
    "公平竞争",
    "规范性文件",
    "合法性审查",
    "行政许可",
    "行政处罚",
    "行政强制",
    "人民调解",
    "信访件",
    "违约金",
    "宅基地",
    "排水沟",
)

_lock = threading.Lock()
_ready = False
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)


def _jieba():
    global _ready
    import jieba

    if not _ready:
        with _lock:
            if not _ready:
                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                for word in LEGAL_WORDS:
                    jieba.add_word(word, freq=200000)
                _ready = True
    return jieba


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word of `text`, in order (punctuation and spaces dropped)."""
    found, pos = [], 0
    for word in _jieba().cut(text or "", HMM=True):
        start, pos = pos, pos + len(word)
        if _WORD.search(word):
            found.append((word, start, pos))
    return found


def boundaries(text: str) -> set[int]:
    """Offsets where a word starts or ends: a keyword counts only when it starts on one
    ("检查封堵" holds the characters 查封 but not the word)."""
    edges = {0, len(text or "")}
    for _, start, end in tokens(text):
        edges.update((start, end))
    return edges


@lru_cache(maxsize=4096)
def _search_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _jieba().cut_for_search(text) if _WORD.search(w))


def index_words(text: str) -> list[str]:
    """The words a text is indexed under: jieba's search mode (a long word and its parts: 排水沟,
    排水, 水沟), so a query word matches whichever way the text was cut."""
    words = []
    for line in (text or "").splitlines():
        words.extend(_search_words(line) if len(line) < 400 else _search_words_long(line))
    return words


def _search_words_long(line: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _jieba().cut_for_search(line) if _WORD.search(w))


def query_words(query: str) -> list[str]:
    """The words of a query: each space-separated part segmented (precise mode), duplicates dropped."""
    words = []
    for part in (query or "").split():
        for word, _, _ in tokens(part):
            word = word.lower()
            if word not in words:
                words.append(word)
    return words
