"""Congresses named after their edition and side meetings (facts/meetings_editions.py).
Examples are written for these tests, none is a fixture's sentence."""

from facts_helpers import texts


def test_a_congress_after_its_edition_is_a_meeting_without_the_edition() -> None:
    text = "第九届全球海洋科学大会在里斯本开幕，第三届亚洲渔业年会随后举行。"
    assert texts(text, "meeting") == ["全球海洋科学大会", "亚洲渔业年会"]


def test_a_peoples_congress_and_a_games_after_an_edition_are_no_named_congress() -> None:
    assert "全国运动大会" not in texts("第十五届全国运动大会闭幕。", "meeting")
    assert texts("第八届区人民代表大会代表名单", "meeting") == []


def test_a_side_meeting_is_the_bare_word_its_quoted_theme_outside() -> None:
    text = "代表团还举办了“海洋与气候”主题边会。"
    assert texts(text, "meeting") == ["边会"]
    assert texts("周边会有降雨。", "meeting") == []
    assert texts("他说那边会继续下雨，北边会有降雪。", "meeting") == []
