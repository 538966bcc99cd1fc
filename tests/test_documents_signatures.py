"""Signatures close a notice: its issuer and date."""

from datetime import date

from documents_helpers import BODY, blk, removed, split


def test_signature_closes_a_notice_with_issuer_and_date():
    blocks = [
        blk("中共浙江省委关于切实加强疫情防控工作的通知", 1),
        blk("各市、县（市、区）党委：", 2),
        blk("为深入贯彻落实重要指示精神，现就有关事项通知如下。", 3),
        blk("一、坚决把思想和行动统一起来。各级党委要切实负起责任。", 4),
        blk("中共浙江省委", 5),
        blk("2020年1月30日", 6),
        blk("新华社北京1月30日电 中央纪委国家监委网站30日消息，通知要求严格执纪。", 7),
    ]
    docs = split(blocks)
    assert len(docs) == 2
    notice = docs[0]
    assert notice.issuer == "中共浙江省委"
    assert notice.doc_type == "notice"
    assert notice.publish_date == date(2020, 1, 30) and not notice.date_inferred
    assert [b.kind for b in notice.blocks[-2:]] == ["signature", "signature"]
    wire = docs[1]
    assert wire.doc_type == "news"
    assert wire.publish_date == date(2020, 1, 30) and wire.date_inferred


def test_signature_without_date_and_the_date_of_the_print_line():
    blocks = [
        blk("中共绍兴市委", 1),
        blk("关于加强党的领导的通知", 2),
        blk("各区、县（市）党委：", 3),
        blk(BODY, 4),
        blk("中共绍兴市委", 5),
        removed("中共绍兴市委办公室 2020年2月1日印发", 6, "distribution"),
    ]
    docs = split(blocks)
    assert len(docs) == 1
    assert docs[0].title == "中共绍兴市委关于加强党的领导的通知"
    assert docs[0].issuer == "中共绍兴市委"
    assert docs[0].blocks[-1].kind == "signature"
    assert docs[0].publish_date == date(2020, 2, 1) and not docs[0].date_inferred
    assert docs[0].date_source == "print_line"
