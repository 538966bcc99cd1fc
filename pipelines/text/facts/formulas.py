"""Quoted political formulas, campaigns and period names (“四个意识”, “八八战略”, “十四五”).

A quoted span is a formula when its content is short and has no clause punctuation:
3–12 characters (2 when it starts with a numeral: “六稳”), no `，。；：！？、` and no
nested quotes; two-character quotes without a numeral (“战士”, “窗口”) are scare quotes. Longer quotes, or quotes with
clause punctuation, are quoted speech or cited sentences and are skipped. Adjacent
formulas (“六稳”“六保”) are separate facts. Period names of the five-year plans
(“十四五”) are formulas too (not dates): normalised form is the content without quotes;
`qualifier` is `period` for 十N五 names and `numbered` for formulas starting with a
Chinese numeral (四个意识, 两个维护, 八八战略, 三个地).

Quotes: “…” (curly), "…" (ASCII pairs), 「…」.

Extractors and confidence: `formula.numbered` 0.95 (content starts with a numeral),
`formula.period` 0.95, `formula.quoted` 0.75 (other short quoted phrases: campaign
names such as “最多跑一次”, but also occasional scare quotes).
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

QUOTE_RE = re.compile(
    r"“(?P<a>[^“”\n]{2,12})”|\"(?P<b>[^\"\n“”]{2,12})\"|「(?P<c>[^「」\n]{2,12})」"
)
_BAD = set("，。；：！？、,;:!?《》")
_PERIOD_RE = re.compile(r"^[一二三四五六七八九十]{1,2}五$")
_NUMBERED_RE = re.compile(r"^[一二两三四五六七八九十百千万]")


def extract_formulas(text: str, folded: str) -> list[Fact]:
    """All quoted-formula facts of one paragraph."""
    out: list[Fact] = []
    for m in QUOTE_RE.finditer(folded):
        content = m["a"] or m["b"] or m["c"]
        if any(c in _BAD for c in content) or not content.strip() or content != content.strip():
            continue
        if not re.search(r"[\u4e00-\u9fff\d]", content):
            continue
        if _PERIOD_RE.match(content):
            kind, conf, qual = "formula.period", 0.95, "period"
        elif _NUMBERED_RE.match(content):
            kind, conf, qual = "formula.numbered", 0.95, "numbered"
        elif len(content) >= 3:
            kind, conf, qual = "formula.quoted", 0.75, None
        else:
            continue  # two-character scare quotes (“战士”, “窗口”) are not formulas
        s, e = m.start(), m.end()
        out.append(
            Fact(
                type="formula",
                start=s,
                end=e,
                text=text[s:e],
                normalized=text[s + 1 : e - 1],
                extractor=kind,
                confidence=conf,
                qualifier=qual,
            )
        )
    return out
