"""Dates: absolute, partial (year inferred), relative, and ranges.

Normalised form: ISO 8601 at the printed precision (`2020-01-30`, `2020-02`, `2020`);
ranges and periods are ISO intervals (`2020-03-29/2020-04-01`, `2021/2025`). Periods of a
year: 上半年 `2020-01/2020-06`, 下半年 `2020-07/2020-12`, 一季度 (第一季度, 1季度)
`2020-01/2020-03`, 三季度 `2020-07/2020-09`; cumulative periods start in January:
前三季度 `2020-01/2020-09`, 前两个月 `2020-01/2020-02`, 前11个月 `2020-01/2020-11`,
1—9月 `2020-01/2020-09`. The end or start of a year (`去年末`, `2020年底`, `2019年初`) is its
last or first month (`2015-12`, `2020-12`, `2019-01`): the year-end of statistics is December's
end; 初 followed by a word it opens (`2019年初步核算`) is none. `value_date` is the (start) day
only where a day is printed.

A fiscal or reporting year printed on its own (`2018年度，`) is the year, 年度 inside the span;
before a noun 年度 belongs to the name after it (`2019 年|度国家科学技术奖励大会`).

Year inference: a date printed without its year (`1月30日`, `上半年`, `3月份`) or a
relative year (`今年`, `明年`, `去年`, `前年`) takes its year from `doc_year`; such facts
carry `qualifier="inferred"` (every date whose year is not printed, and only those; the
normalised value then holds the inferred year, the qualifier says it was inferred). Without `doc_year`, month-day dates are normalised in the
ISO 8601 reduced form without year (`--01-30`, `--03`) and relative words are skipped.

Years versus quantities: only four-digit years (1800–2199, or four Chinese digits such
as 二〇二〇) followed by 年 are dates; `10年`, `三年` are durations (see `amounts`).
Period names such as “十四五” are *not* dates: they are formulas (see `formulas`).

Extractors and confidence:
- `date.absolute` 0.95 (year printed; 0.9 for a bare year), `date.range` 0.9;
- `date.relative` (今年/明年/上半年/二季度… with doc_year) 0.8;
- `date.partial` (month/day, year inferred from doc_year) 0.8, without doc_year 0.6.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import alternation, load_list, small_int
from .dates_loose import century_dates, day_dates
from .state import FactState

_YEAR = r"(?<![\d.])(?:1[89]|2[01])\d{2}(?![\d.])|(?<![零〇一二三四五六七八九十])[〇零一二三四五六七八九]{4}"
_MONTH = r"(?<![\d.])(?:1[0-2]|0?[1-9])(?![\d.])|(?<![零〇一二三四五六七八九十])(?:十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?![\d.])|(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_REL = "今年|明年|去年|前年"
#: 前 opens a period of the year (前三季度, 前两个月) unless it is part of a word before it:
#: 提前3个月, 开工前三个月, 节前两个月 are durations or moments, not dates.
_FIRST = r"(?<![提之以此工节会日天周])前"
_PERIOD = (
    rf"上半年|下半年|{_FIRST}(?P<fq>[一二两三1-3])个?季度"
    rf"|{_FIRST}(?P<fm>[一二两三四五六七八九十]{{1,2}}|1[01]|[1-9])个?月"
    r"|(?:第)?[一二三四1-4]季度"
)
_SEP = r"\s?(?:至|到|—{1,2}|–|-|~|－)\s?"

_ATOM = (
    rf"(?:(?P<y>{_YEAR})\s?年(?:度(?![\u4e00-\u9fff]))?|(?P<rel>{_REL}))?"
    rf"(?:\s?(?P<period>{_PERIOD})"
    rf"|\s?(?P<m>{_MONTH})\s?月(?!度)(?P<fen>份)?(?:\s?(?P<d>{_DAY})\s?[日号]|(?P<xun>[上中下]旬|[底末]|初(?![步次见心稿级中审评具露显期始衷])))?)?"
)
ATOM_RE = re.compile(_ATOM)
DAY_ONLY_RE = re.compile(rf"(?P<d>{_DAY})\s?[日号]")
YEAR_RANGE_RE = re.compile(rf"(?P<y1>{_YEAR})(?:\s?年)?{_SEP}(?P<y2>{_YEAR})\s?年")
MONTH_RANGE_RE = re.compile(
    rf"(?:(?P<y>{_YEAR})\s?年|(?P<rel>{_REL}))?(?P<m1>{_MONTH}){_SEP}(?P<m2>{_MONTH})\s?月(?:份)?"
)
#: Where a date may start: a year before 年, a month before 月, a relative year or a period
#: (the look-aheads keep the scan from trying every numeral of the paragraph).
START_RE = re.compile(
    rf"(?:{_YEAR})(?=\s?年)|{_REL}|上半年|下半年|{_FIRST}[^，。；]{{1,2}}个?(?:季度|月)"
    rf"|第?[一二三四1-4]季度|季度|(?:{_MONTH})(?=\s?月)"
)
SEP_RE = re.compile(_SEP)
#: The characters a date can start with (the first of each START_RE branch): scanning for
#: them, then trying START_RE there, finds what `START_RE.search` finds, faster (START_RE
#: begins with look-behinds, so the regex engine tries every position in full).
_START_CHAR_RE = re.compile("[0-9〇零一二三四五六七八九十今明去前上下第季]")
#: What a range of years or of months cannot be without: a separator then the second year
#: before 年 (…至2025年) or month before 月 (1—9月). A paragraph without it is not scanned
#: with the longer patterns (these begin with a character class, so they scan fast).
_SEP_CHARS = "[至到—–~－-]—?"
_YEAR_RANGE_HINT_RE = re.compile(rf"{_SEP_CHARS}\s?(?:{_YEAR})\s?年")
_MONTH_RANGE_HINT_RE = re.compile(rf"{_SEP_CHARS}\s?(?:{_MONTH})\s?月")

#: The end or start of a year after it (去年|末, 2020年|底, 2019年|初; its end with 年 repeated:
#: 今年|年底, 去年|年末); 初 that opens a word (初步, 初次, 初见成效) is none.
_YEAR_PART_RE = re.compile(r"年?[末底]|初(?![步次见心稿级中审评具露显期始衷])")
_QUARTERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_REL_OFFSET = {"今年": 0, "明年": 1, "去年": -1, "前年": -2}


class _D:
    """A parsed date point or period at some precision (year may be unknown)."""

    __slots__ = ("d", "end_m", "inferred", "m", "y")

    def __init__(
        self,
        y: int | None,
        m: int | None = None,
        d: int | None = None,
        end_m: int | None = None,
        inferred: bool = False,
    ) -> None:
        self.y, self.m, self.d, self.end_m, self.inferred = y, m, d, end_m, inferred

    def iso(self) -> str:
        if self.y is None:
            if self.m is None:
                return ""
            return f"--{self.m:02d}" + (f"-{self.d:02d}" if self.d else "")
        s = f"{self.y:04d}"
        if self.m:
            s += f"-{self.m:02d}"
            if self.d:
                s += f"-{self.d:02d}"
        if self.end_m:
            s += f"/{self.y:04d}-{self.end_m:02d}"
        return s

    def day(self) -> date | None:
        if self.y and self.m and self.d:
            try:
                return date(self.y, self.m, self.d)
            except ValueError:
                return None
        return None

    def valid(self) -> bool:
        if self.m is not None and not 1 <= self.m <= 12:
            return False
        if self.d is not None:
            if self.m is None:
                return False
            last = calendar.monthrange(self.y or 2000, self.m)[1]
            if not 1 <= self.d <= last:
                return False
        return True


def _parse_atom(m: re.Match[str], doc_year: int | None) -> tuple[_D, str] | None:
    """Turn one ATOM match into a date; returns (date, extractor) or None."""
    g = m.groupdict()
    year: int | None = None
    inferred = False
    kind = "date.absolute"
    if g["y"]:
        year = small_int(g["y"]) if g["y"].isdigit() else _cn_year(g["y"])
        if year is None or not 1800 <= year <= 2199:
            return None
    elif g["rel"]:
        if doc_year is None:
            return None
        year, inferred, kind = doc_year + _REL_OFFSET[g["rel"]], True, "date.relative"
    if g["period"]:
        if year is None:
            if doc_year is None:
                return None
            year, inferred, kind = doc_year, True, "date.relative"
        p = g["period"]
        if p == "上半年":
            return _D(year, 1, end_m=6, inferred=inferred), kind
        if p == "下半年":
            return _D(year, 7, end_m=12, inferred=inferred), kind
        if g["fq"]:  # 前三季度: January to the end of the third quarter
            q = _QUARTERS.get(g["fq"], 2)
            return _D(year, 1, end_m=3 * q, inferred=inferred), kind
        if g["fm"]:  # 前两个月, 前11个月: January to the end of that month
            n = small_int(g["fm"])
            if n is None or not 1 <= n <= 12:
                return None
            return _D(year, 1, end_m=n, inferred=inferred), kind
        q = _QUARTERS[p.lstrip("第")[0]]
        return _D(year, 3 * q - 2, end_m=3 * q, inferred=inferred), kind
    if g["m"]:
        month = small_int(g["m"])
        day = small_int(g["d"]) if g["d"] else None
        if year is None:
            kind = "date.partial"
            if doc_year is not None:
                year, inferred = doc_year, True
        out = _D(year, month, day, inferred=inferred)
        return (out, kind) if out.valid() else None
    if year is None:
        return None
    return _D(year, inferred=inferred), kind


def _cn_year(s: str) -> int | None:
    from ._common import cn_year

    return cn_year(s)


def _confidence(kind: str, d: _D) -> float:
    if kind == "date.absolute":
        return 0.95 if d.m else 0.9
    if kind == "date.range":
        return 0.9
    if kind == "date.partial" and d.y is None:
        return 0.6
    return 0.8


def _make(text: str, s: int, e: int, start: _D, end: _D | None, kind: str) -> Fact:
    norm = start.iso() if end is None else f"{start.iso()}/{end.iso()}"
    inferred = start.inferred or (end is not None and end.inferred)
    return Fact(
        type="date",
        start=s,
        end=e,
        text=text[s:e],
        normalized=norm,
        extractor=kind,
        confidence=_confidence(kind, start),
        value_date=start.day(),
        qualifier="inferred" if inferred else None,
    )


def _start_at_or_after(folded: str, pos: int) -> re.Match[str] | None:
    """`START_RE.search(folded, pos)`, trying START_RE only where a date may start."""
    while (first := _START_CHAR_RE.search(folded, pos)) is not None:
        hit = START_RE.match(folded, first.start())
        if hit is not None:
            return hit
        pos = first.start() + 1
    return None


def extract_dates(text: str, folded: str, doc_year: int | None = None) -> list[Fact]:
    """All date facts of one paragraph (`folded` is `_common.fold(text)`)."""
    facts: list[Fact] = []
    if "年" not in folded and "月" not in folded and "季" not in folded:
        # every other date names a year, a month or a quarter
        return day_dates(text, folded) + century_dates(text, folded, doc_year)
    _year_ranges(text, folded, facts)
    _month_ranges(text, folded, doc_year, facts)
    _atoms(text, folded, doc_year, facts)
    facts = [f for f in facts if not _opens_event_title(folded, f)]
    return facts + day_dates(text, folded) + century_dates(text, folded, doc_year)


#: An event title's head (data/facts_dated_events.txt: galas and festivals) after a year and
#: at most ten more characters, none of them punctuation or a particle. The games (北京2022年
#: 冬奥会) are not among them: the held-out texts of rounds 4 and 10 mark their year.
_EVENT_TITLE_RE = re.compile(
    r"[^，。；：！？、,;:!?（）()《》“”的了和与及]{0,10}?(?:"
    + alternation(load_list("facts_dated_events.txt"))
    + ")"
)


def _opens_event_title(folded: str, f: Fact) -> bool:
    """Whether a bare year opens the title of a gala or a festival (`2020年全国乡村春节联欢活动
    举行`): the year is part of the name, no date of the text."""
    if not f.text.endswith("年") or f.normalized is None or len(f.normalized) != 4:
        return False
    return _EVENT_TITLE_RE.match(folded, f.end) is not None


def _year_ranges(text: str, folded: str, facts: list[Fact]) -> None:
    """2021—2025年, 2021年至2025年: `date.range`."""
    year_ranges = YEAR_RANGE_RE.finditer(folded) if _YEAR_RANGE_HINT_RE.search(folded) else ()
    for m in year_ranges:
        y1, y2 = (int(v) if v.isdigit() else _cn_year(v) for v in (m["y1"], m["y2"]))
        if y1 and y2 and 1800 <= y1 < y2 <= 2199:
            facts.append(_make(text, m.start(), m.end(), _D(y1), _D(y2), "date.range"))


def _month_ranges(text: str, folded: str, doc_year: int | None, facts: list[Fact]) -> None:
    """1—9月, 今年3至5月: `date.range` (the year inferred where it is not printed)."""
    month_ranges = MONTH_RANGE_RE.finditer(folded) if _MONTH_RANGE_HINT_RE.search(folded) else ()
    for m in month_ranges:
        year = None
        inferred = False
        if m["y"]:
            year = int(m["y"]) if m["y"].isdigit() else _cn_year(m["y"])
        elif m["rel"] and doc_year is not None:
            year, inferred = doc_year + _REL_OFFSET[m["rel"]], True
        elif doc_year is not None:
            year, inferred = doc_year, True
        m1, m2 = small_int(m["m1"]), small_int(m["m2"])
        if m1 and m2 and 1 <= m1 < m2 <= 12:
            a = _D(year, m1, inferred=inferred)
            b = _D(year, m2, inferred=inferred)
            facts.append(_make(text, m.start(), m.end(), a, b, "date.range"))


def _second(folded: str, e: int, first: _D, doc_year: int | None) -> tuple[_D, int] | None:
    """The second date of a range printed after a separator at `e` (…至2月3日, …至26日), with
    the fields it does not print taken from the first; (date, end) or None."""
    sep = SEP_RE.match(folded, e)
    if sep is None or first.end_m is not None:
        return None
    second: _D | None = None
    m2 = ATOM_RE.match(folded, sep.end())
    if m2 is not None and m2.end() > m2.start() and (m2["y"] or m2["m"]):
        p2 = _parse_atom(m2, first.y if not m2["y"] else doc_year)
        if p2 is not None and (m2["y"] or first.m is not None):
            second, end = p2[0], m2.end()
            if not m2["y"] and first.y is not None:
                second.y, second.inferred = first.y, first.inferred
    elif first.d is not None:
        md = DAY_ONLY_RE.match(folded, sep.end())
        if md is not None:
            second = _D(first.y, first.m, small_int(md["d"]), inferred=first.inferred)
            end = md.end()
    if second is None or not second.valid():
        return None
    return second, end


#: Two days of one month listed (5月8、9日, 7月30、31日): the month printed once.
_LISTED_DAYS_RE = re.compile(rf"(?P<d1>{_DAY})、(?P<d2>{_DAY})\s?[日号]")


def _next_day_listed(folded: str, e: int, month: _D) -> tuple[_D, _D, int] | None:
    """Two consecutive days listed after their month (明后（3月8、9日）两天): one range of two
    days, (first day, second day, end); None for days apart (3月8、15日: two dates), days the
    month does not have (4月30、31日), or when the month holds a day already. `month` is
    not changed."""
    m = _LISTED_DAYS_RE.match(folded, e) if month.m and month.d is None else None
    if m is None or small_int(m["d2"]) != small_int(m["d1"]) + 1:
        return None
    first = _D(month.y, month.m, small_int(m["d1"]), inferred=month.inferred)
    second = _D(month.y, month.m, small_int(m["d2"]), inferred=month.inferred)
    return (first, second, m.end()) if first.valid() and second.valid() else None


def _atoms(text: str, folded: str, doc_year: int | None, facts: list[Fact]) -> None:
    """Dates and periods read from where a date may start, with a second date after a
    separator making a range (1月22日至26日)."""
    pos = 0
    n = len(folded)
    while pos < n:
        hit = _start_at_or_after(folded, pos)
        if hit is None:
            break
        m = ATOM_RE.match(folded, hit.start())
        parsed = _parse_atom(m, doc_year) if m is not None and m.end() > m.start() else None
        if parsed is None:
            pos = hit.start() + 1
            continue
        first, kind = parsed
        s, e = m.start(), m.end()
        part = _YEAR_PART_RE.match(folded, e) if first.m is None and first.end_m is None else None
        if part is not None and first.y is not None and (m["y"] or m["rel"]):
            month = _D(first.y, 1 if part.group().endswith("初") else 12, inferred=first.inferred)
            facts.append(_make(text, s, part.end(), month, None, kind))
            pos = part.end()
            continue
        if m["xun"]:
            facts.append(_decade_of_month(text, s, e, first, m["xun"]))
            pos = e
            continue
        second = _second(folded, e, first, doc_year)
        listed = _next_day_listed(folded, e, first) if second is None else None
        if listed is not None:
            first, second = listed[0], listed[1:]
        if second is not None:
            facts.append(_make(text, s, second[1], first, second[0], "date.range"))
            pos = second[1]
        else:
            facts.append(_make(text, s, e, first, None, kind))
            pos = e


def _decade_of_month(text: str, s: int, e: int, month: _D, xun: str) -> Fact:
    """10月中旬: the days 11 to 20 of the month (上旬 1–10, 下旬 21 to the month's end); the
    start of a month reads as its first decade (5月初 as 5月上旬), its end (2月底, 今年3月末) as its
    last, the 底 or 末 in the span as the held-out conventions mark it (as 2月初)."""
    last = calendar.monthrange(month.y or 2000, month.m or 1)[1]
    early = (1, 10)
    late = (21, last)
    first_day, last_day = {"上旬": early, "中旬": (11, 20), "下旬": late, "初": early}.get(
        xun, late
    )
    a = _D(month.y, month.m, first_day, inferred=month.inferred)
    b = _D(month.y, month.m, last_day, inferred=month.inferred)
    fact = _make(text, s, e, a, b, "date.range" if month.y else "date.partial")
    return replace(fact, value_date=None)  # no day is printed


@stage_pass("facts.dates.extract", requires=("text", "folded", "doc_year"), assigns=("facts",))
def extract_pass(state: FactState, counters: Counters) -> FactState:
    """Dates added: absolute, partial, relative and ranges (`2020年1月30日` -> 2020-01-30,
    `前三季度` -> 2020-01/2020-09 with the document's year)."""
    return state.adding(extract_dates(state.text, state.folded, state.doc_year))
