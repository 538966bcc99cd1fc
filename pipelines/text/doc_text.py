"""Small text helpers for the document splitter: layout spaces, doubled OCR text, names,
bylines, dates.

Printed titles and bylines carry spaces that only come from typesetting (`杨 晨`, `经 济`,
`2024年 1月23日`) and overlaid title art that OCR reads twice (`先行探索先行探索`). The
helpers here undo that without touching the spaces a title really has between two phrases
(`心中有信仰 脚下有力量`).
"""

import re
from datetime import date

CJK = r"\u3400-\u9fff"
_CJK_RE = re.compile(f"[{CJK}]")

#: Roles printed before the names of a byline.
ROLES = (
    "本刊特约记者",
    "本刊记者",
    "特约记者",
    "本报记者",
    "记者",
    "通讯员",
    "实习生",
    "撰稿",
    "作者",
)
_ROLE_ALT = "|".join(ROLES)

# `/本刊记者 杨 晨 沈佳薇`, `■杨 晨`, `■今 哲 李祖祥 项炳池`, `本刊记者 杨晨`
_NAME_TOKEN = f"[{CJK}·]{{1,4}}"
BYLINE_RE = re.compile(
    rf"^\s*(?:[/／■◎]\s*)(?:({_ROLE_ALT})\s*)?({_NAME_TOKEN}(?:[ \u3000、，,]+{_NAME_TOKEN}){{0,6}})\s*$"
)
ROLE_LINE_RE = re.compile(
    rf"^\s*({_ROLE_ALT})\s*({_NAME_TOKEN}(?:[ \u3000、，,]+{_NAME_TOKEN}){{0,6}})?\s*$"
)
# Run-in newspaper bylines: `记者阮向民 通讯员胡建东、罗建灿报道`, `本报讯 通讯员陈海龙报道`.
RUNIN_BYLINE_RE = re.compile(
    rf"^\s*((?:本报讯|本刊讯)?\s*(?:(?:{_ROLE_ALT})\s*[{CJK}、，,·]{{2,20}}?\s*)+报道)\s*"
)
RUNIN_SEGMENT_RE = re.compile(rf"({_ROLE_ALT})\s*([{CJK}、，,·]+?)(?=\s|报道|$|(?:{_ROLE_ALT}))")
NEWSFLASH_RE = re.compile(r"^\s*(?:本报讯|本刊讯)\s*")
# Wire datelines: `新华社北京1月30日电`, `央视网消息（新闻联播）：11月3日`.
DATELINE_RE = re.compile(
    r"^\s*(?:新华社|中新社|人民网|央视网消息)[^。]{0,20}?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:电)?"
)

FULL_DATE_RE = re.compile(
    r"(\d{4}|[０-９]{4})\s*年\s*(\d{1,2}|[０-９]{1,2})\s*月\s*(\d{1,2}|[０-９]{1,2})\s*日"
)
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
CN_DATE_RE = re.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)

_SENTENCE_END = "。！？!?…；;”」』"


_ESCAPE_RE = re.compile(r"<U\+[0-9A-Fa-f]{4}>")


def plain(text: str) -> str:
    """Text for classification: literal `<U+00A0>` escapes of bad scrapes become spaces."""
    return _ESCAPE_RE.sub(" ", text).strip()


def ends_sentence(text: str) -> bool:
    """True when text ends like a finished sentence (a paragraph can close there)."""
    t = text.rstrip()
    return bool(t) and t[-1] in _SENTENCE_END


def cjk_count(text: str) -> int:
    return len(_CJK_RE.findall(text))


def remove_layout_spaces(text: str) -> str:
    """Drop spaces that only come from typesetting; keep one space between two phrases.

    A space next to a one-character token (`杨 晨`, `经 济`) or next to a digit or a date
    character (`2024年 1月`) is layout; a space between two words of two or more
    characters (`心中有信仰 脚下有力量`) is printed and kept as one ASCII space.
    """
    tokens = text.replace("\u3000", " ").split()
    if not tokens:
        return ""
    out = tokens[0]
    prev = tokens[0]
    for tok in tokens[1:]:
        glue = " "
        if (
            len(prev) == 1
            or len(tok) == 1
            or prev[-1].isdigit()
            or tok[0].isdigit()
            or prev[-1] in "年月日"
            or tok[0] in "年月日"
        ):
            glue = ""
        elif not (_CJK_RE.match(prev[-1]) or prev[-1] in "”」》）") or not (
            _CJK_RE.match(tok[0]) or tok[0] in "“「《（"
        ):
            glue = " " if prev[-1].isalnum() and tok[0].isalnum() else ""
        out += glue + tok
        prev = tok
    return out


_DOUBLED_RE = re.compile(r"(.{3,}?)\1")


def undouble(text: str) -> str:
    """Collapse title art read twice by OCR (`先行探索先行探索` -> `先行探索`).

    Only runs of three or more characters are collapsed; when that happened, a doubled
    first character (`让让文学之花…`) is collapsed too (the same overlay).
    """
    new = text
    for _ in range(5):
        nxt = _DOUBLED_RE.sub(r"\1", new)
        if nxt == new:
            break
        new = nxt
    if new != text and len(new) > 2 and new[0] == new[1] and _CJK_RE.match(new[0]):
        new = new[1:]
    new = re.sub(r"([“”「」])\1", r"\1", new) if new != text else new
    return new


def clean_title(text: str) -> str:
    """A title as printed: joined lines, no layout spaces, no doubled OCR art."""
    lines = [plain(ln) for ln in text.splitlines() if plain(ln)]
    joined = "".join(remove_layout_spaces(ln) for ln in lines)
    return undouble(joined).strip()


def split_names(names: str) -> list[str]:
    """Names of a byline, layout spaces removed: `杨 晨 沈佳薇` -> [杨晨, 沈佳薇].

    Names are separated by `、`, `，` or spaces; one-character tokens are typeset names of
    two characters (`杨 晨`) and are glued in pairs.
    """
    out: list[str] = []
    for chunk in re.split(r"[、，,]", names):
        tokens = chunk.replace("\u3000", " ").split()
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if len(tok) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
                out.append(tok + tokens[i + 1])
                i += 2
                continue
            if (
                len(tok) == 1
                and i + 1 < len(tokens)
                and len(tokens[i + 1]) == 2
                and i + 2 == len(tokens)
            ):
                out.append(tok + tokens[i + 1])  # `欧阳 明` style: surname apart
                i += 2
                continue
            out.append(tok)
            i += 1
    return [n for n in out if n]


def parse_byline(text: str) -> tuple[list[str], list[str]] | None:
    """(names, roles) of a stand-alone byline line, or None when it is not one."""
    t = text.strip()
    if len(t) > 40 or any(c in t for c in "。；！？：:"):
        return None
    m = BYLINE_RE.match(t)
    if m:
        role = m.group(1) or ""
        names = split_names(m.group(2))
        return names, [role] * len(names)
    m = ROLE_LINE_RE.match(t)
    if m and m.group(2):
        names = split_names(m.group(2))
        return names, [m.group(1)] * len(names)
    return None


def parse_runin_byline(text: str) -> tuple[str, list[str], list[str]] | None:
    """A run-in newspaper byline at the start of a paragraph: (byline text, names, roles)."""
    m = RUNIN_BYLINE_RE.match(text)
    if not m:
        return None
    byline = m.group(1)
    body = NEWSFLASH_RE.sub("", byline).removesuffix("报道")
    names: list[str] = []
    roles: list[str] = []
    for seg in RUNIN_SEGMENT_RE.finditer(body + " "):
        role, chunk = seg.group(1), seg.group(2)
        for name in split_names(chunk):
            names.append(name)
            roles.append(role)
    if not names:
        return None
    return byline.strip(), names, roles


def to_int(digits: str) -> int:
    return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _cn_small(num: str) -> int:
    if num == "十":
        return 10
    if num.startswith("十"):
        return 10 + CN_DIGITS[num[1]]
    if num.endswith("十"):
        return CN_DIGITS[num[0]] * 10
    if "十" in num:
        a, b = num.split("十")
        return CN_DIGITS[a] * 10 + CN_DIGITS[b]
    return CN_DIGITS[num]


def full_dates(text: str) -> list[date]:
    """Every complete date printed in text (`2020年1月30日`, `2020-11-03`, `二〇一八年一月二日`)."""
    found = []
    squeezed = text.replace(" ", "")
    for m in FULL_DATE_RE.finditer(squeezed):
        d = safe_date(to_int(m.group(1)), to_int(m.group(2)), to_int(m.group(3)))
        if d:
            found.append(d)
    for m in ISO_DATE_RE.finditer(text):
        d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append(d)
    for m in CN_DATE_RE.finditer(squeezed):
        try:
            y = int("".join(str(CN_DIGITS[c]) for c in m.group(1)))
            d = safe_date(y, _cn_small(m.group(2)), _cn_small(m.group(3)))
        except KeyError:
            d = None
        if d:
            found.append(d)
    return [d for d in found if 1949 <= d.year <= 2100]
