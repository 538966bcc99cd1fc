"""Closings: the concluding part of a report or speech after its last item, recognised by
what opens it, placed under the part it closes (at the top for the document's own)."""

from sections_helpers import BODY, blk, doc_of, sectioned

from pipelines.text.model import DocumentSpan


def outline(doc: DocumentSpan) -> list[tuple[str, int, str, int | None]]:
    return [(s.title, s.level, s.kind, s.parent) for s in doc.sections]


def test_the_closing_after_the_last_item_is_its_own_section_at_the_top():
    doc = doc_of(
        "一、过去的工作",
        BODY,
        "二、主要工作",
        "1．抓好疫情防控。要慎终如始。",
        "2．推进复工复产。要有力有序。",
        "最后，我就决议稿作个简要说明。决议稿经过反复修改。",
        "同志们，让我们一起努力，完成全年目标任务！",
    )
    assert outline(doc)[-1] == ("最后，我就决议稿作个简要说明", 1, "closing", None)
    # the last item no longer holds the concluding remarks
    titles = [doc.sections[k].title for k in doc.block_section]
    assert titles[-2:] == ["最后，我就决议稿作个简要说明"] * 2


def test_a_part_closing_address_sits_under_the_part_it_closes():
    doc = doc_of(
        "一、过去的工作",
        "1．抓好疫情防控。要慎终如始。",
        "2．推进复工复产。要有力有序。",
        "各位委员、同志们，在这场大考中，我们交出了合格答卷。",
        "二、今后的任务",
        BODY,
    )
    assert ("各位委员、同志们", 2, "closing", 0) in outline(doc)
    assert doc.sections[-1].title == "今后的任务" and doc.sections[-1].level == 1


def test_an_address_inside_a_list_that_goes_on_is_text():
    doc = doc_of(
        "1．抓好疫情防控。要慎终如始。",
        "同志们，这项工作一刻也不能放松。",
        "2．推进复工复产。要有力有序。",
    )
    assert [s.kind for s in doc.sections] == ["numbered", "numbered"]


def test_a_salutation_before_any_heading_is_no_closing():
    doc = doc_of("各位代表：", "现在，我代表政府向大会报告工作。", "一、过去一年的工作", BODY)
    assert [s.kind for s in doc.sections] == ["numbered"]


def test_an_address_that_leads_into_a_new_numbered_list_is_no_closing():
    doc = doc_of(
        "（一）建设法治浙江",
        BODY,
        "（二）建设平安浙江",
        BODY,
        "各位代表，今年我们继续办好十方面民生实事：",
        "1．医疗卫生。为老年人免费接种流感疫苗。",
        "2．教育助学。新建一批公办幼儿园。",
        "各位代表！实干成就梦想，奋斗铸就辉煌。",
    )
    assert outline(doc) == [
        ("建设法治浙江", 1, "numbered", None),
        ("建设平安浙江", 1, "numbered", None),
        ("医疗卫生", 2, "numbered", 1),
        ("教育助学", 2, "numbered", 1),
        ("各位代表", 1, "closing", None),
    ]


def test_nothing_nests_under_a_closing_a_glossary_after_it_is_at_the_top():
    blocks = [
        blk("一、过去的工作", 1),
        blk(BODY, 2),
        blk("二、主要工作", 3),
        blk(BODY, 4),
        blk("各位代表，新的蓝图已经绘就。让我们携手奋进！", 5),
        blk("注释", 6, "heading"),
        blk("［1］一降三减：火灾起数总体下降。", 7),
    ]
    doc = sectioned(blocks)
    assert outline(doc) == [
        ("过去的工作", 1, "numbered", None),
        ("主要工作", 1, "numbered", None),
        ("各位代表", 1, "closing", None),
        ("注释", 1, "subhead", None),
    ]


def test_a_closing_at_the_end_of_a_report_cut_after_its_first_part_closes_that_part():
    doc = doc_of(
        "一、过去一年工作回顾",
        "（一）保持经济平稳发展。要稳中求进。",
        "（二）推进改革开放。要有力有序。",
        "各位代表！过去一年的成绩来之不易。",
    )
    assert outline(doc)[-1] == ("各位代表", 2, "closing", 0)


def test_a_closing_at_the_end_of_a_list_of_several_parts_closes_the_document():
    doc = doc_of(
        "一、过去一年工作回顾",
        "（一）保持经济平稳发展。要稳中求进。",
        "二、今年的工作任务",
        "（一）推进改革开放。要有力有序。",
        "各位代表！让我们更加紧密地团结起来，为实现目标而努力奋斗！",
    )
    assert outline(doc)[-1] == ("各位代表", 1, "closing", None)
