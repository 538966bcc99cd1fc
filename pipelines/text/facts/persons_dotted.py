"""Names written with a middle dot: transliterated full names (`约翰·基`, `本·拉登`,
`加尔买买提·阿布都热合曼`).

A middle dot between two runs of Chinese characters joins the parts of one name, whatever the
characters (the transliteration list of facts/persons_foreign.py misses many: 翰, 买, 都). The
name's first part is the run before the first dot, at most six characters, opened by
punctuation, a title (`新西兰前总理约翰·基`: the title and its 前 join the span, as for the
other titled names), a dictionary word holding a character that is no transliteration
(`赞赏约翰·基`: 赞赏) or a character that ends an occupation (`护边员加尔买买提·…`: 员). Its last
part is the shortest run after the last dot that punctuation, a boundary word (表示, 等, 的…)
or a dictionary word ends (`约翰·基担任`), unless the word is of transliteration characters
only (`…·海德拉率领`: 德拉 is a word, the name goes on). A first part that is a place is refused
(`新西兰·奥克兰` is no name). `person.foreign` 0.8, `normalized` the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._common import WORD_MIN_FREQ, cut_window
from .persons_foreign import _CHAR_SET, _END_RE, _TITLE_RE, _refused

_DOT = "·•‧・"
_DOTTED_RE = re.compile(rf"[{_DOT}](?=[\u4e00-\u9fff])")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: Characters that end an occupation or a description before a name (护边员, 记者, 老兵).
_OCCUPATION_END = set("员者兵师长手家工生士")
#: What ends a dotted name besides _END_RE: 等 (`…阿布都热合曼等十名`), a function word (`本·拉登被`,
#: the means of a win: `约翰·史密斯以多数票当选`).
_MORE_END = re.compile(r"[等被是向对从到来为以]|[0-9]")
_MAX_PART = 8


def _word_at(folded: str, s: int, e: int) -> bool:
    from pipelines.text.segment import get_segmenter

    return get_segmenter().frequency(folded[s:e]) >= WORD_MIN_FREQ


def _title_before(folded: str, s: int) -> re.Match[str] | None:
    """A foreign title ending at `s` (总理|约翰·基)."""
    return next((t for t in _TITLE_RE.finditer(folded, max(0, s - 5), s) if t.end() == s), None)


def _foreign_word(word: str) -> bool:
    """A word made of transliteration characters only may be part of the name (加尔)."""
    return all(c in _CHAR_SET for c in word)


def _first_start(folded: str, dot: int) -> int | None:
    """The start of the name's first part, the run ending at the first dot, or None when
    the run is longer than six characters (its start unclear)."""
    s = dot
    while s > 0 and _HAN.match(folded[s - 1]):
        if s < dot:
            if folded[s - 1] in _OCCUPATION_END or _title_before(folded, s):
                return s
            words = (folded[s - k : s] for k in (2, 3, 4) if s - k >= 0)
            if any(_word_at(folded, s - len(w), s) and not _foreign_word(w) for w in words):
                return s
        if dot - s == 6:
            return None
        s -= 1
    return s if s < dot else None


def _last_end(folded: str, pos: int) -> int | None:
    """The end of the name's last part, starting at `pos` (after the last dot)."""
    for e in range(pos + 1, min(len(folded), pos + _MAX_PART) + 1):
        if e == len(folded) or not _HAN.match(folded[e]):
            return e
        if _END_RE.match(folded, e) or _MORE_END.match(folded, e):
            return e
        words = (folded[e : e + k] for k in (2, 3, 4) if e + k <= len(folded))
        word = any(_word_at(w, 0, len(w)) and not _foreign_word(w) for w in words)
        if word and not _straddled(folded, e):
            return e  # 约翰·基|担任; a word of transliteration characters (德拉) goes on
    return None


def _straddled(folded: str, e: int) -> bool:
    """Whether the word at `e` is a rare one straddling the name's last character and a far
    more frequent word after it (`…·阿萨|德政|权` is `…·阿萨德|政权`): the character at `e` is a
    transliteration one and the word at `e + 1` is ten times as frequent."""
    from pipelines.text.segment import get_segmenter

    if folded[e] not in _CHAR_SET or e + 3 > len(folded):
        return False
    freq = get_segmenter().frequency
    at = max(freq(folded[e : e + k]) for k in (2, 3) if e + k <= len(folded))
    return freq(folded[e + 1 : e + 3]) >= 10 * max(at, 1)


def _ordinary_word(word: str) -> bool:
    """A frequent dictionary word that is no name: an adjective, a verb or a time word (幸福,
    今日), or a noun of characters that are no transliteration (征程, 丝绸; not 约翰, 拉登,
    买买提). Read with the segmenter's tag of the word alone (a few characters)."""
    if not _word_at(word, 0, len(word)):
        return False

    tokens, tags = cut_window(word)
    if len(tokens) != 1 or tags[0].startswith("nr"):
        return False
    return tags[0][:1] in ("a", "t", "v") or not any(c in _CHAR_SET for c in word)


def _ordinary(folded: str, s: int, last: int, end: int) -> bool:
    """Whether the first part ends, or the last part starts, with an ordinary word: a dot
    between the parts of a title or a site's name (`新征程·今日中国`, `敦煌行·丝绸之路`,
    `和合城·幸福里`), no name."""
    first = folded[s : last - 1]
    return any(_ordinary_word(first[-k:]) for k in (2, 3, 4) if k <= len(first)) or any(
        _ordinary_word(folded[last : last + k]) for k in (2, 3, 4) if last + k <= end
    )


def _vouched(folded: str, title: re.Match[str] | None, last: int, end: int) -> bool:
    """Whether a name whose first part is an ordinary word is a name all the same: a foreign
    title before it (`前首相大卫·卡梅伦`: 大卫 is a dictionary noun) or a last part of two
    transliteration characters or more (`大卫·卡梅伦`, not `城·幸福里`)."""
    return title is not None or (end - last >= 2 and _foreign_word(folded[last:end]))


def dotted_names(folded: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, name, title) of every name written with a middle dot."""
    if not any(d in folded for d in _DOT):
        return
    pos = 0
    for m in _DOTTED_RE.finditer(folded):
        if m.start() < pos:
            continue  # a later dot of a name read already
        s = _first_start(folded, m.start())
        if s is None:
            continue
        e = m.end()
        while True:
            end = _last_end(folded, e)
            if end is None:
                break
            if end < len(folded) and folded[end] in _DOT and _HAN.match(folded, end + 1):
                e = end + 1  # a third part: 玛丽·居里·…
                continue
            break
        if end is None or _refused(folded[s : m.start()]):
            continue
        title = _title_before(folded, s)
        if _ordinary(folded, s, m.end(), end) and not _vouched(folded, title, e, end):
            continue
        pos = end
        name = folded[s:end]
        if title is None:
            yield s, end, name, None
            continue
        start = (
            title.start() - 1
            if folded[title.start() - 1 : title.start()] == "前"
            else title.start()
        )
        yield start, end, name, title.group(0)
