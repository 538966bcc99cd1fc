"""Titles of documents: what counts as one, its issuer, and its canonical form.

Shared by the cited-document extractor (facts/cited.py) and the corpus-wide citation linker
(pipelines/text/links.py), so that a citation and the corpus document it names reduce to
the same key.

- A title in 《》 names a document when it ends with a kind of document (data/
  facts_document_kinds.txt: 通知, 意见, 决定, 规划, 纲要, 法, 条例, 办法, 报告, 讲话…),
  after any bracketed note (（试行）, （2021—2025年）) or a draft's mark (《纲要草案》,
  《…条例（征求意见稿）》); so does a plan named by its target year (《中国制造2025》: a name
  of four to twelve characters and a year from 2020 to 2059 at the end, nothing else; not
  《北京2022》, a place and its games); plays,
  chapters, books and periodicals (《求是》, 《习近平谈治国理政》, 《江南》) do not.
- The issuer is what precedes the first 关于 when it is a listed organ or ends like one
  (`《中共中央 国务院关于实施乡村振兴战略的意见》` -> 中共中央、国务院).
- `title_key` is the title without brackets, spaces and punctuation, digits folded, and
  without its issuer: `中共中央关于加强党的领导、为打赢…的通知` and `中共中央关于加强党的领导
  为打赢…的通知` both give `关于加强党的领导为打赢…的通知`; `full_title` keeps the issuer
  (the cited document's `normalized`, one string per document however it is punctuated).
"""

from __future__ import annotations

import re

from ._common import fold, load_list
from .gazetteer import local_stems, national_organs

KINDS = sorted(
    (w for line in load_list("facts_document_kinds.txt") for w in line.split()),
    key=len,
    reverse=True,
)
_KIND_END_RE = re.compile(rf"(?:{'|'.join(KINDS)})$")
_TRAILING_NOTE_RE = re.compile(r"(?:[（(][^（）()]{1,20}[）)]\s*)+$")
#: A draft's mark after the kind of document (纲要|草案, 条例|征求意见稿).
_DRAFT_RE = re.compile(r"(?:草案|征求意见稿|送审稿|修订稿)$")
#: A plan named by its target year: a name of Chinese characters, then the year (中国制造|2025).
_TARGET_YEAR_RE = re.compile(r"^[\u4e00-\u9fff]{4,12}20[2-5]\d$")
_PUNCT_RE = re.compile(r"[\s、，,·•“”\"'‘’：:；;。！!？?—\-－–（）()〈〉<>《》\[\]【】_]+")
_ISSUER_END = re.compile(
    r"(?:委|院|部|厅|局|政府|中央|委员会|办公室|办公厅|人大|政协|监委|纪委|署|行)$"
)


def is_document_title(title: str) -> bool:
    """True when the title names a document (…的通知, …条例（试行）), not a work or a periodical."""
    core = _TRAILING_NOTE_RE.sub("", "".join(title.split()))
    core = _DRAFT_RE.sub("", core)
    return bool(_KIND_END_RE.search(core) or _TARGET_YEAR_RE.match(core))


def issuer_parts(title: str) -> list[str]:
    """The issuers named before the first 关于 (`中共中央 国务院关于…` -> [中共中央, 国务院])."""
    i = title.find("关于")
    if i <= 0:
        return []
    head = title[:i].strip().lstrip("〈<")
    parts = [p for p in re.split(r"[\s、　,，]+", head) if p]
    organs = national_organs()
    stems = local_stems()
    ok = all(
        p in organs or p[1:] in stems or (len(p) <= 20 and _ISSUER_END.search(p)) for p in parts
    )
    return parts if parts and ok else []


def full_title(title: str) -> str:
    """The title without brackets, spaces and punctuation (issuer kept), digits folded."""
    return _PUNCT_RE.sub("", fold(title))


def title_key(title: str | None) -> str | None:
    """The canonical key of a title: `full_title` without its issuer (None for no title)."""
    if not title:
        return None
    parts = issuer_parts(title)
    text = title
    if parts:
        text = title[title.find("关于") :]
    key = full_title(text)
    return key or None
