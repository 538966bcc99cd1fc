"""Split a source's blocks into its real documents, and read each one's metadata.

A source file may hold one notice, a report and a speech, a newspaper page of articles,
or a whole magazine issue. We cut it where a new document visibly starts: a markdown
heading, an editor's note (按：, which belongs to the document after it), a title block
(short lines followed by a byline, or titled like a document: …的通知, …上的报告), a byline
(`■杨 晨`, `/本刊记者 …`, `记者… 通讯员…报道`), a salutation opening a speech (各位代表：),
and after the signature that closes a notice. Every kept block lands in exactly one
document, in order; text before the first start is a document of its own.

Metadata comes from the document's own lines (title, subtitle, byline, signature,
dateline); a magazine's table of contents only confirms titles, authors and rubrics that
the article pages print themselves.
"""

import re
from contextvars import ContextVar
from dataclasses import replace
from datetime import date
from itertools import pairwise

from .doc_text import (
    DATELINE_RE,
    ROLE_LINE_RE,
    ROLES,
    cjk_count,
    clean_title,
    ends_sentence,
    full_dates,
    parse_byline,
    parse_runin_byline,
    plain,
    remove_layout_spaces,
    safe_date,
    split_names,
    to_int,
    undouble,
)
from .doc_toc import TocEntry, find_entry, parse_toc, toc_key
from .model import Block, DocumentSpan
from .patterns import NOTICE_WORDS, WIRE_DATELINE

_NOTE_RE = re.compile(r"^\s*[【\[]?\s*(?:编者按|编\s*者\s*按|按)\s*[】\]]?\s*[：:]")
_MD_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*[.．、]\s*")
_MD_RUBRIC_RE = re.compile(r"^\s*【([^】]{2,40})】\s*")
_NUMBERED_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}\s*[．.、]|第[一二三四五六七八九十百]+[章节条部分])"
)
_DOC_WORD_RE = re.compile(
    r"(?:通知|通报|公告|公报|公示|决定|决议|意见|建议|报告|讲话|讲话摘要|致辞|纪实|综述|说明|规划|纲要|方案|办法|条例|规定|批复)$"
)
_KICKER_RE = re.compile(r"(?:强调|指出|表示|要求|主持召开|致信|致电)$")
_ISSUER_RE = re.compile(
    r"^((?:[\u4e00-\u9fff]{2,20}?(?:中央|国务院|委员会|委|人民政府|政府|办公室|办公厅|厅|局|部|院)\s?){1,3}?)"
    r"\s*(?:关于|印发|转发)"
)
_ORG_LINE_RE = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff（）()]{2,30}(?:委员会|委|人民政府|政府|办公室|办公厅|厅|局|部|院|社|中心|领导小组)$"
)
_DATE_LINE_RE = re.compile(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?$")
_CN_DATE_LINE_RE = re.compile(
    r"^[（(]?[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[）)]?$"
)
# a delivery line under a title, with or without the subtitle dash:
# `——2026年1月27日在海南省第七届人民代表大会第五次会议上`, `（2020年7月9日在…上）`
_DELIVERED_RE = re.compile(
    r"^(?:——)?[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在.{2,60}?[上时]"
    r"(?:的(?:报告|讲话|说明|发言))?[）)]?$"
)
# a title and its delivery subtitle printed on one line: `政府工作报告——2009年3月5日在…会议上`
_TITLE_WITH_SUBTITLE_RE = re.compile(r"^(?P<title>[^。！？；，：、《》—\s]{2,40}?)(?P<sub>——.+)$")
_WIRE_DATELINE_RE = re.compile(f"^{WIRE_DATELINE}$")
_SALUTATION_RE = re.compile(
    r"^(?:各位代表|同志们|各位委员|各位委员、同志们|同志们、朋友们)[：:！!]$"
)
_SPEAKER_RE = re.compile(r"^([\u4e00-\u9fff]{2,4})同志在.*(?:报告|讲话|讲话摘要|致辞|发言)$")
_OFFICE_NAME_RE = re.compile(
    r"^([\u4e00-\u9fff]{2,20}(?:省长|市长|县长|区长|主席|书记|总理|部长|主任|委员长))\s+([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})$"
)
_NAME_LINE_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_PLACE_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:市|县|区|省|大学|学院|学校|局|厅)$")
_CHRONICLE_MONTH_RE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*$")
_CHRONICLE_DAY_RE = re.compile(
    r"^\s*(?:\d{1,2}\s*日(?:至\s*\d{1,2}\s*日)?|同日|是日|\d{1,2}\s*日起)\s"
)
_SPACED_LABEL_RE = re.compile(r"^\s*[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,5}\s*$")
_ARROW_LABEL_RE = re.compile(r"^\s*(?:>>|》》)\s*([\u4e00-\u9fff]{2,8})\s*$")

TITLE_MAX = 90
_REPEATED: ContextVar[frozenset[str]] = ContextVar("repeated_labels", default=frozenset())
_PLACES: ContextVar[frozenset[int]] = ContextVar("place_label_lines", default=frozenset())


def split_documents(
    blocks: list[Block], *, source_name: str, set_aside: list[Block]
) -> list[DocumentSpan]:
    """Cut the blocks of one source into documents with their metadata and block kinds.

    What this stage sets aside (headings with no text under them) is appended to
    `set_aside` as removed blocks: the caller must publish it, so that nothing is lost."""
    rubrics = {e.rubric for e in parse_toc([b for b in blocks if b.removed]) if e.rubric}
    token = _REPEATED.set(_repeated_labels(blocks) | rubrics)
    places = frozenset(
        b.line_start
        for b in blocks
        if len("".join(b.text.split())) <= 10 and _PLACE_LABEL_RE.match("".join(b.text.split()))
    )
    token2 = _PLACES.set(places)  # place labels (湖州市) under a title, even when removed
    try:
        return _split(blocks, source_name, set_aside)
    finally:
        _PLACES.reset(token2)
        _REPEATED.reset(token)


def _split(blocks: list[Block], source_name: str, set_aside: list[Block]) -> list[DocumentSpan]:
    toc = parse_toc([b for b in blocks if b.removed])
    _rescue_bylines(blocks)
    kept = _split_runin_bylines([b for b in blocks if not b.removed])
    kept = _split_toc_titles(kept, toc)
    kept = _split_glued_titles(_split_title_subtitles(kept))
    if not kept:
        return []
    source_date = _source_date(blocks)
    starts = _drop_mid_sentence_starts(kept, _find_starts(kept, toc), toc)
    resumed: set[int] = set()  # starts where an article resumes after a boxed notice
    for a, t in _boxed_notices(kept):
        starts = sorted({*(s for s in starts if not a < s <= t + 1), a, t + 1})
        resumed.add(t + 1)
    docs: list[DocumentSpan] = []
    bounds = [*starts, len(kept)]
    for n, (a, b) in enumerate(pairwise(bounds), start=1):
        doc = DocumentSpan(ordinal=n, blocks=kept[a:b])
        if a in resumed and len(docs) >= 2:
            _continue_metadata(doc, docs[-2])
        else:
            _read_metadata(doc, toc)
        docs.append(doc)
    for doc in docs:
        first = docs[doc.continues - 1] if doc.continues else None
        if first is not None:  # the rest of an article: its type and date are the article's
            doc.publish_date, doc.date_inferred = first.publish_date, first.date_inferred
            doc.doc_type = first.doc_type
        else:
            _fill_date(doc, source_date)
            doc.doc_type = _doc_type(doc)
        doc.line_start = min(bl.line_start for bl in doc.blocks)
        doc.line_end = max(bl.line_end for bl in doc.blocks)
    return _set_aside_banners(docs, set_aside)


def _set_aside_banners(docs: list[DocumentSpan], set_aside: list[Block]) -> list[DocumentSpan]:
    """A "document" of one to three short headings and nothing else (`防控疫情` / `劳动者风采`
    at the foot of a newspaper page) is a page banner with no article under it: its blocks
    become removed page furniture, and the documents after it move up one ordinal."""
    kept: list[DocumentSpan] = []
    new_ordinal: dict[int, int] = {}
    for doc in docs:
        banner = len(doc.blocks) <= 3 and all(
            b.kind == "heading" and cjk_count(b.text) <= 12 for b in doc.blocks
        )
        if banner and not doc.continues and len(docs) > 1:
            reason = (
                "headings with no text under them (a page banner, or the heading of a "
                "contents list set aside as toc)"
            )
            for b in doc.blocks:
                set_aside.append(
                    replace(b, kind="removed", removed_kind="page_furniture", reason=reason)
                )
            continue
        new_ordinal[doc.ordinal] = len(kept) + 1
        kept.append(doc)
    for doc in kept:
        doc.ordinal = new_ordinal[doc.ordinal]
        if doc.continues:
            doc.continues = new_ordinal.get(doc.continues)
    return kept


def _drop_mid_sentence_starts(
    kept: list[Block], starts: list[int], toc: list[TocEntry]
) -> list[int]:
    """An article never opens in the middle of the previous one's sentence: a start right
    after a long paragraph cut mid-sentence, with no byline of its own, is a photo caption
    or a pull-out that the page put inside the running text. Nor is a run of captions and
    source lines alone a document."""
    out = starts[:1]
    ends = [*starts[2:], len(kept)]
    for s, end in zip(starts[1:], ends[: len(starts) - 1], strict=True):
        if all(b.kind in {"caption", "note"} for b in kept[s:end]):
            continue  # photo captions and source lines after an article are the article's
        bylined = any(_is_byline(b) for b in kept[s : s + 4])
        if toc and not bylined and _caption_overlay(kept[s].text, toc):
            continue
        first = plain(kept[s].text)
        if not bylined and len(first) >= 40 and "，" in first and cjk_count(first[-1]) == 1:
            continue  # a body paragraph cut by a photo, not a title
        prev = plain(kept[s - 1].text)
        if (
            len(prev) >= 40
            and cjk_count(prev[-1]) == 1  # cut between two characters of a word
            and kept[s].md_level is None
            and not bylined
        ):
            continue
        out.append(s)
    return out


_FRAME_KINDS = {"caption", "heading", "byline", "note"}


def _boxed_notices(kept: list[Block]) -> list[tuple[int, int]]:
    """(first block, title block) of each boxed notice that the extraction dropped into the
    middle of an article, its one-word title last (`…监督电话：…` / `公 示` / `好评。`).

    The box is the run of paragraphs between the last photo caption or heading and the
    title; the article it interrupts was cut mid-sentence before it and resumes after it.
    """
    out: list[tuple[int, int]] = []
    for t, block in enumerate(kept):
        flat = "".join(block.text.split())
        if block.kind != "heading" or flat not in NOTICE_WORDS or t + 1 >= len(kept):
            continue
        if kept[t + 1].kind != "body" or t == 0 or kept[t - 1].kind in _FRAME_KINDS:
            continue
        a = t
        while a - 1 >= 0 and t - a < 8 and kept[a - 1].kind in {"body", "quote"}:
            a -= 1
        if a == 0 or kept[a - 1].kind not in _FRAME_KINDS:
            continue
        before = next(
            (kept[p] for p in range(a - 1, max(-1, a - 6), -1) if kept[p].kind == "body"), None
        )
        if before is not None and not ends_sentence(plain(before.text)):
            out.append((a, t))
    return out


def _continue_metadata(doc: DocumentSpan, article: DocumentSpan) -> None:
    """The rest of an article after a boxed notice: the same article, so its metadata."""
    doc.title, doc.subtitle, doc.rubric = article.title, article.subtitle, article.rubric
    doc.authors, doc.author_roles = list(article.authors), list(article.author_roles)
    doc.issuer = article.issuer
    doc.continues = article.continues or article.ordinal


def _caption_overlay(text: str, toc: list[TocEntry]) -> bool:
    """A whole line printed twice by the OCR (`…开展服务…开展服务`) in an issue with a contents
    page: a photo caption inside an article, unless the contents page lists it as a title."""
    flat = "".join(text.split())
    half = len(flat) // 2
    doubled = len(flat) >= 12 and (flat[:half] == flat[half:] or undouble(flat) != flat)
    return doubled and find_entry(toc, text) is None and not _DOC_WORD_RE.search(undouble(flat))


# ---------------------------------------------------------------- block roles


def _rescue_bylines(blocks: list[Block]) -> None:
    """A `■杨 晨` line is a byline, not a pull-quote: give it back to the text."""
    for block in blocks:
        text = block.text.strip()
        if (
            block.removed
            and block.removed_kind in {"pull_quote", "page_furniture"}
            and parse_byline(text)
            and text[:1] in "■/／"
        ):
            block.kind = "byline"
            block.removed_kind = None
            block.reason = None


def _split_runin_bylines(kept: list[Block]) -> list[Block]:
    """`记者… 通讯员…报道 “韩涛…` -> a byline block and the body block, same lines."""
    out: list[Block] = []
    for block in kept:
        found = parse_runin_byline(block.text) if block.kind == "body" else None
        if found:
            byline = found[0]
            rest = block.text[block.text.index(byline) + len(byline) :].lstrip()
            out.append(
                replace(
                    block,
                    text=byline,
                    kind="byline",
                    line_end=block.line_start,
                    lines=block.lines[:1],
                )
            )
            if rest:
                out.append(replace(block, text=rest))
            continue
        out.append(block)
    return out


def _split_toc_titles(kept: list[Block], toc: list[TocEntry]) -> list[Block]:
    """A title line the reflow glued to the end of a paragraph, when the contents page
    confirms it (`…成事之在思想淬炼中谱写新时代胆剑篇`): give it a block of its own."""
    if not toc:
        return kept
    out: list[Block] = []
    for block in kept:
        cut = _toc_tail(block, toc) if block.kind == "body" and len(block.lines) > 1 else None
        if cut is None:
            out.append(block)
            continue
        head, tail = block.text[:cut].rstrip(), block.text[cut:].strip()
        per_line = max(1, len("".join(head.split())) // max(1, len(block.lines) - 1))
        n_tail = min(len(block.lines) - 1, max(1, round(len("".join(tail.split())) / per_line)))
        head_lines, tail_lines = block.lines[:-n_tail], block.lines[-n_tail:]
        out.append(replace(block, text=head, line_end=head_lines[-1], lines=head_lines))
        out.append(
            replace(block, text=tail, kind="heading", line_start=tail_lines[0], lines=tail_lines)
        )
    return out


_GLUED_TITLE_RE = re.compile(
    r"^(?P<title>[^。！？；，：《》—\s]{6,80}?"
    r"(?:(?=——)|的通知|的意见|的决定|的报告|上的讲话|讲话摘要|的说明|纪实))"
    r"(?P<sub>——[^。！？；《》]{4,60}?(?:上的报告|上的讲话|上的说明))?"
    r"(?P<date>[（(]\d{4}年\d{1,2}月\d{1,2}日[）)])?"
    r"(?=[^》”）要精和及、，。—])"
)


def _split_title_subtitles(kept: list[Block]) -> list[Block]:
    """A short title and its delivery subtitle printed on one line (`政府工作报告——2009年
    3月5日在…会议上`): two heading blocks on that line."""
    out: list[Block] = []
    for block in kept:
        flat = "".join(block.text.split())
        m = _TITLE_WITH_SUBTITLE_RE.match(flat) if block.kind in {"body", "heading"} else None
        if m is None or not _DELIVERED_RE.match(m.group("sub")) or _NUMBERED_RE.match(flat):
            out.append(block)
            continue
        cut = block.text.index("——")
        out.append(replace(block, text=block.text[:cut].strip(), kind="heading"))
        sub_level = block.md_level + 1 if block.md_level is not None else None  # under its title
        out.append(
            replace(block, text=block.text[cut:].strip(), kind="heading", md_level=sub_level)
        )
    return out


def _split_glued_titles(kept: list[Block]) -> list[Block]:
    """A title the reflow glued to the paragraph after it (`…会议上的报告这次会议…`,
    `…的通知各区、县（市）党委…：`, `…奋斗——在…上的报告（2022年10月16日）…`): the title,
    its subtitle and its date become blocks of their own."""
    out: list[Block] = []
    for block in kept:
        text = block.text.strip()
        m = _GLUED_TITLE_RE.match(text) if block.kind in {"body", "heading"} else None
        if m and m.group("title").endswith(tuple("的之和与在对")):
            m = None
        rest = text[m.end() :].strip() if m else ""
        if not m or len(rest) < 4 or _NUMBERED_RE.match(text) or len(block.lines) < 2:
            out.append(block)
            continue
        parts = [(p, "heading") for p in m.group("title", "sub", "date") if p] + [(rest, "body")]
        lines = list(block.lines)
        total = max(1, len(text))
        for k, (part, kind) in enumerate(parts):
            left = len(parts) - k - 1
            if left == 0:
                take = lines
            else:
                take = lines[
                    : max(1, min(len(lines) - left, round(len(part) / total * len(block.lines))))
                ]
            lines = lines[len(take) :] or take[-1:]
            out.append(
                replace(
                    block,
                    text=part,
                    kind=kind,
                    line_start=take[0],
                    line_end=take[-1],
                    lines=tuple(take),
                )
            )
    return out


def _toc_tail(block: Block, toc: list[TocEntry]) -> int | None:
    """Offset in block.text where a contents-page title ends the block, or None."""
    text = block.text.rstrip()
    if ends_sentence(text):
        return None
    positions = [i for i, c in enumerate(text) if not c.isspace()]
    flat = "".join(text[i] for i in positions)
    for entry in toc:
        key = entry.key
        for length in range(len(key), min(len(flat) - 1, 2 * len(key) + 2) + 1):
            tail = flat[-length:]
            if tail[0] != key[0] or toc_key(tail) != key:
                continue
            return positions[len(flat) - length]
    return None


def _is_note(block: Block) -> bool:
    return block.kind == "note" or bool(_NOTE_RE.match(block.text))


def _is_editors_note(block: Block) -> bool:
    """An editor's note (`按：…`), which opens the document it introduces; a source note
    (`（…提供）`, `原文：URL`) closes the document it belongs to instead."""
    return bool(_NOTE_RE.match(block.text))


def _is_byline(block: Block) -> bool:
    if block.kind == "byline":
        return True
    text = plain(block.text)
    return (
        block.kind in {"body", "heading"}
        and parse_byline(text) is not None
        and (text[:1] in "■/／◎" or bool(ROLE_LINE_RE.match(text)))
    )


def _is_role_only(block: Block) -> bool:
    m = ROLE_LINE_RE.match(block.text.strip())
    return bool(m) and not m.group(2)


def _title_like(block: Block) -> bool:
    """Short, not a sentence, not numbered, not a byline: a title line candidate."""
    if block.kind not in {"body", "heading"} or block.md_level is not None:
        return False
    text = plain(block.text)
    if not text or ("\n" in text and len(text.splitlines()) > 3):
        return False
    flat = "".join(text.split())
    if cjk_count(flat) < 2 or len(flat) > TITLE_MAX:
        return False
    if flat[-1] in "。；，、：:;,":
        return False
    if (
        flat[0] in "●■◆▲★·•"
        or flat.startswith("——")
        or _NUMBERED_RE.match(flat)
        or _is_byline(block)
    ):
        return False
    if _DATE_LINE_RE.match(flat) or _CN_DATE_LINE_RE.match(flat) or _DELIVERED_RE.match(flat):
        return False
    if _WIRE_DATELINE_RE.match(flat):
        return False  # `新华社北京3月14日电` over a wire copy: a dateline, not a title
    if _SALUTATION_RE.match(flat) or re.search(
        r"上一页|下一页|【字体|来源[：:]|www\.|https?:", flat
    ):
        return False
    if _OFFICE_NAME_RE.match(text) or (flat[0] in "（(" and flat[-1] in "）)"):
        return False  # also source and photo credits: （市委办公室 提供）
    return flat.count("。") == 0


def _is_subtitle(block: Block) -> bool:
    """`——在…上的报告`, or a delivery line (`2026年1月14日在…会议上`) under a title."""
    flat = "".join(block.text.split())
    return (
        (flat.startswith("——") or bool(_DELIVERED_RE.match(flat)))
        and len(flat) <= TITLE_MAX
        and not ends_sentence(flat)
        and "。" not in flat
    )


def _take_delivered(doc: DocumentSpan, flat: str) -> None:
    """A delivery subtitle gives the document's date as printed (not inferred)."""
    d = _DELIVERED_RE.match(flat)
    if d and (doc.publish_date is None or doc.date_inferred):
        found = safe_date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
        if found:
            doc.publish_date, doc.date_inferred = found, False


def _is_label(block: Block) -> bool:
    """A rubric or running label: `>>特别报道`, `经 济`, or a short line printed again and
    again in the source (`本期关注`, `领导要论`)."""
    t = plain(block.text)
    if _ARROW_LABEL_RE.match(t) or _SPACED_LABEL_RE.match(t):
        return True
    flat = "".join(t.split())
    return flat in _REPEATED.get() or (len(flat) <= 10 and bool(_PLACE_LABEL_RE.match(flat)))


def _repeated_labels(blocks: list[Block]) -> frozenset[str]:
    """Short lines (at most 4 characters) that occur twice or more outside the contents
    (neither an organisation nor a byline role)."""
    counts: dict[str, int] = {}
    for block in blocks:
        if block.removed_kind == "toc" or block.md_level is not None:
            continue
        flat = "".join(plain(block.text).split())
        if 1 <= cjk_count(flat) == len(flat) <= 4 and not _is_org_line(flat) and flat not in ROLES:
            counts[flat] = counts.get(flat, 0) + 1
    return frozenset(k for k, v in counts.items() if v >= 2)


def _is_org_line(text: str) -> bool:
    flat = "".join(text.split())
    return len(flat) <= 30 and bool(_ORG_LINE_RE.match(flat))


def _is_date_line(text: str) -> bool:
    flat = "".join(text.split())
    return bool(_DATE_LINE_RE.match(flat) or _CN_DATE_LINE_RE.match(flat))


def _doubled(text: str) -> bool:
    flat = "".join(text.split())
    return undouble(flat) != flat


# ---------------------------------------------------------------- where documents start


def _find_starts(kept: list[Block], toc: list[TocEntry]) -> list[int]:
    """Indices of the blocks that open a document (always 0 first)."""
    starts = [0]
    n = len(kept)
    has_title = [False]  # per current document: has it a title before its body?
    has_byline = [False]
    start_reason = ["first"]
    body_seen = False
    closed = False  # a signature closed the current document
    i = 0

    def open_at(k: int, titled: bool, bylined: bool, reason: str = "") -> None:
        nonlocal body_seen, closed
        if k > starts[-1] and (body_seen or closed):
            starts.append(k)
            has_title.append(titled)
            has_byline.append(bylined)
            start_reason.append(reason)
        else:
            has_title[-1] = has_title[-1] or titled
            has_byline[-1] = has_byline[-1] or bylined
        body_seen = False
        closed = False

    def header_start(k: int) -> int:
        """Walk back over rubric labels right before a title/byline."""
        while k - 1 > starts[-1] and _is_label(kept[k - 1]):
            k -= 1
        return k

    while i < n:
        block = kept[i]
        text = plain(block.text)
        if closed and block.kind != "signature":
            open_at(i, False, False)
        if block.md_level is not None and block.md_level <= 2:
            if i > 0 and i - 1 == starts[-1] and kept[i - 1].md_level == block.md_level:
                # two headings of one level in a row: the first heads an item whose text
                # was all set aside (a contents line); the second opens the next item
                body_seen = True
            open_at(i, True, False)
            i += 1
            while i < n and kept[i].md_level is not None and kept[i].md_level > 2 and not body_seen:
                i += 1
            continue
        if _is_editors_note(block):
            open_at(i, False, False)
            body_seen = False
            i += 1
            continue
        if (
            _CHRONICLE_MONTH_RE.match(text)
            and i + 1 < n
            and _CHRONICLE_DAY_RE.match(kept[i + 1].text)
        ):
            if start_reason[-1] != "chronicle":  # the next month goes on the same chronicle
                open_at(i, False, False, "chronicle")
            body_seen = True
            i += 1
            continue
        if _title_like(block):
            j = i
            while j < n and j - i < 6 and (_title_like(kept[j]) or _is_label(kept[j])):
                j += 1
            last_label = max((q for q in range(i + 1, j) if _is_label(kept[q])), default=None)
            if last_label is not None and last_label + 1 < j:
                # a label between title-like lines opens the next title: what comes
                # before it (a cartoon's caption, a stray line) ends the document
                first = last_label
                while first - 1 > i and _is_label(kept[first - 1]):
                    first -= 1
                body_seen = True
                i = first
            group = kept[i:j]
            nxt = kept[j] if j < n else None
            k = j
            while k < n and k - j < 3 and (_is_subtitle(kept[k]) or _is_label(kept[k])):
                k += 1
            after = kept[k] if k < n else None
            joined = clean_title("\n".join(b.text for b in group if not _is_label(b)))
            by = after is not None and _is_byline(after)
            worded = bool(_DOC_WORD_RE.search(joined)) and cjk_count(joined) >= 6
            kicker = len(group) >= 2 and bool(_KICKER_RE.search(clean_title(group[0].text)))
            art = any(_doubled(b.text) for b in group)
            in_toc = find_entry(toc, joined) is not None or any(
                find_entry(toc, b.text) for b in group
            )
            bylined_untitled = has_byline[-1] and not has_title[-1]
            if by or ((worded or kicker) and (nxt is None or not _title_like(nxt))):
                if (bylined_untitled and not by and not worded) or (
                    worded and not by and not has_title[-1] and start_reason[-1] == "salutation"
                ):
                    has_title[-1] = True  # the title printed inside its article
                else:
                    open_at(header_start(i), bool(joined), by)
                i = k + 1 if by else j
                if by:
                    i = _skip_role_line(kept, i)
                continue
            if i == starts[-1] and not body_seen and not has_title[-1]:
                has_title[-1] = True  # the opening lines of the source or of a document
                i = j
                continue
            if art or in_toc:
                if bylined_untitled or not body_seen:
                    has_title[-1] = True
                else:
                    open_at(header_start(i), True, False)
                i = j
                continue
            if (
                i + 1 < n
                and _is_date_line(kept[i].text) is False
                and _is_org_line(text)
                and body_seen
                and (
                    i + 1 == n
                    or _is_date_line(kept[i + 1].text)
                    or kept[i + 1].md_level is not None
                )
            ):
                block.kind = "signature"
                i += 1
                if i < n and _is_date_line(kept[i].text):
                    kept[i].kind = "signature"
                    i += 1
                closed = True
                continue
            if _is_org_line(text) and body_seen and i + 1 == n:
                block.kind = "signature"
                closed = True
                i += 1
                continue
            body_seen = True
            i = i + 1
            continue
        if _is_byline(block):
            open_at(header_start(i), False, True)
            i = _skip_role_line(kept, i + 1)
            continue
        if _is_date_line(text) and body_seen and i > 0 and _is_org_line(kept[i - 1].text):
            kept[i - 1].kind = "signature"
            block.kind = "signature"
            closed = True
            i += 1
            continue
        if _SALUTATION_RE.match("".join(text.split())) and body_seen and i > starts[-1]:
            at, p = i, i - 1
            while p > starts[-1] and (
                _is_label(kept[p]) or (_title_like(kept[p]) and cjk_count(kept[p].text) <= 8)
            ):
                at, p = p, p - 1
            # a speech addresses its audience again at each of its parts: a salutation
            # with no title or label before it opens a new document only if the current
            # one has not addressed anyone yet
            readdressed = at == i and any(
                _SALUTATION_RE.match("".join(b.text.split())) for b in kept[starts[-1] : i]
            )
            if ends_sentence(kept[p].text) and p >= starts[-1] and not readdressed:
                open_at(at, False, False, "salutation")
                body_seen = True
                i += 1
                continue
        if block.kind in {"body", "quote", "note"}:
            body_seen = True  # (a source or metadata note is content of its document)
        i += 1
    return starts


def _skip_role_line(kept: list[Block], i: int) -> int:
    if i < len(kept) and _is_role_only(kept[i]):
        return i + 1
    return i


# ---------------------------------------------------------------- metadata


def _read_metadata(doc: DocumentSpan, toc: list[TocEntry]) -> None:
    """Title, subtitle, byline, rubric, issuer and block kinds of one document."""
    blocks = doc.blocks
    i = 0
    title_parts: list[str] = []
    n = len(blocks)
    # leading rubric labels (also a short label right before a salutation: 领导要论)
    if (
        n > 1
        and _title_like(blocks[0])
        and cjk_count(blocks[0].text) <= 8
        and _SALUTATION_RE.match("".join(blocks[1].text.split()))
    ):
        doc.rubric = _label_text(blocks[0].text)
        blocks[0].kind = "heading"
        i = 1
    lead = ""  # the first leading label as printed (a logo glyph may be read into the title)
    while i < n and _is_label(blocks[i]) and i + 1 < n:
        lead = lead or "".join(blocks[i].text.split())
        doc.rubric = doc.rubric or _label_text(blocks[i].text)
        blocks[i].kind = "heading"
        i += 1
    if i < n and _is_note(blocks[i]):
        blocks[i].kind = "note"
        i += 1
    if i < n and blocks[i].md_level is not None:
        head = blocks[i]
        head.kind = "heading"
        title = head.text.strip().lstrip("#").strip()
        title = _MD_NUMBER_RE.sub("", title) if head.md_level == 2 else title
        m = _MD_RUBRIC_RE.match(title)
        if m:
            doc.rubric = m.group(1)
            title = title[m.end() :].strip()
        doc.title = title
        i += 1
        while i < n and blocks[i].md_level is not None and blocks[i].md_level > head.md_level:
            blocks[i].kind = "heading"
            doc.subtitle = blocks[i].text.strip().lstrip("#").strip()
            i += 1
    else:
        while i < n and _title_like(blocks[i]):
            if _is_label(blocks[i]) and title_parts:
                break
            title_parts.append(blocks[i].text)
            blocks[i].kind = "heading"
            i += 1
        if len(title_parts) >= 2 and _KICKER_RE.search(clean_title(title_parts[0])):
            doc.subtitle = clean_title(title_parts[0])
            title_parts = title_parts[1:]
        if len(title_parts) >= 2 and _doubled(title_parts[0]) and not _doubled(title_parts[1]):
            doc.rubric = doc.rubric or clean_title(title_parts[0])
            title_parts = title_parts[1:]
        if len(title_parts) == 1:
            banner = re.match(r"^(.{4,}?)\1(.{4,})$", "".join(plain(title_parts[0]).split()))
            # a doubled banner read into the title line: 巩固…成果巩固…成果在学懂…
            if banner and cjk_count(banner.group(1)) >= 4:
                doc.rubric = doc.rubric or banner.group(1)
                title_parts = [banner.group(2)]
        if title_parts:
            doc.title = clean_title("\n".join(title_parts))
            glyph = doc.rubric or lead
            if glyph and doc.title.startswith(glyph) and len(doc.title) > len(glyph) + 4:
                doc.title = doc.title[len(glyph) :].strip()  # a logo glyph read into it
    # subtitle, date line and author line of a title block
    while i < n:
        b = blocks[i]
        flat = "".join(b.text.split())
        if _is_subtitle(b) and doc.subtitle is None:
            b.kind = "heading"
            doc.subtitle = remove_layout_spaces(b.text.strip())
            _take_delivered(doc, flat)
        elif _is_label(b):
            b.kind = "heading"
            doc.rubric = doc.rubric or _label_text(b.text)
        elif doc.title and _is_date_line(flat):
            b.kind = "heading"
            d = full_dates(flat)
            if d:
                doc.publish_date = d[0]
        elif _is_role_only(b) and doc.authors:
            b.kind = "byline"
            doc.author_roles = [flat] * len(doc.authors)
        elif (
            doc.title
            and not doc.authors
            and _NAME_LINE_RE.match(flat)
            and not _is_role_only(b)
            and i + 1 < n
            and not _is_byline(blocks[i + 1])
        ):
            b.kind = "byline"
            doc.authors, doc.author_roles = [flat], [""]
        elif _is_byline(b):
            _take_byline(doc, b)
        else:
            break
        i += 1
    body_start = i
    # a byline anywhere in the first part (magazine articles open with it)
    if not doc.authors:
        for k in range(body_start, min(n, body_start + 4)):
            if _is_byline(blocks[k]):
                _take_byline(doc, blocks[k])
                if k + 1 < n and _is_role_only(blocks[k + 1]):
                    blocks[k + 1].kind = "byline"
                    doc.author_roles = ["".join(blocks[k + 1].text.split())] * len(doc.authors)
    if doc.title is None and doc.authors:
        _title_glued(doc, toc)
    if doc.title is None:
        _title_inside(doc, toc, body_start)
    _late_metadata(doc, body_start)
    _strip_glued_label(doc, toc)
    _confirm_with_toc(doc, toc)
    if doc.title:
        m = _SPEAKER_RE.match(doc.title)
        if m and not doc.authors:
            doc.authors, doc.author_roles = [m.group(1)], [""]
        m = _ISSUER_RE.match(doc.title)
        if m:
            doc.issuer = m.group(1).strip()
    for b in blocks:
        if b.kind == "signature" and _is_org_line(b.text) and not doc.issuer:
            doc.issuer = "".join(b.text.split())
    if doc.author_roles and not any(doc.author_roles):
        doc.author_roles = [""] * len(doc.authors)


def _label_text(text: str) -> str | None:
    """The rubric a label names; None for a place label (湖州市, …学院: where the article
    is from, not the column it is printed in) and for a lone logo glyph (税)."""
    m = _ARROW_LABEL_RE.match(text.strip())
    label = m.group(1) if m else "".join(text.split())
    if m is None and (_PLACE_LABEL_RE.match(label) or cjk_count(label) < 2):
        return None
    return label


def _take_byline(doc: DocumentSpan, block: Block) -> None:
    block.kind = "byline"
    if doc.authors:
        return
    parsed = parse_byline(block.text)
    if parsed:
        doc.authors, doc.author_roles = parsed
        return
    runin = parse_runin_byline(block.text)
    if runin:
        doc.authors, doc.author_roles = runin[1], runin[2]


def _title_inside(doc: DocumentSpan, toc: list[TocEntry], start: int) -> None:
    """A magazine title printed in the middle of its article (flattened page layout)."""
    cands = []
    for k in range(start, len(doc.blocks)):
        b = doc.blocks[k]
        if not _title_like(b) or _is_label(b):
            continue
        flat = "".join(b.text.split())
        if _PLACE_LABEL_RE.match(flat) or _OFFICE_NAME_RE.match(b.text.strip()):
            continue
        prev = plain(doc.blocks[k - 1].text) if k > 0 else ""
        if prev[:1] in "●◆▲" and not ends_sentence(prev) and len(prev) <= 20:
            continue  # second line of a bullet sub-heading
        cands.append(k)
    if not cands:
        return
    chosen: list[int] | None = None
    for k in cands:  # confirmed by the contents page (one line, or two joined)
        if find_entry(toc, doc.blocks[k].text):
            chosen = [k]
            break
        if k + 1 in cands and find_entry(toc, doc.blocks[k].text + "\n" + doc.blocks[k + 1].text):
            chosen = [k, k + 1]
            break
    if chosen is None and doc.authors:
        places = _PLACES.get()
        strong = [
            k
            for k in cands
            if any(
                _PLACE_LABEL_RE.match("".join(x.text.split())) for x in doc.blocks[k + 1 : k + 4]
            )
            or any(doc.blocks[k].line_end < line <= doc.blocks[k].line_end + 6 for line in places)
        ]
        weak = [k for k in cands if any(x.kind == "caption" for x in doc.blocks[k + 1 : k + 3])]
        for k in strong or weak:
            chosen = (
                [k - 1, k] if k - 1 in cands and not ends_sentence(doc.blocks[k - 1].text) else [k]
            )
            break
    if chosen is None:
        for k in cands:
            flat = clean_title(doc.blocks[k].text)
            if _DOC_WORD_RE.search(flat) or _doubled(doc.blocks[k].text):
                chosen = [k]
                break
    if chosen is None:
        return
    for k in chosen:
        doc.blocks[k].kind = "heading"
    doc.title = clean_title("\n".join(doc.blocks[k].text for k in chosen))


_CITY_TAIL_RE = re.compile(r"(?<=.{6})[\u4e00-\u9fff]{2}[市县区]$")


def _strip_glued_label(doc: DocumentSpan, toc: list[TocEntry]) -> None:
    """A place or rubric label the reflow glued to a magazine title (`…答卷金华职业技术学院`,
    `…美好生活政治`): drop it when the contents page or the label's form says so."""
    if not doc.title or find_entry(toc, doc.title):
        return
    key = toc_key(doc.title)
    labels = {e.label for e in toc if e.label} | {e.rubric for e in toc if e.rubric}
    for entry in toc:
        rest = key[len(entry.key) :] if key.startswith(entry.key) else None
        if rest and (rest in labels or (entry.authors and _same_names(entry.authors, doc.authors))):
            doc.title = entry.title  # the contents page names this byline's title
            return
    if doc.authors:
        m = _CITY_TAIL_RE.search(doc.title)
        if m:
            doc.title = doc.title[: m.start()].rstrip()


def _title_glued(doc: DocumentSpan, toc: list[TocEntry]) -> None:
    """The reflow glued the title inside a paragraph: take it when the contents page gives
    this byline's article a title that the article's own text prints."""
    text = "".join("".join(b.text.split()) for b in doc.blocks)
    for entry in toc:
        if entry.authors and _same_names(entry.authors, doc.authors) and entry.key in text:
            doc.title = entry.title
            for block in doc.blocks:
                if toc_key(block.text) == entry.key:
                    block.kind = "heading"  # the title printed on a line of its own
            return


def _late_metadata(doc: DocumentSpan, start: int) -> None:
    """Office + name lines (`浙江省省长 王 浩`), delivery lines, subtitles inside the text."""
    for k in range(start, min(len(doc.blocks), start + 400)):
        b = doc.blocks[k]
        text = b.text.strip()
        m = _OFFICE_NAME_RE.match(text)
        if m and not doc.authors:
            doc.authors = split_names(m.group(2))
            doc.author_roles = [m.group(1)] * len(doc.authors)
            b.kind = "byline"
            continue
        flat = "".join(text.split())
        if (
            doc.subtitle is None
            and k < start + 40
            and _is_subtitle(b)
            and b.kind in {"body", "heading"}
        ):
            doc.subtitle = remove_layout_spaces(text)
            b.kind = "heading"
            _take_delivered(doc, flat)
            continue
        if _DELIVERED_RE.match(flat) and doc.publish_date is None:
            _take_delivered(doc, flat)
            b.kind = "heading"


def _confirm_with_toc(doc: DocumentSpan, toc: list[TocEntry]) -> None:
    """Use the contents page where it confirms what the pages print."""
    entry = find_entry(toc, doc.title)
    if entry is None:
        return
    if toc_key(entry.title) == toc_key(doc.title or "") and "".join(entry.title.split()) == "".join(
        (doc.title or "").split()
    ):
        doc.title = entry.title  # same words: take the contents page's spacing
    if entry.authors and doc.authors and _same_names(entry.authors, doc.authors):
        doc.authors = entry.authors if len(entry.authors) == len(doc.authors) else doc.authors
    if entry.rubric and doc.rubric is None:
        # the article is identified by a title its pages print; its rubric label is
        # printed beside it on most pages, not always: then the contents page says it
        doc.rubric = entry.rubric
    if (
        entry.subtitle
        and doc.subtitle is None
        and any("".join(b.text.split()) == "".join(entry.subtitle.split()) for b in doc.blocks)
    ):
        doc.subtitle = entry.subtitle


def _same_names(a: list[str], b: list[str]) -> bool:
    return "".join(a) == "".join(b)


# ---------------------------------------------------------------- dates and types


def _source_date(blocks: list[Block]) -> date | None:
    """The source's own date: an ISO date in a markdown header, else the latest full date."""
    for b in blocks[:5]:
        if b.md_level == 1:
            m = re.search(r"(\d{4})-(\d{2})-(\d{2})", b.text)
            if m:
                return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found: list[date] = []
    for b in blocks:
        found.extend(full_dates(b.text))
    return max(found) if found else None


def _fill_date(doc: DocumentSpan, source_date: date | None) -> None:
    """The document's own date (signature, dateline, title block), else the source's."""
    if doc.publish_date is None:
        for b in reversed(doc.blocks):
            if b.kind == "signature":
                d = full_dates(b.text)
                if d:
                    doc.publish_date = d[0]
                    break
    if doc.publish_date is None:
        for b in doc.blocks[:6]:
            m = DATELINE_RE.match(b.text)
            if m:
                year = (
                    to_int(m.group(1))
                    if m.group(1)
                    else (source_date.year if source_date else None)
                )
                if year:
                    doc.publish_date = safe_date(year, to_int(m.group(2)), to_int(m.group(3)))
                    doc.date_inferred = m.group(1) is None
                break
    if doc.publish_date is None and source_date is not None:
        doc.publish_date = source_date
        doc.date_inferred = True


def _doc_type(doc: DocumentSpan) -> str:
    """Decide the document type from its title, rubric, opening and structure."""
    title = doc.title or ""
    rubric = doc.rubric or ""
    body = [b for b in doc.blocks if b.kind in {"body", "byline"}]
    text_head = plain("".join(b.text for b in body[:2]))
    if re.search(r"评论|快评|短评|漫笔|时评|社论|述评|评论员", rubric + title):
        return "commentary"
    if re.search(r"(?:通知|通报|公告|公示|决定|决议|意见|批复|办法|规定)$", title):
        return "notice"
    if re.search(r"讲话|致辞|发言", title):
        return "speech"
    if re.search(r"报告》?$", title) or re.search(r"上的报告$", doc.subtitle or ""):
        return "report"
    if any(b.kind == "signature" for b in doc.blocks) and re.search(
        r"通知如下|特此通知", "".join(b.text for b in doc.blocks)
    ):
        return "notice"
    if (
        DATELINE_RE.match(text_head)
        or re.match(
            r"^\s*(?:本报讯|本刊讯|央视网消息|新华社|新华网|人民网|中新社|中新网|记者)", text_head
        )
        or any(r in {"记者", "通讯员", "本报记者"} for r in doc.author_roles)
    ):
        return "news"
    if (
        doc.title is None
        and sum(bool(re.match(r"^\s*\d{1,3}[.．]\s*\S", b.text)) for b in doc.blocks) >= 3
    ):
        return "plan"
    if doc.authors:
        return "article"
    if doc.title and re.search(
        r"强调|指出|出版|召开|举行|通报|会见|发表", (doc.subtitle or "") + title
    ):
        return "news"
    return "other"
