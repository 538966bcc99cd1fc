"""Layout recovery: turn printed lines back into paragraphs and set page furniture aside.

The raw texts carry the printer's layout (column wraps, blank-line interleaving, page
furniture, pull-quotes, OCR debris; see DESIGN.md). This stage reflows the lines of each
printed paragraph into one block and moves everything that is not running text into
removed blocks with a kind and a reason, so that later stages see clean paragraphs and
the `removed` table can account for every dropped character.

The one property that must always hold: every non-whitespace character of the input
appears in exactly one block, in order within the block (see `check_conservation`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .layout_regions import mark_regions, split_doubled
from .layout_rules import (
    CJK_RE,
    CLOSERS,
    FINAL_PUNCT,
    SOFT_PUNCT,
    clean_spaces,
    is_date_line,
    is_label_start,
    looks_like_heading,
    md_note_parts,
    md_parts,
    width,
)
from .model import Block, Line

__all__ = ["check_conservation", "recover_layout"]


ESCAPE_PREFIX = re.compile(r"^(?:\s*<U\+[0-9A-Fa-f]{4}>)+\s*")


@dataclass(slots=True)
class _Item:
    """A non-blank line with what the line-level rules made of it."""

    line: Line
    gap: int  # blank lines before it (since the previous non-blank line)
    text: str  # stripped text
    width: float
    kind: str = "text"  # text | removed | caption | note | heading | md
    removed_kind: str | None = None
    reason: str | None = None
    md_level: int | None = None
    group: int | None = None  # items sharing a group id form one block
    doubled: str | None = None  # second copy of a line the OCR read twice (set aside)


@dataclass(slots=True)
class _Para:
    items: list[_Item] = field(default_factory=list)
    kind: str = "body"


def recover_layout(lines: list[Line]) -> list[Block]:
    """Reflow raw lines into paragraph blocks and removed blocks, in raw-line order.

    Never raises: on an internal error the lines come back one block per line, so that a
    bad input degrades the output instead of stopping the pipeline.
    """
    try:
        return _recover(lines)
    except Exception:  # pragma: no cover - defensive: the stage must never raise
        return [
            Block(
                text=ln.text.strip(), line_start=ln.number, line_end=ln.number, lines=(ln.number,)
            )
            for ln in lines
            if ln.text.strip()
        ]


def escapes_block(text: str, line_start: int, line_end: int, lines: tuple[int, ...]) -> Block:
    """Literal `<U+00A0>` escapes a scraper left between paragraphs, set aside."""
    return Block(
        text=text.strip(),
        line_start=line_start,
        line_end=line_end,
        kind="removed",
        removed_kind="web_chrome",
        reason="literal character escapes (<U+00A0>) left by the web scraper",
        lines=lines,
    )


def _recover(lines: list[Line]) -> list[Block]:
    items: list[_Item] = []
    extra: list[Block] = []
    gap = 0
    for ln in lines:
        stripped = ln.text.strip()
        m = ESCAPE_PREFIX.match(stripped)
        if m and m.end() < len(stripped):
            extra.append(escapes_block(m.group(0), ln.number, ln.number, (ln.number,)))
            stripped = stripped[m.end() :].strip()
        if not stripped:
            gap += 1
            continue
        items.append(_Item(ln, gap, stripped, width(stripped)))
        gap = 0
    if not items:
        return extra
    mark_regions(items)
    blocks = _split_credits(_reflow(items)) + extra
    blocks.sort(key=lambda b: (b.line_start, 0 if b.removed else 1))
    return blocks


#: A photo credit printed at the end of a paragraph's last line (`…安全出行。 记者张浩星 摄`).
_TRAILING_CREDIT = re.compile(
    r"(?<=[。！？!?”」）)])\s+((?:记者|通讯员|摄影记者)?\s?[\u4e00-\u9fff]{2,4}(?:\s[\u4e00-\u9fff]{1,3})?"
    r"\s?摄(?:影)?)$"
)


#: A photo caption in bold type read twice and glued after a paragraph's last sentence
#: (`…低于18%。杭州市…治疗室杭州市…治疗室`).
_TRAILING_DOUBLED = re.compile(r"(?<=[。！？!?”」])\s*([\u4e00-\u9fff“”]{16,})$")


def _split_credits(blocks: list[Block]) -> list[Block]:
    """A body paragraph ending with a photo credit, or with a bold caption read twice:
    the caption becomes a caption block of the last line (its second copy a removed
    duplicate), and the paragraph keeps its line range."""
    out: list[Block] = []
    for b in blocks:
        body = b.kind in ("body", "heading")
        credit = _TRAILING_CREDIT.search(b.text) if body else None
        twice = _TRAILING_DOUBLED.search(b.text) if body and credit is None else None
        found = split_doubled(twice.group(1)) if twice else None
        if credit is not None:
            start, caption = credit.start(1), credit.group(1)
        elif twice is not None and found is not None:
            start, caption = twice.start(1), found
        else:
            out.append(b)
            continue
        out.append(replace(b, text=b.text[:start].rstrip(), kind="body"))
        last = b.lines[-1]
        on_last = {"line_start": last, "line_end": last, "lines": (last,)}
        out.append(replace(b, text=caption, kind="caption", **on_last))
        if found is not None:
            out.append(_second_copy(found, last))
    return out


def _removed_block(its: list[_Item]) -> Block:
    first = its[0]
    return Block(
        text="\n".join(it.text for it in its),
        line_start=first.line.number,
        line_end=its[-1].line.number,
        kind="removed",
        removed_kind=first.removed_kind,
        reason=first.reason,
        lines=tuple(it.line.number for it in its),
    )


def _ends_final(text: str) -> bool:
    """True when the text ends a sentence (closing quotes/brackets looked through)."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        if len(t) >= 2 and t[-2] in FINAL_PUNCT:
            return True
        t = t[:-1]
    return bool(t) and t[-1] in FINAL_PUNCT


def _local_widths(items: list[_Item]) -> list[float]:
    """Column width around each text line: an upper quantile of the neighbours' widths."""
    idx = [i for i, it in enumerate(items) if it.kind == "text"]
    ws = [items[i].width for i in idx]
    out = [0.0] * len(items)
    radius = 12
    for k, i in enumerate(idx):
        lo, hi = max(0, k - radius), min(len(ws), k + radius + 1)
        window = sorted(ws[lo:hi])
        out[i] = window[len(window) // 2]
    return out


def _paragraph_per_line(items: list[_Item]) -> bool:
    """Files whose long lines nearly all end a sentence hold one paragraph per line."""
    longs = [it for it in items if it.kind == "text" and it.width > 40]
    if len(longs) < 3:
        return False
    ends = sum(_ends_final(it.text) or it.text.endswith(("：", ":")) for it in longs)
    return ends / len(longs) >= 0.75


def _per_line_here(items: list[_Item], per_line: bool) -> list[bool]:
    """Per item: does it sit in a one-paragraph-per-line region of a one-paragraph-per-line
    file? A report whose long paragraphs each fill one line may still print many short
    lines (run-in headings `（二）…`, `大力提振消费。`, an end-note glossary `［15］两新：`),
    so that the local median width is that of a narrow column; what marks the region is
    that it has long lines (three or more among the 25 text lines around) and that they
    nearly all end a sentence. A narrow-column region of the same file (a magazine page
    with a few long lines elsewhere) has no long lines and keeps the column rules."""
    out = [False] * len(items)
    if not per_line:
        return out
    idx = [i for i, it in enumerate(items) if it.kind == "text"]
    longs = [0]
    ends = [0]
    for i in idx:
        it = items[i]
        is_long = it.width > 40
        longs.append(longs[-1] + is_long)
        ends.append(
            ends[-1] + (is_long and (_ends_final(it.text) or it.text.endswith(("：", ":"))))
        )
    radius = 12
    for k, i in enumerate(idx):
        lo, hi = max(0, k - radius), min(len(idx), k + radius + 1)
        n_long = longs[hi] - longs[lo]
        out[i] = n_long >= 3 and (ends[hi] - ends[lo]) / n_long >= 0.75
    return out


def _base_gap(items: list[_Item]) -> int:
    """Blank lines that separate lines of one paragraph (0 normally, 1 when interleaved)."""
    gaps = Counter(it.gap for it in items[1:] if it.kind == "text")
    if not gaps:
        return 0
    total = sum(gaps.values())
    zero = gaps.get(0, 0)
    if zero / total >= 0.4:
        return 0
    return min(g for g, _ in gaps.most_common(2) if g > 0) if gaps else 0


def _title_wrap(a: _Item, b: _Item) -> bool:
    """Two short lines of a title broken over lines (`关于…重要指示` / `和中央…的通知`)."""
    return (
        a.width <= 30
        and b.width <= a.width + 2
        and not _ends_final(a.text)
        and not a.text.endswith(("：", ":", "）", ")"))
        and not is_label_start(b.text)
        and not is_label_start(a.text)
        and not b.text.lstrip().startswith("——")  # a subtitle line, not a title's wrap
        and not _PLACE_LABEL.match(b.text.strip())  # `杭州市` under a title: a label
    )


_TWO_PHRASE_TITLE = re.compile(r"^[\u4e00-\u9fff“”]{4,14} [\u4e00-\u9fff“”]{4,14}$")
_PLACE_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:省|市|县|区|镇|乡|大学|学院)$")


#: Sentence punctuation and brackets: a title, heading or label line has none (quotation
#: marks it may have: `在“四下基层”中惠民利企`).
_SENTENCE_MARKS = re.compile(r"[，。、；：！？,;:!?（）()《》〔〕…]")
#: The same with quotation marks: a title line set over a label, or a subtitle that cuts a
#: sentence, is printed without them in the layouts we know.
_PUNCT_OR_QUOTE = re.compile(_SENTENCE_MARKS.pattern[:-1] + "“”‘’]")
#: What a sentence that runs through a date goes on with (`…日起施行`, `…日前`, `…日至…`).
_ATTACHES_TO_DATE = re.compile(r"^[起前后以至到为的止，、。；）)]")
#: A heading line opened by a bullet sign (`●勇担使命 再谱新篇`).
_BULLET = re.compile(r"^[●◆▲★☆◇▶►]")  # (not ○: it is also the zero of 二○二○年)


def _breaks(
    a: _Item, b: _Item, col: float, per_line: bool, base_gap: int, per_line_here: bool = False
) -> bool:
    """Does a new paragraph start at `b`, given the previous text line `a`?

    per_line: the file holds one paragraph per line; per_line_here: and `b` sits in a
    region of such lines (see `_per_line_here`), however narrow the local column."""
    if b.gap > base_gap:
        return b.gap > base_gap + 1 or not _title_wrap(a, b)
    if a.text.startswith("■") or b.text.startswith("■"):
        return True  # a short ■ line is an author line, never part of a paragraph
    if is_date_line(b.text) and (_ends_final(a.text) or a.width <= col - 3.5):
        return True  # a date line under a signature (not one a full line runs on into)
    if is_date_line(a.text) and a.width <= col - 3.5:
        # ... stands alone, unless the sentence goes on through it (`…自` / `2021年3月1日` / `起施行`)
        return not _ATTACHES_TO_DATE.match(b.text)
    if _BULLET.match(b.text):
        return True  # a bullet opens a heading or an item
    if _BULLET.match(a.text) and a.width <= col - 1.5 and not _SENTENCE_MARKS.search(a.text):
        return True  # a bullet heading line stands alone
    if b.text.startswith("——") and not _PUNCT_OR_QUOTE.search(a.text):
        return True  # a `——…` subtitle under a title line
    if any(_TWO_PHRASE_TITLE.match(x.text) for x in (a, b)):
        return True  # `凝心铸魂学思想 感恩奋进谱新篇`: a two-phrase title line stands alone
    if _PLACE_LABEL.match(b.text) and not _ends_final(a.text) and not a.text.endswith(SOFT_PUNCT):
        return True  # a place label (`杭州市`) under a title, never a paragraph's last line
    if per_line_here and not _title_wrap(a, b):
        return True  # one paragraph per line: a short run-in heading or glossary term too
    final = _ends_final(a.text)
    if col <= 30 and any(x.width > col + 4 and not _SENTENCE_MARKS.search(x.text) for x in (a, b)):
        return True  # a title line wider than the column stands alone
    if col > 30 or a.width > 40:
        # long lines: one paragraph per line, or lines cut at random places
        if per_line:
            return True
        if final or a.text.endswith(("：", ":")):
            return True
        return bool(is_label_start(a.text) and a.width <= 40 and not a.text.endswith(SOFT_PUNCT))
    if final:
        if a.width <= col - 1.5:
            return True
        if b.text.endswith("——") and b.width <= col - 3.5 and not _SENTENCE_MARKS.search(b.text):
            return True  # a bold run-in lead (`高质开展调查研究——`) opens the next paragraph
        if b.width <= 0.5 * col and not _SENTENCE_MARKS.search(b.text):
            return True  # a short line without punctuation after a sentence: a label, a title
        if is_label_start(b.text):
            return True
        return col - 3.5 <= b.width <= col - 1.5 and not _ends_final(b.text)
    if a.text.endswith(("：", ":")) and is_label_start(b.text):
        return True  # `…工作：` then `（一）…`: a numbered item opens its own paragraph
    if a.text.endswith(SOFT_PUNCT):
        return False
    if a.width < col - 3.5 and not _SENTENCE_MARKS.search(a.text):
        return True  # a short line without any punctuation: a title or heading
    return a.width <= 0.65 * col


def _titles_over_labels(items: list[_Item]) -> set[int]:
    """Indices of title lines printed over a place label (`…新篇章` / `温州市`): a line of
    six or more characters without punctuation, followed within three lines (a photo
    caption or an OCR glyph between) by a line that is only a place label; and of
    `——…` subtitle lines without punctuation that cut a sentence. A magazine that
    flattens its pages drops such lines in the middle of a paragraph; they stand alone,
    and the paragraph does not continue through them."""
    out: set[int] = set()
    prev: _Item | None = None
    for i, it in enumerate(items):
        if it.kind != "text":
            continue
        before, prev = prev, it
        if _PUNCT_OR_QUOTE.search(it.text) or len(CJK_RE.findall(it.text)) < 6:
            continue
        if (
            it.text.startswith("——")
            and before is not None
            and not _ends_final(before.text)
            and not before.text.endswith(("：", ":", "——"))
        ):
            out.add(i)  # a `——…` subtitle dropped into a sentence cut by the page
            continue
        for nxt in items[i + 1 : i + 4]:
            if nxt.kind == "text" and _PLACE_LABEL.match(nxt.text.strip()):
                out.add(i)
                break
            if nxt.kind == "text" and CJK_RE.search(nxt.text):
                break  # more text before any label: not a title over a label
    return out


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if (
            out
            and p
            and out[-1].isascii()
            and out[-1].isalnum()
            and p[0].isascii()
            and p[0].isalnum()
        ):
            out += " "
        out += p
    return clean_spaces(out)


def _para_block(its: list[_Item], kind: str) -> Block:
    text = _join([it.text for it in its])
    if kind == "body" and looks_like_heading(text):
        kind = "heading"
    return Block(
        text=text,
        line_start=its[0].line.number,
        line_end=its[-1].line.number,
        kind=kind,
        lines=tuple(it.line.number for it in its),
    )


def _reflow(items: list[_Item]) -> list[Block]:
    per_line = _paragraph_per_line(items)
    per_line_at = _per_line_here(items, per_line)
    base_gap = _base_gap(items)
    cols = _local_widths(items)
    blocks: list[Block] = []
    current: list[_Item] = []
    prev_text: _Item | None = None
    groups: dict[int, list[_Item]] = {}
    group_kind: dict[int, _Item] = {}
    crossed = False  # removed furniture since the last text line of the current paragraph

    def flush(cut: bool = False) -> None:
        """cut: the paragraph goes on after a title set in its middle (a body, then)."""
        nonlocal current
        if current:
            block = _para_block(current, "body")
            if cut and _SENTENCE_MARKS.search(block.text):
                block.kind = "body"
            blocks.append(block)
        current = []

    alone = _titles_over_labels(items)
    labels = _printed_twice(items)
    alone_ids = {id(items[i]) for i in alone}
    inserted: set[int] = set()  # lines the page set in the middle of a cut sentence
    resume_at = -1  # the line where that sentence goes on
    title: list[_Item] = []  # the lines of the last inserted block
    prev_index = -1
    for i, it in enumerate(items):
        if it.group is not None:
            groups.setdefault(it.group, []).append(it)
            group_kind.setdefault(it.group, it)
            if it.kind in ("heading", "md"):
                flush()
                prev_text = None
            continue
        if it.kind == "removed":
            blocks.append(_removed_block([it]))
            crossed = bool(current)
            continue
        if it.kind in ("caption", "note"):
            if it.doubled:
                blocks.append(_second_copy(it.doubled, it.line.number))
            md_note = md_note_parts(it.text) if it.kind == "note" else None
            if md_note:
                blocks.extend(_md_note_blocks(it, *md_note))
                continue
            blocks.append(_para_block([it], it.kind))
            continue
        if it.kind == "md":
            flush()
            prev_text = None
            blocks.extend(_markdown_blocks(it))
            continue
        # plain text line
        if current and prev_text is not None and i not in inserted and i != resume_at:
            col = cols[prev_index]
            if (
                (it.gap <= base_gap or items[i - 1] is not prev_text)  # no paragraph gap
                and _open_line(prev_text, col, first=len(current) == 1)
                and _body_like(current, col, alone_ids)
                and (i in alone or _is_insertion(it, col))
            ):
                r = _resumption(items, i, col, alone, labels)
                if r is not None:
                    inserted.update(k for k in range(i, r) if items[k].kind == "text")
                    resume_at = r
        if i in inserted:  # its own block; the cut paragraph stays open
            if (
                i - 1 in inserted
                and not any(_LABEL_WORD.fullmatch(x.text) for x in (items[i - 1], it))
                and not _PLACE_LABEL.match(it.text)
            ):  # the next line of a title printed over two lines
                blocks.pop()
                title.append(it)
            else:
                title = [it]
            blocks.append(_para_block(title, "body"))
            continue
        if i == resume_at:
            pass  # the cut sentence goes on here
        elif current and prev_text is not None:
            title_before = prev_text.width <= cols[i] - 3.5 and not _SENTENCE_MARKS.search(
                prev_text.text
            )
            label_after = it.width <= cols[i] - 3.5 and not _SENTENCE_MARKS.search(it.text)
            if i in alone:
                flush(cut=not _ends_final(prev_text.text))
            elif (
                (crossed and (title_before or label_after))
                or id(prev_text) in alone_ids
                or _breaks(prev_text, it, cols[i], per_line, base_gap, per_line_at[i])
            ):
                flush()  # (a title or label line never continues across furniture)
        elif current:
            flush()
        current.append(it)
        prev_text, prev_index = it, i
        crossed = False
    flush()
    for gid, its in groups.items():
        head = group_kind[gid]
        if head.kind == "removed":
            blocks.append(_removed_block(its))
        elif head.kind == "heading":
            blocks.append(_para_block(its, "heading"))
        else:
            blocks.append(_para_block(its, head.kind if head.kind != "text" else "body"))
    return blocks


_LABEL_WORD = re.compile(r"[\u4e00-\u9fff]{2,6}")


def _open_line(a: _Item, col: float, *, first: bool = False) -> bool:
    """A full column line (a first line: less its lost indent) that does not end its
    sentence: the paragraph must go on."""
    return a.width >= col - (3.5 if first else 2) and not _ends_final(a.text)


def _body_like(current: list[_Item], col: float, titles: set[int]) -> bool:
    """Lines of running text, not a title: sentence punctuation, or lines about a column
    wide; never a title printed over a place label."""
    if any(id(c) in titles for c in current):
        return False
    if any(_SENTENCE_MARKS.search(c.text) for c in current):
        return True
    return all(col - 3.5 <= c.width <= col + 1 for c in current)


def _is_insertion(it: _Item, col: float) -> bool:
    """A title, label or display line without sentence punctuation: short, or wider than
    the column (a display title), never a numbered heading."""
    if it.kind != "text" or _SENTENCE_MARKS.search(it.text) or not CJK_RE.search(it.text):
        return False
    if is_label_start(it.text) or it.text.startswith(("■", "/", "／", "——")):
        return False  # (a `——` subtitle inside a sentence is found with its title)
    if it.text.count(" ") >= 3:
        return False  # a line justified with a space between every character: text
    return it.width <= col - 3.5 or it.width > col + 1


def _resumption(
    items: list[_Item], i: int, col: float, alone: set[int], labels: frozenset[str]
) -> int | None:
    """Index of the line where a paragraph cut at `i` by titles, labels, captions or
    furniture that a flattened page set in its middle goes on, or None.

    The paragraph goes on only with a line that is a full column wide or ends the
    sentence (a new paragraph's first line is shorter: its indent is lost), that opens no
    numbered item, byline or subtitle, after at most three inserted text lines. What was
    inserted must look like page layout, not like a short line of the text itself: a
    caption or furniture among it, a title over a place label, a label word the source
    prints more than once (a running rubric, a column named in the contents), or a display
    title wider than the column."""
    inserted = 0
    layout = False
    for j in range(i, min(len(items), i + 9)):
        it = items[j]
        if it.group is not None or it.kind == "md":
            return None
        if it.kind != "text":
            layout = True  # removed furniture, a caption or a source line
            continue
        if j in alone or _is_insertion(it, col):
            inserted += 1
            if inserted > 3:
                return None
            label = bool(_LABEL_WORD.fullmatch(it.text)) and it.text in labels
            layout = layout or j in alone or label
            layout = layout or (it.width > col + 1 and not _DIGIT_OR_QUOTE.search(it.text))
            continue
        if is_label_start(it.text) or it.text.startswith(("■", "——", "/", "／")):
            return None
        if it.width >= col - 1.5 or _ends_final(it.text):
            return j if inserted and layout else None
        return None
    return None


def _printed_twice(items: list[_Item]) -> frozenset[str]:
    """Short lines the source prints more than once, layout spaces and `>>` marks left out
    (`特别报道` and `>>特别报道` in the contents, `经 济` and `经济`): labels of the layout."""
    counts = Counter(
        flat
        for it in items
        if len(flat := "".join(it.text.lstrip(">》＞").split())) <= 6 and it.text.strip()
    )
    return frozenset(t for t, n in counts.items() if n >= 2)


_DIGIT_OR_QUOTE = re.compile(r"[\d０-９“”‘’\"]")


def _second_copy(text: str, n: int) -> Block:
    """The second copy of a caption in bold type, which the OCR extracted twice
    (`许许 旭旭 摄摄`): set aside so that the caption reads once."""
    return Block(
        text=text,
        line_start=n,
        line_end=n,
        kind="removed",
        removed_kind="duplicate",
        reason="second copy of a bold photo caption that the OCR extracted twice",
        lines=(n,),
    )


def _markup_block(n: int, markup: str, what: str) -> Block:
    return Block(
        text=markup,
        line_start=n,
        line_end=n,
        kind="removed",
        removed_kind="markup",
        reason=f"markdown markup `{markup}` stripped from {what}",
        lines=(n,),
    )


def _md_note_blocks(it: _Item, markup: str, note: str) -> list[Block]:
    """`> 原文：URL`, `- 数据源：…`: the markdown markup goes to a removed block, the rest
    is a note paragraph (kept: it says where the text comes from)."""
    n = it.line.number
    return [
        _markup_block(n, markup, "a source or metadata note"),
        Block(text=clean_spaces(note), line_start=n, line_end=n, kind="note", lines=(n,)),
    ]


def _markdown_blocks(it: _Item) -> list[Block]:
    """`## Title`: the markup goes to a removed block so that the heading text is clean."""
    n = it.line.number
    parts = md_parts(it.text)
    if parts is None:  # pragma: no cover - classify_line only says md when it matches
        return [Block(text=it.text, line_start=n, line_end=n, lines=(n,))]
    level, markup, title = parts
    return [
        _markup_block(n, markup, "the heading"),
        Block(
            text=clean_spaces(title),
            line_start=n,
            line_end=n,
            kind="heading",
            md_level=level,
            lines=(n,),
        ),
    ]


_WS = re.compile(r"\s+")


def check_conservation(lines: list[Line], blocks: list[Block]) -> list[str]:
    """Problems with the blocks as an account of the input (empty list = all is well).

    Checks that the non-whitespace characters of all blocks are exactly those of the
    input (same multiset), that each block's characters come in input order from the lines
    it names, and that line numbers exist and every non-blank line is claimed.
    """
    problems: list[str] = []
    by_number = {ln.number: _WS.sub("", ln.text) for ln in lines}
    want = Counter("".join(by_number.values()))
    got = Counter(_WS.sub("", "".join(b.text for b in blocks)))
    if want != got:
        missing = want - got
        extra = got - want
        if missing:
            problems.append(f"characters lost: {''.join(sorted(missing.elements()))[:80]!r}")
        if extra:
            problems.append(f"characters invented: {''.join(sorted(extra.elements()))[:80]!r}")
    claimed: Counter[int] = Counter()
    for k, b in enumerate(blocks):
        if b.removed and not b.removed_kind:
            problems.append(f"block {k} removed without a removed_kind")
        bad = [n for n in b.lines if n not in by_number]
        if bad:
            problems.append(f"block {k} names unknown lines {bad[:5]}")
            continue
        source = "".join(by_number[n] for n in b.lines)
        body = _WS.sub("", b.text)
        if not _is_subsequence(body, source):
            problems.append(f"block {k} (lines {b.line_start}-{b.line_end}) text not in line order")
        claimed.update(b.lines)
    for n, t in by_number.items():
        if t and n not in claimed:
            problems.append(f"line {n} belongs to no block")
    return problems


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)
