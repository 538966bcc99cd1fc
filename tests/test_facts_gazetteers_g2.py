"""Rows added to the gazetteers from general knowledge (helper G2): invented sentences, positives
where the listed name stands whole, negatives where a short form could sit inside a word."""

from __future__ import annotations

import pytest

from pipelines.text.facts import extract_facts


def _facts(text: str, kind: str) -> list[str]:
    return [f.text for f in extract_facts(text) if f.type == kind]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("国家质检总局和海关联合开展检查。", "国家质检总局"),
        ("银监会、保监会发布联合通知。", "银监会"),
        ("全国人大教科文卫委开展执法检查。", "全国人大教科文卫委"),
        ("全国政协港澳台侨委员会举行座谈。", "全国政协港澳台侨委员会"),
        ("中国农科院专家赴田间指导。", "中国农科院"),
        ("上合组织秘书处发表声明。", "上合组织秘书处"),
        ("日本外务省当天发表谈话。", "日本外务省"),
        ("俄罗斯国家杜马通过法案。", "俄罗斯国家杜马"),
        ("香港立法会三读通过条例草案。", "香港立法会"),
        ("海基会与陆委会相继表态。", "海基会"),
        ("据斯德哥尔摩国际和平研究所统计，", "斯德哥尔摩国际和平研究所"),
    ],
)
def test_added_organs(text: str, name: str) -> None:
    assert name in _facts(text, "organization")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("俄罗斯滨海边疆区发生森林火灾。", "俄罗斯滨海边疆区"),
        ("乌克兰卢甘斯克州局势紧张。", "乌克兰卢甘斯克州"),
        ("韩国京畿道出现疫情。", "韩国京畿道"),
        ("德国北莱茵-威斯特法伦州发生洪灾。", "德国北莱茵-威斯特法伦州"),
    ],
)
def test_added_places(text: str, name: str) -> None:
    assert name in _facts(text, "place")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("重庆大学生志愿者走进社区。", "重庆大学"),  # no university row cuts 大学生
        ("黄海北部海域出现大风。", "黄海北"),  # no Korean province's short form
        ("他读过达尔文的进化论。", "达尔文"),  # a city only after its country
        ("他在剑桥分析公司工作。", "剑桥"),
        ("中国图书进出口公司参展。", "国图"),  # no two-character alias inside a word
        ("小麦加工企业扩大产能。", "麦加"),  # a city only after its country
        ("上海牙科医院开设门诊。", "海牙"),
        ("今天山东省召开会议。", "天山"),  # 天山 alone is not listed
    ],
)
def test_no_cut(text: str, absent: str) -> None:
    found = _facts(text, "place") + _facts(text, "organization")
    assert absent not in found
