"""Titles split off the paragraph or the subtitle they were glued to."""

from datetime import date

from documents_helpers import BODY, blk, kept_conserved, split

from pipelines.text.model import Block


def test_title_glued_to_its_paragraph_is_cut_off():
    glued = Block(
        text="马卫光同志在市委全体（扩大）会议上的报告这次市委全体会议的主要任务是：研究部署工作。",
        line_start=2,
        line_end=6,
        lines=(2, 4, 6),
    )
    sentence = blk("根据《中共中央关于加强党的领导的通知》要求，现将有关事项通知如下。", 7)
    docs = split([blk(BODY, 1), glued, sentence])
    assert docs[-1].title == "马卫光同志在市委全体（扩大）会议上的报告"
    assert docs[-1].blocks[1].text.startswith("这次市委全体会议")
    assert docs[-1].blocks[-1] is sentence


def test_a_title_and_its_subtitle_on_one_line_and_a_wire_dateline_over_them():
    blocks = [
        blk("3月5日，某某会议在北京开幕。 新华社记者张三摄", 1, "caption"),
        blk("新华社北京3月14日电", 2, "heading"),
        blk("政府工作报告——２００９年３月５日在第十一届全国人民代表大会第二次会议上", 3, "heading"),
        blk("国务院总理 某某某", 4),
        blk("各位代表：", 5),
        blk(BODY, 6),
    ]
    docs = split(blocks)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.title == "政府工作报告"
    assert doc.subtitle == "——２００９年３月５日在第十一届全国人民代表大会第二次会议上"
    assert doc.publish_date == date(2009, 3, 5) and doc.date_inferred is False
    assert doc.authors == ["某某某"] and doc.author_roles == ["国务院总理"]
    assert doc.blocks[0].kind == "caption"
    kept_conserved(blocks, docs)


def test_a_markdown_title_with_its_delivery_subtitle_on_one_line_loses_no_text():
    """The subtitle split off a `## title——…在…会议上` line is a sub-heading of its title,
    not a second item, and the title is not set aside as a lone heading."""
    from pipelines.text.normalize import to_lines
    from pipelines.text.tables import source_documents

    text = (
        "## 前言\n会议指出，各项工作取得了实质性进展，为今后的发展打下了坚实的基础。\n"
        "## 政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
        "会议强调，要以更加饱满的精神状态投入工作，确保各项目标任务圆满完成。\n"
    )
    lines = to_lines(text)
    removed, docs = source_documents(lines, "t.txt")
    assert [d.title for d in docs] == ["前言", "政府工作报告"]
    assert docs[1].subtitle and docs[1].subtitle.startswith("——2024年3月5日")
    kept = "".join(b.text for d in docs for b in d.blocks) + "".join(b.text for b in removed)
    assert sorted("".join(text.split())) == sorted("".join(kept.split()))
