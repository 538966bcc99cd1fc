"""Lines a flattened page set in the middle of a paragraph: they stand alone, the paragraph goes on."""

from pipelines.text.layout import check_conservation, recover_layout
from pipelines.text.model import Line


def _lines(text: str) -> list[Line]:
    return [Line(i, t.rstrip()) for i, t in enumerate(text.split("\n"), 1)]


def _kept(text: str) -> list[str]:
    return [b.text for b in recover_layout(_lines(text)) if not b.removed]


_COL = [
    "主题教育开展以来全市上下紧扣",
    "总要求，深入开展调查研究活动，",
    "推动各项工作取得了明显的成效，",
]


def test_paragraph_continues_across_page_furniture() -> None:
    text = "这一段话在页面的底部没有\n结束，还要继续写下去的内容\n— 3 —\n在下一页继续完成。"
    kept = _kept(text)
    assert kept == ["这一段话在页面的底部没有结束，还要继续写下去的内容在下一页继续完成。"]


def test_a_title_over_a_place_label_in_a_cut_sentence_stands_alone_and_the_sentence_goes_on():
    text = "\n".join(
        [
            *_COL,
            "深入开展大走访大调研活",
            "以忠诚担当书写发展新篇章",
            "？？",
            "某某市",
            " 动，以调研成果疏通堵点。",
        ]
    )
    blocks = recover_layout(_lines(text))
    kept = [b for b in blocks if not b.removed]
    title = [b for b in kept if b.text == "以忠诚担当书写发展新篇章"]
    assert title and title[0].kind == "heading"
    body = [b for b in kept if b.kind == "body"]
    assert [b.text[-23:] for b in body] == ["深入开展大走访大调研活动，以调研成果疏通堵点。"]
    assert [b.text for b in blocks if b.removed] == ["？？"]
    assert check_conservation(_lines(text), blocks) == []


def test_a_paragraph_cut_by_a_title_goes_on_only_with_a_full_line() -> None:
    # after the inserted title, an indented (short) first line opens a new paragraph
    text = "\n".join(
        [
            *_COL,
            "深入开展大走访大调研活动的",
            "凝心聚力谱写新篇章",
            "某某市",
            " 根据有关文件精神，",
            *_COL,
        ]
    )
    kept = _kept(text)
    assert any(k.endswith("大走访大调研活动的") for k in kept)
    assert "凝心聚力谱写新篇章" in kept


def test_a_subtitle_dropped_into_a_cut_sentence_stands_alone() -> None:
    lines = [*_COL, "集群培育工程，推动数字经济核心", "——聚焦某某省两会", " 产业增加值增长8.3%。"]
    kept = _kept("\n".join(lines))
    assert "——聚焦某某省两会" in kept
    assert kept[0].endswith("集群培育工程，推动数字经济核心产业增加值增长8.3%。")


def test_a_short_label_after_page_furniture_does_not_continue_a_cut_paragraph() -> None:
    text = "\n".join(
        [*_COL, "妥善做好第一阶段境外航班落地", "专 记", "1 月", "1 日 某某条例施行。"]
    )
    kept = _kept(text)
    assert "1 月" in kept
    assert any(k.endswith("航班落地") for k in kept)


def test_short_lines_of_the_text_itself_are_not_taken_for_inserted_labels() -> None:
    # two short lines of a list, printed once, between a cut line and a full one
    lines = [
        *_COL,
        "会议审议通过了两项报告，这些报告是",
        "政府工作报告",
        "财政预算报告",
        "会议号召全市上下团结一心，奋力拼搏",
        *_COL,
    ]
    kept = _kept("\n".join(lines))
    assert not any("这些报告是会议号召" in k for k in kept)


def test_an_organisations_name_set_in_a_cut_sentence_with_a_caption_is_a_running_head() -> None:
    lines = [*_COL, "激活红色资源，锤炼优良作风，砥", "国家税务总局某某省税务局"]
    caption = "某某区税务局开展税收普法活动某某区税务局开展税收普法活动"
    blocks = recover_layout(_lines("\n\n".join([*lines, caption, "砺奋进力量。"])))
    aside = [(b.text, b.removed_kind) for b in blocks if b.removed]
    assert ("国家税务总局某某省税务局", "page_furniture") in aside
    assert next(b.text for b in blocks if not b.removed).endswith("锤炼优良作风，砥砺奋进力量。")


def test_an_organisations_name_that_ends_a_paragraph_with_no_caption_stays_text() -> None:
    text = "\n".join([*_COL, "全面完成各项任务。", "国家税务总局某某省税务局", "2024年1月2日"])
    kept = _kept(text)
    assert "国家税务总局某某省税务局" in "".join(kept)


def test_a_line_inserted_after_a_running_organisation_keeps_every_character() -> None:
    lines = _lines("1111\n一一 部\n—■—■一\n1111")
    assert check_conservation(lines, recover_layout(lines)) == []
