"""Cited documents: titles in 《…》 that name a document.

Only titles of documents are facts (facts/titles.py: …的通知, …意见, …条例, …法, …规划,
…报告, …讲话), or announced as a speech or report (作题为《…》的报告); plays, chapters,
books and periodicals in 《》 (《求是》, 《习近平谈治国理政》, 《红色嘱托》) are not, nor is a
commentary, whose title runs on in a subtitle `——论…` (the 评论员文章 of a newspaper:
《坚定不移走中国特色社会主义法治道路——论学习贯彻习近平总书记…重要讲话》) even when it ends
like a speech, nor one of a series (`——三论…`, `——再论…`). `normalized` is the full title without brackets, spaces and punctuation, issuer
kept (`中共中央关于加强党的领导为打赢疫情防控阻击战提供坚强政治保证的通知`, however the
citation punctuates it); `canonical` is the title key without the issuer (`关于加强党的领导
…的通知`), the key matched against the corpus's own document titles (pipelines/text/links.py
fills `cited_doc_id`); `unit` is the issuer printed at the start of the title, several joined
with `、` (`中共中央、国务院`), None when the title names none.

Extractors and confidence: `cited_document.title` 0.95 (0.85 for titles over 60
characters, which may be broken brackets).
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .state import FactState
from .titles import full_title, is_document_title, issuer_parts, title_key

TITLE_RE = re.compile(r"《(?P<t>[^《》\n]{1,100})》")
#: A speech or report announced by its title: 作题为《…》的报告, 《…》的讲话.
_ANNOUNCED_BEFORE_RE = re.compile(r"题为$")
_ANNOUNCED_AFTER_RE = re.compile(r"的(?:辅导)?(?:报告|讲话|发言|主旨演讲|致辞)")
#: A commentary's subtitle: ——论学习贯彻…, —论… (a dash, then 论 "on"), one of a series
#: (——三论…, ——再论…: the third, a second commentary on the same speech).
_COMMENTARY_RE = re.compile(r"[—－-]+\s?[一二三四五六七八九十再]?论")


def issuer_of(title: str) -> str | None:
    """The issuer named at the start of a title, or None."""
    parts = issuer_parts(title)
    return "、".join(parts) if parts else None


def extract_cited(text: str, folded: str) -> list[Fact]:
    """All cited-document facts of one paragraph."""
    out: list[Fact] = []
    if "《" not in text:
        return out
    for m in TITLE_RE.finditer(text):
        title = m["t"]
        announced = bool(
            _ANNOUNCED_BEFORE_RE.search(text, 0, m.start())
            or _ANNOUNCED_AFTER_RE.match(text, m.end())
        )
        if not title.strip() or not (announced or is_document_title(title)):
            continue
        if _COMMENTARY_RE.search(title):
            continue  # 《…——论学习贯彻…重要讲话》: a newspaper's commentary
        s, e = m.start(), m.end()
        out.append(
            Fact(
                type="cited_document",
                start=s,
                end=e,
                text=text[s:e],
                normalized=full_title(title),
                extractor="cited_document.title",
                confidence=0.95 if len(title) <= 60 else 0.85,
                unit=issuer_of(title),
                canonical=title_key(title),
            )
        )
    return out


@stage_pass("facts.cited.extract", requires=("text", "folded"), assigns=("facts",))
def extract_pass(state: FactState, counters: Counters) -> FactState:
    """Cited documents added: titles in 《》 that name a document (`《中华人民共和国民法典》`),
    not a book or a periodical (`《求是》`)."""
    return state.adding(extract_cited(state.text, state.folded))
