"""The plain data that flows between the text stages.

Stages never see Dagster or Arrow: they exchange these dataclasses. Line numbers are the
1-based raw line numbers of the source file, inclusive, so every row can be traced back.
"""

from dataclasses import dataclass, field
from datetime import date

#: Paragraph kinds of the table contract, plus `byline` (an article's author line).
PARAGRAPH_KINDS = ("heading", "body", "quote", "caption", "signature", "note", "byline")

#: Kinds of removed text (the `removed` table); stages may only use these.
REMOVED_KINDS = (
    "toc",  # table of contents entries
    "sponsor_list",  # lists of sponsoring / co-organising units
    "pull_quote",  # ■… pull-quotes that repeat body text
    "page_furniture",  # page numbers, PAGE marks, running heads, rubric labels used as furniture
    "duplicate",  # OCR fragments or scraped repeats of text found elsewhere
    "distribution",  # distribution (发：…) and print lines (…印发)
    "web_chrome",  # scraped web-page debris (navigation, font-size buttons, scripts)
    "markup",  # markdown / HTML markup stripped from a line (e.g. the leading `## `)
    "blank_run",  # reserved: whitespace-only material (never needed for conservation)
)


@dataclass(frozen=True, slots=True)
class Line:
    """One raw line after decoding and normalisation (see `normalize.py`)."""

    number: int  # 1-based raw line number in the source file
    text: str  # normalised text, trailing whitespace stripped; leading indentation kept


@dataclass(slots=True)
class Block:
    """A unit of layout: a reflowed paragraph, or a piece of removed text.

    `kind` is one of PARAGRAPH_KINDS for text that stays, or "removed" (then `removed_kind`
    is one of REMOVED_KINDS and `reason` says why, in a sentence a reviewer can check).
    A removed block may sit between two lines of a paragraph that continues across a page
    break: the paragraph's line range then spans it.
    """

    text: str
    line_start: int
    line_end: int
    kind: str = "body"
    removed_kind: str | None = None
    reason: str | None = None
    md_level: int | None = None  # level of a markdown heading (`##` -> 2), else None
    lines: tuple[int, ...] = ()  # the raw line numbers whose text makes up this block
    rule: str | None = None  # id of the rule that set it aside or decided its kind (passes.RULES)

    @property
    def removed(self) -> bool:
        return self.kind == "removed"


@dataclass(slots=True)
class SectionSpan:
    """A node of a document's heading tree."""

    ordinal: int  # order in its document, 1-based
    level: int  # 1 = top
    label: str | None  # the numbering as printed: `一、`, `（一）`, `1．`, `第一章`, `##`
    title: str  # the heading sentence (without the label)
    line_start: int
    parent: int | None  # index (0-based) into the document's section list, or None
    block_index: int  # index into DocumentSpan.blocks of the paragraph holding the heading
    kind: str = "numbered"  # one of SECTION_KINDS
    rule: str | None = None  # id of the rule that found the heading (passes.RULES)


@dataclass(slots=True)
class DocumentSpan:
    """One real document (article, notice, report, speech…) found in a source."""

    ordinal: int  # order in its source, 1-based
    blocks: list[Block]  # the paragraphs that belong to it, in order, kinds decided
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)  # names only, layout spaces removed
    author_roles: list[str] = field(default_factory=list)  # parallel to authors: 本刊记者, 通讯员…
    issuer: str | None = None
    rubric: str | None = None
    doc_type: str = "other"  # notice, report, speech, plan, article, news, commentary, other
    publish_date: date | None = None
    date_inferred: bool = False
    #: how publish_date was found (one of DATE_SOURCES), None when there is no date
    date_source: str | None = None
    #: the date relative expressions of the text (`今年`, `1月30日`) are read against: the
    #: publish date, else the latest full date the source prints (even one that is not
    #: the document's own, such as a chronicle's entry)
    reference_date: date | None = None
    line_start: int = 0
    line_end: int = 0
    #: ordinal of the document this one continues (an article resumed after a boxed notice
    #: or another piece the page set in its middle), else None
    continues: int | None = None
    sections: list[SectionSpan] = field(default_factory=list)
    #: id of the rule that opened the document, and of the rule that decided its type
    start_rule: str | None = None
    type_rule: str | None = None
    #: for each block, the index into `sections` of its innermost section, or None
    block_section: list[int | None] = field(default_factory=list)


#: Kinds of sections (the `sections` table): a heading numbered as printed (`一、` `（一）`
#: `1．`), a run-in lead (`一是…`, `第一，…`, `首先…`, `——` leads), a ● bullet subhead, an
#: unnumbered subhead line, a markdown heading, the closing part of a report or speech.
SECTION_KINDS = ("numbered", "runin", "bullet", "subhead", "markdown", "closing")

#: How a document's date was found (`documents.date_source`): a date printed in the
#: document (a date line under the title, a dated news dateline), its delivery line
#: (`——2024年1月23日在…会议上`), its signature, the print line of the file it closes
#: (`…2020年7月17日印发`), or the source's own date (inferred: `date_inferred`).
DATE_SOURCES = ("printed", "delivery", "signature", "print_line", "source")

DOC_TYPES = ("notice", "report", "speech", "plan", "article", "news", "commentary", "other")

FACT_TYPES = (
    "date",
    "percent",
    "money",
    "quantity",
    "meeting",
    "formula",
    "cited_document",
    "organization",
    "person",
    "place",
)


@dataclass(slots=True)
class Fact:
    """A typed, normalised fact found at text[start:end] of a paragraph."""

    type: str  # one of FACT_TYPES
    start: int
    end: int
    text: str  # == paragraph_text[start:end]
    normalized: str  # canonical string form (ISO date, fraction, amount+unit, formula…)
    extractor: str  # name of the unit that found it, e.g. "date.absolute"
    confidence: float  # 0..1, documented per extractor
    value_num: float | None = None
    unit: str | None = None
    value_date: date | None = None
    qualifier: str | None = None  # 以上, 左右, 以内, 超, 约 … where printed
    direction: str | None = None  # up, down (增长, 下降 printed with a value), else None
    canonical: str | None = None  # canonical name (places, organisations, cited titles)
    division_code: str | None = None  # six-digit division code of a place (or an organ's place)

    @property
    def rule(self) -> str:
        """The id of the rule that found it (its `extractor`), as the passes count units."""
        return self.extractor
