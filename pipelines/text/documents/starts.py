"""Where documents start: a scanner over the kept blocks that tries the start rules
(`START_RULES`) on each block, in order.

A new document starts at a markdown heading, an editor's note (按：, which belongs to the
document after it), a chronicle's month, a title block (short lines followed by a byline,
or titled like a document: …的通知, …上的报告), a byline (`■杨 晨`, `/本刊记者 …`), a
salutation opening a speech (各位代表：), and after the signature that closes a notice.
Text before the first start is a document of its own. Each start keeps the id of the rule
that made it (`DocumentSpan.start_rule`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Block
from ..params import DOC_TITLE_MIN_CJK, RUBRIC_MAX_CJK, TITLE_BLOCK_MAX_EXTRA, TITLE_GROUP_MAX_LINES
from ..passes import Counters, Rule, rule, stage_pass
from ..patterns import DOCUMENT_TITLE_RE, KICKER_RE, SALUTATION_LINE_RE
from . import signatures
from .blocks import (
    is_byline,
    is_date_line,
    is_editors_note,
    is_label,
    is_org_line,
    is_role_only,
    is_subtitle,
    title_like,
)
from .state import DocumentState, SourceLabels, Start
from .text import cjk_count, clean_title, doubled, ends_sentence, flat, plain
from .toc import Contents

FIRST = rule("documents.starts.first", "the source's first block opens its first document")
AFTER_SIGNATURE = rule(
    "documents.starts.after_signature", "the block after a signature opens the next document"
)
MARKDOWN_HEADING = rule(
    "documents.starts.markdown_heading", "a markdown heading of level 1 or 2 (`## 标题`)"
)
EDITORS_NOTE = rule(
    "documents.starts.editors_note", "an editor's note (`按：…`) opens the document it introduces"
)
CHRONICLE = rule(
    "documents.starts.chronicle", "a chronicle's month line (`1月`) over its days (`3日 …`)"
)
TITLE_BLOCK = rule(
    "documents.starts.title_block",
    "title lines followed by a byline, or titled like a document (…的通知, …上的报告), or a "
    "kicker (…强调) over a title",
)
CONTENTS_TITLE = rule(
    "documents.starts.contents_title",
    "title lines the contents page lists, or printed in doubled title art, after the text",
)
BYLINE = rule("documents.starts.byline", "a byline (`■杨 晨`, `/本刊记者 …`) opens an article")
SALUTATION = rule(
    "documents.starts.salutation",
    "a salutation (`各位代表：`) after a finished text, not one a speech addresses again",
)

_CHRONICLE_MONTH_RE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*$")
_CHRONICLE_DAY_RE = re.compile(
    r"^\s*(?:\d{1,2}\s*日(?:至\s*\d{1,2}\s*日)?|同日|是日|\d{1,2}\s*日起)\s"
)


class Scan:
    """The scanner's state: the starts so far, and what the current document has."""

    def __init__(self, kept: tuple[Block, ...], contents: Contents, labels: SourceLabels) -> None:
        self.kept, self.contents, self.labels = kept, contents, labels
        self.n = len(kept)
        self.i = 0
        self.starts = [0]
        self.rules = [FIRST.id]
        self.has_title = [False]  # per document: has it a title before its body?
        self.has_byline = [False]
        self.body_seen = False
        self.closed = False  # a signature closed the current document
        self.signatures: dict[int, str] = {}
        self.salutations = [q for q, b in enumerate(kept) if SALUTATION_LINE_RE.match(flat(b.text))]

    def open_at(self, k: int, titled: bool, bylined: bool, rule_id: str) -> None:
        """A document starts at `k` (or, with no text since the last start, the current
        one gets what `k` brings)."""
        if k > self.starts[-1] and (self.body_seen or self.closed):
            self.starts.append(k)
            self.rules.append(rule_id)
            self.has_title.append(titled)
            self.has_byline.append(bylined)
        else:
            self.has_title[-1] = self.has_title[-1] or titled
            self.has_byline[-1] = self.has_byline[-1] or bylined
        self.body_seen = False
        self.closed = False

    def header_start(self, k: int) -> int:
        """Walk back over rubric labels right before a title/byline."""
        while k - 1 > self.starts[-1] and is_label(self.kept[k - 1], self.labels):
            k -= 1
        return k

    def is_label(self, k: int) -> bool:
        return is_label(self.kept[k], self.labels)

    def sign(self, k: int, found: Rule) -> None:
        self.signatures[k] = found.id

    def salutation_between(self, lo: int, hi: int) -> bool:
        """Is a salutation printed among blocks lo..hi-1?"""
        k = bisect_left(self.salutations, lo)
        return k < len(self.salutations) and self.salutations[k] < hi

    def skip_role_line(self, i: int) -> int:
        if i < self.n and is_role_only(self.kept[i]):
            return i + 1
        return i

    def run(self) -> None:
        while self.i < self.n:
            block = self.kept[self.i]
            if self.closed and self.i not in self.signatures and block.kind != "signature":
                self.open_at(self.i, False, False, AFTER_SIGNATURE.id)
            if not any(step(self, block) for step in START_RULES):
                if block.kind in {"body", "quote", "note"}:
                    self.body_seen = True  # (a source or metadata note is content)
                self.i += 1


def _markdown_heading(scan: Scan, block: Block) -> bool:
    """A markdown heading of level 1 or 2 opens an item; its sub-headings go with it."""
    if block.md_level is None or block.md_level > 2:
        return False
    i, kept = scan.i, scan.kept
    if i > 0 and i - 1 == scan.starts[-1] and kept[i - 1].md_level == block.md_level:
        # two headings of one level in a row: the first heads an item whose text was
        # all set aside (a contents line); the second opens the next item
        scan.body_seen = True
    scan.open_at(i, True, False, MARKDOWN_HEADING.id)
    i += 1
    while i < scan.n and kept[i].md_level is not None and kept[i].md_level > 2:
        if scan.body_seen:
            break
        i += 1
    scan.i = i
    return True


def _editors_note(scan: Scan, block: Block) -> bool:
    if not is_editors_note(block):
        return False
    scan.open_at(scan.i, False, False, EDITORS_NOTE.id)
    scan.body_seen = False
    scan.i += 1
    return True


def _chronicle(scan: Scan, block: Block) -> bool:
    """A month line over day entries opens a chronicle (the next month goes on in it)."""
    i = scan.i
    if not (
        _CHRONICLE_MONTH_RE.match(plain(block.text))
        and i + 1 < scan.n
        and _CHRONICLE_DAY_RE.match(scan.kept[i + 1].text)
    ):
        return False
    if scan.rules[-1] != CHRONICLE.id:
        scan.open_at(i, False, False, CHRONICLE.id)
    scan.body_seen = True
    scan.i += 1
    return True


@dataclass(slots=True)
class _TitleGroup:
    """Title lines at i..j-1 (labels among them), subtitles and labels up to k-1."""

    i: int
    j: int
    k: int
    joined: str
    by: bool  # a byline follows
    worded: bool  # titled like a document (…的通知)
    kicker: bool  # a kicker (…强调) over the title
    art: bool  # doubled title art
    in_toc: bool  # listed by the contents page


def _title_group(scan: Scan, i: int) -> _TitleGroup:
    kept, n = scan.kept, scan.n
    j = i
    while j < n and j - i < TITLE_GROUP_MAX_LINES and (title_like(kept[j]) or scan.is_label(j)):
        j += 1
    last_label = max((q for q in range(i + 1, j) if scan.is_label(q)), default=None)
    if last_label is not None and last_label + 1 < j:
        # a label between title-like lines opens the next title: what comes before it
        # (a cartoon's caption, a stray line) ends the document
        first = last_label
        while first - 1 > i and scan.is_label(first - 1):
            first -= 1
        scan.body_seen = True
        i = first
    group = kept[i:j]
    k = j
    while k < n and k - j < TITLE_BLOCK_MAX_EXTRA and (is_subtitle(kept[k]) or scan.is_label(k)):
        k += 1
    after = kept[k] if k < n else None
    joined = clean_title("\n".join(b.text for b in group if not is_label(b, scan.labels)))
    return _TitleGroup(
        i=i,
        j=j,
        k=k,
        joined=joined,
        by=after is not None and is_byline(after),
        worded=bool(DOCUMENT_TITLE_RE.search(joined)) and cjk_count(joined) >= DOC_TITLE_MIN_CJK,
        kicker=len(group) >= 2 and bool(KICKER_RE.search(clean_title(group[0].text))),
        art=any(doubled(b.text) for b in group),
        in_toc=scan.contents.find(joined) is not None
        or any(scan.contents.find(b.text) for b in group),
    )


def _title_lines(scan: Scan, block: Block) -> bool:
    """Title lines: a title block opens a document; else a signature closes one; else
    they are text."""
    if not title_like(block):
        return False
    at = scan.i  # (the block the signature rules read, even when the group moved on)
    g = _title_group(scan, at)
    if _titled_start(scan, g):
        return True
    if g.i == scan.starts[-1] and not scan.body_seen and not scan.has_title[-1]:
        scan.has_title[-1] = True  # the opening lines of the source or of a document
        scan.i = g.j
        return True
    if g.art or g.in_toc:
        if (scan.has_byline[-1] and not scan.has_title[-1]) or not scan.body_seen:
            scan.has_title[-1] = True
        else:
            scan.open_at(scan.header_start(g.i), True, False, CONTENTS_TITLE.id)
        scan.i = g.j
        return True
    if _signature(scan, at, g.i):
        return True
    scan.body_seen = True
    scan.i = g.i + 1
    return True


def _titled_start(scan: Scan, g: _TitleGroup) -> bool:
    """A title with a byline under it, or worded like a document or under a kicker. Inside
    an item a markdown heading opened, a title line with no byline is the item's own (the
    title of a brief in a news round-up: `自然资源部明确村庄规划要充分听取村民意见`)."""
    kept, n = scan.kept, scan.n
    nxt = kept[g.j] if g.j < n else None
    if not (g.by or ((g.worded or g.kicker) and (nxt is None or not title_like(nxt)))):
        return False
    if not g.by and scan.rules[-1] == MARKDOWN_HEADING.id and scan.body_seen:
        return False
    bylined_untitled = scan.has_byline[-1] and not scan.has_title[-1]
    if (bylined_untitled and not g.by and not g.worded) or (
        g.worded and not g.by and not scan.has_title[-1] and scan.rules[-1] == SALUTATION.id
    ):
        scan.has_title[-1] = True  # the title printed inside its article
    else:
        scan.open_at(scan.header_start(g.i), bool(g.joined), g.by, TITLE_BLOCK.id)
    scan.i = scan.skip_role_line(g.k + 1) if g.by else g.j
    return True


def _signature(scan: Scan, at: int, i: int) -> bool:
    """An organisation line after the text (block `at`), with its date line: a signature
    that closes the document."""
    kept, n, text = scan.kept, scan.n, plain(scan.kept[at].text)
    if signatures.org_then_date(kept, i, text, scan.body_seen):
        scan.sign(at, signatures.ORG_AND_DATE)
        i += 1
        if i < n and is_date_line(kept[i].text):
            scan.sign(i, signatures.ORG_AND_DATE)
            i += 1
    elif is_org_line(text) and scan.body_seen and i + 1 == n:
        scan.sign(at, signatures.LAST_ORG_LINE)
        i += 1
    else:
        return False
    scan.closed = True
    scan.i = i
    return True


def _byline(scan: Scan, block: Block) -> bool:
    if not is_byline(block):
        return False
    scan.open_at(scan.header_start(scan.i), False, True, BYLINE.id)
    scan.i = scan.skip_role_line(scan.i + 1)
    return True


def _date_after_org(scan: Scan, block: Block) -> bool:
    """A date line under an organisation line, after the text: both are a signature."""
    i = scan.i
    if not (
        is_date_line(plain(block.text))
        and scan.body_seen
        and i > 0
        and is_org_line(scan.kept[i - 1].text)
    ):
        return False
    scan.sign(i - 1, signatures.DATE_AFTER_ORG)
    scan.sign(i, signatures.DATE_AFTER_ORG)
    scan.closed = True
    scan.i += 1
    return True


def _salutation(scan: Scan, block: Block) -> bool:
    """A salutation after a finished text opens a speech, with the labels and a short title
    before it. A speech addresses its audience again at each of its parts: a salutation
    with no title or label before it opens a new document only if the current one has not
    addressed anyone yet."""
    i, kept, start = scan.i, scan.kept, scan.starts[-1]
    if not (SALUTATION_LINE_RE.match(flat(plain(block.text))) and scan.body_seen and i > start):
        return False
    at, p = i, i - 1
    while p > start and (
        scan.is_label(p) or (title_like(kept[p]) and cjk_count(kept[p].text) <= RUBRIC_MAX_CJK)
    ):
        at, p = p, p - 1
    readdressed = at == i and scan.salutation_between(start, i)
    if ends_sentence(kept[p].text) and p >= start and not readdressed:
        scan.open_at(at, False, False, SALUTATION.id)
        scan.body_seen = True
        scan.i += 1
        return True
    return False


#: The start rules in the order the scanner tries them on a block; a block none takes is
#: text of the current document.
START_RULES: tuple[Callable[[Scan, Block], bool], ...] = (
    _markdown_heading,
    _editors_note,
    _chronicle,
    _title_lines,
    _byline,
    _date_after_org,
    _salutation,
)


@stage_pass(
    "documents.starts.find",
    requires=("kept", "contents", "labels"),
    assigns=("starts", "signatures"),
)
def find(state: DocumentState, counters: Counters) -> DocumentState:
    """Where documents start (the first block always), each with its start rule; and the
    signatures found on the way."""
    if not state.kept:
        return replace(state, starts=(), signatures=())
    scan = Scan(state.kept, state.contents, state.labels)
    scan.run()
    for rule_id in scan.rules:
        counters.add(rule_id)
    starts = tuple(Start(k, r) for k, r in zip(scan.starts, scan.rules, strict=True))
    return replace(state, starts=starts, signatures=tuple(sorted(scan.signatures.items())))
