"""One sense per document: a name a strong rule finds is a person wherever the document
prints it again bare.

A news portrait names its hero once with a title or a role (`村支书王某某带领村民…`, `局长张某某`),
as a speaker, in a list of officials or with a former name (`张某，原名张某某，`), then bare:
`已经担任村支书的王某某正在…`, `五年过去了，就像当初王某某承诺的那样`. No rule of one paragraph
can take the bare name (a surname and two characters, the same shape as many words), but the
document vouches for it: the standard trick of named-entity recognition (one sense per
discourse). `extract_document_facts` (facts/__init__.py) runs `extract_facts` on each paragraph,
then `add_document_repeats` collects the
names that the strong person rules found (`STRONG`: titles before or after, speakers, lists, an age
(`47岁的某某`), former names, foreign names, bylines; not the weaker guesses of the tagger nor the national
leaders, which facts/persons.py finds everywhere anyway, nor a common word of the dictionary
that a rule took for a name: `郑重表示` is no speaker 郑重), and adds a `person.repeated` fact
(0.7, the name alone) at every other occurrence of such a name that:
- overlaps no person already found (a longer name, `王某某` holding `王某`) and no fact of the
  other entity types (organisation, place, meeting, cited document, formula: `刘华路`
  inside a place, a name inside a meeting's or a company's name) nor a title in 《》, and
  does not follow a place (`杭州|林某新能源公司`: a company named after its founder);
- stands as a word: the segmenter (HMM off, the project's dictionary) cuts no token across
  either edge on a short window (`刘华强说` is cut `刘华强|说`, so `刘华` is no word there;
  `如今|刘|华|的|家乡` leaves it whole).
Names are 2-4 Chinese characters or a dotted foreign name (`约翰·基`). The output is each
paragraph's facts, sorted by (start, end, type), as `extract_facts` returns them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import ahocorasick_rs

from pipelines.text.model import Fact

from ._common import cut_window, load_list
from .gazetteer import place_index

#: The person rules whose names the document trusts elsewhere.
STRONG = frozenset(
    {
        "person.role_after",
        "person.role_before",
        "person.speaker",
        "person.list",
        "person.foreign",
        "person.byline",
        "person.alias",
        "person.honouree",
        "person.aged",
    }
)
EXTRACTOR = "person.repeated"
CONFIDENCE = 0.7
#: Fact types a repeated name must not overlap.
_BLOCKING = frozenset({"organization", "place", "meeting", "cited_document", "formula"})
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+")
_TITLE_RE = re.compile(r"《[^《》\n]{1,100}》")
_LEADERS = frozenset(line.split()[0] for line in load_list("facts_leaders.txt"))
_PLACES = frozenset(place_index())
#: Characters of context segmented on each side of an occurrence.
_MARGIN = 4


def add_document_repeats(paragraphs: Sequence[str], per: list[list[Fact]]) -> list[list[Fact]]:
    """`per` (each paragraph's facts) with the bare repeats of the document's strong names."""
    names = strong_names(per)
    if not names:
        return per
    finder = ahocorasick_rs.AhoCorasick(names)  # one scan of a paragraph for all names
    return [_with_repeats(text, facts, finder) for text, facts in zip(paragraphs, per, strict=True)]


def strong_names(per_paragraph: Sequence[Sequence[Fact]]) -> list[str]:
    """The names found by a strong rule, longest first (then in code-point order)."""
    names = {
        f.normalized
        for facts in per_paragraph
        for f in facts
        if f.type == "person"
        and f.extractor in STRONG
        and f.normalized
        and f.normalized not in _LEADERS
        and _NAME_RE.fullmatch(f.normalized)
    }
    return sorted((n for n in names if not _ordinary(n)), key=lambda n: (-len(n), n))


#: jieba's tags of proper nouns: a frequent word tagged so may be a name (普京 is tagged ns).
_PROPER = ("nr", "ns", "nt", "nz")
#: How frequent a word of the dictionary must be to be an ordinary word, no name.
_COMMON_FREQ = 100


@lru_cache(maxsize=4096)
def _ordinary(name: str) -> bool:
    """Whether a name is a frequent dictionary word that is no proper noun (郑重: an adjective)."""
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    if segmenter.frequency(name) <= _COMMON_FREQ:
        return False
    tokens, tags = cut_window(name)
    return len(tokens) == 1 and not tags[0].startswith(_PROPER)


def _with_repeats(text: str, facts: list[Fact], finder: ahocorasick_rs.AhoCorasick) -> list[Fact]:
    """`facts` with a person fact at each bare occurrence of a strong name in `text`, the
    longest names first (then left to right)."""
    found = finder.find_matches_as_indexes(text, overlapping=True)
    if not found:
        return facts
    taken = [(f.start, f.end) for f in facts if f.type == "person"]
    blocked = [(f.start, f.end) for f in facts if f.type in _BLOCKING]
    blocked += [m.span() for m in _TITLE_RE.finditer(text)] if "《" in text else []
    added: list[Fact] = []
    for _, s, e in sorted(found, key=lambda m: (m[1] - m[2], m[1])):
        if (
            not _overlaps(s, e, taken + blocked)
            and not _after_place(text, s)
            and _stands_alone(text, s, e)
        ):
            added.append(Fact("person", s, e, text[s:e], text[s:e], EXTRACTOR, CONFIDENCE))
            taken.append((s, e))
    if not added:
        return facts
    return sorted(facts + added, key=lambda f: (f.start, f.end, f.type))


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def _after_place(text: str, s: int) -> bool:
    """Whether a place of the gazetteer ends right before `s`: the name starts a company's or
    a site's name (`杭州|林某新能源科技公司`), whether or not the place was taken as a fact."""
    return any(text[k:s] in _PLACES for k in range(max(0, s - 4), s - 1))


def _stands_alone(text: str, s: int, e: int) -> bool:
    """Whether no token of the segmenter crosses either edge of text[s:e] (a short window)."""
    lo, hi = max(0, s - _MARGIN), min(len(text), e + _MARGIN)
    edges = token_edges(text[lo:hi])
    return s - lo in edges and e - lo in edges


@lru_cache(maxsize=8192)
def token_edges(window: str) -> frozenset[int]:
    """The offsets in `window` where a token of the segmenter (HMM off) starts or ends
    (cached: the fact rules cut short windows, the same ones again in a corpus)."""

    edges = {0, len(window)}
    pos = 0
    for token in cut_window(window)[0]:
        found = window.find(token, pos)  # located, as the segmenter may drop whitespace
        if found < 0:
            continue
        pos = found + len(token)
        edges.update((found, pos))
    return frozenset(edges)
