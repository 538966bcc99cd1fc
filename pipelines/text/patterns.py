"""The shared vocabulary of the text stages: character classes, punctuation, heading
numbers, dates, photo credits, scraper escapes, salutations, bylines and datelines.

Written once here (spaCy's `char_classes.py`), used by layout, repair and documents. Where
two stages need a different coverage of the same thing, both variants are here side by
side, built from the same pieces, with what differs said in words: the heading numbers a
layout line may open with are more than those that open a numbered heading of a document.
Word lists live in `data/` (`load_words`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_words(name: str) -> tuple[str, ...]:
    """The words of `data/<name>.txt`, one a line, in file order; `#` starts a comment."""
    words = []
    for line in (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return tuple(words)


# --- character classes (contents of a [...] class) -------------------------------------

#: The common ideographs (`中`, `国`): most patterns read Chinese text with this class.
HAN = r"\u4e00-\u9fff"
#: The common ideographs and extension A (rare characters of names: `䶮`).
HAN_EXT_A = r"\u3400-\u9fff"
#: Every ideograph, with radicals, `々〆〇`, Suzhou numerals, compatibility ideographs and
#: the supplementary planes: what a printed width or a layout space is measured with.
CJK = (
    r"\u2e80-\u2fff\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\U00020000-\U0003134f"
)
#: Full-width punctuation and signs (`，`, `“`, `■`, `…`, `—`): printed one em wide.
FULL_WIDTH_SIGNS = r"\u3000-\u303f\uff00-\uffef\u25a0-\u25ff“”‘’…—"
#: Chinese numerals of list numbers (`一、`, `（十二）`).
CN_NUMERALS = "一二三四五六七八九十百"
#: Chinese digits of a date written out (`二〇二〇年`, with `○` for the zero).
CN_DATE_DIGITS = "〇一二三四五六七八九十"

HAN_RE = re.compile(f"[{HAN}]")
CJK_RE = re.compile(f"[{CJK}]")

# --- punctuation -----------------------------------------------------------------------

#: Marks that end a printed sentence for the layout (`；` and `…` too: a line ending so
#: closes its paragraph as often as one ending with `。`).
SENTENCE_FINAL = frozenset("。！？!?；;…")
#: Closing quotes and brackets that may follow the sentence end (`…发展。”`).
CLOSING_MARKS = frozenset("”’」』）)】》\"'")
#: Marks after which a printed line runs on into the next one.
RUN_ON_ENDS = ("，", "、", "（", "“", "《", "—", "‘", "(", ",", "·")
#: Marks a title, byline or paragraph of a document can close with: the sentence ends and
#: the closing quotes of a quotation that ends the sentence (`…”`).
DOCUMENT_FINAL = "。！？!?…；;”」』"
#: Full stops only: what ends a sentence inside a collapsed scrape (not `；` / `…`: lists
#: and ellipses run on inside a paragraph).
FULL_STOPS = "。！？!?"
#: The full-width ones only (what an `一是…` item of a Chinese text follows).
FULL_WIDTH_STOPS = "。！？"
_CLOSING_CLASS = "”’」』）)】》\\\"'"
#: A full stop with its closing quotes and brackets looked through.
FULL_STOP_CLOSED = f"[{FULL_STOPS}][{_CLOSING_CLASS}]*"
#: Sentence punctuation and brackets: a title, heading or label line has none.
SENTENCE_MARKS_RE = re.compile(r"[，。、；：！？,;:!?（）()《》〔〕…]")
#: The same with quotation marks (a title set over a label is printed without them).
SENTENCE_MARKS_OR_QUOTES_RE = re.compile(SENTENCE_MARKS_RE.pattern[:-1] + "“”‘’]")
#: Bullet signs that open a heading or an item (`●勇担使命`); not `○`, the zero of `二○二○年`.
BULLET_RE = re.compile(r"^[●◆▲★☆◇▶►]")

# --- scraper escapes ---------------------------------------------------------------------

#: A literal escape that a scraper wrote for a character it could not store (`<U+00A0>`).
ESCAPE = r"<U\+[0-9A-Fa-f]{4}>"
ESCAPE_RE = re.compile(ESCAPE)
#: Escapes (and spaces) at the start of a line, before its text.
LEADING_ESCAPES_RE = re.compile(rf"^(?:\s*{ESCAPE})+\s*")
#: What separates two paragraphs that a scrape ran together: whitespace or escapes.
SEPARATOR = rf"(?:\s|{ESCAPE})+"


def unescape(text: str) -> str:
    """Escapes read as the spaces they stand for (for the patterns; the blocks keep them).
    (Most texts have none: the pattern is tried only on a text holding `<U+`.)"""
    return ESCAPE_RE.sub(" ", text) if "<U+" in text else text


# --- heading numbers ---------------------------------------------------------------------

#: `一、`
CN_ITEM = f"[{CN_NUMERALS}]+、"
#: `（一）`, `(三)`
CN_BRACKETED = f"[（(][{CN_NUMERALS}]+[）)]"
#: The numbers that open a numbered heading of a document: `一、`, `（一）` and `（1）`,
#: `1．`, `第一章`.
HEADING_NUMBER_RE = re.compile(
    rf"^\s*(?:{CN_ITEM}|[（(][一二三四五六七八九十\d]+[）)]|\d{{1,3}}\s*[．.、]"
    rf"|第[{CN_NUMERALS}]+[章节条部分])"
)
#: What a layout line may open with that makes it a label, never a title's wrap: the
#: heading numbers (not `（1）`; also `１．`, `51. `, `第3章`), a chronicle's day (`3日 `,
#: `同日 `) and a dash (`——`).
LINE_LABEL_RE = re.compile(
    rf"^(?:{CN_ITEM}|{CN_BRACKETED}|\d{{1,3}}\s*[．.、](?!\d)"
    r"|\d{1,2}\s*日(?:至\s*\d{1,2}\s*日|起)?\s|同日\s|[０-９]{1,3}．"
    rf"|第[{CN_NUMERALS}\d]+[章节条部分篇]|[—-]{{2}})"
)
_RUN_IN_NUMERAL = f"[{CN_NUMERALS}零〇]"
#: The heading numbers that open a paragraph inside a collapsed scrape (also `零`/`〇`
#: numerals and `第一编`; at most two digits: a year is no heading).
RUN_IN_HEADING_NUMBERS = (
    rf"{_RUN_IN_NUMERAL}+、",
    rf"[（(]{_RUN_IN_NUMERAL}+[）)]",
    rf"第(?:{_RUN_IN_NUMERAL}+|\d+)[章节条部分篇编]",
    r"\d{1,2}[．.、](?!\d)",
    r"[０-９]{1,2}[．、](?![０-９])",
)
#: An item number `1.` / `12、` before a heading's text (a markdown `## 1. 标题`).
ITEM_NUMBER = r"\d{1,3}\s*[.．、]\s*"

# --- dates -------------------------------------------------------------------------------

_Y = r"[\d０-９〇一二三四五六七八九十]"
#: A full date alone on a line, in Arabic or Chinese digits (`2020年1月30日`, `（二〇二〇年
#: 一月三十日）`): under a signature.
DATE_ALONE_RE = re.compile(
    rf"^[（(]?\s*{_Y}{{2,4}}\s*年\s*{_Y}{{1,2}}\s*月"
    rf"\s*{_Y}{{1,3}}\s*日\s*[）)]?$"
)
#: A year and a few more characters alone on a line (`2020年1月`, `（2019年）`).
YEAR_LINE_RE = re.compile(rf"^[（(]?\s*{_Y}{{2,4}}\s*年[^，。]{{0,12}}[）)]?$")
#: A full date in Arabic digits alone on a line, layout spaces removed.
ARABIC_DATE_LINE_RE = re.compile(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?$")
#: A full date in Chinese digits alone on a line (`二〇二〇年一月三十日`).
CN_DATE_LINE_RE = re.compile(
    r"^[（(]?[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[）)]?$"
)
#: A full date in Arabic digits anywhere (`2020年1月30日`, full-width digits too).
FULL_DATE_RE = re.compile(
    r"(\d{4}|[０-９]{4})\s*年\s*(\d{1,2}|[０-９]{1,2})\s*月\s*(\d{1,2}|[０-９]{1,2})\s*日"
)
#: An ISO date (`2020-11-03`).
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
#: A full date in Chinese digits anywhere (`二〇一八年一月二日`).
CN_DATE_RE = re.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)
#: A print line: the issuing office and date a notice is printed with (`…2020年7月17日印发`).
PRINT_LINE_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")
#: A delivery line under a title, with or without the subtitle dash or brackets:
#: `——2026年1月27日在海南省第七届人民代表大会第五次会议上`, `（2020年7月9日在…上）`.
DELIVERED_RE = re.compile(
    r"^(?:——)?[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在.{2,60}?[上时]"
    r"(?:的(?:报告|讲话|说明|发言))?[）)]?$"
)
_D = "[0-9０-９]"
#: A delivery subtitle inside a collapsed scrape:
#: `——2014年3月5日在第十二届全国人民代表大会第二次会议上`.
RUN_IN_DELIVERED_RE = re.compile(
    rf"——(?:{_D}{{4}}年{_D}{{1,2}}月{_D}{{1,2}}日)?在[^。！？；，、：\s<]{{2,40}}?上"
    r"(?:的(?:报告|讲话|说明|发言))?"
)

# --- datelines ---------------------------------------------------------------------------

#: A news agency's dateline (`新华社北京3月14日电`), in a line or inside a collapsed scrape
#: (`\d` also takes full-width digits).
WIRE_DATELINE = (
    rf"(?:新华社|中新社|新华网|人民网|中新网)[{HAN}]{{0,8}}?(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日电"
)
#: The dateline a news item opens with, its year optional (`新华社北京1月30日电`,
#: `央视网消息（新闻联播）：11月3日`): the agency and its place, or the programme's name,
#: then the date; not a date of the lead sentence (`央视网消息（新闻联播）：中央经济工作会议
#: 12月16日至18日在北京举行`: the meeting's). Groups year, month, day.
NEWS_DATELINE_RE = re.compile(
    rf"^\s*(?:(?:新华社|中新社|人民网)[{HAN}]{{0,8}}|央视网消息\s*[（(][^）)]{{0,10}}[）)]\s*[：:]?\s*)"
    r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:电)?"
)
#: A news lead that dates itself in its first sentence: `央视网消息（新闻联播）：国家卫生健康委
#: 今天（11月3日）通报，…` (`今天`, never `明天（12月19日）出版的…`). Groups year, month, day.
TODAY_DATE_RE = re.compile(r"^[^。]{0,40}?今天[（(](?:(\d{4})年)?(\d{1,2})月(\d{1,2})日[）)]")

# --- photo credits -----------------------------------------------------------------------

#: `摄` or `摄影`: what a photo credit ends with.
PHOTO_BY = "摄(?:影)?"
#: A caption or credit closed by a bracket (`（袁 云 摄）`).
BRACKETED_CREDIT_RE = re.compile(rf"{PHOTO_BY}\s*[）)]$")
#: A caption closed by an unbracketed credit: `…作政府工作报告。 新华社记者刘建生摄`.
CREDIT_CAPTION_RE = re.compile(
    rf"(?:^|[。！？\s])\s*[{HAN}]{{0,6}}(?:记者|通讯员)\s*[{HAN}·]{{2,4}}"
    rf"(?:[、\s]+[{HAN}·]{{2,4}}){{0,3}}\s*{PHOTO_BY}$"
)
#: A credit printed at the end of a paragraph's last line (`…安全出行。 记者张浩星 摄`).
TRAILING_CREDIT_RE = re.compile(
    rf"(?<=[。！？!?”」）)])\s+((?:记者|通讯员|摄影记者)?\s?[{HAN}]{{2,4}}(?:\s[{HAN}]{{1,3}})?"
    rf"\s?{PHOTO_BY})$"
)
#: A spaced name and its credit ending a caption read twice (`… 许 旭 摄`).
SPACED_CREDIT_RE = re.compile(rf"\s[{HAN}](?:\s?[{HAN}]){{1,3}}\s*{PHOTO_BY}$")
#: A reporter's credit inside a collapsed scrape (`新华社记者姚大伟摄`).
RUN_IN_CREDIT_RE = re.compile(rf"[{HAN}]{{0,6}}?(?:记者|通讯员)[{HAN}·]{{2,4}}{PHOTO_BY}")
#: A source line closed by its bracket (`（市委办公室 提供）`).
SOURCE_NOTE_RE = re.compile(r"(?:提供|供稿|供图)\s*[）)]$")

# --- organisations -----------------------------------------------------------------------

#: An organisation alone on its line (`中共某某市委`, `国家税务总局浙江省税务局`).
ORG_LINE_RE = re.compile(
    rf"^(?:中共)?[{HAN}（）()]{{2,30}}(?:委员会|委|人民政府|政府|办公室|办公厅|厅|局|部|院|社|中心|领导小组)$"
)

# --- salutations -------------------------------------------------------------------------

#: The salutations that open a speech or report as a paragraph of their own.
SALUTATION_LINE_RE = re.compile(
    r"^(?:各位代表|同志们|各位委员|各位委员、同志们|同志们、朋友们)[：:！!]$"
)
_AUDIENCE = rf"(?:各位[{HAN}]{{2,4}}?|同志们|朋友们|女士们|先生们|代表们|委员们|同学们|老师们)"
#: A salutation anywhere in a collapsed scrape (more audiences than the line form, and
#: several in a row): `各位代表！`, `同志们：`, `各位代表、各位委员：`.
RUN_IN_SALUTATION_RE = re.compile(rf"(?:尊敬的|亲爱的)?{_AUDIENCE}(?:[、，,]{_AUDIENCE})*[：！:!]")

# --- bylines -----------------------------------------------------------------------------

#: Roles printed before the names of a byline, longest first (data/byline_roles.txt).
BYLINE_ROLES = load_words("byline_roles")
_ROLE_ALT = "|".join(BYLINE_ROLES)
_NAME_TOKEN = f"[{HAN_EXT_A}·]{{1,4}}"
_NAMES = rf"{_NAME_TOKEN}(?:[ \u3000、，,]+{_NAME_TOKEN}){{0,6}}"
#: Signs a stand-alone byline opens with (`■杨 晨`, `/本刊记者 …`).
BYLINE_MARKS = "■/／"
#: `/本刊记者 杨 晨 沈佳薇`, `■杨 晨`, `■今 哲 李祖祥 项炳池`: groups role, names.
BYLINE_RE = re.compile(rf"^\s*(?:[/／■◎]\s*)(?:({_ROLE_ALT})\s*)?({_NAMES})\s*$")
#: `本刊记者 杨晨`, or a role alone on its line: groups role, names.
ROLE_LINE_RE = re.compile(rf"^\s*({_ROLE_ALT})\s*({_NAMES})?\s*$")
#: A run-in newspaper byline: `记者阮向民 通讯员胡建东、罗建灿报道`, `本报讯 通讯员陈海龙报道`.
RUN_IN_BYLINE_RE = re.compile(
    rf"^\s*((?:本报讯|本刊讯)?\s*(?:(?:{_ROLE_ALT})\s*[{HAN_EXT_A}、，,·]{{2,20}}?\s*)+报道)\s*"
)
#: One role and its names inside a run-in byline.
RUN_IN_SEGMENT_RE = re.compile(
    rf"({_ROLE_ALT})\s*([{HAN_EXT_A}、，,·]+?)(?=\s|报道|$|(?:{_ROLE_ALT}))"
)
#: The `本报讯` a newspaper item opens with.
NEWSFLASH_RE = re.compile(r"^\s*(?:本报讯|本刊讯)\s*")

# --- labels --------------------------------------------------------------------------------

#: A place label under a title (`湖州市`, `…学院`): where the article comes from.
PLACE_LABEL_RE = re.compile(rf"^[{HAN}]{{2,10}}(?:省|市|县|区|镇|乡|大学|学院)$")
#: The documents stage's label of a place or office (`湖州市`, `…学校`, `…局`): also offices,
#: not towns (a township is printed with its county there).
PLACE_OR_OFFICE_LABEL_RE = re.compile(rf"^[{HAN}]{{2,10}}(?:市|县|区|省|大学|学院|学校|局|厅)$")
#: The one-word titles of a boxed notice (`公 示`): a heading, not a rubric.
NOTICE_WORDS = frozenset(load_words("notice_words"))
#: How a document's title ends (`…的通知`, `…上的报告`): data/document_title_words.txt.
DOCUMENT_TITLE_RE = re.compile("(?:" + "|".join(load_words("document_title_words")) + ")$")
#: How a kicker over a news title ends (`…时强调`): data/kicker_words.txt.
KICKER_RE = re.compile("(?:" + "|".join(load_words("kicker_words")) + ")$")

# --- structure beyond numbering (sections) ---------------------------------------------------

#: An enumeration lead that opens a paragraph: `一是在区间调控基础上实施定向调控…`, `十二是…`
#: (group 1 the numeral).
ENUMERATION_LEAD_RE = re.compile(rf"^([{CN_NUMERALS}]{{1,3}})是")
#: An ordinal lead that opens a paragraph: `第一，关于以推动高质量发展为主题。` (group 1 the
#: whole label as printed, group 2 the numeral).
ORDINAL_LEAD_RE = re.compile(rf"^(第([{CN_NUMERALS}]{{1,3}})[，,])")
#: The words a sequence of paragraphs opens with, in their order (`首先…` `其次…` `最后…`).
SEQUENCE_WORDS = ("首先", "其次", "再次", "最后")
#: A bold lead run into its paragraph with a dash: `全面系统“深学”——2023年4月23日…` (group 1
#: the lead; no sentence marks in it, see `sections.leads`).
DASH_LEAD_RE = re.compile(r"^(.{2,24}?)——")
#: An address that opens a closing paragraph: `各位委员、同志们，…`, `同志们！`, `各位代表：`.
ADDRESS_OPENING_RE = re.compile(rf"^(?:{_AUDIENCE})(?:[、，,]{_AUDIENCE})*(?=[，,！!：:])")
#: Closing remarks a speaker announces: `最后，我就全会决议稿、决定稿作个简要说明。`.
FINAL_REMARKS_RE = re.compile(r"^最后[，,]\s*(?:我|再|还要)")
#: The closing exhortation: `让我们更加紧密地团结在以习近平同志为核心的党中央周围…`.
EXHORTATION_RE = re.compile(r"^让我们")
