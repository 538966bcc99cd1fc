"""A document's metadata from its own opening lines: rubric, title, subtitle, date line,
byline, issuer, and the kinds of those blocks.

`read` runs the steps in the order a page prints them (rubric labels, an editor's note,
the title, the lines under it, a byline in the first paragraphs), then looks for a title
printed elsewhere (`title_search`) and reads what the title says (speaker, issuer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import DocumentSpan
from ..params import BYLINE_LOOKAHEAD, RUBRIC_MAX_CJK
from ..passes import Counters, Rule, rule, stage_pass
from ..patterns import HAN, KICKER_RE, SALUTATION_LINE_RE
from . import title_search
from .blocks import (
    is_byline,
    is_date_line,
    is_label,
    is_note,
    is_org_line,
    is_role_only,
    is_subtitle,
    label_text,
    title_like,
)
from .bylines import take_byline
from .dates import PRINTED, full_dates, take_delivered
from .state import DocumentState, SourceLabels, copy_document
from .text import cjk_count, clean_title, doubled, flat, plain, remove_layout_spaces
from .toc import Contents

RUBRIC = rule("documents.metadata.rubric", "a rubric label over the title (`>>特别报道`)")
EDITORS_NOTE = rule("documents.metadata.editors_note", "an editor's note (`按：…`)")
TITLE = rule("documents.metadata.title", "the title lines that open the document")
SUBTITLE = rule(
    "documents.metadata.subtitle", "a subtitle under the title (`——在…上的报告`, `## …`)"
)
DATE_LINE = rule("documents.metadata.date_line", "a date line under the title")
ROLE_LINE = rule("documents.metadata.role_line", "a byline's role on a line of its own")
NAME_LINE = rule("documents.metadata.name_line", "a name alone under the title: the author")
BYLINE = rule("documents.metadata.byline", "a byline of the document (`/本刊记者 杨 晨`)")
FILE_LABEL = rule(
    "documents.metadata.file_label",
    "a file's name line over the title it repeats (`2018政府工作报告` over `政府工作报告`)",
)

_MD_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*[.．、]\s*")
_MD_RUBRIC_RE = re.compile(r"^\s*【([^】]{2,40})】\s*")
_NAME_LINE_RE = re.compile(f"^[{HAN}]{{2,4}}$")
_SPEAKER_RE = re.compile(rf"^([{HAN}]{{2,4}})同志在.*(?:报告|讲话|讲话摘要|致辞|发言)$")
_ISSUER_RE = re.compile(
    rf"^((?:[{HAN}]{{2,20}}?(?:中央|国务院|委员会|委|人民政府|政府|办公室|办公厅|厅|局|部|院)\s?){{1,3}}?)"
    r"\s*(?:关于|印发|转发)"
)
_BANNER_RE = re.compile(r"^(.{4,}?)\1(.{4,})$")


#: What a file's name line adds before the title it repeats: a year, a number, a separator.
_FILE_LABEL_PREFIX_RE = re.compile(r"^[0-9０-９]{2,4}[年_\-—.．、 ]?$")


def repeats_title(line: str, title: str) -> bool:
    """Is `line` a file's name line over the title it repeats with a year or number before
    it (`2018政府工作报告` over `政府工作报告`: the name a collection gave the file)?"""
    a, b = flat(plain(line)), flat(plain(title))
    return len(b) >= 4 and a.endswith(b) and _FILE_LABEL_PREFIX_RE.match(a[: -len(b)]) is not None


@dataclass(slots=True)
class Reader:
    """Reads one document (its own copy, which it fills in)."""

    doc: DocumentSpan
    contents: Contents
    labels: SourceLabels

    def mark(self, k: int, kind: str, found: Rule) -> None:
        """Block `k` has the kind a rule decided."""
        self.doc.blocks[k] = replace(self.doc.blocks[k], kind=kind, rule=found.id)

    def label(self, k: int) -> bool:
        return is_label(self.doc.blocks[k], self.labels)

    def read(self) -> None:
        i, lead = self.leading_labels()
        blocks, n = self.doc.blocks, len(self.doc.blocks)
        if i < n and is_note(blocks[i]):
            self.mark(i, "note", EDITORS_NOTE)
            i += 1
        if i < n and blocks[i].md_level is not None:
            i = self.markdown_title(i)
        else:
            i = self.title_lines(i, lead)
        body_start = self.title_block(i)
        self.byline_in_opening(body_start)
        title_search.find_title(self, body_start)
        self.what_the_title_says()

    def leading_labels(self) -> tuple[int, str]:
        """Rubric labels before the title (also a short label right before a salutation:
        领导要论): (the block after them, the first label as printed)."""
        doc, blocks = self.doc, self.doc.blocks
        n, i = len(blocks), 0
        if (
            n > 1
            and title_like(blocks[0])
            and cjk_count(blocks[0].text) <= RUBRIC_MAX_CJK
            and SALUTATION_LINE_RE.match(flat(blocks[1].text))
        ):
            doc.rubric = label_text(blocks[0].text)
            self.mark(0, "heading", RUBRIC)
            i = 1
        lead = ""  # (a logo glyph may be read into the title)
        while i < n and self.label(i) and i + 1 < n:
            lead = lead or flat(blocks[i].text)
            doc.rubric = doc.rubric or label_text(blocks[i].text)
            self.mark(i, "heading", RUBRIC)
            i += 1
        return i, lead

    def markdown_title(self, i: int) -> int:
        """`## 【rubric】1. 标题` and its sub-headings."""
        doc, blocks = self.doc, self.doc.blocks
        head = blocks[i]
        self.mark(i, "heading", TITLE)
        title = head.text.strip().lstrip("#").strip()
        title = _MD_NUMBER_RE.sub("", title) if head.md_level == 2 else title
        m = _MD_RUBRIC_RE.match(title)
        if m:
            doc.rubric = m.group(1)
            title = title[m.end() :].strip()
        doc.title = title
        i += 1
        level = head.md_level or 0
        while i < len(blocks) and blocks[i].md_level is not None and blocks[i].md_level > level:
            self.mark(i, "heading", SUBTITLE)
            doc.subtitle = blocks[i].text.strip().lstrip("#").strip()
            i += 1
        return i

    def title_lines(self, i: int, lead: str) -> int:
        """The title lines (a kicker over them is the subtitle, doubled art over them the
        rubric, a doubled banner read into them too)."""
        doc, blocks = self.doc, self.doc.blocks
        parts: list[str] = []
        start = i
        while i < len(blocks) and title_like(blocks[i]):
            if self.label(i) and parts:
                break
            parts.append(blocks[i].text)
            self.mark(i, "heading", TITLE)
            i += 1
        if len(parts) >= 2 and repeats_title(parts[0], parts[1]):
            self.mark(start, "heading", FILE_LABEL)
            parts = parts[1:]
        if len(parts) >= 2 and KICKER_RE.search(clean_title(parts[0])):
            doc.subtitle = clean_title(parts[0])
            parts = parts[1:]
        if len(parts) >= 2 and doubled(parts[0]) and not doubled(parts[1]):
            doc.rubric = doc.rubric or clean_title(parts[0])
            parts = parts[1:]
        if len(parts) == 1:
            banner = _BANNER_RE.match(flat(plain(parts[0])))
            # a doubled banner read into the title line: 巩固…成果巩固…成果在学懂…
            if banner and cjk_count(banner.group(1)) >= 4:
                doc.rubric = doc.rubric or banner.group(1)
                parts = [banner.group(2)]
        if parts:
            doc.title = clean_title("\n".join(parts))
            glyph = doc.rubric or lead
            if glyph and doc.title.startswith(glyph) and len(doc.title) > len(glyph) + 4:
                doc.title = doc.title[len(glyph) :].strip()  # a logo glyph read into it
        return i

    def title_block(self, i: int) -> int:
        """The subtitle, date line and author lines under the title: the body's start."""
        doc, blocks = self.doc, self.doc.blocks
        n = len(blocks)
        while i < n:
            b = blocks[i]
            squeezed = flat(b.text)
            if is_subtitle(b) and doc.subtitle is None:
                self.mark(i, "heading", SUBTITLE)
                doc.subtitle = remove_layout_spaces(b.text.strip())
                take_delivered(doc, squeezed)
            elif self.label(i):
                self.mark(i, "heading", RUBRIC)
                doc.rubric = doc.rubric or label_text(b.text)
            elif doc.title and is_date_line(squeezed):
                self.mark(i, "heading", DATE_LINE)
                d = full_dates(squeezed)
                if d:
                    doc.publish_date, doc.date_source = d[0], PRINTED
            elif is_role_only(b) and doc.authors:
                self.mark(i, "byline", ROLE_LINE)
                doc.author_roles = [squeezed] * len(doc.authors)
            elif (
                doc.title
                and not doc.authors
                and _NAME_LINE_RE.match(squeezed)
                and not is_role_only(b)
                and i + 1 < n
                and not is_byline(blocks[i + 1])
            ):
                self.mark(i, "byline", NAME_LINE)
                doc.authors, doc.author_roles = [squeezed], [""]
            elif is_byline(b):
                take_byline(doc, i, BYLINE.id)
            else:
                break
            i += 1
        return i

    def byline_in_opening(self, body_start: int) -> None:
        """A byline anywhere in the first paragraphs (magazine articles open with it)."""
        doc, blocks = self.doc, self.doc.blocks
        if doc.authors:
            return
        n = len(blocks)
        for k in range(body_start, min(n, body_start + BYLINE_LOOKAHEAD)):
            if is_byline(blocks[k]):
                take_byline(doc, k, BYLINE.id)
                if k + 1 < n and is_role_only(blocks[k + 1]):
                    self.mark(k + 1, "byline", ROLE_LINE)
                    doc.author_roles = [flat(blocks[k + 1].text)] * len(doc.authors)

    def what_the_title_says(self) -> None:
        """The speaker of `…同志在…上的讲话`, the issuer of `…关于…的通知` or of the
        signature; roles left blank when none is printed."""
        doc = self.doc
        if doc.title:
            m = _SPEAKER_RE.match(doc.title)
            if m and not doc.authors:
                doc.authors, doc.author_roles = [m.group(1)], [""]
            m = _ISSUER_RE.match(doc.title)
            if m:
                doc.issuer = m.group(1).strip()
        for b in doc.blocks:
            if b.kind == "signature" and is_org_line(b.text) and not doc.issuer:
                doc.issuer = flat(b.text)
        if doc.author_roles and not any(doc.author_roles):
            doc.author_roles = [""] * len(doc.authors)


def continue_metadata(doc: DocumentSpan, article: DocumentSpan) -> None:
    """The rest of an article after a boxed notice: the same article, so its metadata."""
    doc.title, doc.subtitle, doc.rubric = article.title, article.subtitle, article.rubric
    doc.authors, doc.author_roles = list(article.authors), list(article.author_roles)
    doc.issuer = article.issuer
    doc.continues = article.continues or article.ordinal


@stage_pass(
    "documents.metadata.read",
    requires=("documents", "starts", "resumed", "contents", "labels"),
    assigns=("documents",),
)
def read(state: DocumentState, counters: Counters) -> DocumentState:
    """Title, subtitle, byline, rubric, issuer and block kinds of each document; the rest
    of an article resumed after a boxed notice or a chronicle page takes the article's."""
    docs: list[DocumentSpan] = []
    for n, (doc, start) in enumerate(zip(state.documents or (), state.starts, strict=True)):
        doc = copy_document(doc)
        if start.index in state.resumed and n >= 2:
            continue_metadata(doc, docs[n - 2])
        else:
            Reader(doc, state.contents, state.labels).read()
        docs.append(doc)
    return replace(state, documents=tuple(docs))
