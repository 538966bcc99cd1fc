"""Run-in leads: the list items a report or a read-out runs into its paragraphs, and the
bold leads of a magazine section. Each is a section of kind `runin` whose title is its
lead sentence; the paragraph stays one body block.

* enumerations: `一是在区间调控基础上实施定向调控，保持经济稳定增长。…` … `九是…`;
* ordinals: `第一，关于以推动高质量发展为主题。…` … `第七，…`;
* sequences: `首先，…` `其次，…` `最后，…`;
* bold leads run in with a dash: `全面系统“深学”——2023年4月23日至28日，…`.

A list is real only as a list: the leads must open paragraphs, in sequence (`一是` then
`二是`, `首先` then `其次`), within one section of the document (a numbered heading or a
subhead between them ends the list); a lone `一是` or one sentence with a dash is text.
"""

from __future__ import annotations

from ..documents.text import plain, remove_layout_spaces
from ..params import DASH_LEAD_MAX_CHARS, LEAD_MIN_RUN, LEAD_TITLE_MAX_CHARS
from ..passes import Counters, rule, stage_pass
from ..patterns import (
    DASH_LEAD_RE,
    ENUMERATION_LEAD_RE,
    ORDINAL_LEAD_RE,
    SENTENCE_MARKS_RE,
    SEQUENCE_WORDS,
)
from .numbering import cn_to_int
from .state import Head, SectionState

ENUMERATION = rule(
    "sections.leads.enumeration",
    "an enumeration lead opening a paragraph, in sequence (`一是…` `二是…`): kind `runin`",
)
ORDINAL = rule(
    "sections.leads.ordinal",
    "an ordinal lead opening a paragraph, in sequence (`第一，…` `第二，…`): kind `runin`",
)
SEQUENCE = rule(
    "sections.leads.sequence",
    "paragraphs opened in sequence by `首先` `其次` `再次` `最后`: kind `runin`",
)
DASH = rule(
    "sections.leads.dash",
    "two or more bold leads run into their paragraphs with a dash "
    "(`全面系统“深学”——…`): kind `runin`, the lead is the title",
)

_STOPS = "。；：！？"


def lead_title(rest: str) -> str | None:
    """The lead sentence of a paragraph (up to its first `。；：！？`); a long one is cut at
    its first comma. None when the paragraph has no lead sentence."""
    text = remove_layout_spaces(rest).lstrip("，,、 ")
    stop = min((text.find(c) for c in _STOPS if c in text), default=-1)
    if 0 < stop <= LEAD_TITLE_MAX_CHARS:
        return text[:stop]
    comma = text.find("，")
    if 0 < comma <= LEAD_TITLE_MAX_CHARS:
        return text[:comma]
    return text if 0 < len(text) <= LEAD_TITLE_MAX_CHARS else None


#: The numbered leads tried in order: (pattern, its label group, its number group, scheme,
#: rule): `一是` is labelled whole, `第一，` without its comma.
_NUMBERED_LEADS = (
    (ENUMERATION_LEAD_RE, 0, 1, "enumeration", ENUMERATION),
    (ORDINAL_LEAD_RE, 1, 2, "ordinal", ORDINAL),
)


def _numbered_lead(text: str, k: int) -> Head | None:
    for pattern, label, number_group, scheme, found in _NUMBERED_LEADS:
        m = pattern.match(text)
        if m:
            title = lead_title(text[m.end() :])
            number = cn_to_int(m.group(number_group))
            if title and number:
                return Head(k, "runin", scheme, m.group(label), title, found.id, number)
    return None


def _sequence_lead(text: str, k: int) -> Head | None:
    for number, word in enumerate(SEQUENCE_WORDS, start=1):
        if text.startswith(word):
            title = lead_title(text[len(word) :])
            if title:
                return Head(k, "runin", "sequence", word, title, SEQUENCE.id, number)
    return None


def _dash_lead(text: str, k: int) -> Head | None:
    m = DASH_LEAD_RE.match(text)
    if not m:
        return None
    lead = m.group(1).strip()
    quotes_closed = lead.count("“") == lead.count("”")
    if len(lead) > DASH_LEAD_MAX_CHARS or SENTENCE_MARKS_RE.search(lead) or not quotes_closed:
        return None
    return Head(k, "runin", "dash", "", remove_layout_spaces(lead), DASH.id)


def candidates(state: SectionState) -> list[list[Head]]:
    """The leads of the document's paragraphs, grouped by the section they are printed in
    (the headings found before cut the groups)."""
    groups: list[list[Head]] = [[]]
    claimed = state.claimed()
    heads_at = {h.index for h in state.heads}
    for k in range(state.body_start, len(state.blocks)):
        if k in heads_at:
            groups.append([])
        block = state.blocks[k]
        if k in claimed or block.kind != "body":
            continue
        text = plain(block.text)
        lead = _numbered_lead(text, k) or _sequence_lead(text, k) or _dash_lead(text, k)
        if lead is not None:
            groups[-1].append(lead)
    return [g for g in groups if g]


def _continues(last: Head, lead: Head) -> bool:
    """`二是` after `一是`; `其次` or `最后` after `首先`."""
    if lead.number is None or last.number is None:
        return False
    if lead.scheme == "sequence":
        return lead.number > last.number
    return lead.number == last.number + 1


def runs(leads: list[Head]) -> list[Head]:
    """The leads that make real lists: numbers in sequence from one (`一是`, `二是`…),
    a sequence opened by `首先`, two dash leads or more."""
    kept: list[Head] = []
    for scheme in ("enumeration", "ordinal", "sequence"):
        run: list[Head] = []
        for lead in (h for h in leads if h.scheme == scheme):
            if lead.number == 1:
                kept += run if len(run) >= LEAD_MIN_RUN else []
                run = [lead]
            elif run and _continues(run[-1], lead):
                run.append(lead)
        kept += run if len(run) >= LEAD_MIN_RUN else []
    dashes = [h for h in leads if h.scheme == "dash"]
    kept += dashes if len(dashes) >= LEAD_MIN_RUN else []
    return kept


@stage_pass("sections.leads.find", requires=("doc", "heads"), assigns=("heads",))
def find(state: SectionState, counters: Counters) -> SectionState:
    """Run-in leads that open paragraphs in sequence (`一是` … `九是`, `第一，` …, `首先` …
    `最后`, bold `——` leads), within the section they are printed in."""
    return state.with_heads([lead for group in candidates(state) for lead in runs(group)])
