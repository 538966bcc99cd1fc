"""Repairs for three kinds of damage that wrap or scramble a source's text.

Some raw texts are not what they look like:

* a one-row CSV export saved as `.txt`: a header line of column names, then one record
  whose last field (quoted, running over many lines) is the real document
  (`unwrap_csv`);
* a web scrape whose paragraph breaks were collapsed, so that a whole report sits on a
  few lines of many thousand characters with headings running into the text
  (`split_run_in`);
* a heavy web scrape that repeats whole pages (`repeated_runs`).

The functions are pure (no Dagster, no I/O) and never raise: on input they cannot
handle they answer "nothing to repair" (None, one span, no runs). Every rule is a generic
convention of CSV files or of Chinese official texts, never a string of one source.
"""

from __future__ import annotations

import csv
import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .layout_rules import WIRE_DATELINE
from .model import Block, Line

__all__ = [
    "RUN_IN_MIN_CHARS",
    "CsvUnwrap",
    "mark_repeated_runs",
    "repeated_runs",
    "split_long_blocks",
    "split_run_in",
    "unwrap_csv",
]


# --- 1. one-row CSV exports ------------------------------------------------------------

_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MIN_COLUMNS = 3


@dataclass(slots=True)
class CsvUnwrap:
    """A source unwrapped from a one-row CSV export.

    `lines` has one Line per input line, same numbers, holding only the text field (the
    header line comes back empty; the blank lines around header and record are kept
    as they were); `removed` holds
    the CSV syntax that was taken out (kind "removed", removed_kind "markup"), so that
    `lines` + `removed` account for every non-whitespace character of the input;
    `metadata` maps the other columns' names to their values (e.g. title, publish_date).
    """

    lines: list[Line]
    removed: list[Block]
    metadata: dict[str, str]
    text_column: str
    header_line: int  # raw line number of the header
    record_lines: tuple[int, int] = (0, 0)  # first and last raw line of the record
    columns: list[str] = field(default_factory=list)


def unwrap_csv(lines: list[Line]) -> CsvUnwrap | None:
    """Unwrap a one-row CSV export whose last column is the document text, else None.

    Why: the CSV header, the metadata fields and the quoting would otherwise end up as
    paragraphs of the document (and `""` would double every ASCII quote). Never raises.
    """
    try:
        return _unwrap_csv(lines)
    except Exception:  # the stage must never raise: not unwrappable means "not a CSV"
        return None


def _parse_csv_line(text: str) -> list[str] | None:
    """The fields of one complete CSV line, or None if it is not exactly one record."""
    try:
        rows = list(csv.reader([text], strict=True))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 else None


def _header(text: str) -> list[str] | None:
    text = text.lstrip("\ufeff").strip()
    if "," not in text or not text.isascii():
        return None
    cols = _parse_csv_line(text)
    if cols is None or len(cols) < _MIN_COLUMNS:
        return None
    cols = [c.strip() for c in cols]
    if not all(_COLUMN.match(c) for c in cols) or len(set(cols)) != len(cols):
        return None
    return cols


def _text_field_start(text: str, n_before: int) -> int | None:
    """Offset where the last field starts: after `n_before` commas outside quotes."""
    if n_before == 0:
        return 0
    in_quotes = False
    commas = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == "," and not in_quotes:
            commas += 1
            if commas == n_before:
                return i + 1
        i += 1
    return None


def _unwrap_csv(lines: list[Line]) -> CsvUnwrap | None:
    idx = 0
    while idx < len(lines) and not lines[idx].text.strip():
        idx += 1
    if idx >= len(lines):
        return None
    head = lines[idx]
    columns = _header(head.text)
    if columns is None:
        return None
    rec = idx + 1
    while rec < len(lines) and not lines[rec].text.strip():
        rec += 1
    if rec >= len(lines):
        return None  # header only
    first = lines[rec]
    n_before = len(columns) - 1
    start = _text_field_start(first.text, n_before)
    if start is None:
        return None
    prefix = first.text[: start - 1] if n_before else ""
    values = _parse_csv_line(prefix) if n_before else []
    if values is None or len(values) != n_before:
        return None
    metadata = {c: v.strip() for c, v in zip(columns[:-1], values, strict=True)}

    out = {ln.number: ln.text for ln in lines}
    removed: list[Block] = []

    def block(text: str, number: int, reason: str) -> None:
        removed.append(
            Block(
                text=text,
                line_start=number,
                line_end=number,
                kind="removed",
                removed_kind="markup",
                reason=reason,
                lines=(number,),
            )
        )

    block(
        head.text.strip(),
        head.number,
        f"CSV header of a one-row CSV export (columns: {', '.join(columns)})",
    )
    out[head.number] = ""

    rest = first.text[start:]
    fields = ", ".join(f"{c}={v}" for c, v in metadata.items())
    if not rest.startswith('"'):
        # unquoted text field: the record is this one line
        if '"' in rest or any(ln.text.strip() for ln in lines[rec + 1 :]):
            return None
        if prefix.strip():
            block(first.text[:start], first.number, f"CSV fields before the text field: {fields}")
        out[first.number] = rest
        return _result(lines, out, removed, metadata, columns, head.number, first.number, first)

    block(
        first.text[: start + 1].strip(),
        first.number,
        f"CSV fields before the text field and its opening quote: {fields}",
    )
    # scan the quoted field over the following lines: `""` is a quote, `"` closes it
    k = rec
    pos = start + 1
    while k < len(lines):
        ln = lines[k]
        src = ln.text
        kept: list[str] = []
        dropped = 0
        closed_at: int | None = None
        i = pos
        while i < len(src):
            ch = src[i]
            if ch == '"':
                if i + 1 < len(src) and src[i + 1] == '"':
                    kept.append('"')
                    dropped += 1
                    i += 2
                    continue
                closed_at = i
                break
            kept.append(ch)
            i += 1
        if dropped:
            block(
                '"' * dropped,
                ln.number,
                f'CSV escape: {dropped} doubled quote(s) "" in the text field kept as one "; '
                "the other quote of each pair dropped",
            )
        body = "".join(kept)
        if closed_at is not None:
            if src[closed_at + 1 :].strip():
                return None  # more fields or junk after the text field
            if any(x.text.strip() for x in lines[k + 1 :]):
                return None  # more records: a table, not a wrapped document
            block('"', ln.number, "CSV quote closing the text field")
            out[ln.number] = body
            return _result(lines, out, removed, metadata, columns, head.number, ln.number, first)
        out[ln.number] = body
        k += 1
        pos = 0
    return None  # the quoted field never closes: malformed


def _result(
    lines: list[Line],
    out: dict[int, str],
    removed: list[Block],
    metadata: dict[str, str],
    columns: list[str],
    header_line: int,
    last: int,
    first: Line,
) -> CsvUnwrap:
    new_lines = [Line(ln.number, out[ln.number].rstrip()) for ln in lines]
    removed.sort(key=lambda b: b.line_start)
    return CsvUnwrap(
        lines=new_lines,
        removed=removed,
        metadata=metadata,
        text_column=columns[-1],
        header_line=header_line,
        record_lines=(first.number, last),
        columns=columns,
    )


# --- 2. collapsed paragraph breaks -------------------------------------------------------

#: Texts shorter than this are one paragraph as they stand. The longest real paragraph
#: found in the seeds and the external corpus after layout recovery is 1,340 characters;
#: collapsed scrapes run to many thousands.
RUN_IN_MIN_CHARS = 1500

_NUM = r"[一二三四五六七八九十百零〇]"
# sentence end, with closing quotes/brackets looked through (not `；` / `…`: lists and
# ellipses run on inside a paragraph)
_END = re.compile(r"[。！？!?][”’」』）)】》\"']*")
_ENDS = re.compile(r"[。！？!?][”’」』）)】》\"']*$")
# a paragraph separator that survived the collapse: whitespace (layout spaces, `　　`
# indentation) or literal `<U+00A0>` escapes left by a scraper
_SEP = re.compile(r"(?:\s|<U\+[0-9A-Fa-f]{4}>)+")
_LABELS = (
    rf"{_NUM}+、",
    rf"[（(]{_NUM}+[）)]",
    rf"第(?:{_NUM}+|\d+)[章节条部分篇编]",
    r"\d{1,2}[．.、](?!\d)",
    r"[０-９]{1,2}[．、](?![０-９])",
)
# what starts a new paragraph when it follows a sentence end: a numbered heading or a
# dash bullet (`——经济运行稳中向好。`). Not `一是` / `第一，`: those run on inside
# ordinary paragraphs (seen in the seeds and in several corpus reports).
_PARA_START = re.compile("|".join((*_LABELS, "——")))
# a numbered heading title followed by a separator: `三、2014年重点工作<U+00A0>做好…`
_HEAD_THEN_SEP = re.compile(
    rf"(?:{'|'.join(_LABELS)})[^\s。！？!?；;，,：:<]{{2,40}}?(?=\s|<U\+[0-9A-Fa-f]{{4}}>)"
)
_VOC = r"(?:各位[\u4e00-\u9fff]{2,4}?|同志们|朋友们|女士们|先生们|代表们|委员们|同学们|老师们)"
# a salutation paragraph: `各位代表！`, `同志们：`, `各位代表、各位委员：`
_SALUTATION = re.compile(rf"(?:尊敬的|亲爱的)?{_VOC}(?:[、，,]{_VOC})*[：！:!]")
# a salutation is not a paragraph of its own after these (it is inside a clause/quote)
_NO_BREAK_AFTER = frozenset("，、：:,“‘「『（(《—-")
_TRAILING_SEP = re.compile(r"(?:\s|<U\+[0-9A-Fa-f]{4}>)+$")
_D = "[0-9０-９]"
# the credit that closes a photo caption: `新华社记者姚大伟摄`
_RUN_CREDIT = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:记者|通讯员)[\u4e00-\u9fff·]{2,4}摄(?:影)?")
# a wire dateline: `新华社北京3月14日电`
_RUN_DATELINE = re.compile(WIRE_DATELINE)
# a delivery subtitle under a title: `——2014年3月5日在第十二届全国人民代表大会第二次会议上`
_RUN_SUBTITLE = re.compile(
    rf"——(?:{_D}{{4}}年{_D}{{1,2}}月{_D}{{1,2}}日)?在[^。！？；，、：\s<]{{2,40}}?上"
    r"(?:的(?:报告|讲话|说明|发言))?"
)
_TITLE_PUNCT = re.compile(r"[，。；：！？、,;:!?]")


def split_run_in(text: str, min_chars: int = RUN_IN_MIN_CHARS) -> list[tuple[int, int]]:
    """Split a paragraph whose breaks were collapsed into (start, end) spans of `text`.

    Why: a scrape that lost its line breaks holds a whole report in one "paragraph";
    headings, bullets and salutations must become paragraphs again. Only safe breaks are
    used: after a sentence end followed by a separator (whitespace, `<U+00A0>` escapes),
    a numbered heading (`一、`, `（一）`, `第一章`, `1．`) or a dash bullet (`——`); around
    a salutation (`各位代表！`, `同志们：`); and between a numbered heading title and a
    separator. A run-in heading with no such cue (`一、2013年工作回顾过去一年…`) stays
    with its body. Texts shorter than `min_chars` are not split.

    Spans are trimmed of whitespace, in order, do not overlap, and together cover every
    non-whitespace character of `text` (a whitespace-only text gives []). Escapes such
    as `<U+00A0>` that stood between two paragraphs start the following span.
    """
    try:
        return _split_run_in(text, min_chars)
    except Exception:  # never raise: degrade to "one paragraph"
        return _trimmed(text, [0, len(text)])


def _trimmed(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    spans = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _split_run_in(text: str, min_chars: int) -> list[tuple[int, int]]:
    n = len(text)
    if n < min_chars:
        return _trimmed(text, [0, n])
    breaks: set[int] = set()
    for m in _END.finditer(text):
        e = m.end()
        if e >= n:
            continue
        sep = _SEP.match(text, e)
        if sep is not None:
            if sep.end() < n:
                breaks.add(e)
        elif _PARA_START.match(text, e) or _SALUTATION.match(text, e):
            breaks.add(e)
    for m in _SALUTATION.finditer(text):
        before = _TRAILING_SEP.sub("", text[max(0, m.start() - 200) : m.start()])
        if m.start() > 0 and (not before or before[-1] not in _NO_BREAK_AFTER):
            breaks.add(m.start())
        if m.end() < n:
            breaks.add(m.end())
    _title_block_breaks(text, breaks)
    _long_enumeration_breaks(text, breaks)
    # a numbered heading title set off by a separator from the text after it
    cuts = sorted(b for b in breaks if 0 < b < n)
    for s in [0, *cuts]:
        t = s
        while t < n and text[t].isspace():
            t += 1
        m = _HEAD_THEN_SEP.match(text, t)
        if m is None:
            continue
        nxt = bisect_right(cuts, s)
        limit = cuts[nxt] if nxt < len(cuts) else n
        sep = _SEP.match(text, m.end())
        if sep is not None and sep.end() < limit:
            breaks.add(m.end())
    return _trimmed(text, [0, *sorted(b for b in breaks if 0 < b < n), n])


#: the shortest item of an `一是…二是…` enumeration whose items are paragraphs of their own
ENUM_ITEM_MIN_CHARS = 300
_ORDINAL_ITEM = re.compile(r"(?<=[。！？])([一二三四五六七八九十])是")
_ORDINALS = "一二三四五六七八九十"


def _long_enumeration_breaks(text: str, breaks: set[int]) -> None:
    """`一是…` / `二是…` items each of paragraph length (every one at least
    ENUM_ITEM_MIN_CHARS) after a sentence end: each item opens a paragraph. The short
    enumerations that run on inside a paragraph (`一是加强学习。二是狠抓落实。`) stay."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2 and all(b - a >= ENUM_ITEM_MIN_CHARS for a, b in itertools.pairwise(run)):
            breaks.update(run)

    for m in _ORDINAL_ITEM.finditer(text):
        k = _ORDINALS.index(m.group(1))
        if run and k == len(run):
            run.append(m.start())
        else:
            close()
            run = [m.start()] if k == 0 else []
    close()


def _opens(text: str, at: int, breaks: set[int]) -> bool:
    """Does a paragraph-like unit start at `at`: the text's start, a break, or a separator
    or sentence end right before it?"""
    before = _TRAILING_SEP.sub("", text[:at])
    return (
        not before or len(before) in breaks or len(before) < at or _ENDS.search(before) is not None
    )


def _title_block_breaks(text: str, breaks: set[int]) -> None:
    """Breaks of a collapsed title block (`…开幕。<U+00A0>新华社记者某某摄<U+00A0>新华社北京
    3月14日电政府工作报告——2014年3月5日在…会议上国务院总理<U+00A0>某某各位代表：`): a
    photo caption keeps its credit and ends after it; a wire dateline stands alone; a short
    title and its `——…在…上` delivery subtitle part, and the subtitle ends before the
    byline that follows it."""
    n = len(text)
    for m in _RUN_CREDIT.finditer(text):
        if not _opens(text, m.start(), set()):
            continue
        after = _SEP.match(text, m.end())
        if m.end() < n and after is None and not _RUN_DATELINE.match(text, m.end()):
            continue  # a credit runs on into more text: not the end of a caption
        breaks.discard(len(_TRAILING_SEP.sub("", text[: m.start()])))  # caption + credit
        if m.end() < n:
            breaks.add(m.end())
    for m in _RUN_DATELINE.finditer(text):
        if _opens(text, m.start(), breaks):
            breaks.add(len(_TRAILING_SEP.sub("", text[: m.start()])))  # escapes go with it
            breaks.add(m.end())
    for m in _RUN_SUBTITLE.finditer(text):
        start = max((b for b in breaks if b <= m.start()), default=0)
        title = _TRAILING_SEP.sub("", _SEP.sub(" ", text[start : m.start()])).strip()
        if 2 <= len(title) <= 40 and not _TITLE_PUNCT.search(title):
            breaks.add(m.start())
            breaks.add(m.end())


# --- 3. repeated pages -------------------------------------------------------------------

_WS = re.compile(r"\s+")
_MAX_CANDIDATES = 64


def repeated_runs(
    texts: list[str], min_run: int = 3, min_chars: int = 20
) -> list[tuple[int, int, int]]:
    """Runs of paragraphs that repeat an earlier run: (start, end_exclusive, original_start).

    Why: heavy web scrapes repeat whole pages; the copies must be set aside as duplicates
    without touching a slogan or heading that is legitimately repeated.

    Only paragraphs of at least `min_chars` non-whitespace characters take part, compared
    with whitespace removed; shorter ones (`各位代表！`, a heading the layout kept in one
    copy and dropped as furniture in another) are skipped, so a run is `min_run` or more
    consecutive *long* paragraphs equal to an earlier sequence of long paragraphs. The
    range (start, end) runs from the first to the last long paragraph of the copy, in
    indices of `texts`, and may enclose short paragraphs that were not compared.
    Every copy after the first is reported, in order, without overlaps; its original is
    the longest earlier match, ending before the copy starts, and among equally long ones
    the earliest that is not itself a reported copy (so six copies of a page give five
    runs all pointing at the first one).
    Hash-based (k-grams of `min_run` paragraphs): linear for ordinary input; at most 64
    candidate originals are tried per position.
    """
    try:
        return _repeated_runs(texts, max(1, min_run), min_chars)
    except Exception:  # never raise
        return []


def _repeated_runs(texts: list[str], min_run: int, min_chars: int) -> list[tuple[int, int, int]]:
    keys = [_WS.sub("", t) for t in texts]
    pos = [i for i, k in enumerate(keys) if len(k) >= min_chars]  # long paragraphs
    seq = [keys[i] for i in pos]
    m = len(seq)
    if m < 2 * min_run:
        return []
    seen: dict[tuple[str, ...], list[int]] = {}  # k-gram -> positions in seq, in order
    starts: list[int] = []  # runs found, in seq positions: starts[k]..ends[k], from origs[k]
    ends: list[int] = []
    origs: list[int] = []

    def covered(c: int) -> bool:
        k = bisect_right(starts, c) - 1
        return k >= 0 and c < ends[k]

    def next_start(c: int) -> int:
        k = bisect_right(starts, c)
        return starts[k] if k < len(starts) else m

    def grams(lo: int, hi: int) -> None:
        for b in range(lo, min(hi, m - min_run + 1)):
            seen.setdefault(tuple(seq[b : b + min_run]), []).append(b)

    a = 0
    while a + min_run <= m:
        cands = seen.get(tuple(seq[a : a + min_run]), [])[:_MAX_CANDIDATES]
        best: tuple[int, bool, int] | None = None  # (length, original not a copy, -original)
        for c in cands:
            free = not covered(c)
            # an original never runs into the next copy found so far: copies stay apart
            limit = min(a, next_start(c))
            length = 0
            while a + length < m and c + length < limit and seq[a + length] == seq[c + length]:
                length += 1
            score = (length, free, -c)
            if length >= min_run and (best is None or score > best):
                best = score
        if best is None:
            grams(a, a + 1)
            a += 1
            continue
        length, c = best[0], -best[2]
        starts.append(a)
        ends.append(a + length)
        origs.append(c)
        grams(a, a + length)
        a += length
    return [(pos[s], pos[e - 1] + 1, pos[c]) for s, e, c in zip(starts, ends, origs, strict=True)]


# --- applying the repairs to layout blocks -----------------------------------------------


def split_long_blocks(blocks: list[Block]) -> list[Block]:
    """Cut body blocks longer than any real paragraph at `split_run_in`'s spans.

    The pieces keep the raw line range of the block they came from (the line held them
    all). Literal `<U+00A0>` escapes go to a removed block, as layout does for escapes at a
    line's start: those that stood between two paragraphs, and those inside a piece, which
    stood for a space (`国务院总理<U+00A0>李克强` reads `国务院总理 李克强`). A piece
    closed by a photo credit (`…开幕。 新华社记者某某摄`) is a caption."""
    from .layout import escapes_block
    from .layout_rules import CREDIT_CAPTION, ESCAPE_RE, clean_spaces, looks_like_heading

    out: list[Block] = []
    for block in blocks:
        if block.removed or block.kind != "body" or len(block.text) < RUN_IN_MIN_CHARS:
            out.append(block)
            continue
        for start, end in split_run_in(block.text):
            piece = block.text[start:end]
            escapes = ESCAPE_RE.findall(piece)
            if escapes:
                out.append(
                    escapes_block("".join(escapes), block.line_start, block.line_end, block.lines)
                )
                piece = clean_spaces(ESCAPE_RE.sub(" ", piece))
                if not piece:
                    continue
            if CREDIT_CAPTION.search(piece) and len(piece) <= 100:
                kind = "caption"
            else:
                kind = "heading" if looks_like_heading(piece) else "body"
            out.append(
                Block(
                    text=piece,
                    line_start=block.line_start,
                    line_end=block.line_end,
                    kind=kind,
                    lines=block.lines,
                )
            )
    return out


def mark_repeated_runs(blocks: list[Block], min_chars: int = 20) -> list[Block]:
    """Set aside, as `duplicate`, every run of paragraphs that repeats an earlier run (a
    scraped page copied again); a short paragraph inside the run goes with it only if its
    text also occurs in the original run. A short line of the copy that the layout already
    set aside as a running head (it is printed on every copy of the page) is a duplicate
    too when the original run prints it.

    The original run is measured in long paragraphs (those `repeated_runs` compares): the
    copy and its original may differ in how many short lines each kept."""
    kept = [i for i, b in enumerate(blocks) if not b.removed]
    runs = repeated_runs([blocks[i].text for i in kept], min_chars=min_chars)
    done = 0  # last raw line of the previous copy (or of its original)
    for start, end, original in runs:
        n_long = sum(len(_WS.sub("", blocks[kept[k]].text)) >= min_chars for k in range(start, end))
        k = original
        while k < len(kept) and n_long:
            n_long -= len(_WS.sub("", blocks[kept[k]].text)) >= min_chars
            k += 1
        orig_blocks = [blocks[kept[j]] for j in range(original, k)]
        orig_texts = {_WS.sub("", b.text) for b in orig_blocks}
        first, last = orig_blocks[0].line_start, orig_blocks[-1].line_end
        reason = f"repeats the paragraphs of raw lines {first}-{last} (the same page scraped again)"
        for j in range(start, end):
            block = blocks[kept[j]]
            if _WS.sub("", block.text) in orig_texts:
                block.kind = "removed"
                block.removed_kind = "duplicate"
                block.reason = reason
        # the copy's own header lines (the page title, a dateline) come before its first
        # long paragraph: from the end of the previous copy (or of the original) on, a
        # line set aside as a running head that the page printed before is a copy too
        lo = max(done, last) + 1
        hi = blocks[kept[end - 1]].line_end
        page: dict[str, int] = {}
        for b in blocks:
            if b.line_end <= last and not b.removed:
                page.setdefault(_WS.sub("", b.text), b.line_start)
        for block in blocks:
            key = _WS.sub("", block.text)
            if (
                block.removed_kind == "page_furniture"
                and lo <= block.line_start <= block.line_end <= hi
                and key in page
            ):
                block.removed_kind = "duplicate"
                block.reason = (
                    f"repeats raw line {page[key]}, a line of the page that is scraped again "
                    f"at raw lines {block.line_start}-{hi}"
                )
        done = hi
    return blocks
