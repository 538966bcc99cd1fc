"""Cited documents: titles in 《…》.

`normalized` is the title without the brackets (layout spaces removed). When the title
starts with its issuer (`《中共中央关于…的通知》`, `《中共中央 国务院关于…的意见》`), the issuer
goes to `unit` (several issuers joined with `、`): the issuer is whatever precedes the
first `关于` when it is a known organ (data/facts_organs.txt) or ends like one
(…委, …院, …部, …厅, …局, …政府, …中央, …委员会, …办公室). Titles without 关于 or
without such a prefix have `unit=None`.

Extractors and confidence: `cited_document.title` 0.95 (0.85 for titles over 60
characters, which may be broken brackets), issuer given only when recognised.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import load_list

TITLE_RE = re.compile(r"《(?P<t>[^《》\n]{1,100})》")
_ORGANS = set(load_list("facts_organs.txt"))
_ISSUER_END = re.compile(r"(?:委|院|部|厅|局|政府|中央|委员会|办公室|人大|政协|监委|纪委|署|行)$")


def issuer_of(title: str) -> str | None:
    """The issuer named at the start of a title, or None."""
    i = title.find("关于")
    if i <= 0:
        return None
    head = title[:i].strip()
    parts = [p for p in re.split(r"[\s、　]+", head) if p]
    if not parts or not all(p in _ORGANS or _ISSUER_END.search(p) for p in parts):
        return None
    if any(len(p) > 20 for p in parts):
        return None
    return "、".join(parts)


def extract_cited(text: str, folded: str) -> list[Fact]:
    """All 《…》 title facts of one paragraph."""
    out: list[Fact] = []
    for m in TITLE_RE.finditer(text):
        title = (
            "".join(m["t"].split())
            if not re.search(r"[A-Za-z] [A-Za-z]", m["t"])
            else m["t"].strip()
        )
        if not title:
            continue
        s, e = m.start(), m.end()
        out.append(
            Fact(
                type="cited_document",
                start=s,
                end=e,
                text=text[s:e],
                normalized=title,
                extractor="cited_document.title",
                confidence=0.95 if len(title) <= 60 else 0.85,
                unit=issuer_of(m["t"]),
            )
        )
    return out
