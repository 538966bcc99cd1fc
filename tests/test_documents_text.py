"""The documents stage's text helpers: layout spaces, doubled title art, names and bylines."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.text.documents.dates import full_dates
from pipelines.text.documents.names import parse_byline, parse_runin_byline, split_names
from pipelines.text.documents.text import clean_title, remove_layout_spaces, undouble
from pipelines.text.patterns import CN_DATE_RE, FULL_DATE_RE, ISO_DATE_RE


def test_layout_spaces_names_and_phrases():
    assert remove_layout_spaces("经 济") == "经济"
    assert remove_layout_spaces("心中有信仰 脚下有力量") == "心中有信仰 脚下有力量"
    assert remove_layout_spaces("2024年 1月23日") == "2024年1月23日"
    assert split_names("杨 晨 沈佳薇 亓惠洁") == ["杨晨", "沈佳薇", "亓惠洁"]
    assert split_names("今 哲 李祖祥 项炳池") == ["今哲", "李祖祥", "项炳池"]
    assert split_names("袁晓晖、冯洁") == ["袁晓晖", "冯洁"]


def test_doubled_title_art_is_collapsed():
    assert undouble("标准化创新发展的先行探索先行探索") == "标准化创新发展的先行探索"
    assert undouble("让让文学之花绽放之江大地绽放之江大地") == "让文学之花绽放之江大地"
    assert undouble("心中有信仰 脚下有力量") == "心中有信仰 脚下有力量"
    assert (
        clean_title("马卫光同志在市委八届八次全体\n（扩大）会议上的报告")
        == "马卫光同志在市委八届八次全体（扩大）会议上的报告"
    )


def _plain_undouble(text: str) -> str:
    """`undouble` without its shortcut (the pattern tried on every text)."""
    new = text
    for _ in range(5):
        nxt = re.sub(r"(.{3,}?)\1", r"\1", new)
        if nxt == new:
            break
        new = nxt
    if new != text and len(new) > 2 and new[0] == new[1] and re.match("[\u3400-\u9fff]", new[0]):
        new = new[1:]
    return re.sub(r"([“”「」])\1", r"\1", new) if new != text else new


@settings(max_examples=500, deadline=None)
@given(runs=st.lists(st.text(alphabet="先行探索“”\n 让", max_size=5), max_size=6))
def test_title_art_is_collapsed_as_by_trying_the_pattern_on_every_text(runs: list[str]):
    for text in ("".join(runs), "".join(r + r for r in runs)):
        assert undouble(text) == _plain_undouble(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="2020年1月3日-〇一二十０９ ", max_size=24))
def test_a_text_without_a_year_sign_or_a_hyphen_holds_no_full_date(text: str):
    """(`full_dates` skips such a text: each date pattern needs one or the other.)"""
    squeezed = text.replace(" ", "")
    for pattern, needs in ((FULL_DATE_RE, "年"), (CN_DATE_RE, "年"), (ISO_DATE_RE, "-")):
        for m in pattern.finditer(squeezed if needs == "年" else text):
            assert needs in m.group(0)
    assert full_dates(text.replace("年", "").replace("-", "")) == []


def test_byline_parsers():
    assert parse_byline("/本刊记者 杨 晨 沈佳薇") == (["杨晨", "沈佳薇"], ["本刊记者", "本刊记者"])
    assert parse_byline("■裘 真 占家进") == (["裘真", "占家进"], ["", ""])
    assert parse_byline("这是一句话，不是署名。") is None
    runin = parse_runin_byline("记者阮向民 通讯员胡建东、罗建灿报道 “韩涛，你放心吧。”")
    assert runin is not None
    assert runin[1] == ["阮向民", "胡建东", "罗建灿"]
    assert runin[2] == ["记者", "通讯员", "通讯员"]
    assert parse_runin_byline("本报讯 通讯员陈海龙报道 “锅炉配电柜…”")[1] == ["陈海龙"]
