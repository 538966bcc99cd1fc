"""Persons read where a sentence opens on them or a delegation is led by them.

- A two-character national leader (data/facts_leaders.txt) opening the paragraph or a
  sentence, cut alone by the segmenter and tagged as a person (`汪洋|充分肯定`, `汪洋/nr`): the
  leader (`person.leader`, 0.9); facts/persons.py takes a two-character leader only before a
  boundary word, so as not to read one inside a word (`汪洋大海`: one word for the segmenter,
  no name).
- A national leader by the news's contracted form, surname and office (`胡主席`, `温总理`): the
  leader whose surname it is when data/facts_leaders.txt holds one leader of that surname who
  held that office (`person.leader_short`, 0.8, normalized the full name); the surname must open
  a word for the segmenter (`学习|主席` is no one's title), and no organ or place stands right
  before (`县政协|赵主席`, `工会|蔡主席`: a chairman of its own).
- A name of the surname grammar, read as a person by the segmenter's tagger, between a verb
  of meeting or 由 and 率领 or 带领 (`会见了周某某率领的代表团`, `由吴某带领的`): the head of
  the delegation (`person.leader_of`, 0.75).
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import cut_window, load_list
from .gazetteer import scan
from .persons import LEADER_RE, _plausible
from .persons_subject import tagged_name
from .state import FactState

_SENTENCE_OPENS = "。！？；\n"
_LED_BY_RE = re.compile(r"(?:会见了?|接见了?|由)")
_LEADS = ("率领", "带领")


def _person(text: str, s: int, e: int, extractor: str, conf: float) -> Fact:
    return Fact("person", s, e, text[s:e], text[s:e], extractor, conf)


def _unique_surnames() -> dict[tuple[str, str], str]:
    """(surname, office) -> the one listed leader of that surname who held the office (data/
    facts_leaders.txt: 习近平 主席 总书记 -> (习, 主席), (习, 总书记)); 赵总理 maps to no one."""
    by_office: dict[tuple[str, str], list[str]] = {}
    for line in load_list("facts_leaders.txt"):
        name, *offices = line.split()
        for office in offices:
            by_office.setdefault((name[0], office), []).append(name)
    return {k: v[0] for k, v in by_office.items() if len(v) == 1}


_SURNAMES = _unique_surnames()
#: A listed leader's surname and the title of a national office (习主席, 温总理, 某委员长).
_CONTRACTED_RE = re.compile(rf"[{''.join(s for s, _ in _SURNAMES)}](?:主席|总书记|总理|委员长)")
#: The ending of an organ printed right before: the office is the organ's (县政协|赵主席, 工会|某主席).
_ORGAN_END = "会委协局厅部处院司校"


def contracted_leaders(text: str, folded: str) -> list[Fact]:
    """Leaders by surname and office (`胡主席`), the surname opening a word for the segmenter,
    the leader one who held the office, no organ or place right before (县政协赵主席: a local
    chairman)."""
    out = []
    ends = {h.end for h in scan(folded)}
    for m in _CONTRACTED_RE.finditer(folded):
        s, e = m.span()
        leader = _SURNAMES.get((folded[s], folded[s + 1 : e]))
        if leader is None or s in ends or (s > 0 and folded[s - 1] in _ORGAN_END):
            continue
        lo = max(0, s - 3)
        tokens, _ = cut_window(folded[lo : e + 1])
        starts, pos = set(), lo
        for token in tokens:
            starts.add(pos)
            pos += len(token)
        if s in starts:
            f = _person(text, s, e, "person.leader_short", 0.8)
            f.normalized = leader
            out.append(f)
    return out


def _opens_sentence(folded: str, s: int) -> bool:
    return s == 0 or folded[s - 1] in _SENTENCE_OPENS


def opening_persons(text: str, folded: str) -> list[Fact]:
    """Leaders opening a sentence (`汪洋高度赞扬`) and heads of a delegation (`由吴某带领的`)."""
    out: list[Fact] = []
    for m in LEADER_RE.finditer(folded):
        s, e = m.span()
        if e - s != 2 or not _opens_sentence(folded, s):
            continue
        tokens, tags = cut_window(folded[s : s + 6])
        if len(tokens) > 1 and tokens[0] == m.group(0) and tags[0] == "nr":
            out.append(_person(text, s, e, "person.leader", 0.9))
    if "率领" in folded or "带领" in folded:
        for m in _LED_BY_RE.finditer(folded):
            name = tagged_name(folded, m.end(), _plausible)
            if name and folded.startswith(_LEADS, m.end() + len(name)):
                out.append(_person(text, m.end(), m.end() + len(name), "person.leader_of", 0.75))
    return out


@stage_pass(
    "facts.persons_openers.opening_persons", requires=("text", "folded"), assigns=("facts",)
)
def opening_persons_pass(state: FactState, counters: Counters) -> FactState:
    """A leader opening a sentence (`汪洋|充分肯定`), a leader by surname and office (`胡主席`)
    and the head of a delegation (`会见了王毅率领的代表团`) added as persons."""
    return state.adding(
        opening_persons(state.text, state.folded) + contracted_leaders(state.text, state.folded)
    )
