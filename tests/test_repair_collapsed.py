"""The collapsed-scrape repair: safe paragraph breaks in a text that lost them."""

import re
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.text.model import Block, Line
from pipelines.text.normalize import load_lines
from pipelines.text.params import RUN_IN_MIN_CHARS
from pipelines.text.repair import (
    split_long_blocks,
    split_run_in,
    unwrap_csv,
)

_WS = re.compile(r"\s+")


def _chars(texts: list[str]) -> Counter[str]:
    return Counter(_WS.sub("", "".join(texts)))


def _assert_spans(text: str, spans: list[tuple[int, int]]) -> None:
    end = 0
    for start, stop in spans:
        assert end <= start < stop <= len(text), spans
        assert not text[end:start].strip(), "only whitespace between spans"
        assert not text[start].isspace() and not text[stop - 1].isspace()
        end = stop
    assert not text[end:].strip()
    assert "".join(_WS.sub("", text[s:e]) for s, e in spans) == _WS.sub("", text)


_SENT = "我们要坚持稳中求进工作总基调，推动各项工作取得新的成效。"

PIECES = [
    _SENT,
    "一、",
    "（二）",
    "第三章",
    "——",
    "1．",
    "各位代表！",
    "同志们：",
    "。",
    "！”",
    "　　",
    " ",
    "\n",
    "<U+00A0>",
    "标题",
    "，",
    "abc",
]


def _load(path: Path) -> list[Line]:
    return load_lines(path.read_bytes(), file_name=path.name)[0]


def _paragraphs(lines: list[Line]) -> list[str]:
    from pipelines.text.layout import recover_layout

    return [b.text for b in recover_layout(lines) if not b.removed]


def _body(text: str, line: int) -> Block:
    return Block(text=text, line_start=line, line_end=line, lines=(line,))


def test_short_text_is_one_span() -> None:
    text = "一、总体要求" + _SENT * 3 + "（一）加强领导。" + _SENT
    assert split_run_in(text) == [(0, len(text))]
    assert split_run_in("  " + text + " ") == [(2, 2 + len(text))]
    assert split_run_in("") == [] and split_run_in(" \u3000 ") == []


def test_collapsed_report_is_split_at_safe_boundaries() -> None:
    parts = [
        "各位代表：",
        "现在，我代表政府向大会报告工作。" + _SENT * 10,
        "一、过去一年工作回顾" + _SENT * 12,  # run-in heading: no cue, stays with its body
        "——经济运行稳中向好。" + _SENT * 5,
        "（一）推动改革取得新突破。" + _SENT * 8,
        "各位代表！",
        "第二章 保障措施" + _SENT * 6,
        "2．加强考核。" + _SENT * 12,
    ]
    text = "".join(parts)
    assert len(text) >= RUN_IN_MIN_CHARS
    spans = split_run_in(text)
    _assert_spans(text, spans)
    assert [text[s:e] for s, e in spans] == parts


def test_separators_split_and_escapes_start_the_next_span() -> None:
    text = (
        _SENT * 30
        + "　　"
        + "三、明年重点工作<U+00A0>"
        + _SENT * 20
        + "（四）促进农业发展。<U+00A0>"
        + _SENT * 10
    )
    got = [text[s:e] for s, e in split_run_in(text)]
    assert got == [
        _SENT * 30,
        "三、明年重点工作",
        "<U+00A0>" + _SENT * 20,
        "（四）促进农业发展。",
        "<U+00A0>" + _SENT * 10,
    ]


def test_ordinary_enumerations_are_not_split() -> None:
    # `一是…二是…`, `第一，…`, `；（二）` and a quoted salutation run on inside paragraphs
    text = (
        _SENT * 20
        + "主要有两点：一是加强学习。二是狠抓落实。"
        + "第一，要提高认识。第二，要压实责任。"
        + "包括：（一）甲项；（二）乙项。"
        + "他说：“同志们！我们要努力。”"
        + "请各位代表审议。"
        + _SENT * 30
    )
    assert split_run_in(text) == [(0, len(text))]


def test_threshold_parameter() -> None:
    text = "同志们！" + _SENT
    assert len(split_run_in(text)) == 1
    assert [text[s:e] for s, e in split_run_in(text, min_chars=0)] == ["同志们！", _SENT]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60),
    st.sampled_from([0, 10, RUN_IN_MIN_CHARS]),
)
def test_spans_cover_all_non_whitespace_in_order(parts, threshold) -> None:
    text = "".join(parts)
    spans = split_run_in(text, min_chars=threshold)
    _assert_spans(text, spans)


def test_corpus_collapsed_report_is_split(corpus_dir: Path) -> None:
    paras = _paragraphs(_load(corpus_dir / "ext_gov_report_2014_scraped.txt"))
    long = [t for t in paras if len(t) >= RUN_IN_MIN_CHARS]
    assert long
    spans = 0
    for t in long:
        got = split_run_in(t)
        _assert_spans(t, got)
        spans += len(got)
        assert max(e - s for s, e in got) < len(t) / 4
    assert spans > 50


def test_corpus_normal_paragraphs_are_under_the_threshold(
    corpus_dir: Path, seeds_dir: Path
) -> None:
    files = [*sorted(corpus_dir.glob("*.txt")), *sorted(seeds_dir.glob("*.txt"))]
    for f in files:
        if "2014_scraped" in f.name:
            continue
        lines = _load(f)
        res = unwrap_csv(lines)
        for t in _paragraphs(res.lines if res else lines):
            assert split_run_in(t) == [(0, len(t))] or not t.strip(), f.name


def test_a_collapsed_line_becomes_paragraphs_that_keep_its_line_and_every_character():
    part = "这是一段很长的正文，用来模拟失去了段落分隔的网页文本。" * 40
    text = f"{part}一、第一部分的标题\u3000{part}<U+00A0>二、第二部分{part}"
    blocks = split_long_blocks([_body(text, 7)])
    assert len(blocks) >= 3
    assert all(b.line_start == b.line_end == 7 for b in blocks)
    assert _chars([text]) == _chars([b.text for b in blocks])
    escapes = [b for b in blocks if b.removed]
    assert [b.removed_kind for b in escapes] == ["web_chrome"]
    assert any(b.text.startswith("二、") for b in blocks if not b.removed)


def test_a_short_block_is_never_split():
    block = _body("一、总体要求。各位代表！二、主要任务。", 1)
    assert split_long_blocks([block]) == [block]


def test_a_collapsed_title_block_is_split_into_caption_dateline_title_subtitle_and_byline():
    head = (
        "3月5日，某某代表国务院在某某会议上作《政府工作报告》。<U+00A0>新华社记者张三摄<U+00A0>"
        "新华社北京3月14日电政府工作报告——2014年3月5日在第十二届全国人民代表大会第二次会议上"
        "国务院总理<U+00A0>某某某各位代表："
    )
    text = head + "现在，我代表国务院向大会报告工作。" + _SENT * 60
    got = [text[s:e] for s, e in split_run_in(text)]
    assert got[:7] == [
        "3月5日，某某代表国务院在某某会议上作《政府工作报告》。<U+00A0>新华社记者张三摄",
        "<U+00A0>新华社北京3月14日电",
        "政府工作报告",
        "——2014年3月5日在第十二届全国人民代表大会第二次会议上",
        "国务院总理<U+00A0>某某某",
        "各位代表：",
        "现在，我代表国务院向大会报告工作。" + _SENT * 60,
    ]
    blocks = split_long_blocks([_body(text, 3)])
    kept = [b for b in blocks if not b.removed]
    assert kept[0].kind == "caption"
    assert kept[0].text == "3月5日，某某代表国务院在某某会议上作《政府工作报告》。 新华社记者张三摄"
    assert [b.text for b in kept[1:5]] == [
        "新华社北京3月14日电",
        "政府工作报告",
        "——2014年3月5日在第十二届全国人民代表大会第二次会议上",
        "国务院总理 某某某",
    ]
    assert all(b.removed_kind == "web_chrome" for b in blocks if b.removed)
    assert _chars([text]) == _chars([b.text for b in blocks])


def test_a_credit_or_a_dash_inside_running_text_is_no_break():
    text = (
        _SENT * 30
        + "据新华社北京3月14日电，某某指出，要加快构建新发展格局——在某某会议上也这样说过。"
        + "图为新华社记者张三摄的照片。"
        + _SENT * 30
    )
    assert split_run_in(text) == [(0, len(text))]


def test_paragraph_long_enumeration_items_open_paragraphs_short_ones_run_on():
    item = _SENT * 12  # about 350 characters: an item the size of a paragraph
    text = "一年来，我们做了以下工作。" + "一是加强学习。" + item + "二是狠抓落实。" + item
    text += "三是改进作风。" + item + "主要有两点：一是加强学习。二是狠抓落实。" + _SENT * 20
    got = [text[s:e] for s, e in split_run_in(text)]
    assert got[0] == "一年来，我们做了以下工作。"
    assert [g[:2] for g in got[1:]] == ["一是", "二是", "三是"]
    assert got[-1].endswith("主要有两点：一是加强学习。二是狠抓落实。" + _SENT * 20)
