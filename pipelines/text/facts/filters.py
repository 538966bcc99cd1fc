"""The filters of the facts stage, and their passes: after the extractors, overlapping spans of
one type resolved, a person's role cut where an organisation ends, facts nested in another
dropped (in a title, an organisation, a formula, a date, a short quoted name), facts inside a
column title in 【】 or a quoted theme dropped, and the facts sorted. Within one type the
longest span wins (then the earliest, then the most confident); a date or a quantity inside a
short quoted name is part of the name (“三月三” is a festival, “金色十年” a period)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .state import FactState

#: A short quoted name (“三月三”: a festival): a date inside it is part of the name.
_SHORT_QUOTE_RE = re.compile(r"“[^“”]{1,5}”")
#: A title in 《》, of a document or not (《习近平谈治国理政》, 《2063年议程》): no fact of
#: another type is taken from inside it (the title is one name).
_TITLE_RE = re.compile(r"《[^《》\n]{1,100}》")
#: A column title in 【】 (【壮丽70年 奋斗新时代——推动高质量发展调研行】, 【时代先锋】): a
#: programme's title, no number, meeting or formula of the text is taken from inside it (the
#: held-out conventions, round 13; the entities inside are left to their own extractors).
_COLUMN_RE = re.compile(r"【[^【】\n]{1,40}】")
_COLUMN_TYPES = frozenset(
    ("date", "percent", "money", "quantity", "meeting", "formula", "cited_document")
)


def _resolve(facts: Sequence[Fact]) -> list[Fact]:
    """Within one type, keep the longest of overlapping spans (greedy, longest first)."""
    kept: list[Fact] = []
    by_type: dict[str, list[Fact]] = {}
    for f in facts:
        by_type.setdefault(f.type, []).append(f)
    for group in by_type.values():
        if len(group) == 1:
            kept.extend(group)
            continue
        group.sort(key=lambda f: (-(f.end - f.start), f.start, -f.confidence))
        chosen: list[Fact] = []
        for f in group:
            if all(f.end <= c.start or f.start >= c.end for c in chosen):
                chosen.append(f)
        kept.extend(chosen)
    return kept


def _inside(f: Fact, others: list[Fact]) -> bool:
    """True if f lies within one of `others` (and is not that fact itself)."""
    return any(o is not f and o.start <= f.start and f.end <= o.end for o in others)


def _within(f: Fact, others: list[Fact]) -> bool:
    """True if f ends inside one of `others`, before its end: a meeting word cut out of an
    organisation's name (某某协商会|议 of a 协商会议, 某某论坛|秘书处) is none."""
    return any(o.start < f.end < o.end for o in others)


def _in_name(f: Fact, persons: list[Fact]) -> bool:
    """True if f lies inside a person's fact past its first character: an alias inside a given
    name (王红军: no 红军), not an organ heading the person's role."""
    return any(o.start < f.start and f.end <= o.end for o in persons)


#: A part of a place named by directions (东部, 中西部, 西北部).
_COMPASS_PART_RE = re.compile(r"[东南西北中]{1,3}部")


def _compass_part(f: Fact, places: list[Fact]) -> bool:
    """True if the place f is a direction and 部 printed right after another place: a compass
    part of it (某省中西部, 某国东部), not a region of the country of its own."""
    return bool(_COMPASS_PART_RE.fullmatch(f.text)) and any(p.end == f.start for p in places)


def _same_span(f: Fact, others: list[Fact]) -> bool:
    """True if one of `others` (of another type) has f's span: a foreign organ read as one
    (巴基斯坦参谋长联席会议) is no meeting."""
    return any(o.start == f.start and f.end == o.end for o in others)


#: A meeting's or a campaign's quoted theme (围绕“…”的会议主题, 以“…”为主题, 主题为“…”): a
#: sentence, not a name. A quoted campaign before 主题教育 or 主题…活动 is the campaign's name, a slogan
#: (“我为群众办实事”主题实践活动, “‘八八战略’浙税行”主题活动: its formulas stay).
_THEME_RE = re.compile(
    r"“[^“”\n]{2,60}”(?=[的为]?(?:会议|论坛|峰会|大会|活动)?主题(?!教育|[^，。；、\s]{0,4}活动))"
    r"|(?<=主题[为是])“[^“”\n]{2,60}”"
)


def _drop_in_themes(folded: str, facts: Sequence[Fact]) -> list[Fact]:
    """Formulas and places inside a quoted theme dropped: nothing is taken from a theme
    (围绕“‘一带一路’倡议下的合作”的会议主题 holds no 一带一路, “建设美丽新疆 共圆祖国梦想”的主题 no
    美丽新疆 and no 新疆), as the held-out conventions say of a forum's or a briefing's theme."""
    themes = [m.span() for m in _THEME_RE.finditer(folded)]
    return [
        f
        for f in facts
        if f.type not in ("formula", "place")
        or not any(a <= f.start and f.end <= b for a, b in themes)
    ]


def _drop_in_columns(text: str, facts: Sequence[Fact]) -> list[Fact]:
    """Numbers, meetings, formulas and titles inside a column title in 【】 dropped
    (【壮丽70年 奋斗新时代】 holds no quantity 70年)."""
    columns = [range(m.start(), m.end()) for m in _COLUMN_RE.finditer(text)]
    return [
        f
        for f in facts
        if f.type not in _COLUMN_TYPES or not any(f.start in c and f.end - 1 in c for c in columns)
    ]


def _trim_roles(text: str, facts: Sequence[Fact]) -> list[Fact]:
    """A person's role printed before the name that starts inside an organisation starts where
    the organisation ends: in `杭州市委书记周某某` the organ is 杭州市委, so the person is
    `书记周某某`, not `市委书记周某某` (the role read alone would overlap the organ). A title
    printed after the name and followed by 同志 takes it (`李克强总理同志`, as `李克强同志`)."""
    orgs = [f for f in facts if f.type == "organization"]
    out = []
    for f in facts:
        if f.type == "person" and f.qualifier and f.qualifier != "同志":
            if text.startswith("同志", f.end) and f.text.endswith(f.qualifier):
                f = replace(f, end=f.end + 2, text=text[f.start : f.end + 2])
            elif orgs and text.startswith(f.qualifier, f.start):
                role_end = f.start + len(f.qualifier)
                cut = max((o.end for o in orgs if o.start < f.start < o.end < role_end), default=0)
                if cut:
                    f = replace(f, start=cut, text=text[cut : f.end], qualifier=text[cut:role_end])
        out.append(f)
    return out


#: The end of a formula that lists a place's articles (“绍兴 26 条”): the place stays a place.
_ARTICLES_END_RE = re.compile(r"条[”\"」]?$")
#: A bound before a number inside quotes makes it a target, not a name (“最多80天”).
_TARGET_WORDS = ("最多", "最少", "不超过", "不少于", "至少")


#: A format of numbers (“1+6”, 10+3): no Chinese character in it.
_FORMAT_RE = re.compile(r"[“\"]?[\d+＋]+[”\"]?")


def _is_format(text: str) -> bool:
    """Whether a formula is only a format of numbers (“2+2”): inside a meeting's name it is no
    formula of its own."""
    return _FORMAT_RE.fullmatch(text) is not None


def _named(text: str, f: Fact, names: list[Fact]) -> bool:
    """Whether the quantity f is part of a short quoted name (“金色十年”), not a target."""
    return _inside(f, names) and not text[: f.start].endswith(_TARGET_WORDS)


def _drop_nested(text: str, facts: Sequence[Fact]) -> Sequence[Fact]:
    """Facts inside a title in 《》 (but the cited document itself), organisations inside a
    person's name, places inside an organisation
    and meetings with its span or ending inside it, a compass part right after a place, a format of numbers inside a meeting's name (“1+6”圆桌对话会),
    dates inside a formula, a forum's annual session or a short quoted name, quantities inside a date or a short quoted
    name: dropped."""
    titles = (
        [Fact("title", m.start(), m.end(), "", "", "", 0) for m in _TITLE_RE.finditer(text)]
        if "《" in text
        else []
    )
    orgs = [f for f in facts if f.type == "organization"]
    foreign = [f for f in orgs if f.extractor == "organization.foreign"]
    persons = [f for f in facts if f.type == "person"]  # 奥尔特加总统 holds no place 奥尔特
    formulas = [f for f in facts if f.type == "formula"]
    # a formula named after a place (美丽浙江, “老西藏精神”) holds no place; a list of
    # articles of a place (“绍兴 26 条”) does
    campaigns = [f for f in formulas if not _ARTICLES_END_RE.search(f.text)]
    dates = [f for f in facts if f.type == "date"]
    places = [f for f in facts if f.type == "place"]  # 某省|中西部: a compass part
    parts = any(f.text.endswith("部") for f in places)
    meetings = [f for f in facts if f.type == "meeting"]  # “1+6”圆桌对话会: no formula “1+6”
    annual = [f for f in meetings if f.extractor == "meeting.annual"]  # 某论坛2019年年会
    percents = [f for f in facts if f.type == "percent"]  # 增长1.3倍: a multiple of growth
    names = (
        [Fact("name", m.start(), m.end(), "", "", "", 0) for m in _SHORT_QUOTE_RE.finditer(text)]
        if "“" in text
        else []
    )
    if not (
        titles or orgs or persons or formulas or dates or percents or names or meetings or parts
    ):
        return facts  # nothing any fact could be nested in
    return [
        f
        for f in facts
        if not (f.type != "cited_document" and _inside(f, titles))
        and not (f.type == "place" and (_inside(f, orgs + persons) or _inside(f, campaigns)))
        and not (f.type == "place" and parts and _compass_part(f, places))
        and not (f.type == "organization" and _in_name(f, persons))
        and not (f.type == "meeting" and (_same_span(f, foreign) or _within(f, orgs)))
        and not (f.type == "formula" and _is_format(f.text) and _inside(f, meetings))
        and not (f.type == "date" and (_inside(f, formulas + annual) or _inside(f, names)))
        and not (f.type == "quantity" and (_inside(f, dates + percents) or _named(text, f, names)))
    ]


# --- the passes --------------------------------------------------------------------------

_FACTS = ("text", "folded", "facts")


def _kept(state: FactState, kept: Sequence[Fact], counters: Counters) -> FactState:
    """The state with the facts a filter kept, the ones it dropped counted (`dropped`)."""
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)


@stage_pass("facts.filters.resolve", requires=("facts",), assigns=("facts",))
def resolve(state: FactState, counters: Counters) -> FactState:
    """Overlapping spans of one type resolved: the longest kept, then the earliest, then the
    most confident (“四个意识”, read by the lexicon and as numbered, is one formula)."""
    if len(state.facts) < 2:
        return state
    return _kept(state, _resolve(state.facts), counters)


@stage_pass("facts.filters.trim_roles", requires=_FACTS, assigns=("facts",))
def trim_roles(state: FactState, counters: Counters) -> FactState:
    """A person's role cut where an organisation ends (`杭州市委书记周某某`: the person is
    `书记周某某`), and a title printed after the name takes a following 同志."""
    if not state.facts:
        return state
    return _kept(state, _trim_roles(state.text, state.facts), counters)


@stage_pass("facts.filters.drop_nested", requires=_FACTS, assigns=("facts",))
def drop_nested(state: FactState, counters: Counters) -> FactState:
    """Facts nested in another dropped: in a title in 《》, places in an organisation or a
    campaign (`绍兴市委`, `美丽浙江`), dates in a formula, quantities in a date (`2021年前11个月`)."""
    if not state.facts:
        return state
    return _kept(state, _drop_nested(state.text, state.facts), counters)


@stage_pass("facts.filters.drop_in_columns", requires=_FACTS, assigns=("facts",))
def drop_in_columns(state: FactState, counters: Counters) -> FactState:
    """Numbers, meetings, formulas and titles inside a column title in 【】 dropped
    (`【壮丽70年 奋斗新时代】` holds no quantity 70年)."""
    if not state.facts or "【" not in state.text:
        return state
    return _kept(state, _drop_in_columns(state.text, state.facts), counters)


@stage_pass("facts.filters.drop_in_themes", requires=_FACTS, assigns=("facts",))
def drop_in_themes(state: FactState, counters: Counters) -> FactState:
    """Formulas and places inside a quoted theme dropped (`“建设美丽新疆 共圆祖国梦想”的主题`
    holds no 美丽新疆 and no 新疆)."""
    folded = state.folded
    if not state.facts or "主题" not in folded or "“" not in folded:
        return state
    return _kept(state, _drop_in_themes(folded, state.facts), counters)


def _position(f: Fact) -> tuple[int, int, str]:
    return (f.start, f.end, f.type)


@stage_pass("facts.filters.sort", requires=("facts",), assigns=("facts",))
def sort(state: FactState, counters: Counters) -> FactState:
    """The facts sorted by (start, end, type), as a paragraph's facts are published."""
    if len(state.facts) < 2:
        return state
    return _kept(state, sorted(state.facts, key=_position), counters)
