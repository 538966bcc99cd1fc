"""Tests of the wrapper repairs: one-row CSV exports, collapsed paragraph breaks, repeated
pages. Small synthetic inputs, property tests, and generic properties of the real corpus."""

import csv
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.text.model import REMOVED_KINDS, Block, Line
from pipelines.text.normalize import load_lines
from pipelines.text.params import RUN_IN_MIN_CHARS
from pipelines.text.repair import (
    CsvUnwrap,
    mark_repeated_runs,
    repeated_runs,
    split_long_blocks,
    split_run_in,
    unwrap_csv,
)

_WS = re.compile(r"\s+")


def _lines(text: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(text.split("\n"), 1)]


def _chars(texts: list[str]) -> Counter[str]:
    return Counter(_WS.sub("", "".join(texts)))


def _assert_conserved(lines: list[Line], result: CsvUnwrap) -> None:
    assert [x.number for x in result.lines] == [x.number for x in lines]
    kept = [x.text for x in result.lines]
    removed = [b.text for b in result.removed]
    assert _chars([x.text for x in lines]) == _chars(kept + removed)
    by_number = {x.number: _WS.sub("", x.text) for x in lines}
    for b in result.removed:
        assert isinstance(b, Block)
        assert b.removed and b.removed_kind in REMOVED_KINDS and b.reason
        assert b.lines == (b.line_start,) and b.line_start == b.line_end
        it = iter(by_number[b.line_start])
        assert all(ch in it for ch in _WS.sub("", b.text)), b  # in line order


def _assert_spans(text: str, spans: list[tuple[int, int]]) -> None:
    end = 0
    for start, stop in spans:
        assert end <= start < stop <= len(text), spans
        assert not text[end:start].strip(), "only whitespace between spans"
        assert not text[start].isspace() and not text[stop - 1].isspace()
        end = stop
    assert not text[end:].strip()
    assert "".join(_WS.sub("", text[s:e]) for s, e in spans) == _WS.sub("", text)


# --- unwrap_csv ------------------------------------------------------------------------

HEADER = "region,year,title,publish_date,body"


def test_one_row_csv_is_unwrapped() -> None:
    text = (
        f"{HEADER}\n"
        '某省,2030,某省政府工作报告,2030-01-02,"各位代表：\n'
        "现在，我代表省政府作报告。\n"
        '一、过去一年工作回顾"\n'
    )
    lines = _lines(text)
    res = unwrap_csv(lines)
    assert res is not None
    assert res.metadata == {
        "region": "某省",
        "year": "2030",
        "title": "某省政府工作报告",
        "publish_date": "2030-01-02",
    }
    assert res.text_column == "body" and res.header_line == 1 and res.record_lines == (2, 4)
    assert [x.text for x in res.lines] == [
        "",
        "各位代表：",
        "现在，我代表省政府作报告。",
        "一、过去一年工作回顾",
        "",
    ]
    reasons = [b.reason or "" for b in res.removed]
    assert reasons[0].startswith("CSV header")
    assert "title=某省政府工作报告" in reasons[1]
    assert res.removed[-1].text == '"' and res.removed[-1].line_start == 4
    assert all(b.removed_kind == "markup" for b in res.removed)
    _assert_conserved(lines, res)


def test_doubled_quotes_are_unescaped_and_recorded() -> None:
    text = f'{HEADER}\n某省,2030,报告,2030-01-02,"他说""好""。\n又说""行""和""对""。"'
    lines = _lines(text)
    res = unwrap_csv(lines)
    assert res is not None
    assert [x.text for x in res.lines] == ["", '他说"好"。', '又说"行"和"对"。']
    escapes = [b for b in res.removed if "escape" in (b.reason or "")]
    assert [(b.line_start, b.text) for b in escapes] == [(2, '""'), (3, '""""')]
    _assert_conserved(lines, res)


def test_quoted_metadata_field_with_comma_and_bom() -> None:
    text = '\ufeffa,b,c,text\n"x, y",2,"",z'
    lines = _lines(text)
    res = unwrap_csv(lines)
    assert res is not None
    assert res.metadata == {"a": "x, y", "b": "2", "c": ""}
    assert res.lines[1].text == "z"  # an unquoted one-line text field
    _assert_conserved(lines, res)


def test_leading_and_trailing_blank_lines_are_allowed() -> None:
    lines = _lines(f'\n{HEADER}\n\nA,1,T,D,"正文。"\n\n')
    res = unwrap_csv(lines)
    assert res is not None and res.header_line == 2
    assert [x.text for x in res.lines if x.text] == ["正文。"]
    _assert_conserved(lines, res)


@pytest.mark.parametrize(
    "text",
    [
        "",
        HEADER,  # header only
        f"{HEADER}\n\n",
        "这是一份普通的通知。\n各单位：\n请做好工作。",
        "a,b\n1,2",  # two columns
        "a,b,a\n1,2,3",  # duplicate names
        "a,b,c\n1,2",  # too few fields
        "名称,年份,正文\n甲,2030,正文",  # not identifier-like ASCII names
        "a b,c,d\n1,2,3",  # a name with a space
        f'{HEADER}\nA,1,T,D,"never closed\nstill open',  # unterminated quote
        f'{HEADER}\nA,1,T,D,"text" junk',  # junk after the closing quote
        f'{HEADER}\nA,1,T,D,"one"\nB,2,U,E,"two"',  # a table of several rows
        f'{HEADER}\nA,1,T,D,te"xt',  # a bare quote in an unquoted field
        f'{HEADER}\n"A,1,T,D,"text"',  # a metadata field never closed
    ],
)
def test_not_a_one_row_csv_gives_none(text: str) -> None:
    assert unwrap_csv(_lines(text)) is None


def test_empty_list_gives_none() -> None:
    assert unwrap_csv([]) is None


ident = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)
cjkish = st.text(alphabet="的一是在不了有和人中大为上个国我，。、“”：\"'-,0123 　", max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(ident, min_size=3, max_size=7, unique=True),
    values=st.lists(cjkish.filter(lambda s: "\n" not in s), min_size=6, max_size=6),
    body=st.lists(cjkish, min_size=1, max_size=8),
)
def test_written_csv_round_trips_and_conserves(names, values, body) -> None:
    meta = dict(zip(names[:-1], values, strict=False))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    writer.writerow([*meta.values(), "\n".join(body)])
    raw = buf.getvalue().removesuffix("\n")
    lines = [Line(i, t.rstrip()) for i, t in enumerate(raw.split("\n"), 1)]
    res = unwrap_csv(lines)
    assert res is not None, raw
    assert res.metadata == {k: v.strip() for k, v in meta.items()}
    got = [x.text for x in res.lines[1:]]
    assert got == [t.rstrip() for t in body][: len(got)]
    _assert_conserved(lines, res)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from([HEADER, "a,b,c", '"', '""', ',"', "x,y,z,", "", "A,1,T,D,"]),
            st.text(alphabet='ab,"\n 正文。', max_size=20),
            st.text(max_size=10),
        ),
        max_size=8,
    )
)
def test_unwrap_never_raises_and_conserves_when_it_answers(parts) -> None:
    lines = [Line(i, t) for i, t in enumerate(parts, 1)]
    res = unwrap_csv(lines)
    if res is not None:
        _assert_conserved(lines, res)


# --- split_run_in ----------------------------------------------------------------------

_SENT = "我们要坚持稳中求进工作总基调，推动各项工作取得新的成效。"


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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60),
    st.sampled_from([0, 10, RUN_IN_MIN_CHARS]),
)
def test_spans_cover_all_non_whitespace_in_order(parts, threshold) -> None:
    text = "".join(parts)
    spans = split_run_in(text, min_chars=threshold)
    _assert_spans(text, spans)


# --- repeated_runs ---------------------------------------------------------------------


def _p(tag: str) -> str:
    return f"第{tag}段：这里是一段足够长的正文内容，用来检验重复页面的识别。"


def test_repeated_page_is_found_each_copy_pointing_at_the_first() -> None:
    page = [_p(c) for c in "ABCD"]
    texts = ["开头的说明文字，足够长以参与比较的一段话。", *page, "短", *page, *page]
    assert repeated_runs(texts) == [(6, 10, 1), (10, 14, 1)]


def test_single_repeated_slogan_or_short_run_is_not_flagged() -> None:
    slogan = "坚持以人民为中心的发展思想，推动高质量发展。"
    texts = [slogan, _p("A"), slogan, _p("B"), slogan, _p("C"), slogan]
    assert repeated_runs(texts) == []
    texts = [_p("A"), _p("B"), _p("X"), _p("A"), _p("B")]  # two in a row < min_run
    assert repeated_runs(texts) == []
    assert repeated_runs([]) == [] and repeated_runs(["短"] * 10) == []


def test_whitespace_is_ignored_and_short_paragraphs_are_skipped() -> None:
    a, b, c = _p("A"), _p("B"), _p("C")
    texts = [a, "各位代表！", b, c, "x", a.replace("，", "， "), b, "一、标题", c]
    assert repeated_runs(texts) == [(5, 9, 0)]


def test_longest_match_and_later_partial_copy() -> None:
    x = [_p(str(i)) for i in range(6)]
    texts = [*x[:3], _p("分隔"), *x, *x[:4]]
    runs = repeated_runs(texts)
    assert runs == [(4, 7, 0), (10, 14, 4)]
    for s, e, o in runs:
        assert o + (e - s) <= s
        assert texts[s:e] == texts[o : o + (e - s)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from([_p("A"), _p("B"), _p("C"), _p("D"), "短句", " "]), max_size=40),
    st.integers(min_value=1, max_value=4),
)
def test_runs_are_ordered_disjoint_and_exact(texts, min_run) -> None:
    runs = repeated_runs(texts, min_run=min_run)
    last = 0
    for s, e, o in runs:
        assert last <= s < e <= len(texts) and 0 <= o < s
        last = e
        longs = [t for t in texts[s:e] if len(_WS.sub("", t)) >= 20]
        assert len(longs) >= min_run
        orig = [t for t in texts[o:s] if len(_WS.sub("", t)) >= 20][: len(longs)]
        assert [_WS.sub("", t) for t in orig] == [_WS.sub("", t) for t in longs]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=30), st.integers(-2, 5), st.integers(-1, 40))
def test_repeated_runs_never_raises(texts, min_run, min_chars) -> None:
    repeated_runs(texts, min_run=min_run, min_chars=min_chars)


def test_repeated_runs_is_fast_on_large_input() -> None:
    page = [_p(str(i)) for i in range(200)]
    texts = page * 30 + [_p("尾")] * 500
    runs = repeated_runs(texts)
    assert runs[:29] == [(200 * k, 200 * (k + 1), 0) for k in range(1, 30)]


# --- the real corpus -------------------------------------------------------------------


def _load(path: Path) -> list[Line]:
    return load_lines(path.read_bytes(), file_name=path.name)[0]


def _paragraphs(lines: list[Line]) -> list[str]:
    from pipelines.text.layout import recover_layout

    return [b.text for b in recover_layout(lines) if not b.removed]


@pytest.mark.parametrize(
    "name", ["ext_zhejiang_gov_report_2026.txt", "ext_hainan_gov_report_2026.txt"]
)
def test_corpus_csv_exports_unwrap(corpus_dir: Path, name: str) -> None:
    from pipelines.text.layout import check_conservation, recover_layout

    lines = _load(corpus_dir / name)
    res = unwrap_csv(lines)
    assert res is not None
    assert res.metadata.get("title") and res.metadata.get("publish_date")
    assert res.text_column == "full_text"
    header = lines[0].text.lstrip("\ufeff")
    assert not any(x.text.startswith(header.split(",")[0] + ",") for x in res.lines)
    assert not any(x.text.startswith('"') or x.text.endswith('"') for x in res.lines)
    _assert_conserved(lines, res)
    assert check_conservation(lines, recover_layout(res.lines) + res.removed) == []


def test_corpus_other_files_and_seeds_are_not_csv(corpus_dir: Path, seeds_dir: Path) -> None:
    files = [*sorted(corpus_dir.glob("*.txt")), *sorted(seeds_dir.glob("*.txt"))]
    others = [f for f in files if "zhejiang" not in f.name and "hainan" not in f.name]
    assert others
    for f in others:
        assert unwrap_csv(_load(f)) is None, f.name


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


def test_corpus_repeated_pages_are_found(corpus_dir: Path) -> None:
    paras = _paragraphs(_load(corpus_dir / "ext_gov_report_2009_scraped_dup.txt"))
    runs = repeated_runs(paras)
    assert len(runs) >= 4
    assert all(e - s >= 10 and o < s for s, e, o in runs)
    assert len({o for _, _, o in runs}) <= 2  # the copies point back at the first page


def test_corpus_clean_files_have_no_repeats(corpus_dir: Path, seeds_dir: Path) -> None:
    for name in [
        "ext_cpc_20th_congress_report_2022.txt",
        "ext_cpc_rural_revitalization_opinion_2018.txt",
        "ext_gov_report_2003_gbk.txt",
    ]:
        assert repeated_runs(_paragraphs(_load(corpus_dir / name))) == [], name
    for f in sorted(seeds_dir.glob("*.txt")):
        assert repeated_runs(_paragraphs(_load(f))) == [], f.name


def _body(text: str, line: int) -> Block:
    return Block(text=text, line_start=line, line_end=line, lines=(line,))


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


def test_a_page_scraped_again_is_set_aside_as_duplicate_with_its_original():
    page = [f"第{i}段正文内容足够长，可以参与重复页面的比较与识别。" for i in range(4)]
    given = [_body(t, i + 1) for i, t in enumerate([*page, "各位代表！", *page, "结尾段落不同。"])]
    blocks = mark_repeated_runs(given)
    assert not any(b.removed for b in given), "the given blocks are left as they were"
    removed = [b for b in blocks if b.removed]
    assert [b.line_start for b in removed] == [6, 7, 8, 9]
    assert all(b.removed_kind == "duplicate" and "1-4" in b.reason for b in removed)
    assert not blocks[4].removed and not blocks[-1].removed


def test_a_copy_that_kept_fewer_short_lines_is_set_aside_to_its_last_paragraph():
    page = [f"第{i}段正文内容足够长，可以参与重复页面的比较与识别。" for i in range(6)]
    # the original keeps a short salutation that the layout set aside in the copy as a
    # running head: the copy has fewer kept blocks than its original
    original = [
        _body(page[0], 1),
        _body("各位代表：", 2),
        *[_body(t, 3 + i) for i, t in enumerate(page[1:])],
    ]
    head = Block(
        text="各位代表：",
        line_start=11,
        line_end=11,
        kind="removed",
        removed_kind="page_furniture",
        reason="a running head repeated on many pages",
        lines=(11,),
    )
    copy = [_body(page[0], 10), head, *[_body(t, 12 + i) for i, t in enumerate(page[1:])]]
    blocks = mark_repeated_runs([*original, *copy, _body("结尾段落不同，不是重复的页面。", 20)])
    assert [b.line_start for b in blocks if b.removed_kind == "duplicate"] == list(range(10, 17))
    assert "raw line 2" in blocks[len(original) + 1].reason
    assert head.removed_kind == "page_furniture", "the given blocks are left as they were"
    assert not any(b.removed for b in original) and not blocks[-1].removed


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


def test_a_meeting_notice_keeps_its_time_line_in_a_scraped_page() -> None:
    from pipelines.text.layout import recover_layout
    from pipelines.text.model import Line

    text = [
        "打印",
        "全屏",
        "收藏",
        "关于召开全市工作会议的通知",
        "时间：2026年2月3日上午9时",
        "地点：市行政中心",
        "时间：2026-01-22",
        "请各单位准时参加会议，并做好各项准备工作，不得无故缺席。会议期间请将手机调至静音。",
    ]
    blocks = recover_layout([Line(i, t) for i, t in enumerate(text, 1)])
    removed = [b.text for b in blocks if b.removed]
    assert "时间：2026-01-22" in removed and "时间：2026年2月3日上午9时" not in removed
