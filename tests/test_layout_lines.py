"""Line rules of the layout: what one line is, read on its own."""

import pytest

from pipelines.text.layout import check_conservation, recover_layout
from pipelines.text.model import Line


def _lines(text: str) -> list[Line]:
    return [Line(i, t.rstrip()) for i, t in enumerate(text.split("\n"), 1)]


def _kept(text: str) -> list[str]:
    return [b.text for b in recover_layout(_lines(text)) if not b.removed]


def test_markdown_heading_markup_removed() -> None:
    blocks = recover_layout(_lines("## 德清电力全力支持防疫\n正文在这里。"))
    assert blocks[0].removed_kind == "markup" and blocks[0].text == "##"
    assert blocks[1].kind == "heading" and blocks[1].md_level == 2
    assert blocks[1].text == "德清电力全力支持防疫"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("PAGE", "page_furniture"),
        ("— 1 —", "page_furniture"),
        ("发：各区、县（市）党委和人民政府。", "distribution"),
        ("中共某市委办公室      2020年7月17日印发", "distribution"),
        ("【字号：加大 还原 减小】", "web_chrome"),
        ("上一页 1 2 3 下一页", "web_chrome"),
        ("<!--", "web_chrome"),
        ("经 济", "page_furniture"),
        ("■必须牢记高质量发展是新时代的硬道理，全面贯彻新发展理念", "pull_quote"),
    ],
)
def test_furniture_lines(line: str, kind: str) -> None:
    blocks = recover_layout(_lines(f"正文第一段写在这里。\n{line}\n正文第二段写在这里。"))
    removed = [b for b in blocks if b.removed]
    assert [b.removed_kind for b in removed] == [kind]
    assert removed[0].reason


def test_caption_and_note_are_kept() -> None:
    blocks = recover_layout(_lines("正文。\n（袁 云 摄）\n（市委办公室  提供）"))
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["（袁云摄）"] == "caption"
    assert kinds["（市委办公室 提供）"] == "note"


def test_spaced_name_loses_layout_space() -> None:
    assert _kept("浙江省省长 王 浩") == ["浙江省省长 王浩"]


def test_web_chrome_written_with_literal_escapes_or_broken_over_lines_is_set_aside() -> None:
    text = "\n".join(
        [
            "某某网 www.example.gov.cn　 2009年03月16日　 来源：某某社",
            "正文第一段在这里，内容比较长一些，用来模拟一段网页正文的样子。",
            "<U+00A0><U+00A0>上一页<U+00A0><U+00A0>1<U+00A0><U+00A0> 2<U+00A0> 下一页<U+00A0>",
            "（责任编辑： 某某",
            " ）",
            "【E-mail推荐",
            "】",
            "正文第二段在这里，内容也比较长一些，用来模拟一段网页正文的样子。",
        ]
    )
    lines = _lines(text)
    blocks = recover_layout(lines)
    assert check_conservation(lines, blocks) == []
    kept = [b.text for b in blocks if not b.removed]
    assert kept == [
        "正文第一段在这里，内容比较长一些，用来模拟一段网页正文的样子。",
        "正文第二段在这里，内容也比较长一些，用来模拟一段网页正文的样子。",
    ]
    assert {b.removed_kind for b in blocks if b.removed} == {"web_chrome"}


def test_markdown_source_links_and_metadata_lists_are_notes_without_their_markup() -> None:
    text = "\n".join(
        [
            "# 某某节目 2020-11-03",
            "",
            "- 数据源：某某网（官方文字稿）",
            "- 新闻条数：2",
            "",
            "## 1. 某某会议在京召开",
            "某某会议今天在北京召开，会议听取了工作报告。",
            "> 原文：https://example.com/2020/11/03/a.shtml",
            "- 第一项工作：要加强学习。",
        ]
    )
    lines = _lines(text)
    blocks = recover_layout(lines)
    assert check_conservation(lines, blocks) == []
    notes = [b.text for b in blocks if b.kind == "note"]
    assert notes == [
        "数据源：某某网（官方文字稿）",
        "新闻条数：2",
        "原文：https://example.com/2020/11/03/a.shtml",
    ]
    assert sorted(b.text for b in blocks if b.removed_kind == "markup") == [
        "#",
        "##",
        "-",
        "-",
        ">",
    ]
    # a lone `- key：value` line is no metadata list: it stays as it was
    assert any("- 第一项工作：要加强学习。" in b.text for b in blocks if not b.removed)
