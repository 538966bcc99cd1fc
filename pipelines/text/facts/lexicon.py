"""One pass over a paragraph for every word list the facts read as candidates.

Three families look words up in a paragraph: the dictionary's persons (facts/persons_lexicon.py),
the dictionary's institutions (facts/organizations_lexicon.py) and the elements of Tibetan names
(facts/persons_ethnic.py). Their words are matched together by one Aho-Corasick automaton
(built once, overlapping matches), and each family reads its own kind of match: one scan of
the paragraph instead of three (each scan costs a few microseconds, the facts stage handles
a paragraph in about two hundred and fifty).
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick_rs


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[tuple[str, str], ...]]:
    from .organizations_lexicon import institution_words
    from .persons_ethnic import PARTS
    from .persons_lexicon import person_words

    patterns: dict[tuple[str, str], None] = {}
    for kind, words in (
        ("person", person_words()),
        ("institution", institution_words()),
        ("tibetan", PARTS),
    ):
        for word in words:
            patterns[(word, kind)] = None
    ordered = tuple(sorted(patterns))
    return ahocorasick_rs.AhoCorasick([word for word, _ in ordered]), ordered


@lru_cache(maxsize=4)
def scan_words(folded: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """Kind -> the (start, end) of every listed word of that kind in the paragraph, overlapping
    matches included, in order of end then start."""
    automaton, ordered = _automaton()
    found: dict[str, list[tuple[int, int]]] = {}
    for i, s, e in automaton.find_matches_as_indexes(folded, overlapping=True):
        found.setdefault(ordered[i][1], []).append((s, e))
    return {kind: tuple(spans) for kind, spans in found.items()}
