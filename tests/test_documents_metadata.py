"""A document's metadata read from its own lines: title, rubric, subtitle, date, byline."""

from datetime import date

from documents_helpers import BODY, blk, removed, split


def test_markdown_item_number_and_column_label():
    docs = split(
        [blk("10. 【央视快评】推动有效市场和有为政府更好结合", 1, "heading", md=2), blk(BODY, 2)]
    )
    assert docs[0].title == "推动有效市场和有为政府更好结合"
    assert docs[0].rubric == "央视快评"
    assert docs[0].doc_type == "commentary"


def test_title_block_with_subtitle_date_and_author():
    blocks = [
        blk("高举中国特色社会主义伟大旗帜", 1),
        blk("为全面建设社会主义现代化国家而团结奋斗", 2),
        blk("——在中国共产党第二十次全国代表大会上的报告", 3),
        blk("（2022年10月16日）", 4),
        blk("习近平", 5),
        blk("同志们：", 6),
        blk(BODY, 7),
    ]
    docs = split(blocks)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.title == "高举中国特色社会主义伟大旗帜为全面建设社会主义现代化国家而团结奋斗"
    assert doc.subtitle == "——在中国共产党第二十次全国代表大会上的报告"
    assert doc.publish_date == date(2022, 10, 16)
    assert doc.authors == ["习近平"]
    assert doc.doc_type == "report"


def test_title_inside_article_found_by_place_label_even_when_removed():
    blocks = [
        blk(BODY, 1),
        blk("■今 杭", 2),
        blk(BODY, 3),
        blk("●放大特色优势", 4),
        blk(BODY, 5),
        blk("以“头雁”标准省会担当走前列作示范", 6),
        removed("杭州市", 7, "page_furniture"),
        blk(BODY, 8),
    ]
    docs = split(blocks)
    assert docs[1].title == "以“头雁”标准省会担当走前列作示范"
    assert docs[1].authors == ["今杭"]


def test_a_place_label_or_a_logo_glyph_before_a_title_is_no_rubric():
    docs = split(
        [
            blk("某某职业技术学院", 1, "heading"),
            blk("写好服务区域发展答卷", 2, "heading"),
            blk("■张 三", 3, "byline"),
            blk(BODY, 4),
        ]
    )
    assert docs[0].title == "写好服务区域发展答卷" and docs[0].rubric is None
    glyph = [blk("税", 1, "heading"), blk("税汲取真理力量 改革创新破题", 2, "heading")]
    docs = split([*glyph, blk(BODY, 3), blk("税", 4, "heading"), blk(BODY, 5)])  # printed twice
    assert docs[0].title == "汲取真理力量 改革创新破题" and docs[0].rubric is None
    docs = split(
        [
            blk("经 济", 1, "heading"),
            blk("标准化创新发展的先行探索", 2, "heading"),
            blk("■张 三", 3, "byline"),
            blk(BODY, 4),
        ]
    )
    assert docs[0].rubric == "经济"


def test_a_delivery_subtitle_gives_the_printed_date_with_or_without_its_dash():
    for sub in (
        "——2026年1月27日在某某省人民代表大会第五次会议上",
        "2026年1月14日在某某省人民代表大会第四次会议上",
    ):
        blocks = [
            blk("政府工作报告", 1, "heading"),
            blk(sub, 2, "heading"),
            blk("某某省省长 某某某", 3),
            blk("各位代表：", 4),
            blk(BODY, 5),
        ]
        docs = split(blocks)
        assert len(docs) == 1
        doc = docs[0]
        assert (doc.title, doc.subtitle) == ("政府工作报告", sub)
        assert doc.publish_date == date(2026, 1, int(sub.split("月")[1].split("日")[0]))
        assert doc.date_inferred is False
        assert doc.authors == ["某某某"] and doc.author_roles == ["某某省省长"]


def test_a_files_name_line_over_the_title_it_repeats_is_no_part_of_the_title():
    blocks = [
        blk("2019政府工作报告", 1, "heading"),
        blk("政府工作报告", 2, "heading"),
        blk("——2019年3月5日在第十三届全国人民代表大会第二次会议上", 3),
        blk("各位代表：", 4),
        blk(BODY, 5),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == ["政府工作报告"]
    assert docs[0].blocks[0].rule == "documents.metadata.file_label"
    assert docs[0].blocks[0].kind == "heading"  # kept in the document, not dropped


def test_a_title_that_only_ends_like_the_next_line_is_the_title():
    blocks = [
        blk("关于做好春耕生产工作的通知", 1, "heading"),
        blk("生产工作的通知", 2, "heading"),
        blk(BODY, 3),
    ]
    docs = split(blocks)
    assert docs[0].blocks[0].rule != "documents.metadata.file_label"
