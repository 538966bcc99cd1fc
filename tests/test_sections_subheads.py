"""Unnumbered subheads and the second printed line of a subhead or ● bullet."""

from sections_helpers import BODY, blk, sectioned

from pipelines.text.model import DocumentSpan
from pipelines.text.sections import build_sections
from pipelines.text.sections.subheads import heading_shape


def titles(doc: DocumentSpan) -> list[tuple[str | None, str, str]]:
    return [(s.label, s.title, s.kind) for s in doc.sections]


def test_the_shape_of_a_heading_line():
    assert heading_shape("制度供给“靶向发力”")
    assert heading_shape("关键词 现代产业体系")
    assert heading_shape("电视剧《金色索玛花》今晚央视综合频道开播")
    assert not heading_shape("搭建理论学习与实践转化的互动平台。杭州市")  # a sentence
    assert not heading_shape("步向未来 奋楫扬帆启新篇”青年理")  # a quote left open
    assert not heading_shape("——聚焦2024年浙江省两会")  # a subtitle


def test_a_headline_that_names_its_subject_before_a_colon_has_the_shape_of_a_heading():
    assert heading_shape("国际组织报告：全球童工人数增至1.6亿")
    assert heading_shape("某某某：干就干一流 争就争第一")
    assert not heading_shape("他指出：要抓好落实。")  # a sentence
    assert not heading_shape("会议强调：")  # a lead into what follows
    assert not heading_shape("中华人民共和国国务院总理办公室：全面推进")  # no short subject


def test_heading_lines_between_paragraphs_are_subheads_and_two_lines_make_one():
    blocks = [
        blk(BODY, 1),
        blk("感悟思想伟力", 2, "heading"),
        blk("锤炼理想信念", 3, "heading"),
        blk(BODY, 4),
        blk("早期筛查提前干预", 5, "heading"),
        blk(BODY, 6),
        blk("天才漫画", 7, "heading"),  # nothing under it: no subhead
    ]
    doc = sectioned(blocks)
    assert titles(doc) == [
        ("", "感悟思想伟力锤炼理想信念", "subhead"),
        ("", "早期筛查提前干预", "subhead"),
    ]
    assert doc.block_section[:4] == [None, 0, 0, 0]


def test_a_title_or_subtitle_the_documents_stage_decided_is_no_subhead():
    blocks = [
        blk(BODY, 1),
        blk("政府工作报告", 2, "heading", rule="documents.title_search.inside"),
        blk(BODY, 3),
    ]
    doc = sectioned(blocks, "政府工作报告")
    assert doc.sections == []


def test_a_bullet_and_the_line_printed_under_it_are_one_title():
    blocks = [
        blk(BODY, 1),
        blk("●展现争先姿态", 2, "heading"),
        blk("奋力打赢两场“硬仗”", 3, "heading"),
        blk(BODY, 4),
    ]
    doc = sectioned(blocks)
    assert titles(doc) == [("●", "展现争先姿态奋力打赢两场“硬仗”", "bullet")]


def test_a_second_line_run_into_the_paragraph_is_taken_only_where_siblings_print_two_lines():
    printed = {
        10: "凸显“政治味”“杭州味”",
        11: "“通过认认真真领读、原原本本",
        12: "通读，逐字逐句学、逐篇逐段悟，再",
        13: "一次系统学习。”",
    }
    glued = blk("凸显“政治味”“杭州味”“通过认认真真领读、原原本本通读，逐字逐句学。”", 10, n=4)
    two_line = [
        blk("●展现争先姿态", 2, "heading"),
        blk("奋力打赢两场“硬仗”", 3, "heading"),
        blk(BODY, 4),
        blk("●深化“民呼我为”", 5, "heading"),
        blk("惠民实事可感可及", 6, "heading"),
        blk(BODY, 7),
    ]
    doc = DocumentSpan(
        ordinal=1, blocks=[blk(BODY, 1), blk("●放大特色优势", 9, "heading"), glued, *two_line]
    )
    doc.title = "题"
    build_sections(doc, line_text=printed.get)
    assert titles(doc)[0] == ("●", "放大特色优势凸显“政治味”“杭州味”", "bullet")
    assert doc.blocks[2].text == glued.text  # the paragraph stays whole
    alone = DocumentSpan(
        ordinal=1, blocks=[blk(BODY, 1), blk("●放大特色优势", 9, "heading"), glued]
    )
    alone.title = "题"
    build_sections(alone, line_text=printed.get)
    assert titles(alone) == [("●", "放大特色优势", "bullet")]
