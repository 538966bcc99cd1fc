"""Line rules: what one line is, read on its own (`LINE_RULES`, first match wins).

A page number, a distribution or print line, web chrome, a pull-quote, a markdown heading,
a photo caption or a source note can be told from the line alone; the regions and the
reflow then look at the lines around. All patterns are generic printing and web
conventions, never strings of one document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Block
from ..params import PULL_QUOTE_MIN_CHARS
from ..passes import Counters, Rule, rule, stage_pass
from ..patterns import (
    BRACKETED_CREDIT_RE,
    CJK,
    ESCAPE,
    HAN,
    LEADING_ESCAPES_RE,
    PRINT_LINE_RE,
    SOURCE_NOTE_RE,
    unescape,
)
from .shape import width
from .state import LayoutState, LineItem

# --- the rules ---------------------------------------------------------------------------

MARKDOWN_HEADING = rule("layout.lines.markdown_heading", "a markdown heading (`## 标题`)")
PULL_QUOTE = rule(
    "layout.lines.pull_quote", "a ■ pull-quote repeats a sentence of the body", "pull_quote"
)
PAGE_NUMBER = rule("layout.lines.page_number", "a page number or PAGE mark", "page_furniture")
DISTRIBUTION = rule(
    "layout.lines.distribution",
    "a distribution line (发：…) of the printed notice",
    "distribution",
)
PRINT_LINE = rule(
    "layout.lines.print_line",
    "a print line (…印发) giving the issuing office and date",
    "distribution",
)
WEB_CHROME = rule(
    "layout.lines.web_chrome",
    "debris of the scraped web page (navigation, markup, script)",
    "web_chrome",
)
BRACKETED_CREDIT = rule(
    "layout.lines.bracketed_credit", "a photo caption closed by its credit (`（袁 云 摄）`)"
)
SOURCE_NOTE = rule("layout.lines.source_note", "a source line (`（市委办公室 提供）`)")
MARKDOWN_SOURCE = rule("layout.lines.markdown_source", "a markdown source link (`> 原文：URL`)")
UNREADABLE = rule(
    "layout.lines.unreadable",
    "only marks of glyphs the OCR could not read (an ornament)",
    "page_furniture",
)
RUBRIC_MARK = rule(
    "layout.lines.rubric_mark", "a rubric marker (>>…) of the magazine layout", "page_furniture"
)
LEADING_ESCAPES = rule(
    "layout.lines.leading_escapes",
    "literal character escapes (<U+00A0>) left by the web scraper",
    "web_chrome",
)

_MD = re.compile(r"^(#{1,6})[ \t]+(\S.*)$")
_PAGE = re.compile(
    r"^(?:PAGE|page|Page)(?:\s*\d+)?$|^[—\-–－]+\s*[\d０-９]{1,4}\s*[—\-–－]+$"
    r"|^[\d０-９]{1,3}$|^第\s*[\d０-９]+\s*页(?:\s*共\s*[\d０-９]+\s*页)?$|^[·•]\s*\d{1,3}\s*[·•]$"
)
_DISTRIB = re.compile(r"^(?:抄送|抄报|发|分送|主送|送)\s*[：:]")
# markdown paratext: a quoted source link (`> 原文：https://…`) and a `- key：value` item of
# a file's metadata list (`- 数据源：央视网`); the markup (`>`, `-`) is stripped, the rest is
# a note
_MD_SOURCE = re.compile(rf"^(>)\s*([{HAN}]{{1,8}}\s*[：:]\s*https?://\S+)$")
_MD_META_ITEM = re.compile(rf"^([-*+])\s+([{HAN}]{{2,8}}\s*[：:]\s*[^。！？；]{{1,80}})$")
_RUBRIC_SPACED = re.compile(f"^[{CJK}](?:[ \u3000]+[{CJK}]){{1,5}}$")
_UNREADABLE = re.compile(r"^[?？\ufffd□]+(?:\s*[?？\ufffd□]+)*$")
_RUBRIC_MARK = re.compile(r"^(?:>>|》》|＞＞)\s*\S{1,12}$")
_CHROME_MARKUP = (
    r"【\s*字\s*[号体]|上一页[\s\d]*下一页|^(?:上一页|下一页|首页|尾页)$|<!--|-->|<script|</script|function\s*\w*\s*\(|document\.\w"
    r"|window\.\w|^\s*var\s+\w+\s*=|当前位置[：:]|责任编辑[：:]|【\s*(?:打印|关闭|E-mail推荐|打印本页|关闭窗口)\s*】"
    r"|^【\s*(?:打印|关闭|E-mail推荐|打印本页|关闭窗口|收藏|推荐)\s*$"
    r"|^打印本页|^关闭窗口|^<[a-zA-Z/][^>]*>$|^[{}();]+$|^(?:" + ESCAPE + r"\s*)+$"
)
# the site's banner line over an article (`某某网 www.…  2009年03月16日  来源：新华社`),
# also when the scrape glued the page title before it
_CHROME_BANNER = (
    r"^.{0,40}?\S{2,20}\s+(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org)\b"
    r".{0,40}来源[：:]\s*\S{1,20}$"
)
#: Web chrome in a line: the rule as one pattern (`_is_chrome` tries it in two parts).
_CHROME = re.compile(_CHROME_MARKUP + "|" + _CHROME_BANNER)
_CHROME_MARKUP_RE = re.compile(_CHROME_MARKUP)
_CHROME_BANNER_RE = re.compile(_CHROME_BANNER)
#: A character that every pattern of `_CHROME_MARKUP` needs (its first literal, or one of
#: its signs): a line without any is no markup, and the pattern is not tried on it.
_CHROME_MARKUP_HINT = re.compile(r"[【页<>fdwv当责打关{}();]")
#: What a line that a line rule other than web chrome takes opens with (a markdown or
#: pull-quote mark, a page number's digit, dash or `第`, a distribution word, a `>` or `》`
#: mark, an unreadable glyph) or ends with (`印发`, a closing bracket): on any other line,
#: only web chrome is tried.
_OTHER_RULES_HINT = re.compile(r"[#■Pp—\-–－\d０-９第·•抄发分主送>》＞?？\ufffd□]")
_OTHER_RULES_ENDS = ("发", "）", ")", "发\n", "）\n", ")\n")


@dataclass(frozen=True, slots=True)
class LineRule:
    """A line rule: the line gets `kind` (and, when removed, the rule's removed kind)."""

    rule: Rule
    kind: str  # removed | md | caption | note
    test: Callable[[str], object]


def _is_pull_quote(text: str) -> bool:
    return text.startswith("■") and len("".join(text.split())) > PULL_QUOTE_MIN_CHARS


def _chrome_in(text: str) -> bool:
    """`_CHROME.search(text)`, each part tried only on a line that can hold it."""
    if _CHROME_MARKUP_HINT.search(text) and _CHROME_MARKUP_RE.search(text):
        return True
    return "来源" in text and _CHROME_BANNER_RE.search(text) is not None


def _is_chrome(text: str) -> bool:
    """Web chrome in the line, or in the line with its escapes read as spaces (read again
    only when that changes it)."""
    if _chrome_in(text):
        return True
    read = unescape(text).strip() if "<U+" in text else text.strip()
    return read != text and _chrome_in(read)


#: The line rules in the order they are tried; a line no rule takes is `text`.
LINE_RULES: tuple[LineRule, ...] = (
    LineRule(MARKDOWN_HEADING, "md", _MD.match),
    LineRule(PULL_QUOTE, "removed", _is_pull_quote),
    LineRule(PAGE_NUMBER, "removed", _PAGE.match),
    LineRule(DISTRIBUTION, "removed", _DISTRIB.match),
    LineRule(PRINT_LINE, "removed", PRINT_LINE_RE.search),
    LineRule(WEB_CHROME, "removed", _is_chrome),
    LineRule(BRACKETED_CREDIT, "caption", BRACKETED_CREDIT_RE.search),
    LineRule(SOURCE_NOTE, "note", SOURCE_NOTE_RE.search),
    LineRule(MARKDOWN_SOURCE, "note", _MD_SOURCE.match),
    LineRule(UNREADABLE, "removed", _UNREADABLE.match),
    LineRule(RUBRIC_MARK, "removed", _RUBRIC_MARK.match),
)


_WEB_CHROME_RULE = next(r for r in LINE_RULES if r.rule is WEB_CHROME)


def classify_line(text: str) -> LineRule | None:
    """The first line rule that takes a stripped line, or None (the line is text). A
    line that no other rule can take (`_OTHER_RULES_HINT`) is only tried for web chrome."""
    if not (_OTHER_RULES_HINT.match(text) or text.endswith(_OTHER_RULES_ENDS)):
        return _WEB_CHROME_RULE if _is_chrome(text) else None
    for line_rule in LINE_RULES:
        if line_rule.test(text):
            return line_rule
    return None


@stage_pass("layout.lines.read", requires=("lines",), assigns=("items", "blocks"))
def read_lines(state: LayoutState, counters: Counters) -> LayoutState:
    """One item per non-blank line, with the blank lines before it; literal `<U+00A0>`
    escapes a scraper left before a line's text go to a removed block."""
    items: list[LineItem] = []
    escapes: list[Block] = []
    gap = 0
    for ln in state.lines:
        stripped = ln.text.strip()
        m = LEADING_ESCAPES_RE.match(stripped) if "<U+" in stripped else None
        if m and m.end() < len(stripped):
            escapes.append(escapes_block(m.group(0), ln.number, LEADING_ESCAPES))
            stripped = stripped[m.end() :].strip()
        if not stripped:
            gap += 1
            continue
        items.append(LineItem(ln, gap, stripped, width(stripped)))
        gap = 0
    return replace(state, items=tuple(items), blocks=state.blocks + tuple(escapes))


def escapes_block(text: str, number: int, found: Rule) -> Block:
    """Literal `<U+00A0>` escapes of one line, set aside."""
    return Block(
        text=text.strip(),
        line_start=number,
        line_end=number,
        kind="removed",
        removed_kind=found.removed_kind,
        reason=found.reason,
        lines=(number,),
        rule=found.id,
    )


@stage_pass("layout.lines.classify", requires=("items",), assigns=("items",))
def classify_lines(state: LayoutState, counters: Counters) -> LayoutState:
    """Every item gets the kind of the first line rule that takes it (`LINE_RULES`)."""
    items = []
    for it in state.items:
        found = classify_line(it.text)
        if found is not None and found.kind == "removed":
            it = it.set_aside(found.rule, it.group)
        elif found is not None:
            level = None
            if found.kind == "md":
                parts = md_parts(it.text)
                level = parts[0] if parts else None
            it = replace(it, kind=found.kind, md_level=level, rule=found.rule.id)
        items.append(it)
    return replace(state, items=tuple(items))


def is_spaced_rubric(text: str) -> bool:
    """`经 济`, `生 态 文 明`: a rubric label printed with spaced characters."""
    return bool(_RUBRIC_SPACED.match(text))


def md_note_parts(text: str) -> tuple[str, str] | None:
    """(markup, note text) for a markdown source-link line (`> 原文：URL`) or a metadata
    list item (`- 数据源：…`), else None."""
    m = _MD_SOURCE.match(text) or _MD_META_ITEM.match(text)
    return (m.group(1), m.group(2)) if m else None


def is_md_meta_item(text: str) -> bool:
    """`- 数据源：央视网`: an item of a markdown `key：value` list."""
    return bool(_MD_META_ITEM.match(text))


def md_parts(text: str) -> tuple[int, str, str] | None:
    """(level, markup, heading text) for a markdown heading line, else None."""
    m = _MD.match(text)
    if not m:
        return None
    return len(m.group(1)), m.group(1), m.group(2)
