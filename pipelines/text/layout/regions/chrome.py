"""Regions of a scraped web page: toolbars, the page's metadata lines, a markdown file's
metadata list."""

from __future__ import annotations

import re

from ...params import CHROME_RUN_MIN, LONG_LINE_WIDTH, PAGE_META_MAX_WIDTH
from ...passes import rule
from ...patterns import SENTENCE_FINAL, load_words, unescape
from ..lines import is_md_meta_item
from ..state import LineItem, region_pass

BROKEN_BRACKET = rule(
    "layout.regions.chrome.broken_bracket",
    "the closing bracket of a web chrome line broken over lines",
    "web_chrome",
)
TOOLBAR = rule("layout.regions.chrome.toolbar", "a toolbar of the scraped web page", "web_chrome")
PAGE_METADATA = rule(
    "layout.regions.chrome.page_metadata",
    "a metadata line (source, time…) of the scraped web page",
    "web_chrome",
)
RELATED_LINKS = rule(
    "layout.regions.chrome.related_links",
    "the related-links heading of the scraped web page",
    "web_chrome",
)
METADATA_LIST = rule(
    "layout.regions.chrome.metadata_list",
    "a markdown file's `- key：value` metadata list: notes, not headings or text",
)

_CHROME_WORDS = frozenset(load_words("chrome_words"))
_PUNCT_ONLY = re.compile(r"^[）)】」』〕>\]}]{1,3}$")


def is_chrome_word(text: str) -> bool:
    """A lone word of a web page's toolbar (打印, 收藏, 加大…), escapes read as spaces."""
    return text in _CHROME_WORDS or unescape(text).strip() in _CHROME_WORDS


@region_pass("layout.regions.chrome.toolbars")
def toolbars(items: list[LineItem]) -> None:
    """Toolbar words one a line (打印 / 全屏 / 【字号： / 加大 …) in runs of three or more;
    and the closing bracket of a chrome line that the page broke onto a line of its own
    (`（责任编辑： 某某` / `）`)."""
    for k in range(1, len(items)):
        prev, it = items[k - 1], items[k]
        if it.kind == "text" and prev.removed_kind == "web_chrome" and _PUNCT_ONLY.match(it.text):
            items[k] = it.set_aside(BROKEN_BRACKET)
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and (
            is_chrome_word(items[j].text) or items[j].removed_kind == "web_chrome"
        ):
            j += 1
        if j - i >= CHROME_RUN_MIN and any(is_chrome_word(items[k].text) for k in range(i, j)):
            for k in range(i, j):
                if items[k].removed_kind != "web_chrome":  # keeps its own reason
                    items[k] = items[k].set_aside(TOOLBAR)
        i = max(j, i + 1)


_PAGE_META = re.compile(
    r"^(?:(?:来源|稿源|作者|编辑|责任编辑|浏览次数|点击数|阅读次数)\s*[：:][^，。；！？]{0,30}"
    # a time or date only as a web page stamps it (2026-01-22 10:30), not `时间：2月3日上午9时`
    r"|(?:时间|发布时间|发布日期|日期)\s*[：:]\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)
_RELATED = re.compile(r"^(?:相关|延伸)(?:报道|链接|新闻|阅读|文章|稿件)\s*[：:]?$")


@region_pass("layout.regions.chrome.page_lines")
def page_lines(items: list[LineItem]) -> None:
    """In a scraped web page (one that has web chrome), the page's metadata lines before the
    article's first paragraph (`来源：浙江日报`, `时间：2026-01-22`) and a related-links
    heading (`相关报道：`) are chrome too. A printed text has no web chrome, and keeps its
    own `来源：` (a table's source) or `时间：` (a meeting notice) lines."""
    if not any(it.removed_kind == "web_chrome" for it in items):
        return
    in_head = True
    for k, it in enumerate(items):
        if it.kind != "text":
            continue
        text = it.text.strip()
        if in_head and it.width <= PAGE_META_MAX_WIDTH and _PAGE_META.match(text):
            items[k] = it.set_aside(PAGE_METADATA)
        elif _RELATED.match(text):
            items[k] = it.set_aside(RELATED_LINKS)
        elif it.width > LONG_LINE_WIDTH and it.text[-1] in SENTENCE_FINAL:
            in_head = False  # the article's first paragraph


@region_pass("layout.regions.chrome.metadata_lists")
def metadata_lists(items: list[LineItem]) -> None:
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
                items[k] = items[k].decide("note", METADATA_LIST)
        i = max(j, i + 1)
