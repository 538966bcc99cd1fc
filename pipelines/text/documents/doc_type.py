"""The type of a document (`DOC_TYPES`), from its title, rubric, opening and structure:
the first rule of `DOC_TYPE_RULES` that matches decides (`DocumentSpan.type_rule`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import DocumentSpan
from ..params import PLAN_MIN_ITEMS
from ..passes import Counters, Rule, rule, stage_pass
from ..patterns import NEWS_DATELINE_RE, load_words
from .state import DocumentState, copy_document
from .text import plain


def _word_lists() -> dict[str, tuple[str, ...]]:
    out = {}
    for line in load_words("doc_type_words"):
        name, words = line.split(":", 1)
        out[name.strip()] = tuple(w.strip() for w in words.split("|"))
    return out


_WORDS = _word_lists()


def _alt(name: str) -> str:
    return "|".join(_WORDS[name])


_COMMENTARY = re.compile(_alt("commentary"))
_NOTICE_TITLE = re.compile(f"(?:{_alt('notice_title')})$")
_SPEECH_TITLE = re.compile(_alt("speech_title"))
_NOTICE_BODY = re.compile(_alt("notice_body"))
_NEWS_OPENING = re.compile(rf"^\s*(?:{_alt('news_opening')})")
_NEWS_ROLES = frozenset(_WORDS["news_roles"])
_NEWS_TITLE = re.compile(_alt("news_title"))
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,3}[.．]\s*\S")


@dataclass(frozen=True, slots=True)
class _View:
    """What the type rules read of a document."""

    doc: DocumentSpan
    title: str
    rubric: str
    opening: str  # the first two body or byline paragraphs, escapes read as spaces

    @classmethod
    def of(cls, doc: DocumentSpan) -> _View:
        body = [b for b in doc.blocks if b.kind in {"body", "byline"}]
        opening = plain("".join(b.text for b in body[:2]))
        return cls(doc, doc.title or "", doc.rubric or "", opening)


@dataclass(frozen=True, slots=True)
class TypeRule:
    rule: Rule
    doc_type: str
    test: Callable[[_View], object]


def _type_rule(rule_id: str, doc_type: str, why: str, test: Callable[[_View], object]) -> TypeRule:
    return TypeRule(rule(rule_id, why), doc_type, test)


def _signed_notice(v: _View) -> bool:
    blocks = v.doc.blocks
    return any(b.kind == "signature" for b in blocks) and bool(
        _NOTICE_BODY.search("".join(b.text for b in blocks))
    )


def _news_opening(v: _View) -> bool:
    return bool(
        NEWS_DATELINE_RE.match(v.opening)
        or _NEWS_OPENING.match(v.opening)
        or any(r in _NEWS_ROLES for r in v.doc.author_roles)
    )


def _numbered_plan(v: _View) -> bool:
    items = sum(bool(_NUMBERED_ITEM.match(b.text)) for b in v.doc.blocks)
    return v.doc.title is None and items >= PLAN_MIN_ITEMS


#: The type rules in the order they are tried; a document none takes is `other`.
DOC_TYPE_RULES: tuple[TypeRule, ...] = (
    _type_rule(
        "documents.doc_type.commentary",
        "commentary",
        "a commentary's rubric or title (评论, 时评, 社论…)",
        lambda v: _COMMENTARY.search(v.rubric + v.title),
    ),
    _type_rule(
        "documents.doc_type.notice_title",
        "notice",
        "a title that ends like a notice (…的通知, …的意见, …办法)",
        lambda v: _NOTICE_TITLE.search(v.title),
    ),
    _type_rule(
        "documents.doc_type.speech_title",
        "speech",
        "a speech's title (…讲话, …致辞, …发言)",
        lambda v: _SPEECH_TITLE.search(v.title),
    ),
    _type_rule(
        "documents.doc_type.report_title",
        "report",
        "a report's title (…报告) or delivery subtitle (…上的报告)",
        lambda v: re.search(r"报告》?$", v.title) or re.search(r"上的报告$", v.doc.subtitle or ""),
    ),
    _type_rule(
        "documents.doc_type.signed_notice",
        "notice",
        "a signed text that says it notifies (通知如下, 特此通知)",
        _signed_notice,
    ),
    _type_rule(
        "documents.doc_type.news_opening",
        "news",
        "a news opening (a dateline, 本报讯, 新华社…) or a reporter's byline",
        _news_opening,
    ),
    _type_rule(
        "documents.doc_type.numbered_plan",
        "plan",
        "untitled numbered items (1. … 2. … 3. …)",
        _numbered_plan,
    ),
    _type_rule(
        "documents.doc_type.bylined_article",
        "article",
        "a bylined text",
        lambda v: v.doc.authors,
    ),
    _type_rule(
        "documents.doc_type.news_title",
        "news",
        "a news title (…强调, …召开, …会见)",
        lambda v: v.doc.title and _NEWS_TITLE.search((v.doc.subtitle or "") + v.title),
    ),
)
OTHER = rule("documents.doc_type.other", "no type rule matches: other")


def doc_type_of(doc: DocumentSpan) -> tuple[str, str]:
    """(the document's type, the id of the rule that decided it)."""
    view = _View.of(doc)
    for found in DOC_TYPE_RULES:
        if found.test(view):
            return found.doc_type, found.rule.id
    return "other", OTHER.id


@stage_pass("documents.doc_type.classify", requires=("documents",), assigns=("documents",))
def classify(state: DocumentState, counters: Counters) -> DocumentState:
    """Each document's type; the rest of an interrupted article has the article's."""
    docs: list[DocumentSpan] = []
    for doc in state.documents or ():
        doc = copy_document(doc)
        first = docs[doc.continues - 1] if doc.continues else None
        if first is not None:
            doc.doc_type, doc.type_rule = first.doc_type, first.type_rule
        else:
            doc.doc_type, doc.type_rule = doc_type_of(doc)
            counters.add(doc.type_rule)
        docs.append(doc)
    return replace(state, documents=tuple(docs))
