"""Dates per document: from the document itself (date line, delivery line, signature,
dateline, print line), else the source's own date, inferred; never a date of another
document's running text. `date_source` says how each was found."""

from datetime import date

from documents_helpers import BODY, blk, removed, split

from pipelines.schema import load_enums
from pipelines.text import model


def test_the_date_sources_and_section_kinds_agree_with_the_schema():
    enums = load_enums()
    assert enums["date_source"] == model.DATE_SOURCES
    assert enums["section_kind"] == model.SECTION_KINDS


def test_a_signature_a_dateline_and_the_delivery_line_are_the_documents_own():
    signed = [blk("关于做好防疫工作的通知", 1, "heading"), blk(BODY, 2), blk("某某市委", 3)]
    signed += [blk("2020年1月30日", 4)]
    wire = [blk("中央纪委发出通知", 5, "heading"), blk("新华社北京1月30日电 " + BODY, 6)]
    docs = split(signed + wire)
    assert [(d.publish_date, d.date_source, d.date_inferred) for d in docs] == [
        (date(2020, 1, 30), "signature", False),
        (date(2020, 1, 30), "printed", True),  # the dateline prints no year: inferred
    ]
    report = [
        blk("政府工作报告", 1, "heading"),
        blk("——2024年1月23日在浙江省第十四届人民代表大会第二次会议上", 2, "heading"),
        blk("各位代表：", 3),
        blk(BODY, 4),
    ]
    (doc,) = split(report)
    assert (doc.publish_date, doc.date_source, doc.date_inferred) == (
        date(2024, 1, 23),
        "delivery",
        False,
    )


def test_the_print_line_dates_the_documents_of_the_circular_it_closes():
    blocks = [
        blk("某某同志在全体会议上的报告", 1, "heading"),
        blk(BODY, 2),
        blk("某某同志在全会结束时的讲话", 3, "heading"),
        blk(BODY, 4),
        removed("中共某某市委办公室 2020年7月17日印发", 5, "distribution"),
    ]
    docs = split(blocks)
    assert [(d.publish_date, d.date_source, d.date_inferred) for d in docs] == [
        (date(2020, 7, 17), "print_line", False),
        (date(2020, 7, 17), "print_line", False),
    ]


def test_a_plan_before_a_chronicle_gets_no_date_from_the_chronicles_entries():
    blocks = [
        blk("强国防动员和后备力量建设，巩固军政军民团结。", 1),
        blk("一、加强党的全面领导", 2, "heading"),
        blk(BODY, 3),
        blk("1 月", 4, "heading"),
        blk("16 日 全市乡村振兴现场推进会召开。2020年3月16日，最后一例病例治愈出院。", 5),
    ]
    docs = split(blocks)
    assert all(d.publish_date is None and d.date_source is None for d in docs)
    # the latest date printed stays what the text's relative dates are read against
    assert all(d.reference_date == date(2020, 3, 16) for d in docs)


def test_an_undated_item_gets_the_latest_date_the_sources_documents_print_as_their_own():
    blocks = [
        blk("关于做好防疫工作的通知", 1, "heading"),
        blk(BODY, 2),
        blk("某某市委", 3),
        blk("2020年1月30日", 4),
        blk("德清电力全力支持防疫", 5, "heading", md=2),
        blk("本报讯 1月28日下午，电力公司完成了增容工作。" + BODY, 6),
    ]
    docs = split(blocks)
    assert (docs[1].publish_date, docs[1].date_source, docs[1].date_inferred) == (
        date(2020, 1, 30),
        "source",
        True,
    )


def test_a_news_lead_dates_itself_today_not_tomorrows_paper_nor_the_meetings_days():
    blocks = [
        blk("# 新闻联播 2020-12-18", 1, "heading", md=1),
        blk("本期节目共有三条新闻。", 1),
        blk("## 1. 中央经济工作会议在北京举行", 2, "heading", md=2),
        blk("央视网消息（新闻联播）：中央经济工作会议12月16日至18日在北京举行。" + BODY, 3),
        blk("## 2. 人民日报社论", 4, "heading", md=2),
        blk("央视网消息（新闻联播）：明天（12月19日）出版的人民日报将发表社论。", 5),
        blk("## 3. 国家卫生健康委通报最新疫情", 6, "heading", md=2),
        blk("央视网消息（新闻联播）：国家卫生健康委今天（12月18日）通报疫情。", 7),
    ]
    docs = split(blocks)
    got = [(d.publish_date, d.date_source) for d in docs[1:]]
    assert got == [
        (date(2020, 12, 18), "source"),
        (date(2020, 12, 18), "source"),
        (date(2020, 12, 18), "printed"),
    ]


def test_a_first_paragraph_that_dates_itself_today_dates_its_item_without_an_agency():
    blocks = [
        blk("# 新闻联播 2021-12-10", 1, "heading", md=1),
        blk("本期节目共有两条新闻。", 1),
        blk("## 1. 中华人民共和国和某国恢复外交关系", 2, "heading", md=2),
        blk("中国和某国今天（12月10日）在天津签署联合公报。" + BODY, 3),
        blk("## 2. 某某论坛开幕", 4, "heading", md=2),
        blk("论坛开幕当天，与会代表回顾了一年来的工作。", 5),
        blk("代表们表示，今天（12月9日）的讨论很有收获。", 6),
    ]
    docs = split(blocks)
    got = [(d.publish_date, d.date_source) for d in docs[1:]]
    # the second item's `今天（…）` is not in its first paragraph: the source's date
    assert got == [(date(2021, 12, 10), "printed"), (date(2021, 12, 10), "source")]
