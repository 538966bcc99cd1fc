"""Multi-line rules of layout recovery: regions of furniture found from context.

Each function looks at a run of lines (tables of contents, sponsor lists, pull-quote
boxes, vertical headings, running heads, captions over two lines, web toolbars) and marks
the items it claims. Items are the `_Item`s of `layout.py`; a shared `group` id makes
several lines one block.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import count, pairwise
from typing import Any

from .layout_rules import (
    CJK_RE,
    CREDIT_CAPTION,
    FINAL_PUNCT,
    NOTICE_WORDS,
    classify_line,
    is_chrome_word,
    is_md_meta_item,
    is_spaced_rubric,
    md_parts,
    unescape_spaces,
    width,
)

_group_ids = count(1)


def _new_group() -> int:
    return next(_group_ids)


def _remove(it: Any, kind: str, reason: str, group: int | None = None) -> None:
    it.kind = "removed"
    it.removed_kind = kind
    it.reason = reason
    it.group = group


def mark_regions(items: list[Any]) -> None:
    """Classify every item in place (line rules first, then the regions)."""
    for it in items:
        kind, rkind, reason = classify_line(it.text)
        it.kind = kind
        it.removed_kind, it.reason = rkind, reason
        if kind == "md":
            parts = md_parts(it.text)
            it.md_level = parts[0] if parts else None
    _doubled_captions(items)
    _chrome_runs(items)
    _web_page_lines(items)
    _md_metadata_lists(items)
    _vertical_headings(items)
    _toc(items)
    _inline_toc(items)
    _sponsor_lists(items)
    _spaced_rubrics(items)
    _pull_quotes(items)
    _running_heads(items)
    _credit_captions(items)
    _multiline_captions(items)


# --- web chrome ----------------------------------------------------------------------


_PUNCT_ONLY = re.compile(r"^[）)】」』〕>\]}]{1,3}$")


def _chrome_runs(items: list[Any]) -> None:
    """Toolbar words one a line (打印 / 全屏 / 【字号： / 加大 …) in runs of three or more;
    and the closing bracket of a chrome line that the page broke onto a line of its own
    (`（责任编辑： 某某` / `）`)."""
    for prev, it in pairwise(items):
        if it.kind == "text" and prev.removed_kind == "web_chrome" and _PUNCT_ONLY.match(it.text):
            _remove(it, "web_chrome", "the closing bracket of a web chrome line broken over lines")
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and (
            is_chrome_word(items[j].text) or items[j].removed_kind == "web_chrome"
        ):
            j += 1
        if j - i >= 3 and any(is_chrome_word(items[k].text) for k in range(i, j)):
            for k in range(i, j):
                if items[k].removed_kind != "web_chrome":  # keeps its own reason
                    _remove(items[k], "web_chrome", "a toolbar of the scraped web page")
        i = max(j, i + 1)


_PAGE_META = re.compile(
    r"^(?:(?:来源|稿源|作者|编辑|责任编辑|浏览次数|点击数|阅读次数)\s*[：:][^，。；！？]{0,30}"
    # a time or date only as a web page stamps it (2026-01-22 10:30), not `时间：2月3日上午9时`
    r"|(?:时间|发布时间|发布日期|日期)\s*[：:]\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)
_RELATED = re.compile(r"^(?:相关|延伸)(?:报道|链接|新闻|阅读|文章|稿件)\s*[：:]?$")


def _web_page_lines(items: list[Any]) -> None:
    """In a scraped web page (one that has web chrome), the page's metadata lines before the
    article's first paragraph (`来源：浙江日报`, `时间：2026-01-22`) and a related-links
    heading (`相关报道：`) are chrome too. A printed text has no web chrome, and keeps its
    own `来源：` (a table's source) or `时间：` (a meeting notice) lines."""
    if not any(it.removed_kind == "web_chrome" for it in items):
        return
    in_head = True
    for it in items:
        if it.kind != "text":
            continue
        text = it.text.strip()
        if in_head and it.width <= 40 and _PAGE_META.match(text):
            _remove(it, "web_chrome", "a metadata line (source, time…) of the scraped web page")
        elif _RELATED.match(text):
            _remove(it, "web_chrome", "the related-links heading of the scraped web page")
        elif it.width > 40 and it.text[-1] in FINAL_PUNCT:
            in_head = False  # the article's first paragraph


def _md_metadata_lists(items: list[Any]) -> None:
    """Two or more `- key：value` lines in a row (`- 数据源：…` / `- 新闻条数：20`): the
    metadata list of a markdown file, kept as notes (the markup is stripped in the reflow),
    not taken for headings or body text."""
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j].kind == "text" and is_md_meta_item(items[j].text):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                items[k].kind = "note"
        i = max(j, i + 1)


# --- photo captions in bold type, read twice ------------------------------------------------

_CREDIT = re.compile(r"\s[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}\s*摄(?:影)?$")


def split_doubled(token: str) -> str | None:
    """The token read once when it is a sequence of runs each printed twice
    (`长兴县开展长兴县开展““我为…` -> `长兴县开展“我为…`, `许许` -> `许`), else None; the
    second copies are the same text."""
    n = len(token)
    if n > 300:
        return None  # no caption line is this long (and the recursion stays shallow)
    memo: dict[int, tuple[str, ...] | None] = {}

    def go(i: int) -> tuple[str, ...] | None:
        if i == n:
            return ()
        if i in memo:
            return memo[i]
        memo[i] = None
        for size in range(1, (n - i) // 2 + 1):
            if token[i : i + size] == token[i + size : i + 2 * size]:
                rest = go(i + 2 * size)
                if rest is not None:
                    memo[i] = (token[i : i + size], *rest)
                    break
        return memo[i]

    runs = go(0) if n >= 2 else None
    if runs is None:
        return None
    return "".join(runs)


def undouble_line(text: str) -> tuple[str, str] | None:
    """(the line read once, the second copies) when every word of it was read twice."""
    tokens = text.split()
    parts = [split_doubled(t) for t in tokens]
    if not tokens or any(p is None for p in parts):
        return None
    return " ".join(p for p in parts if p), "".join(p for p in parts if p)


def _doubled_caption(text: str) -> tuple[str, str] | None:
    """A line every word of which was read twice, that reads as a photo caption: with its
    credit (`… 许 旭 摄`), or a long description (twelve characters or more; the title
    lines a magazine prints in such art are shorter)."""
    found = undouble_line(text) if len(text) >= 12 else None
    if not found:
        return None
    cjk = len(CJK_RE.findall(found[0]))
    if cjk >= 8 and _CREDIT.search(found[0]):
        return found
    return found if cjk >= 12 and not any(c in found[0] for c in "。；，") else None


def _doubled_captions(items: list[Any]) -> None:
    """A photo caption whose bold type the OCR extracted twice (`…活动主题实践活动 许许
    旭旭 摄摄`): a caption, read once; the second copy is kept aside on the item and
    becomes a removed `duplicate` block. A line that the contents page or a byline marks
    as a title is left alone."""
    toc = "".join(
        "".join(it.text.split()) for it in items if _toc_entry(it) or _TOC_AUTHOR.match(it.text)
    )
    for k, it in enumerate(items):
        if it.kind != "text":
            continue
        found = _doubled_caption(it.text)
        if not found:
            continue
        flat = "".join(found[0].split())
        nxt = items[k + 1].text if k + 1 < len(items) else ""
        if (toc and flat in toc) or nxt.startswith(("■", "/", "／")):
            continue
        it.kind = "caption"
        it.text, it.doubled = found
        it.width = width(it.text)


# --- vertical headings -----------------------------------------------------------------


def _single_char(it: Any) -> bool:
    return it.kind == "text" and len(it.text) == 1 and CJK_RE.match(it.text) is not None


def _vertical_headings(items: list[Any]) -> None:
    """Headings printed one character a line: join them; a repeat of other text is dropped."""
    i = 0
    n = len(items)
    full = None
    while i < n:
        if not _single_char(items[i]):
            i += 1
            continue
        j = i
        while j < n and _single_char(items[j]):
            j += 1
        if j - i >= 3:
            joined = "".join(items[k].text for k in range(i, j))
            if full is None:
                full = "".join(it.text for it in items if not _single_char(it))
            gid = _new_group()
            if joined in full:
                for k in range(i, j):
                    _remove(
                        items[k],
                        "duplicate",
                        "a heading printed one character a line that repeats text found elsewhere",
                        gid,
                    )
            else:
                for k in range(i, j):
                    items[k].kind = "heading"
                    items[k].group = gid
        i = j


# --- tables of contents ------------------------------------------------------------------

_TOC_ENTRY = re.compile(r"^[\d０-９]{1,3}\s+(?![日月年号至起])\S.{1,60}$")
_TOC_AUTHOR = re.compile(r"^/\s*\S")


def _toc_entry(it: Any) -> bool:
    t = it.text
    return (
        it.kind == "text"
        and bool(_TOC_ENTRY.match(t))
        and t[-1] not in FINAL_PUNCT
        and CJK_RE.search(t) is not None
        and width(t) <= 34
    )


def _toc(items: list[Any]) -> None:
    """A run of `26 湖州市：…/张志炜` entries, with the rubrics and author lines between."""
    n = len(items)
    i = 0
    while i < n:
        if not _toc_entry(items[i]):
            i += 1
            continue
        # grow a region: entries, plus short non-sentence lines between entries
        j = i
        last_entry = i
        entries = 0
        with_slash = 0
        while j < n:
            it = items[j]
            if _toc_entry(it):
                entries += 1
                with_slash += "/" in it.text
                last_entry = j
            elif it.kind in ("text", "removed") and (
                width(it.text) <= 26 and it.text[-1] not in FINAL_PUNCT
            ):
                if j - last_entry > 3:
                    break
            else:
                break
            j += 1
        if entries >= 3 and with_slash >= 1:
            end = last_entry + 1
            # an author line right after the last entry belongs to it
            while end < n and _TOC_AUTHOR.match(items[end].text) and items[end].kind == "text":
                end += 1
            for k in range(i, end):
                if items[k].kind == "text" or items[k].removed_kind == "page_furniture":
                    _remove(items[k], "toc", "an entry of the issue's table of contents")
            i = end
        else:
            i = last_entry + 1


_INLINE_ENTRY = re.compile(r"(?:^|(?<=[；;：:\s]))(\d{1,2})\s*[.．、]\s*")
_HEAD_NUMBER = re.compile(r"^\d{1,3}\s*[.．、]\s*")


def _inline_toc(items: list[Any]) -> None:
    """A programme's or issue's contents run into one line (`本期节目主要内容： 1.…； 2.…；
    3.…`) whose numbered entries are the markdown headings that follow (`## 1. …`): a table
    of contents, set aside. The headings confirm it: at least three entries, and most of
    them, must open a heading of the source."""
    heads = []
    for it in items:
        parts = md_parts(it.text) if it.kind == "md" else None
        if parts:
            key = "".join(_HEAD_NUMBER.sub("", parts[2]).split())
            if len(key) >= 4:
                heads.append(key)
    if len(heads) < 3:
        return
    for it in items:
        if it.kind != "text":
            continue
        marks = list(_INLINE_ENTRY.finditer(it.text))
        numbers = [int(m.group(1)) for m in marks]
        if len(marks) < 3 or numbers[:3] != [1, 2, 3]:
            continue
        ends = [m.start() for m in marks[1:]] + [len(it.text)]
        entries = [
            "".join(it.text[m.end() : e].split()).rstrip("；;。")
            for m, e in zip(marks, ends, strict=True)
        ]
        found = sum(
            any(h.startswith(e) or e.startswith(h) for h in heads) for e in entries if len(e) >= 4
        )
        if found >= 3 and found >= 0.6 * len(entries):
            _remove(
                it,
                "toc",
                "the contents of the programme or issue: its numbered entries are the "
                "headings of the items that follow",
            )


# --- sponsor lists ---------------------------------------------------------------------

_ORG_END = re.compile(
    r"(?:委|政府|公司|集团|委员会|管委会|银行|大学|学院|研究院|研究所|中心|协会|联合会|办公室|局|厅|"
    r"有限公司|股份有限公司|电视台|报社|出版社)$"
)


def _org_line(it: Any) -> bool:
    t = it.text
    if it.kind != "text" or width(t) > 24 or any(c in t for c in "，。：；、！？"):
        return False
    parts = t.split()
    return all(_ORG_END.search(p) for p in parts) and CJK_RE.search(t) is not None


def _sponsor_lists(items: list[Any]) -> None:
    """Runs of organisation names one or two a line: the sponsors of a magazine issue."""
    n = len(items)
    i = 0
    while i < n:
        if not _org_line(items[i]):
            i += 1
            continue
        j = i
        while j < n and _org_line(items[j]):
            j += 1
        if j - i >= 4:
            for k in range(i, j):
                _remove(items[k], "sponsor_list", "a list of sponsoring or co-organising units")
        i = j


def _spaced_rubrics(items: list[Any]) -> None:
    """`经 济`, `党 的 建 设`: rubric labels printed with spaced characters. A notice's
    one-word title printed the same way (`公 示`) is a heading of its own."""
    for it in items:
        if it.kind == "text" and is_spaced_rubric(it.text):
            if "".join(it.text.split()) in NOTICE_WORDS:
                it.kind = "heading"
                it.group = _new_group()
                continue
            _remove(it, "page_furniture", "a rubric label printed with spaced characters")


# --- pull-quotes and OCR duplicates ------------------------------------------------------


class _TextIndex:
    """All non-whitespace text of the source, to ask whether a line repeats text elsewhere."""

    K = 6

    def __init__(self, items: list[Any]) -> None:
        parts: list[str] = []
        self.spans: list[tuple[int, int]] = []
        pos = 0
        for it in items:
            s = "".join(it.text.split()).lstrip("■")
            parts.append(s)
            self.spans.append((pos, pos + len(s)))
            pos += len(s)
        self.full = "".join(parts)
        self.grams: dict[str, list[int]] = {}
        f = self.full
        for p in range(0, max(0, len(f) - self.K + 1)):
            self.grams.setdefault(f[p : p + self.K], []).append(p)

    def repeated_elsewhere(self, text: str, own: tuple[int, int], exclude: set[int]) -> bool:
        """Does `text` occur in the source outside its own span and the excluded items?"""
        s = "".join(text.split()).lstrip("■")
        if len(s) < self.K:
            return False
        for p in self.grams.get(s[: self.K], ()):
            if own[0] - len(s) < p < own[1]:
                continue
            if self.full.startswith(s, p) and not self._in_excluded(p, len(s), exclude):
                return True
        return False

    def _in_excluded(self, p: int, length: int, exclude: set[int]) -> bool:
        for k in exclude:
            a, b = self.spans[k]
            if a <= p < b or a < p + length <= b:
                return True
        return False


def _pull_quotes(items: list[Any]) -> None:
    """A ■ line opens a pull-quote box; the OCR lines after it that repeat body text
    (or are wider than any column) belong to it, and so does the short line that ends the
    sentence a wide line of the box left open."""
    starts = [i for i, it in enumerate(items) if it.removed_kind == "pull_quote"]
    if not starts:
        return
    index = _TextIndex(items)
    n = len(items)
    for s in starts:
        gid = _new_group()
        region = {s}
        items[s].group = gid
        j = s + 1
        while j < n:
            it = items[j]
            if it.removed_kind == "pull_quote" or it.kind != "text":
                break
            wide = it.width >= 30
            before = items[j - 1]
            ends_box = (
                before.width >= 30
                and before.text.rstrip()[-1:] not in FINAL_PUNCT
                and it.text.rstrip()[-1:] in FINAL_PUNCT
            )
            if not (wide or ends_box or index.repeated_elsewhere(it.text, index.spans[j], region)):
                break
            _remove(it, "pull_quote", "a line of a ■ pull-quote box that repeats body text", gid)
            region.add(j)
            j += 1


# --- running heads ---------------------------------------------------------------------


def _running_heads(items: list[Any]) -> None:
    """A short line printed again and again (a running head): all but the first go."""
    counts = Counter(it.text for it in items if it.kind == "text")
    seen: set[str] = set()
    for it in items:
        t = it.text
        if it.kind != "text" or counts[t] < 3 or width(t) > 24 or t[-1] in FINAL_PUNCT:
            continue
        if t in seen:
            _remove(it, "page_furniture", "a running head repeated on many pages")
        seen.add(t)


# --- captions and notes over two lines ---------------------------------------------------


def _credit_captions(items: list[Any]) -> None:
    """A short paragraph of its own closed by an unbracketed photo credit (`3月5日，…开幕。
    新华社记者刘建生摄`) is a caption. Not the last line of a paragraph that runs on from
    the line before (a photo story whose text ends with the credit): the line before ends
    a sentence, or is a short line without a comma or full stop (a title, a byline)."""
    prev = None
    for it in items:
        if it.kind == "text":
            opens = (
                prev is None
                or prev.kind != "text"
                or prev.text[-1] in FINAL_PUNCT
                or (prev.width <= 30 and not any(c in prev.text for c in "，。；,"))
            )
            if opens and it.width <= 100 and CREDIT_CAPTION.search(unescape_spaces(it.text)):
                it.kind = "caption"
        prev = it


def _multiline_captions(items: list[Any]) -> None:
    """`（…领导` + `小组办公室 提供）`: a source line broken by the column; and a caption
    whose first line is wider than the column."""
    n = len(items)
    for i, it in enumerate(items):
        if it.kind not in ("caption", "note") or it.group is not None:
            continue
        k = i
        # an opening bracket on an earlier line (a source line closed by its bracket)
        if "（" not in it.text and "(" not in it.text and it.text[-1] in "）)":
            for back in (1, 2):
                if (
                    i - back >= 0
                    and items[i - back].kind == "text"
                    and items[i - back].text[0] in "（("
                ):
                    k = i - back
                    break
        # a wide caption line just before (photo captions run across the page)
        if k == i and i > 0 and it.kind == "caption":
            prev = items[i - 1]
            if prev.kind == "text" and prev.width >= 30 and prev.text[-1] not in FINAL_PUNCT:
                k = i - 1
        if k < i:
            gid = _new_group()
            for m in range(k, i + 1):
                items[m].kind = it.kind
                items[m].group = gid
    del n
