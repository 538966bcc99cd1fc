"""The layout stage's shortcuts decide what the plain rules decide.

To be fast, the layout scans the source for a pull-quote's text before it indexes it, skips
a pattern where a cheap test says it cannot match, and counts a line's width without a
regular expression where it can. Each shortcut is held here equal to the plain rule it
stands for, on the lines of the seeds and the test corpus and on made-up text.
"""

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.text.layout import breaks, columns, lines
from pipelines.text.layout import shape as line_shape
from pipelines.text.layout.regions import captions, furniture
from pipelines.text.layout.regions.pull_quotes import TextIndex
from pipelines.text.layout.shape import width
from pipelines.text.layout.state import LineItem
from pipelines.text.model import Line
from pipelines.text.normalize import load_lines
from pipelines.text.params import DOUBLED_MAX_CHARS, LOCAL_WINDOW_RADIUS
from pipelines.text.patterns import (
    BULLET_RE,
    DATE_ALONE_RE,
    LINE_LABEL_RE,
    PLACE_LABEL_RE,
    SENTENCE_MARKS_RE,
    load_words,
    unescape,
)

REPO = Path(__file__).resolve().parents[1]
_EXAMPLES = settings(max_examples=300, deadline=None)


@cache
def corpus_lines(folders: tuple[str, ...] = ("seeds", "tests/corpus")) -> tuple[str, ...]:
    """The stripped non-blank lines of every file of seeds/ and tests/corpus/."""
    out = []
    for path in sorted(p for folder in folders for p in REPO.glob(f"{folder}/*.txt")):
        lines, _ = load_lines(path.read_bytes(), file_name=path.name)
        out += [s for ln in lines if (s := ln.text.strip())]
    return tuple(out)


def _items(texts: list[str]) -> list[LineItem]:
    return [LineItem(Line(n, t), 0, t, 0.0) for n, t in enumerate(texts, start=1)]


def _answers(index: TextIndex, texts: list[str]) -> list[bool]:
    """Whether each line repeats text elsewhere, its own line and the next one excluded."""
    out = []
    for k, text in enumerate(texts):
        box = index.spans[k][0], index.spans[min(k + 1, len(texts) - 1)][1]
        out.append(index.repeated_elsewhere(text, index.spans[k], box))
    return out


def test_the_pull_quote_lookups_by_scanning_and_by_index_agree_on_the_seeds():
    texts = list(corpus_lines(("seeds",)))
    scanned = TextIndex(_items(texts), scan_budget=10**9)
    indexed = TextIndex(_items(texts), scan_budget=0)
    assert _answers(scanned, texts) == _answers(indexed, texts)
    assert scanned.grams is None and indexed.grams is not None
    assert sum(_answers(indexed, texts)) > 100  # (the corpus repeats many of its lines)


@_EXAMPLES
@given(texts=st.lists(st.text(alphabet="发展创新■ 改革", min_size=1, max_size=12), max_size=12))
def test_the_pull_quote_lookups_by_scanning_and_by_index_agree_on_any_lines(texts: list[str]):
    texts = [t for t in texts if t.strip()]
    scanned = TextIndex(_items(texts), scan_budget=10**9)
    indexed = TextIndex(_items(texts), scan_budget=0)
    assert _answers(scanned, texts) == _answers(indexed, texts)


def test_the_pull_quote_lookups_index_the_source_once_the_scans_have_read_it_enough():
    texts = [f"第{k}段发展创新改革的内容" for k in range(50)] * 2
    index = TextIndex(_items(texts), scan_budget=3)
    assert all(_answers(index, texts))
    assert index.grams is not None  # a hundred lookups read the source more than 3 times


#: Pieces of lines that the line rules look for, to make lines that they take or nearly do.
_PIECES = st.sampled_from(
    [
        *"#■P第·•抄发分主送>》＞?？\ufffd□）)（(【】<>{};:：=.-— \u3000\n",
        *"页来源当前位置责任编辑打印关闭窗口字号体摄提供印发0１２",
        "上一页",
        "下一页",
        "<!--",
        "-->",
        "<script",
        "function f(",
        "document.write",
        "window.open",
        "var x =",
        "<U+00A0>",
        "www.gov.cn",
        " 来源：新华社",
        "## ",
        "PAGE 3",
        "2020年7月9日印发",
        "（袁 云 摄）",
    ]
)
_LINE = st.lists(st.one_of(_PIECES, st.text(max_size=2)), max_size=16).map("".join)


def _plain_chrome(text: str) -> bool:
    return bool(lines._CHROME.search(text) or lines._CHROME.search(unescape(text).strip()))


def _plain_classify(text: str) -> lines.LineRule | None:
    return next((r for r in lines.LINE_RULES if r.test(text)), None)


def test_web_chrome_is_found_as_by_its_one_pattern_on_the_corpus():
    texts = corpus_lines()
    assert [lines._is_chrome(t) for t in texts] == [_plain_chrome(t) for t in texts]
    assert [lines.classify_line(t) for t in texts] == [_plain_classify(t) for t in texts]
    assert sum(lines._is_chrome(t) for t in texts) > 10


@_EXAMPLES
@given(text=_LINE)
def test_web_chrome_is_found_as_by_its_one_pattern_on_any_line(text: str):
    assert lines._is_chrome(text) == _plain_chrome(text)
    assert lines._is_chrome(text.strip()) == _plain_chrome(text.strip())


#: A line each line rule takes, with a variant that opens or ends with another sign.
_TAKEN = [
    "## 一、总体要求",
    "■发展新质生产力是推动高质量发展的内在要求",
    "PAGE 3",
    "— 12 —",
    "１２",
    "第 3 页 共 9 页",
    "·12·",
    "送：各县区人民政府",
    "抄送：市委办公室",
    "主送：各部门",
    "市政府办公室 2020年7月9日印发",
    "当前位置：首页 >> 新闻",
    "<!-- banner -->",
    "某某网 www.gov.cn  2009年03月16日  来源：新华社",
    "（袁 云 摄）",
    "（市委办公室 提供）",
    "> 原文：https://www.gov.cn/a.html",
    "？？ □",
    ">>特别报道",
    "》》 经济",
]


def test_each_line_rule_takes_its_example_line_whatever_the_shortcut():
    taken = {lines.classify_line(t).rule.id for t in _TAKEN}
    assert taken == {r.rule.id for r in lines.LINE_RULES}
    for text in _TAKEN:
        for line in (text, text + "\n", " " + text):
            assert lines.classify_line(line) == _plain_classify(line), line


@_EXAMPLES
@given(text=_LINE)
def test_a_line_takes_the_first_line_rule_that_takes_it_whatever_the_shortcut(text: str):
    for line in (text, text.strip()):
        assert lines.classify_line(line) == _plain_classify(line)


def _plain_width(text: str) -> float:
    narrow = len(re.findall(r"[^\s\u2000-\U0010ffff]", text)) + text.count(" ")
    return 0.5 * narrow + len(re.findall(r"[^\s\x00-\u1fff]", text)) + text.count("\u3000")


def test_the_width_of_a_line_is_the_one_the_patterns_count_on_the_corpus():
    texts = corpus_lines()
    assert [width(t) for t in texts] == [_plain_width(t) for t in texts]


def test_the_width_of_every_character_is_the_one_the_patterns_count():
    below = [chr(c) for c in range(0x3100)]  # every boundary: U+0080, U+0100, U+2000, U+3000
    assert [width(c) for c in below] == [_plain_width(c) for c in below]
    for start in range(0x3100, 0x110000, 0x100):
        chars = "".join(chr(c) for c in range(start, start + 0x100) if not 0xD800 <= c < 0xE000)
        assert width(chars) == _plain_width(chars), hex(start)


@_EXAMPLES
@given(text=st.text(max_size=30))
def test_the_width_of_any_text_is_the_one_the_patterns_count(text: str):
    assert width(text) == _plain_width(text)
    assert width(text + "中é") == _plain_width(text + "中é")


@_EXAMPLES
@given(name=st.text(alphabet="委员会政府公司集团银行大学中心局厅报社 \n", max_size=8))
def test_an_organisation_name_ends_as_the_endings_pattern_says(name: str):
    pattern = re.compile("(?:" + "|".join(load_words("organization_endings")) + ")$")
    for part in name.split():
        assert part.endswith(furniture._ORG_ENDINGS) == bool(pattern.search(part))


def _plain_split_doubled(token: str) -> str | None:
    """The runs read once, every run length tried at every position (the rule as written
    before `str.find` picked the lengths)."""
    n = len(token)
    if n > DOUBLED_MAX_CHARS:
        return None
    memo: dict[int, tuple[str, ...] | None] = {}

    def go(i: int) -> tuple[str, ...] | None:
        if i == n:
            return ()
        if i not in memo:
            memo[i] = None
            for size in range(1, (n - i) // 2 + 1):
                if token[i : i + size] == token[i + size : i + 2 * size]:
                    rest = go(i + 2 * size)
                    if rest is not None:
                        memo[i] = (token[i : i + size], *rest)
                        break
        return memo[i]

    runs = go(0) if n >= 2 else None
    return None if runs is None else "".join(runs)


@settings(max_examples=1000, deadline=None)
@given(runs=st.lists(st.text(alphabet="许旭摄长兴县“", min_size=1, max_size=4), max_size=8))
def test_a_token_read_twice_is_read_once_as_by_trying_every_run_length(runs: list[str]):
    doubled = "".join(r + r for r in runs)
    for token in (doubled, doubled[1:], doubled + runs[0] if runs else "许"):
        assert captions.split_doubled(token) == _plain_split_doubled(token)


def test_the_corpus_tokens_read_twice_are_read_once_as_by_trying_every_run_length():
    tokens = {t for line in corpus_lines() for t in line.split()}
    assert {t: captions.split_doubled(t) for t in tokens} == {
        t: _plain_split_doubled(t) for t in tokens
    }


def _plain_shape(text: str) -> dict[str, bool]:
    """What the break rules read of a line, every pattern tried."""
    found = {
        "final": line_shape.ends_sentence(text),
        "unpunctuated": SENTENCE_MARKS_RE.search(text) is None,
        "author": text.startswith("■"),
        "date_line": DATE_ALONE_RE.match(text.strip()) is not None,
        "bullet": BULLET_RE.match(text) is not None,
        "two_phrase": breaks._TWO_PHRASE_TITLE.match(text) is not None,
        "place_label": PLACE_LABEL_RE.match(text) is not None,
        "label_start": LINE_LABEL_RE.match(text.strip()) is not None,
        "runs_on": line_shape.runs_on(text),
        "colon": line_shape.ends_colon(text),
    }
    marks = ("author", "date_line", "bullet", "two_phrase", "place_label")
    found["marked"] = any(found[k] for k in marks) or text.startswith("——")
    return found


def _shape(text: str) -> dict[str, bool]:
    made = breaks.LineShape(_items([text])[0])
    return {name: getattr(made, name) for name in _plain_shape(text)}


_SHAPE_PIECES = st.sampled_from(
    [
        *"■●▶—-（(）)一二十百同第日年月1２ 。，：:、",
        "杭州市",
        "——",
        "2020年1月3日",
        "凝心铸魂学思想",
    ]
)


def test_what_the_break_rules_read_of_a_line_is_what_the_patterns_say_on_the_corpus():
    texts = corpus_lines()
    assert [_shape(t) for t in texts] == [_plain_shape(t) for t in texts]


@_EXAMPLES
@given(text=st.lists(st.one_of(_SHAPE_PIECES, st.text(max_size=2)), max_size=10).map("".join))
def test_what_the_break_rules_read_of_any_line_is_what_the_patterns_say(text: str):
    for line in (text, text.strip(), text + "\n"):
        assert _shape(line) == _plain_shape(line)


def _plain_local_widths(widths: list[float]) -> list[float]:
    radius = LOCAL_WINDOW_RADIUS
    out = []
    for k in range(len(widths)):
        window = sorted(widths[max(0, k - radius) : min(len(widths), k + radius + 1)])
        out.append(window[len(window) // 2])
    return out


@_EXAMPLES
@given(widths=st.lists(st.integers(0, 80).map(lambda n: n / 2), max_size=80))
def test_the_local_column_width_is_the_median_of_the_lines_around(widths: list[float]):
    items = [LineItem(Line(n, "字"), 0, "字", w) for n, w in enumerate(widths, start=1)]
    assert columns.local_widths(items) == _plain_local_widths(widths)


def _corpus_pairs() -> list[breaks.Pair]:
    """Pairs of consecutive text lines of the corpus, at several column widths."""
    texts = corpus_lines()
    items = [LineItem(Line(n, t), n % 3, t, width(t)) for n, t in enumerate(texts, start=1)]
    shapes = [breaks.LineShape(it) for it in items]
    return [
        breaks.Pair(a, b, col, per_line, k % 2, here)
        for k, (a, b) in enumerate(pairwise(shapes))
        for col, per_line, here in ((16.0, False, False), (40.0, k % 2 == 0, k % 3 == 0))
    ]


def _plain_decide(pair: breaks.Pair) -> tuple[bool, str]:
    for found in breaks.BREAK_RULES:
        decision = found.decide(pair)
        if decision is not None:
            return decision, found.rule.id
    raise AssertionError


def test_a_break_is_decided_by_the_same_rule_when_gated_rules_are_skipped():
    pairs = _corpus_pairs()
    assert [breaks.decide_break(p) for p in pairs] == [_plain_decide(p) for p in pairs]
    for found in breaks.BREAK_RULES:
        if found.gate is not None:
            assert all(found.decide(p) is None for p in pairs if not getattr(p, found.gate))
    decided = {breaks.decide_break(p)[1] for p in pairs}
    assert len(decided) >= 15  # (most rules decide some pair of the corpus)
