"""Region rules of the layout: furniture found from the lines around."""

from pipelines.text.layout import check_conservation, recover_layout
from pipelines.text.model import Line
from pipelines.text.normalize import load_lines


def _lines(text: str) -> list[Line]:
    return [Line(i, t.rstrip()) for i, t in enumerate(text.split("\n"), 1)]


_COL = [
    "主题教育开展以来全市上下紧扣",
    "总要求，深入开展调查研究活动，",
    "推动各项工作取得了明显的成效，",
]


def test_toc_and_sponsors_removed() -> None:
    toc = "\n".join(f"{20 + 2 * i} 某某市：标题文字第{i}篇/作者{i}" for i in range(4))
    sponsors = "\n".join(f"中共某{c}县委 某{c}县人民政府" for c in "甲乙丙丁戊")
    blocks = recover_layout(_lines(toc + "\n" + sponsors))
    assert {b.removed_kind for b in blocks} == {"toc", "sponsor_list"}


def test_vertical_heading_repeating_text_is_duplicate() -> None:
    text = "巩固成果要落实。\n" + "\n".join("巩固成果") + "\n正文继续。"
    blocks = recover_layout(_lines(text))
    dup = [b for b in blocks if b.removed_kind == "duplicate"]
    assert dup and dup[0].lines == (2, 3, 4, 5)


def test_pull_quote_box_lines_removed() -> None:
    body = "发展新质生产力是推动高质量发展的内在要求和重要着力点必须继续做好创新这篇大文章。"
    text = (
        "■"
        + body[:20]
        + "\n"
        + body[20:]
        + "\n"
        + "\n".join(body[i : i + 16] for i in range(0, len(body), 16))
    )
    blocks = recover_layout(_lines(text))
    assert [b.removed_kind for b in blocks if b.removed] == ["pull_quote"]
    assert blocks[0].lines == (1, 2)


def test_a_bold_caption_read_twice_is_a_caption_read_once() -> None:
    line = "某某县某某镇开展某某县某某镇开展““为民办实事为民办实事””活动活动 张张 三三 摄摄"
    lines = _lines("\n".join([*_COL, line, *_COL]))
    blocks = recover_layout(lines)
    caption = [b for b in blocks if b.kind == "caption"]
    assert [b.text for b in caption] == ["某某县某某镇开展“为民办实事”活动 张三摄"]
    dup = [b for b in blocks if b.removed_kind == "duplicate"]
    assert len(dup) == 1 and dup[0].reason and dup[0].lines == caption[0].lines
    assert check_conservation(lines, blocks) == []


def test_a_long_line_read_twice_without_credit_is_a_caption_unless_a_byline_follows() -> None:
    line = "某某市党员干部走访群众征集需求某某市党员干部走访群众征集需求"
    blocks = recover_layout(_lines("\n".join([*_COL, line, *_COL])))
    assert [b.text for b in blocks if b.kind == "caption"] == ["某某市党员干部走访群众征集需求"]
    blocks = recover_layout(_lines("\n".join([*_COL, line, "■张 三", *_COL])))
    assert not [b for b in blocks if b.kind == "caption"]


def test_a_notice_title_printed_spaced_is_a_heading_not_a_rubric() -> None:
    blocks = recover_layout(
        _lines("\n".join([*_COL, "监督电话：（0571）87052244", "公 示", "好评。"]))
    )
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["公示"] == "heading"
    assert not any(b.removed for b in blocks)
    assert kinds["好评。"] == "body"


def test_a_rubric_label_spaced_with_an_em_space_is_set_aside() -> None:
    body = ["妥善做好第一阶段境外航班落地", "专\u2003记", "人员的集中医学观察和生活保障服务。"]
    blocks = recover_layout(load_lines("\n".join(body).encode())[0])
    assert [b.text for b in blocks if b.removed] == ["专 记"]


def test_the_short_last_line_of_a_wide_pull_quote_box_belongs_to_the_box() -> None:
    box = [
        " ■某某省深入学习贯彻某某精神，把巩固拓展主题教育成果作为重大政治任务，学思践悟",
        "不停步、感恩奋进再出发，持续兴起学思想热潮、提高强党性觉悟、树牢重实践导向、在奋力推",
        "进现代化新征程上勇当先行者。",
    ]
    blocks = recover_layout(
        _lines("\n".join([*_COL, "大贡献！", *box, "在学懂弄通做实上争当排头兵"]))
    )
    quote = [b for b in blocks if b.removed_kind == "pull_quote"]
    assert len(quote) == 1 and quote[0].text.endswith("勇当先行者。")
    assert not any("勇当先行者" in b.text for b in blocks if not b.removed)


def test_a_caption_closed_by_an_unbracketed_credit_is_a_caption() -> None:
    text = "\n".join(
        [
            "政府工作报告",
            "3月5日，某某会议在北京开幕。某某作政府工作报告。 新华社记者张三摄",
            "各位代表：",
            "正文第一段在这里，内容比较长一些，用来模拟一段报告正文的样子。",
            "图片新闻的正文比较长，记者了解到，工作人员每天都对车辆进行消",
            "毒，确保市民安全出行。 记者李四 摄",
        ]
    )
    blocks = [b for b in recover_layout(_lines(text)) if not b.removed]
    captions = [(b.line_start, b.text) for b in blocks if b.kind == "caption"]
    assert captions[0][0] == 2 and captions[0][1].endswith("新华社记者张三摄")
    # the photo item's credit at the end of its paragraph is a caption of its own
    assert captions[1:] == [(6, "记者李四 摄")]
    assert any(b.kind == "body" and b.text.endswith("确保市民安全出行。") for b in blocks)


def test_an_inline_contents_line_is_a_toc_when_the_headings_confirm_it() -> None:
    items = ["某某会议在京召开", "某某工程建成投用", "某某展会开幕"]
    contents = "本期主要内容： " + " ".join(f"{k}.{t}；" for k, t in enumerate(items, 1))
    heads = [f"## {k}. {t}\n正文在这里，内容比较长一些。" for k, t in enumerate(items, 1)]
    blocks = recover_layout(_lines("\n".join(["## 本期主要内容", contents, *heads])))
    assert [b.removed_kind for b in blocks if b.text == contents] == ["toc"]
    # without the headings the same line is text
    blocks = recover_layout(_lines("\n".join(["## 本期主要内容", contents])))
    assert not any(b.removed for b in blocks if b.text == contents)


def test_a_contents_list_one_entry_a_line_is_a_toc_with_its_opening_and_closing_lines() -> None:
    items = ["某某会议在京召开", "某某工程建成投用", "某某展会开幕"]
    contents = [
        "本期主要内容：",
        *(f"{k}.{t}；" for k, t in enumerate(items, 1)),
        "（1）某某项目开工；",
        "（《某某新闻》 20210610 19:00）",
    ]
    heads = [f"## {k}. {t}\n正文在这里，内容比较长一些。" for k, t in enumerate(items, 1)]
    blocks = recover_layout(_lines("\n".join(["## 本期主要内容", *contents, *heads])))
    assert [b.removed_kind for b in blocks if b.text in contents] == ["toc"] * len(contents)
    # numbered lines whose entries open no heading of the source are text
    other = ["1.抓好防控工作；", "2.推进复工复产；", "3.保障民生供应；"]
    blocks = recover_layout(_lines("\n".join(["## 本期主要内容", *other, *heads])))
    assert not any(b.removed for b in blocks if b.text in other)


def test_a_scraped_pages_metadata_and_related_links_lines_are_chrome_only_on_a_web_page() -> None:
    page = [
        "打印",
        "全屏",
        "收藏",
        "某某省政府工作报告",
        "来源：某某日报",
        "时间：2026-01-22",
        "各位代表：",
        "现在，我代表省人民政府向大会作政府工作报告，请予审议，并请各位委员提出意见。",
        "相关报道：",
    ]
    blocks = recover_layout(_lines("\n".join(page)))
    gone = [b.text for b in blocks if b.removed_kind == "web_chrome"]
    assert gone == ["打印", "全屏", "收藏", "来源：某某日报", "时间：2026-01-22", "相关报道："]
    printed = recover_layout(_lines("\n".join(page[3:])))
    assert not any(b.removed for b in printed)


def test_a_meeting_notice_keeps_its_time_line_in_a_scraped_page() -> None:
    from pipelines.text.layout import recover_layout
    from pipelines.text.model import Line

    text = [
        "打印",
        "全屏",
        "收藏",
        "关于召开全市工作会议的通知",
        "时间：2026年2月3日上午9时",
        "地点：市行政中心",
        "时间：2026-01-22",
        "请各单位准时参加会议，并做好各项准备工作，不得无故缺席。会议期间请将手机调至静音。",
    ]
    blocks = recover_layout([Line(i, t) for i, t in enumerate(text, 1)])
    removed = [b.text for b in blocks if b.removed]
    assert "时间：2026-01-22" in removed and "时间：2026年2月3日上午9时" not in removed


def test_a_region_rule_that_claims_no_line_gives_the_state_back_and_one_that_does_a_new_one():
    from pipelines.text.layout import lines, regions
    from pipelines.text.layout.state import LayoutState
    from pipelines.text.passes import Counters

    state = LayoutState(tuple(_lines("\n".join(_COL))))
    for step in (lines.read_lines, lines.classify_lines):
        state = step.run(state, Counters())
    assert all(step.run(state, Counters()) is state for step in regions.REGION_PASSES)
    sponsors = "\n".join(f"中共某{c}县委 某{c}县人民政府" for c in "甲乙丙丁戊")
    state = LayoutState(tuple(_lines(sponsors)))
    for step in (lines.read_lines, lines.classify_lines):
        state = step.run(state, Counters())
    claimed = regions.furniture.sponsor_lists.run(state, Counters())
    assert claimed is not state and claimed.items != state.items


def test_a_region_rule_may_put_items_in_place_but_never_add_drop_or_move_one():
    import pytest

    from pipelines.text.layout.state import Claims

    items = Claims(("甲", "乙"))  # type: ignore[arg-type]  # (any objects will do)
    items[0] = items[1]
    assert items.changed
    for change in (
        lambda: items.append(items[0]),
        lambda: items.insert(0, items[0]),
        lambda: items.pop(),
        lambda: items.sort(),
        lambda: items.__delitem__(0),
        lambda: items.__setitem__(slice(0, 1), []),
    ):
        with pytest.raises(TypeError):
            change()
    assert len(items) == 2
