"""The repeated-page repair: every copy of a scraped page set aside, pointing at the first."""

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.text.model import Block, Line
from pipelines.text.normalize import load_lines
from pipelines.text.repair import (
    mark_repeated_runs,
    repeated_runs,
)

_WS = re.compile(r"\s+")


def _p(tag: str) -> str:
    return f"第{tag}段：这里是一段足够长的正文内容，用来检验重复页面的识别。"


def _load(path: Path) -> list[Line]:
    return load_lines(path.read_bytes(), file_name=path.name)[0]


def _paragraphs(lines: list[Line]) -> list[str]:
    from pipelines.text.layout import recover_layout

    return [b.text for b in recover_layout(lines) if not b.removed]


def _body(text: str, line: int) -> Block:
    return Block(text=text, line_start=line, line_end=line, lines=(line,))


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
