"""Dates printed without year and month (a day of the month) and centuries.

News items date events by the day alone (`王岐山31日在人民大会堂…`, `6日至9日，汪洋…`): the
month and the year are the item's own, which a paragraph does not print; so is a day after
上个月 or 下个月 (会谈上个月29日开始: the month is not printed as a number), and one after 本月
(征集本月30日截止: 本月 inside the span, the month still not printed). Convention: such a
date is a fact (`date.day`, 0.7) normalised in the ISO 8601 reduced form of a day of the
month, `---31` (XML Schema's gDay), a range `---06/---09`; no `value_date`, no qualifier (the
month is not inferred). A number of days is no date: `7日内`, `近7日`, `连续3日`, `第3日` are
skipped, and a day printed after its month belongs to the full date (`7月9日`).

Centuries (`date.century`, 0.8): `13世纪` is the years 1201 to 1300 (`1201/1300`), a decade of
it `20世纪80年代` the years `1980/1989`; a part of the century (初, 末, 中叶…) goes to
`qualifier`; `13世纪末至14世纪初` is one range (`1201/1400`, qualifier `末,初`); `本世纪中叶`
is the document's century (`2001/2100` in a text of 2018, qualifier `中叶,inferred`).
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import small_int

_DAY_N = r"3[01]|[12]\d|0?[1-9]"
DAY_RE = re.compile(
    rf"(?:(?<=[上下]个月)|(?<=本月)|(?<![\d.月年第近连续每前后]))(?P<d1>{_DAY_N})日"
    rf"(?:\s?(?:至|到|—{{1,2}}|–|-|~)\s?(?P<d2>{_DAY_N})日)?(?![内均])"
)
#: Where a day may be printed: one or two digits before 日 (DAY_RE begins with a look-behind:
#: tried only there, the scan is fast).
_DAY_HINT_RE = re.compile(r"\d{1,2}日")
#: A day printed with the spoken 号 (今天起到24号, 从18号夜间开始, 22号最低气温…): 号 also counts
#: lines, buildings and documents (2号线, 5号楼, 〔2024〕2号), so a day in 号 is read only after
#: 到/至/从/于 before a comma or a time word, or before a time word (夜间, 上午, 起…).
_HAO_TIME = r"夜间|白天|上午|下午|中午|晚上?|早上?|凌晨|前后|起|开始|以来|以后|之前|最低|最高"
HAO_RE = re.compile(
    rf"(?<=[到至从于])(?P<a>{_DAY_N})号(?=[，。；、]|{_HAO_TIME})"
    rf"|(?<![\d.第])(?P<b>{_DAY_N})号(?={_HAO_TIME})"
)
#: A news report's day in 号 (`某国议会5号通过`, `5号，某部宣布`, `与3号发生的袭击`): before an
#: event verb, or before 在 or 以 opening a phrase that an event verb ends in the clause
#: (`5号在某地召开`, `5号以多数通过`: 3号在建楼, 10号在比赛中进球, 1号以及 are none); or opening
#: the paragraph or a clause before a comma; not after a digit, 第, an ordinal's or a document
#: number's bracket (〔2024〕5号发布), and 号 is the last character (5号线, 5号楼, 1号文件 are
#: never read: no verb follows 号 there).
_HAO_VERBS = r"召开|举行|发生|宣布|通过|发表|发布|启动|签署|抵达|会见|表示|宣告"
_HAO_EVENTS = rf"{_HAO_VERBS}|(?:在|以(?!及))[^，。；：！？\d]{{1,12}}?(?:{_HAO_VERBS})"
HAO_EVENT_RE = re.compile(
    rf"(?<![\d.第〕\]）)A-Za-z])(?P<b>{_DAY_N})号(?={_HAO_EVENTS})"
    rf"|(?:^|(?<=[，。；：！？]))(?P<a>{_DAY_N})号(?=，)"
)
_CN_CENTURY = "一二三四五六七八九十"
_PART = r"初期|末期|中期|中叶|上半叶|下半叶|初|末"


def _century(k: int) -> str:
    """A century, its decade or its part, with groups numbered `k`."""
    return (
        rf"(?P<c{k}>\d{{1,2}}|[{_CN_CENTURY}]{{1,3}})世纪"
        rf"(?:(?P<dec{k}>[1-9]0)年代|(?P<part{k}>{_PART}))?"
    )


CENTURY_RE = re.compile(_century(1) + r"(?:\s?(?:至|到|—{1,2}|-)\s?" + _century(2) + ")?")
#: This or the last century, read against the document's year (`到本世纪中叶`: the 21st for a
#: text of 2018; `上世纪70年代`: the years 1970 to 1979 for a text of 2021).
THIS_CENTURY_RE = re.compile(rf"(?P<rel>本|上)世纪(?:(?P<dec>[1-9]0)年代|(?P<part>{_PART}))?")


def day_dates(text: str, folded: str) -> list[Fact]:
    """Days of the month printed alone (31日, 6日至9日)."""
    if "日" not in folded:
        return hao_dates(text, folded)
    out = []
    pos = 0
    for hit in _DAY_HINT_RE.finditer(folded):
        if hit.start() < pos:
            continue
        m = DAY_RE.match(folded, hit.start())
        if m is None:
            continue
        pos = m.end()
        start = m.start() - 2 if folded.endswith("本月", 0, m.start()) else m.start()
        d1 = int(m["d1"])
        d2 = int(m["d2"]) if m["d2"] else None
        if d2 is not None and d2 <= d1:
            continue
        norm = f"---{d1:02d}" + (f"/---{d2:02d}" if d2 else "")
        out.append(Fact("date", start, m.end(), text[start : m.end()], norm, "date.day", 0.7))
    return out + hao_dates(text, folded)


def hao_dates(text: str, folded: str) -> list[Fact]:
    """Days of the month printed with the spoken 号 (到24号，, 从18号夜间, 某部5号宣布): see
    HAO_RE and HAO_EVENT_RE."""
    if "号" not in folded:
        return []
    out = []
    seen = set()
    for m in (*HAO_RE.finditer(folded), *HAO_EVENT_RE.finditer(folded)):
        if m.start() in seen:
            continue
        seen.add(m.start())
        norm = f"---{int(m['a'] or m['b']):02d}"
        out.append(
            Fact("date", m.start(), m.end(), text[m.start() : m.end()], norm, "date.day", 0.6)
        )
    return out


def _years(century: str, decade: str | None) -> tuple[int, int] | None:
    n = small_int(century)
    if n is None or not 1 <= n <= 22:
        return None
    if decade:
        start = (n - 1) * 100 + int(decade)
        return start, start + 9
    return (n - 1) * 100 + 1, n * 100


def century_dates(text: str, folded: str, doc_year: int | None = None) -> list[Fact]:
    """Centuries and their decades (13世纪, 20世纪80年代, 13世纪末至14世纪初), and this or the last
    century where the document's year is known (本世纪中叶: `2001/2100`, qualifier
    `中叶,inferred`; 上世纪70年代 in a text of 2021: `1970/1979`, qualifier `inferred`)."""
    if "世纪" not in folded:
        return []
    out = []
    for m in THIS_CENTURY_RE.finditer(folded) if doc_year else ():
        n = (doc_year - 1) // 100 + (1 if m["rel"] == "本" else 0)
        qualifier = ",".join(q for q in (m["part"], "inferred") if q)
        years = _years(str(n), m["dec"])
        if years is None:
            continue
        norm = f"{years[0]:04d}/{years[1]:04d}"
        out.append(
            Fact("date", m.start(), m.end(), text[m.start() : m.end()], norm, "date.century", 0.8,
                 qualifier=qualifier)
        )  # fmt: skip
    for m in CENTURY_RE.finditer(folded):
        first = _years(m["c1"], m["dec1"])
        last = _years(m["c2"], m["dec2"]) if m["c2"] else first
        if first is None or last is None or last[1] < first[0]:
            continue
        parts = [p for p in (m["part1"], m["part2"]) if p]
        out.append(
            Fact(
                "date",
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                f"{first[0]:04d}/{last[1]:04d}",
                "date.century",
                0.8,
                qualifier=",".join(parts) or None,
            )
        )
    return out
