"""Line-level rules of layout recovery: widths, punctuation, and furniture patterns.

Kept apart from the reflow so that each pattern can be read (and reviewed) on its own.
All patterns are generic printing/web conventions, never strings of one document.
"""

from __future__ import annotations

import re

#: A news agency's dateline (`新华社北京3月14日电`), in a line or inside a collapsed scrape
#: (`\d` also takes full-width digits).
WIRE_DATELINE = (
    r"(?:新华社|中新社|新华网|人民网|中新网)[\u4e00-\u9fff]{0,8}?(?:\d{4}年)?\d{1,2}月\d{1,2}日电"
)
#: The one-word titles of a boxed notice (`公 示`): a heading, not a rubric.
NOTICE_WORDS = frozenset(["公示", "公告", "通告", "启事", "声明", "通知", "告示"])
#: Characters that end a sentence.
FINAL_PUNCT = frozenset("。！？!?；;…")
#: Closing quotes and brackets that may follow the sentence end.
CLOSERS = frozenset("”’」』）)】》\"'")
#: A line ending with one of these continues on the next line.
SOFT_PUNCT = ("，", "、", "（", "“", "《", "—", "‘", "(", ",", "·")

_CJK = (
    r"\u2e80-\u2fff\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\U00020000-\U0003134f"
)
CJK_RE = re.compile(f"[{_CJK}]")
# whitespace with a CJK character (or full-width punctuation) on both sides came from layout
_FW = r"\u3000-\u303f\uff00-\uffef\u25a0-\u25ff“”‘’…—"
_CJKISH = re.compile(f"[{_CJK}{_FW}]")


def width(text: str) -> float:
    """Printed width in ems: CJK and full-width signs 1, ASCII (digits, Latin) one half."""
    w = 0.0
    for ch in text:
        if ch.isspace():
            w += 0.5 if ch == " " else (1.0 if ch == "\u3000" else 0.0)
        elif ord(ch) < 0x2000:
            w += 0.5
        else:
            w += 1.0
    return w


def _cjk_count(token: str) -> int:
    return len(CJK_RE.findall(token))


def clean_spaces(text: str) -> str:
    """Drop whitespace that only came from layout.

    Characters spaced out by the printer (`杨 晨`, `经 济`, `（袁  云  摄）`) are joined;
    a space between two words of several characters (`同日 越城区`, `杨 晨 沈佳薇`) and any
    space next to Latin letters or digits is kept as one space.
    """
    tokens = text.split()
    if not tokens:
        return ""
    out = tokens[0]
    prev = tokens[0]
    for tok in tokens[1:]:
        between_cjk = _CJKISH.match(prev[-1]) is not None and _CJKISH.match(tok[0]) is not None
        spaced = _cjk_count(prev) <= 1 and _cjk_count(tok) <= 1
        out += "" if between_cjk and spaced else " "
        out += tok
        prev = tok
    return out


_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}\s*[．.、](?!\d)"
    r"|\d{1,2}\s*日(?:至\s*\d{1,2}\s*日|起)?\s|同日\s|[０-９]{1,3}．|第[一二三四五六七八九十百\d]+[章节条部分篇]|[—-]{2})"
)


def is_label_start(text: str) -> bool:
    """Does the line start with a heading number (`一、`, `（一）`, `1．`, `51. `, `第一章`, `——`)?"""
    return bool(_LABEL.match(text.strip()))


_LONG_NUMBER = re.compile(r"\d{7,}")
_DATE_ONLY = re.compile(r"^[（(]?\s*[\d０-９〇一二三四五六七八九十]{2,4}\s*年[^，。]{0,12}[）)]?$")


#: A printed date alone on its line (`2020年1月30日`), as under a notice's signature.
_SIGNATURE_DATE = re.compile(
    r"^[（(]?\s*[\d０-９〇一二三四五六七八九十]{2,4}\s*年\s*[\d０-９〇一二三四五六七八九十]{1,2}\s*月"
    r"\s*[\d０-９〇一二三四五六七八九十]{1,3}\s*日\s*[）)]?$"
)


def is_date_line(text: str) -> bool:
    """A full date alone on its line: it never runs on from, or into, another line."""
    return bool(_SIGNATURE_DATE.match(text.strip()))


def looks_like_heading(text: str) -> bool:
    """A short kept paragraph that does not end a sentence: an obvious title or heading."""
    t = text.strip()
    if not t or len(t) > 80 or width(t) > 70:
        return False
    if t[-1] in FINAL_PUNCT or t[-1] in "，、：:,;；" or t.endswith(SOFT_PUNCT):
        return False
    if len(t) >= 2 and t[-1] in CLOSERS and t[-2] in FINAL_PUNCT:
        return False
    if _DATE_ONLY.match(t) or _LONG_NUMBER.search(t):
        return False  # a date line, a line with a telephone or account number
    return CJK_RE.search(t) is not None


# --- furniture -----------------------------------------------------------------------

_MD = re.compile(r"^(#{1,6})[ \t]+(\S.*)$")
_PAGE = re.compile(
    r"^(?:PAGE|page|Page)(?:\s*\d+)?$|^[—\-–－]+\s*[\d０-９]{1,4}\s*[—\-–－]+$"
    r"|^[\d０-９]{1,3}$|^第\s*[\d０-９]+\s*页(?:\s*共\s*[\d０-９]+\s*页)?$|^[·•]\s*\d{1,3}\s*[·•]$"
)
_DISTRIB = re.compile(r"^(?:抄送|抄报|发|分送|主送|送)\s*[：:]")
_PRINTED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")
_CAPTION = re.compile(r"摄(?:影)?\s*[）)]$")
# a photo caption closed by an unbracketed credit: `…作政府工作报告。 新华社记者刘建生摄`
CREDIT_CAPTION = re.compile(
    r"(?:^|[。！？\s])\s*[\u4e00-\u9fff]{0,6}(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:[、\s]+[\u4e00-\u9fff·]{2,4}){0,3}\s*摄(?:影)?$"
)
_NOTE = re.compile(r"(?:提供|供稿|供图)\s*[）)]$")
# markdown paratext: a quoted source link (`> 原文：https://…`) and a `- key：value` item of
# a file's metadata list (`- 数据源：央视网`); the markup (`>`, `-`) is stripped, the rest is
# a note
_MD_SOURCE = re.compile(r"^(>)\s*([\u4e00-\u9fff]{1,8}\s*[：:]\s*https?://\S+)$")
_MD_META_ITEM = re.compile(r"^([-*+])\s+([\u4e00-\u9fff]{2,8}\s*[：:]\s*[^。！？；]{1,80})$")
_RUBRIC_SPACED = re.compile(f"^[{_CJK}](?:[ \u3000]+[{_CJK}]){{1,5}}$")
_UNREADABLE = re.compile(r"^[?？\ufffd□]+(?:\s*[?？\ufffd□]+)*$")
_RUBRIC_MARK = re.compile(r"^(?:>>|》》|＞＞)\s*\S{1,12}$")
_CHROME = re.compile(
    r"【\s*字\s*[号体]|上一页[\s\d]*下一页|^(?:上一页|下一页|首页|尾页)$|<!--|-->|<script|</script|function\s*\w*\s*\(|document\.\w"
    r"|window\.\w|^\s*var\s+\w+\s*=|当前位置[：:]|责任编辑[：:]|【\s*(?:打印|关闭|E-mail推荐|打印本页|关闭窗口)\s*】"
    r"|^【\s*(?:打印|关闭|E-mail推荐|打印本页|关闭窗口|收藏|推荐)\s*$"
    r"|^打印本页|^关闭窗口|^<[a-zA-Z/][^>]*>$|^[{}();]+$|^(?:<U\+[0-9A-Fa-f]{4}>\s*)+$"
    # the site's banner line over an article (`某某网 www.…  2009年03月16日  来源：新华社`),
    # also when the scrape glued the page title before it
    r"|^.{0,40}?\S{2,20}\s+(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org)\b"
    r".{0,40}来源[：:]\s*\S{1,20}$"
)
#: literal escapes (`<U+00A0>`) that a scraper wrote for a no-break space
ESCAPE_RE = re.compile(r"<U\+[0-9A-Fa-f]{4}>")


def unescape_spaces(text: str) -> str:
    """Text with literal `<U+00A0>` escapes read as the spaces they stand for (for the
    patterns only: the characters stay in the blocks)."""
    return ESCAPE_RE.sub(" ", text)


_CHROME_WORDS = frozenset(
    [
        "打印",
        "全屏",
        "收藏",
        "下载",
        "分享",
        "加大",
        "还原",
        "减小",
        "大",
        "中",
        "小",
        "】",
        "【",
        "返回顶部",
        "关闭",
        "相关报道：",
        "相关报道",
        "扫一扫",
        "字号",
    ]
)


def classify_line(text: str) -> tuple[str, str | None, str | None]:
    """(kind, removed_kind, reason) for a single stripped line, before context is used.

    kind is `text`, `removed`, `caption`, `note` or `md` (markdown heading).
    """
    if _MD.match(text):
        return "md", None, None
    if text.startswith("■") and len("".join(text.split())) > 12:
        return "removed", "pull_quote", "a ■ pull-quote repeats a sentence of the body"
    if _PAGE.match(text):
        return "removed", "page_furniture", "a page number or PAGE mark"
    if _DISTRIB.match(text):
        return "removed", "distribution", "a distribution line (发：…) of the printed notice"
    if _PRINTED.search(text):
        return "removed", "distribution", "a print line (…印发) giving the issuing office and date"
    if _CHROME.search(text) or _CHROME.search(unescape_spaces(text).strip()):
        return (
            "removed",
            "web_chrome",
            "debris of the scraped web page (navigation, markup, script)",
        )
    if _CAPTION.search(text):
        return "caption", None, None
    if _NOTE.search(text) or _MD_SOURCE.match(text):
        return "note", None, None
    if _UNREADABLE.match(text):
        return (
            "removed",
            "page_furniture",
            "only marks of glyphs the OCR could not read (an ornament)",
        )
    if _RUBRIC_MARK.match(text):
        return "removed", "page_furniture", "a rubric marker (>>…) of the magazine layout"
    return "text", None, None


def is_spaced_rubric(text: str) -> bool:
    """`经 济`, `生 态 文 明`: a rubric label printed with spaced characters."""
    return bool(_RUBRIC_SPACED.match(text))


def is_chrome_word(text: str) -> bool:
    """A lone word of a web page's toolbar (打印, 收藏, 加大…), escapes read as spaces."""
    return text in _CHROME_WORDS or unescape_spaces(text).strip() in _CHROME_WORDS


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
