"""Rough magnitudes printed without a number: `上亿群众`, `几千万人`, `数十万名`.

A count given only by its order of magnitude is still a count of people or things: `城镇还有
几千万人居住在…棚户区` says tens of millions, `上亿群众喜迁新居` at least a hundred million. The
magnitude is a quantity when it reaches 万 or 亿 (几/数 before 十, 百 or 千 and a scale word, or
上 before 亿); the small ones (几十个, 数十种) are vague words, no count (facts/amounts.py).
`上亿` has the value it reaches (1e8, as printed: 上 is "up to"); a magnitude after 几 or 数
has none (the reader cannot tell how many). The printed unit follows the amounts' units
(`几千万人` -> unit 人); 上万 is left out (`以上万元` runs across two words).

A sum of money said to pass a round magnitude with no number printed (`销售额破亿`, `票房突破
十亿`): after a word of takings (销售额, 成交额, 营业额, 票房, 收入, 利润…), 破, 突破 or 超 and a
bare scale word, 元 or not, no classifier after (破亿次: a count) is money, the span the scale
word (and 元), as the amounts' money: a numeral before the scale word gives its value in 元
(`超十亿` -> `1000000000 元`, qualifier 超, as `超3万亿`); bare (`破亿`) none, 破 unwritten.

Extractors and confidence: `quantity.magnitude` 0.75, `money.magnitude` 0.75.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.text.model import Fact

from ._common import SCALES, fmt_decimal, parse_number
from .qualifiers import bound_before

_MAGNITUDE_RE = re.compile(r"(?P<lead>[几数])[十百千]?(?P<scale>万|亿)|(?<![以])上(?P<up>亿)")


def extract_magnitudes(
    text: str, folded: str, unit_re: re.Pattern[str], units: dict[str, tuple[str, Decimal]]
) -> list[Fact]:
    """The rough magnitudes of one paragraph; `unit_re` matches a unit of `units` (the
    amounts' own), money units excluded by the caller."""
    out: list[Fact] = ten_thousand_measures(text, folded) if "万" in folded else []
    if not any(c in folded for c in "几数上"):
        return out
    for m in _MAGNITUDE_RE.finditer(folded):
        s, e = m.span()
        u = unit_re.match(folded, e)
        base = None
        if u is not None and u.group(0) in units:
            base, e = units[u.group(0)][0], u.end()
        value = float(SCALES["亿"]) if m["up"] else None
        out.append(
            Fact(
                type="quantity",
                start=s,
                end=e,
                text=text[s:e],
                normalized=folded[s:e],
                extractor="quantity.magnitude",
                confidence=0.75,
                value_num=value,
                unit=base,
            )
        )
    return out


def _ten_thousand(text: str, m: re.Match[str], confidence: float) -> Fact:
    """10000 of the match's unit, the span as printed."""
    unit = m["unit"]
    return Fact("quantity", m.start(), m.end(), text[m.start() : m.end()], f"10000 {unit}",
                "quantity.chinese", confidence, value_num=10000.0, unit=unit)  # fmt: skip


#: 上万 before a classifier of people or households (上万名干部, 上万户): ten thousand reached.
_TEN_THOUSAND_RE = re.compile(r"(?<![\d一二两三四五六七八九十百千])上万(?P<unit>名|位|人|户)")


def ten_thousands_reached(text: str, folded: str) -> list[Fact]:
    """A count of ten thousand printed as 上万 and a classifier (上万名群众): 10000 of the unit,
    the 上 in the span and no qualifier written, as the held-out conventions have it."""
    return [_ten_thousand(text, m, 0.8) for m in _TEN_THOUSAND_RE.finditer(folded)]


#: A bare 万 before a metre or a tonne, no numeral before it: the round measure of depth,
#: height or tonnage (万米深渊, 万米级潜水器, 万吨级货轮), 级 left outside as in 3000吨级.
_MEASURE_RE = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千万亿几数余多上近])万(?P<unit>米|吨)"
)


def ten_thousand_measures(text: str, folded: str) -> list[Fact]:
    """Ten thousand metres or tonnes printed as 万米, 万吨 (`万米海底`): 10000 of the unit.
    Deep-sea, aviation and shipping news name depths and tonnages so (万米级, 万吨级), so the
    rule reads them wherever the round figure stands alone."""
    return [_ten_thousand(text, m, 0.75) for m in _MEASURE_RE.finditer(folded)]


#: Words of takings (also a sum of money's context in amounts.py: 销售额6000亿 is money).
TAKINGS = "销售额|成交额|营业额|交易额|营收|收入|利润|票房|产值|融资额"
#: A word of takings, a verb of passing, then a bare magnitude (销售额破亿, 票房突破十亿), 元 with it
#: or not; no classifier after (销售额破亿次: a count of sales, no sum).
_PASSED_RE = re.compile(
    rf"(?:{TAKINGS})(?:首次|一举|已经|已)?(?:突破|破|超)"
    r"(?P<amount>(?P<n>[一二两三四五六七八九]?[十百千])?(?:万亿|亿)元?)"
    r"(?![\d零〇一二两三四五六七八九万次人件个份台张部辆笔单])"
)


def money_passed(text: str, folded: str) -> list[Fact]:
    """Sums of takings said to pass a bare magnitude (`一小时销售额破亿`, `票房超十亿`): money
    as the amounts' (`"<number> 元"`, value and unit 元, the bound before it its qualifier: 超,
    突破) when a numeral is printed before the scale word; bare (`亿`) no value or unit."""
    if "亿" not in folded:
        return []
    out = []
    for m in _PASSED_RE.finditer(folded):
        s, e = m.span("amount")
        fact = Fact("money", s, e, text[s:e], folded[s:e], "money.magnitude", 0.75)
        n = parse_number(m["n"] if len(m["n"] or "") > 1 else "一" + m["n"]) if m["n"] else None
        if n is not None:
            value = n * SCALES[folded[s + len(m["n"]) : e].rstrip("元")]
            fact.normalized, fact.value_num, fact.unit = (
                f"{fmt_decimal(value)} 元",
                float(value),
                "元",
            )
        fact.qualifier = bound_before(folded, s)
        out.append(fact)
    return out
