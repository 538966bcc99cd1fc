"""Chinese sentence splitting: (start, end) offsets of the sentences of one paragraph.

Why offsets and not strings: the `sentences` table stores `start`/`end` into the paragraph
text, and facts are linked to the sentence that contains their offset. The spans are in
order, do not overlap, are stripped of surrounding whitespace, are never empty, and together
cover every non-whitespace character of the input.

Rules (the genre is party/government prose, printed and OCR'd):

- A sentence ends at `。！？` (and `！？` in any mix, `｡`, `‼`, `⁇`, `⁈`, `⁉`), and at an ellipsis
  (`……`, `…`, `⋯⋯`, `...`). Closing quotes and brackets right after the end mark belong to
  the sentence: `。”` and `？）` end it after the closing mark.
- Never split before a comma-like mark (`，、：,:`, and `；` unless semicolons split): an
  ellipsis inside an enumeration (`抓项目……，`) is no end.
- Quotations and brackets: a terminal inside a *short* quotation or bracket (at most
  `LONG_QUOTE` characters between the marks) does not split, so `“疫情就是命令。防控就是
  责任。”` stays one sentence and the quotation stays whole. A long quotation (a whole speech
  quoted over several sentences) is split at its inner terminals: the opening mark stays with
  the first piece, the closing mark with the last. Book-title marks `《…》` never split.
  Unbalanced marks (OCR damage, quotes running over a paragraph break) are ignored, so a
  missing `”` cannot swallow the rest of the paragraph.
- `；` does not split by default: in this genre it separates the items of one enumeration
  (`一是……；二是……；三是……。`), whose items share the sentence's subject and verb and are
  fragments on their own. Pass `split_semicolon=True` to split there anyway.
- Latin text: `.` ends a sentence only after a Latin word that is not a known abbreviation
  or an initial (`Mr. Li`, `U.S.`, `No. 5` do not split) and before whitespace or CJK text
  that does not go on in lower case; `3.5` and numbering like `1.`/`1．` never split.
- A line break is a hard boundary (paragraph text has none; joined document text uses `\\n`
  between paragraphs), and quotes/brackets are not matched across it.
- A span that has no letter, digit or CJK character yet is not ended (no `。` alone).
"""

import re
from itertools import accumulate

#: Quotations/brackets longer than this (characters between the marks) may be split inside.
LONG_QUOTE = 80

_STRONG = frozenset("。｡！？!?‼⁇⁈⁉")
_ELLIPSIS = frozenset("…⋯")
_SEMICOLON = frozenset("；;")
#: A sentence never starts with these (so no split right before them).
_CONTINUERS = frozenset("，、：,:")
_PAIRS = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "【": "】",
    "〔": "〕",
    "［": "］",
    "[": "]",
    "《": "》",
    "〈": "〉",
    "｛": "｝",
    "{": "}",
    "〖": "〗",
}
_CLOSERS = frozenset(_PAIRS.values()) | {'"'}
_OPENER_OF = {v: k for k, v in _PAIRS.items()}
_ATOMIC = frozenset("《〈")
_MARKS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_OPENER_OF) + '"') + "]")
#: Not absorbed after an end mark: `《为什么？》一书` goes on after the title.
_ATOMIC_CLOSERS = frozenset("》〉")
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "no", "nos", "fig",
        "figs", "inc", "ltd", "co", "corp", "dept", "gov", "univ", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "vol", "pp",
        "ed", "eds", "art", "sec",
    }
)  # fmt: skip
#: The marks `_terminal_run` may accept: the splitter jumps from one to the next.
_END_CANDIDATES = re.compile("[" + re.escape("".join(sorted(_STRONG | _ELLIPSIS)) + ".．") + "]")
_END_CANDIDATES_SEMICOLON = re.compile(
    "[" + re.escape("".join(sorted(_STRONG | _ELLIPSIS | _SEMICOLON)) + ".．") + "]"
)
#: Content: a letter or digit (`[^\W_]` is `str.isalnum`) or a CJK character (`_is_cjk`).
_CONTENT = re.compile(
    "[^\\W_]|[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f\u3007]"
)
_HARD_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3134F
        or o == 0x3007
    )


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _matched_pairs(seg: str) -> list[tuple[int, int]]:
    """Positions of balanced opening/closing marks; unbalanced marks are left out.

    A closer pairs with the nearest open mark of its kind; marks opened inside it are then
    unbalanced. Linear: each kind keeps the stack depths of its open marks, so finding the
    opener never rescans the stack (`（` x 5,000 then `”` x 5,000 stays cheap)."""
    stack: list[tuple[str, int]] = []
    depths: dict[str, list[int]] = {}
    pairs: list[tuple[int, int]] = []
    for match in _MARKS.finditer(seg):
        ch, i = match.group(), match.start()
        if ch in _OPENER_OF:
            want = _OPENER_OF[ch]
        elif ch == '"' and stack and stack[-1][0] == '"':
            want = '"'  # a straight quote closes only the innermost open mark
        else:
            depths.setdefault(ch, []).append(len(stack))
            stack.append((ch, i))
            continue
        if not depths.get(want):
            continue
        depth = depths[want][-1]
        pairs.append((stack[depth][1], i))
        while len(stack) > depth:  # openers left inside are unbalanced
            depths[stack.pop()[0]].pop()
    return pairs


def _protected(seg: str, pairs: list[tuple[int, int]]) -> list[int]:
    """For each boundary p (between seg[p-1] and seg[p]), how many protecting pairs hold it."""
    diff = [0] * (len(seg) + 2)
    for o, c in pairs:
        if seg[o] in _ATOMIC or c - o - 1 <= LONG_QUOTE:
            diff[o + 1] += 1
            diff[c + 1] -= 1
    return list(accumulate(diff))


def _latin_period_ends(seg: str, i: int) -> bool:
    """Whether the `.`/`．` at i ends a sentence (see module docstring)."""
    n = len(seg)
    prev = seg[i - 1] if i > 0 else ""
    nxt = seg[i + 1] if i + 1 < n else ""
    if seg[i] == "．" and prev and _is_cjk(prev):
        return not nxt.isdigit()
    if not prev or not _is_latin(prev):
        return False
    j = i - 1
    while j >= 0 and _is_latin(seg[j]):
        j -= 1
    word = seg[j + 1 : i]
    if len(word) == 1 or word.lower() in _ABBREVIATIONS:
        return False
    if j >= 0 and seg[j] == ".":  # e.g. "e.g." / "i.e." / "U.S."
        return False
    if not nxt:
        return True
    if nxt.isspace():
        k = i + 1
        while k < n and seg[k].isspace():
            k += 1
        return k >= n or not (seg[k].islower() or seg[k].isdigit())
    return _is_cjk(nxt) or nxt in _CLOSERS


def _terminal_run(seg: str, i: int, split_semicolon: bool) -> int:
    """If a sentence may end at seg[i], the length of the end-mark run starting there, else 0."""
    ch = seg[i]
    n = len(seg)
    if ch in _STRONG:
        if ch in "!?" and i + 1 < n and (seg[i + 1].isalnum() and not _is_cjk(seg[i + 1])):
            return 0
        return 1
    if ch in _ELLIPSIS:
        j = i
        while j < n and seg[j] in _ELLIPSIS:
            j += 1
        return j - i
    if ch == ".":
        j = i
        while j < n and seg[j] == ".":
            j += 1
        if j - i >= 3:
            return j - i
        if j - i == 1 and _latin_period_ends(seg, i):
            return 1
        return 0
    if ch == "．":
        return 1 if _latin_period_ends(seg, i) else 0
    if split_semicolon and ch in _SEMICOLON:
        return 1
    return 0


def _split_segment(seg: str, offset: int, split_semicolon: bool) -> list[tuple[int, int]]:
    n = len(seg)
    protected = _protected(seg, _matched_pairs(seg))
    candidates = _END_CANDIDATES_SEMICOLON if split_semicolon else _END_CANDIDATES
    raw: list[tuple[int, int]] = []
    start = 0
    has_content = False
    i = 0
    while (found := candidates.search(seg, i)) is not None:
        # jump to the next mark that may end a sentence; what lies before it is read once
        at = found.start()
        has_content = has_content or _CONTENT.search(seg, i, at) is not None
        run = _terminal_run(seg, at, split_semicolon)
        if run == 0:
            i = at + 1  # the mark is punctuation: never content
            continue
        end = at + run
        # absorb further end marks and closing quotes/brackets: `。”`, `？）`, `！？`, `……”`
        while end < n:
            more = _terminal_run(seg, end, split_semicolon)
            if more:
                end += more
            elif seg[end] in _CLOSERS and seg[end] not in _ATOMIC_CLOSERS:
                end += 1
            else:
                break
        k = end
        while k < n and seg[k].isspace():
            k += 1
        nxt = seg[k] if k < n else ""
        blocked = nxt in _CONTINUERS or (nxt in _SEMICOLON and not split_semicolon)
        if has_content and end < n and not blocked and protected[end] == 0:
            raw.append((start, end))
            start = end
            has_content = False
        i = end
    raw.append((start, n))
    out = []
    for a, b in raw:
        while a < b and seg[a].isspace():
            a += 1
        while b > a and seg[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a + offset, b + offset))
    return out


def _fallback(text: str) -> list[tuple[int, int]]:
    """One span per line, stripped: used only if the rules above hit a bug."""
    out = []
    for m in re.finditer(r"\S(?:.*\S)?", text):
        out.append((m.start(), m.end()))
    return out


def split_sentences(text: str, *, split_semicolon: bool = False) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text` (a paragraph). Never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        spans: list[tuple[int, int]] = []
        pos = 0
        for m in _HARD_BREAK.finditer(text):
            spans.extend(_split_segment(text[pos : m.start()], pos, split_semicolon))
            pos = m.end()
        spans.extend(_split_segment(text[pos:], pos, split_semicolon))
        return spans
    except Exception:  # pragma: no cover - a bug must not stop the corpus
        return _fallback(text)
