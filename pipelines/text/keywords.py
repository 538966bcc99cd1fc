"""Document keywords by TF-IDF and TextRank, from the tokens and POS tags the sentences have.

The text is cut once (`segment.Segmenter.cut`, per sentence); the keywords are ranked on
that token stream, never by cutting the document again. The rules are jieba.analyse's
(`extract_tags` and `textrank` with `allowPOS`), applied to the given (token, tag) pairs:

- **Candidates**: a token whose tag is in `ALLOW_POS` (nouns, named entities, verbal nouns,
  verbs, idioms, abbreviations, `eng`), at least two characters long, and not a stop word.
  The stop list is jieba's English one plus `data/stopwords.txt` (function words and the
  genre's boilerplate such as 坚持/推进/加强, which otherwise top every document).
- **TF-IDF**: count of the candidate (`Counter`) / count of all candidates x its IDF in
  jieba's bundled table; words the table lacks (most domain formulas such as 八八战略) get its median IDF.
- **TextRank**: an undirected graph whose edges join two candidates at most four tokens
  apart (jieba's window of 5), weighted by how often they co-occur; jieba's
  `UndirectWeightedGraph.rank` (10 iterations, damping 0.85, top word scaled to 1.0),
  computed as jieba computes it but on arrays (`textrank.py`: the same weights to the bit).
  Paragraphs are joined by one break token, as `"\\n".join(paragraphs)` was cut before.
- Weights are rounded to 6 decimals, words without a letter (`2023`) are left out, ties are
  broken by the word: the result is identical across runs and machines.

ASCII numbers are tagged `m` by the segmenter, so they are no candidates (jieba tags them
`eng`: they used to count in the TF-IDF total and sit in the TextRank graph before being
dropped from the output).
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from pathlib import Path

import numpy as np

from .segment import DATA_DIR
from .textrank import co_occurrences, rank_graph

STOPWORDS = DATA_DIR / "stopwords.txt"
#: POS tags kept as keyword candidates (jieba/ICTCLAS tag set).
ALLOW_POS = ("n", "nr", "ns", "nt", "nz", "nrt", "vn", "v", "l", "i", "j", "eng")
METHODS = ("tfidf", "textrank")
#: What stands between two paragraphs in a document's token stream.
PARAGRAPH_BREAK = ("\n", "x")


def load_stopwords(path: Path = STOPWORDS) -> frozenset[str]:
    """The stop list: one word a line, `#` comments and blank lines ignored."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return frozenset(words)


class KeywordExtractor:
    """TF-IDF and TextRank over a document's (token, tag) stream (build once per process)."""

    def __init__(self) -> None:
        import jieba.analyse  # loads the IDF table (~0.3 s): only when keywords are wanted

        self.idf_freq = jieba.analyse.default_tfidf.idf_freq
        self.median_idf = jieba.analyse.default_tfidf.median_idf
        self.stop_words = frozenset(jieba.analyse.TFIDF.STOP_WORDS) | load_stopwords()
        self.allow_pos = frozenset(ALLOW_POS)
        self._word_ok: dict[str, bool] = {}  # word -> length and stop list passed

    def candidates(self, words: Sequence[str], tags: Sequence[str]) -> list[bool]:
        """Whether each token may be a keyword (jieba's POS filter, length and stop list)."""
        allow, word_ok = self.allow_pos, self._word_ok
        allowed = [tag in allow for tag in tags]
        for word in set(compress(words, allowed)).difference(word_ok):
            word_ok[word] = len(word.strip()) >= 2 and word.lower() not in self.stop_words
        return [ok and word_ok[word] for word, ok in zip(words, allowed, strict=True)]

    def tfidf(self, words: Sequence[str], candidate: Sequence[bool]) -> dict[str, float]:
        """jieba's `extract_tags` weights: term frequency among candidates x IDF."""
        counts = Counter(compress(words, candidate))
        total = float(sum(counts.values()))
        idf = np.fromiter(map(self.idf_freq.get, counts, repeat(self.median_idf)), np.float64)
        count = np.fromiter(counts.values(), np.float64, count=len(counts))
        return dict(zip(counts, (count * (idf / total)).tolist(), strict=True))  # as floats

    def textrank(self, words: Sequence[str], candidate: Sequence[bool]) -> dict[str, float]:
        """jieba's `textrank` weights: the co-occurrence graph ranked, top word 1.0."""
        return rank_graph(co_occurrences(words, candidate))

    def rank(
        self, words: Sequence[str], tags: Sequence[str], top_k: int = 20
    ) -> list[tuple[str, float, str]]:
        """(word, weight, method): the top_k of TF-IDF, then the top_k of TextRank."""
        if top_k <= 0:
            return []
        candidate = self.candidates(words, tags)
        by_method = {
            "tfidf": self.tfidf(words, candidate),
            "textrank": self.textrank(words, candidate),
        }
        return [
            (word, weight, method)
            for method in METHODS
            for word, weight in _top(by_method[method].items(), top_k)
        ]


def _top(ranked: Iterable[tuple[str, float]], top_k: int) -> list[tuple[str, float]]:
    """The top_k words by rounded weight then word, bare numbers (2023) left out.

    Only the words that can make the list are rounded and sorted: rounding never lowers a
    larger weight below a smaller one's, so none whose weight is under the top_k-th word's
    (by weight, rounded, less half a unit of the 6th decimal) can."""
    kept: list[tuple[float, str]] = []
    floor = None
    for word, weight in sorted(ranked, key=itemgetter(1), reverse=True):
        if floor is not None and weight < floor:
            break
        if any(map(str.isalpha, word)):
            kept.append((-round(float(weight), 6), word))
            if len(kept) == top_k:
                floor = round(float(weight), 6) - 1e-6
    return [(word, -negative) for negative, word in sorted(kept)[:top_k]]


@lru_cache(maxsize=1)
def get_extractor() -> KeywordExtractor:
    """The process-wide extractor (built on first use)."""
    return KeywordExtractor()


def document_stream(
    paragraphs: Iterable[Iterable[tuple[Sequence[str], Sequence[str]]]],
) -> tuple[list[str], list[str]]:
    """A document's (tokens, tags) from its paragraphs' sentences' (tokens, tags), with
    `PARAGRAPH_BREAK` between paragraphs."""
    words: list[str] = []
    tags: list[str] = []
    for k, sentences in enumerate(paragraphs):
        if k:
            words.append(PARAGRAPH_BREAK[0])
            tags.append(PARAGRAPH_BREAK[1])
        for sentence_words, sentence_tags in sentences:
            words.extend(sentence_words)
            tags.extend(sentence_tags)
    return words, tags


def keywords_from_tokens(
    words: Sequence[str], tags: Sequence[str], top_k: int = 20
) -> list[tuple[str, float, str]]:
    """Keywords of a document given its token stream: (word, weight, method) with method
    "tfidf" or "textrank", each method's list ordered by weight then word."""
    try:
        return get_extractor().rank(words, tags, top_k)
    except (ValueError, ZeroDivisionError):  # degenerate graphs/texts: no keywords
        return []


def document_keywords(text: str, top_k: int = 20) -> list[tuple[str, float, str]]:
    """Keywords of a raw text (lines as paragraphs, each cut once). The build uses
    `keywords_from_tokens` on the sentence tokens it has already. Never raises on odd text."""
    from .segment import get_segmenter

    if not text or not text.strip() or top_k <= 0:
        return []
    cut = get_segmenter().cut
    words, tags = document_stream([cut(line)] for line in text.split("\n"))
    return keywords_from_tokens(words, tags, top_k)
