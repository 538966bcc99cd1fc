"""Cited documents: which titles in 《》 name a document (facts/cited.py, facts/titles.py).
Examples are written for these tests, none is a fixture's sentence."""

from facts_helpers import texts


def test_a_concept_paper_in_title_marks_is_a_cited_document() -> None:
    assert texts("该国外交部发布了《亚洲安全合作构想》。", "cited_document") == [
        "《亚洲安全合作构想》"
    ]


def test_a_plan_named_by_its_target_year_and_a_draft_are_cited_documents() -> None:
    text = "落实《中国标准2035》，审议《规划纲要草案》，观看《北京2022》。"
    assert texts(text, "cited_document") == ["《中国标准2035》", "《规划纲要草案》"]


def test_a_commentary_with_a_lun_subtitle_is_no_cited_document() -> None:
    text = "报纸发表评论员文章《凝心聚力谱新篇——论学习贯彻全会精神的重要讲话》。"
    assert texts(text, "cited_document") == []


def test_a_commentary_of_a_series_is_no_cited_document() -> None:
    text = "报纸发表评论员文章《携手共建美好家园——二论学习贯彻重要讲话》。"
    assert texts(text, "cited_document") == []


def test_an_agreed_consensus_in_title_marks_is_a_cited_document() -> None:
    text = "双方通过了《两党论坛第三次会议共识》。"
    assert texts(text, "cited_document") == ["《两党论坛第三次会议共识》"]
