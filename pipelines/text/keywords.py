"""Document keywords by TF-IDF and TextRank (jieba.analyse), tuned for party/government texts.

Why not `jieba.analyse.extract_tags` as is: its module-level extractors use the global
`jieba.dt` (no domain dictionary), HMM on (slow, junk words), an English-only stop list, and
order ties by insertion order. Here both extractors run on the project's `Segmenter` (domain
dictionary, 〇 regex, HMM off), a stop list (`data/stopwords.txt`: function words plus the
genre's boilerplate such as 坚持/推进/加强, which otherwise top every document), and a POS
filter keeping nouns, named entities, verbal nouns, verbs, idioms and abbreviations
(`ALLOW_POS`). Weights are rounded to 6 decimals and ties are broken by the word, so the
result is identical across runs and machines.

TF-IDF uses jieba's bundled IDF table; words it lacks (most domain formulas) get its median
IDF. TextRank weights are normalised by jieba so that the top word is 1.0.
"""

import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .segment import DATA_DIR, Segmenter, get_segmenter

STOPWORDS = DATA_DIR / "stopwords.txt"
#: POS tags kept as keyword candidates (jieba/ICTCLAS tag set).
ALLOW_POS = ("n", "nr", "ns", "nt", "nz", "nrt", "vn", "v", "l", "i", "j", "eng")
METHODS = ("tfidf", "textrank")


def load_stopwords(path: Path = STOPWORDS) -> frozenset[str]:
    """The stop list: one word a line, `#` comments and blank lines ignored."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return frozenset(words)


class _NoHMM:
    """Adapter: jieba.analyse calls `tokenizer.cut(text)`; ours must run with the segmenter's
    HMM setting."""

    def __init__(self, tokenizer: Any, hmm: bool) -> None:
        self.tokenizer = tokenizer
        self.hmm = hmm

    def cut(self, text: str) -> Iterator[Any]:
        return iter(self.tokenizer.lcut(text, HMM=self.hmm))


class KeywordExtractor:
    """TF-IDF and TextRank extractors bound to one `Segmenter` (build once per process)."""

    def __init__(self, segmenter: Segmenter | None = None) -> None:
        import jieba.analyse  # loads the IDF table (~0.3 s): only when keywords are wanted

        seg = segmenter or get_segmenter()
        stop = frozenset(jieba.analyse.TFIDF.STOP_WORDS) | load_stopwords()
        plain = _NoHMM(seg.tokenizer, seg.hmm)
        tagged = _NoHMM(seg.postokenizer, seg.hmm)
        self.tfidf = jieba.analyse.TFIDF()
        self.tfidf.tokenizer = plain
        self.tfidf.postokenizer = tagged
        self.tfidf.stop_words = set(stop)
        self.textrank = jieba.analyse.TextRank()
        self.textrank.tokenizer = self.textrank.postokenizer = tagged
        self.textrank.stop_words = set(stop)
        self._lock = threading.Lock()

    def extract(self, text: str, top_k: int = 20) -> list[tuple[str, float, str]]:
        """(word, weight, method): the top_k of TF-IDF, then the top_k of TextRank."""
        if not text or not text.strip() or top_k <= 0:
            return []
        with self._lock:
            tfidf = self.tfidf.extract_tags(text, topK=None, withWeight=True, allowPOS=ALLOW_POS)
            textrank = self.textrank.textrank(text, topK=None, withWeight=True, allowPOS=ALLOW_POS)
        out: list[tuple[str, float, str]] = []
        for method, ranked in zip(METHODS, (tfidf, textrank), strict=True):
            out.extend((word, weight, method) for word, weight in _top(ranked, top_k))
        return out


def _top(ranked: Iterable[tuple[str, float]], top_k: int) -> list[tuple[str, float]]:
    rounded = [
        (word, round(float(weight), 6))
        for word, weight in ranked
        if any(ch.isalpha() for ch in word)  # no bare numbers such as 2023 (tagged eng)
    ]
    rounded.sort(key=lambda item: (-item[1], item[0]))
    return rounded[:top_k]


@lru_cache(maxsize=1)
def get_extractor() -> KeywordExtractor:
    """The process-wide extractor (built on first use, on the shared segmenter)."""
    return KeywordExtractor()


def document_keywords(text: str, top_k: int = 20) -> list[tuple[str, float, str]]:
    """Keywords of a document: (word, weight, method) with method "tfidf" or "textrank",
    each method's list ordered by weight then word. Never raises on odd text."""
    try:
        return get_extractor().extract(text, top_k)
    except (ValueError, ZeroDivisionError):  # degenerate graphs/texts: no keywords
        return []
