"""Tests of the layout stage: rules on small inputs, fixtures, conservation, fuzzing."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.evaluation.layout import blocks_for, evaluate, load_fixtures, source_path
from pipelines.text.layout import check_conservation, recover_layout
from pipelines.text.model import PARAGRAPH_KINDS, REMOVED_KINDS, Line
from pipelines.text.normalize import load_lines


def _lines(text: str) -> list[Line]:
    return [Line(i, t.rstrip()) for i, t in enumerate(text.split("\n"), 1)]


def _kept(text: str) -> list[str]:
    return [b.text for b in recover_layout(_lines(text)) if not b.removed]


def test_column_wrap_is_joined_without_spaces() -> None:
    text = "我们要深入学习贯彻党的\n重要精神，全面推进各项\n工作取得新成效。\n大家一起努力向前走吧\n实现目标。"
    assert _kept(text)[0] == "我们要深入学习贯彻党的重要精神，全面推进各项工作取得新成效。"


def test_blank_line_interleaving_is_no_break() -> None:
    text = "新冠肺炎疫情是百年来全球发生\n\n的最严重的传染病大流行，是中华\n\n人民共和国成立以来。\n\n又一段话开始了，内容在这里写\n\n完。"
    kept = _kept(text)
    assert (
        kept[0] == "新冠肺炎疫情是百年来全球发生的最严重的传染病大流行，是中华人民共和国成立以来。"
    )


def test_latin_words_keep_one_space() -> None:
    text = "We build an open\ndataset today."
    assert _kept(text) == ["We build an open dataset today."]


def test_one_paragraph_per_line() -> None:
    long = "这是一个很长的段落，" * 6
    text = "\n".join(long + f"第{i}段结束。" for i in range(4))
    assert len(_kept(text)) == 4


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


def test_paragraph_continues_across_page_furniture() -> None:
    text = "这一段话在页面的底部没有\n结束，还要继续写下去的内容\n— 3 —\n在下一页继续完成。"
    kept = _kept(text)
    assert kept == ["这一段话在页面的底部没有结束，还要继续写下去的内容在下一页继续完成。"]


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


# --- fixtures ---------------------------------------------------------------------------


def test_fixture_counts() -> None:
    paragraphs, removals = load_fixtures()
    assert len(paragraphs) >= 80 and len(removals) >= 30
    assert len({p["source"] for p in paragraphs if p.get("corpus")}) >= 2


@pytest.mark.parametrize("fx", load_fixtures()[0], ids=lambda f: f["text"][:12])
def test_fixture_paragraph(fx: dict) -> None:
    path = source_path(fx)
    if not path.is_file():
        pytest.skip("source not available")
    hits = [b for b in blocks_for(path) if not b.removed and b.text == fx["text"]]
    assert hits, fx["text"]
    assert any(b.kind == fx["kind"] for b in hits)


@pytest.mark.parametrize("fx", load_fixtures()[1], ids=lambda f: f["text"][:12])
def test_fixture_removal(fx: dict) -> None:
    path = source_path(fx)
    if not path.is_file():
        pytest.skip("source not available")
    want = "".join(fx["text"].split())
    hits = [b for b in blocks_for(path) if b.removed and want in "".join(b.text.split())]
    assert any(b.removed_kind == fx["removed_kind"] for b in hits)


def test_evaluation_targets() -> None:
    r = evaluate()
    assert r["paragraph_exact_rate"] >= 0.95


# --- conservation on real files -----------------------------------------------------------


def _check_file(path: Path) -> None:
    lines, _ = load_lines(path.read_bytes(), file_name=path.name)
    blocks = recover_layout(lines)
    assert check_conservation(lines, blocks) == []
    for b in blocks:
        assert (b.removed_kind in REMOVED_KINDS) if b.removed else (b.kind in PARAGRAPH_KINDS)


def test_conservation_on_seeds(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        _check_file(path)


def test_conservation_on_corpus(corpus_dir: Path) -> None:
    for path in sorted(corpus_dir.glob("*.txt")):
        _check_file(path)


# --- property tests -----------------------------------------------------------------------

_chars = (
    st.sampled_from(
        list(
            "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研导由世"
        )
    )
    | st.sampled_from(list("，。、；：！？“”（）■ 　abc123#—")),
)
_text = st.lists(st.text(alphabet=st.one_of(*_chars), max_size=40), max_size=40).map(
    lambda ls: "\n".join(ls)
)


@settings(max_examples=200, deadline=None)
@given(_text)
def test_never_raises_and_conserves(text: str) -> None:
    lines = _lines(text)
    blocks = recover_layout(lines)
    assert check_conservation(lines, blocks) == []
    numbers = {ln.number for ln in lines}
    for b in blocks:
        assert set(b.lines) <= numbers
        assert b.line_start <= b.line_end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_is_safe(text: str) -> None:
    lines = _lines(text)
    assert check_conservation(lines, recover_layout(lines)) == []


def test_a_subtitle_and_a_place_label_are_not_joined_to_the_title() -> None:
    text = (
        "高举伟大旗帜团结奋斗\n\n——在某某大会上的报告\n\n"
        "正文第一段在这里开始，内容比较长一些，\n用来模拟一个栏宽的段落结束。\n\n"
        "凝心铸魂谋发展创新争先\n某某市\n"
    )
    kept = _kept(text)
    assert kept[:2] == ["高举伟大旗帜团结奋斗", "——在某某大会上的报告"]
    assert kept[-2:] == ["凝心铸魂谋发展创新争先", "某某市"]


def test_a_numbered_item_after_a_colon_opens_its_own_paragraph() -> None:
    text = "今年重点抓好十方面工\n作，具体如下所述：\n（一）聚焦聚力提升政\n策引导保障的成效。"
    kept = _kept(text)
    assert kept == [
        "今年重点抓好十方面工作，具体如下所述：",
        "（一）聚焦聚力提升政策引导保障的成效。",
    ]


_COL = [
    "主题教育开展以来全市上下紧扣",
    "总要求，深入开展调查研究活动，",
    "推动各项工作取得了明显的成效，",
]


def test_a_short_label_after_a_finished_sentence_is_not_glued_to_it() -> None:
    text = "\n".join([*_COL, "营造鼓励创新、宽容失败的氛围。", " 领导要论", "各位代表：", *_COL])
    kept = _kept(text)
    assert "领导要论" in kept
    assert not any(k.endswith("领导要论") and k != "领导要论" for k in kept)


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


def test_a_short_label_after_page_furniture_does_not_continue_a_cut_paragraph() -> None:
    text = "\n".join(
        [*_COL, "妥善做好第一阶段境外航班落地", "专 记", "1 月", "1 日 某某条例施行。"]
    )
    kept = _kept(text)
    assert "1 月" in kept
    assert any(k.endswith("航班落地") for k in kept)


def test_a_bullet_heading_with_quotation_marks_stands_between_its_paragraphs() -> None:
    lines = [
        *_COL,
        "送学，确保“不漏学”“不掉队”。",
        "●“四下基层” 破难开新",
        "主题教育开展以来，浙江各地",
        *_COL,
    ]
    kept = _kept("\n".join(lines))
    assert kept[1] == "●“四下基层” 破难开新"
    assert kept[0].endswith("“不掉队”。") and kept[2].startswith("主题教育开展以来")


def test_a_short_heading_with_quotation_marks_is_not_glued_to_its_paragraph() -> None:
    lines = [
        *_COL,
        "坚持问题导向抓整改。",
        "奋力打赢两场“硬仗”",
        "1月20日，杭州亚运会亚残运",
        *_COL,
    ]
    kept = _kept("\n".join(lines))
    assert "奋力打赢两场“硬仗”" in kept


def test_a_bold_run_in_lead_opens_the_next_paragraph_and_runs_into_it() -> None:
    lines = [
        *_COL,
        "大解题，推动主题教育落实落细。",
        "高质开展调查研究——",
        "2024年开年，省四套班子领导",
        *_COL,
    ]
    kept = _kept("\n".join(lines))
    assert kept[0].endswith("落实落细。")
    assert kept[1].startswith("高质开展调查研究——2024年开年，")


def test_a_signature_and_its_date_line_are_not_joined() -> None:
    lines = [*_COL, "各级党委要及时向省委报告情况。", "", "中共某某省委  ", "2020年1月30日", ""]
    kept = _kept("\n".join(lines))
    assert kept[-2:] == ["中共某某省委", "2020年1月30日"]


def test_a_photo_credit_at_the_end_of_a_paragraph_is_a_caption_of_its_line() -> None:
    text = (
        "“小红车”是公共交通工具，每天对车把、车凳进行消\n\n毒，确保市民安全出行。 记者张某某 摄\n"
    )
    blocks = recover_layout(_lines(text))
    assert [(b.kind, b.text) for b in blocks] == [
        ("body", "“小红车”是公共交通工具，每天对车把、车凳进行消毒，确保市民安全出行。"),
        ("caption", "记者张某某 摄"),
    ]
    assert blocks[1].lines == (3,) and blocks[0].line_end == 3
    assert check_conservation(_lines(text), blocks) == []


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


def test_a_bold_caption_read_twice_after_the_last_sentence_is_split_off() -> None:
    line = "低于18%。某某市某某中心认知障碍照护专区怀旧室某某市某某中心认知障碍照护专区怀旧室"
    lines = _lines("\n".join([*_COL, line]))
    blocks = recover_layout(lines)
    assert [b.text for b in blocks if b.kind == "caption"] == [
        "某某市某某中心认知障碍照护专区怀旧室"
    ]
    assert [b.removed_kind for b in blocks if b.removed] == ["duplicate"]
    assert any(b.kind == "body" and b.text.endswith("低于18%。") for b in blocks)
    assert check_conservation(lines, blocks) == []


def test_a_one_paragraph_per_line_report_keeps_short_run_in_headings_and_glossary_apart() -> None:
    long = "全面推进各项改革任务落地见效，持续优化营商环境，扩大有效投资和消费需求，"
    text = "\n".join(
        [
            "一、过去一年工作回顾",
            long * 2 + "经济运行稳中向好。",
            "（二）聚力释放有效需求潜力",
            "大力提振消费。",
            long * 3 + "消费市场持续回暖。",
            "扩大有效投资。",
            long + "投资结构不断优化。",
            "注释",
            "［1］两新：",
            "大规模设备更新和消费品以旧换新。",
            "［2］两重：",
            "国家重大战略实施和重点领域安全能力建设。",
        ]
    )
    kept = _kept(text)
    assert kept[0] == "一、过去一年工作回顾"
    assert kept[2:4] == ["（二）聚力释放有效需求潜力", "大力提振消费。"]
    assert kept[-4:] == [
        "［1］两新：",
        "大规模设备更新和消费品以旧换新。",
        "［2］两重：",
        "国家重大战略实施和重点领域安全能力建设。",
    ]
    assert len(kept) == 12


def test_a_narrow_column_region_keeps_its_column_rules_in_a_per_line_file() -> None:
    long = (
        "全面推进各项改革任务落地见效，持续优化营商环境，扩大有效投资和消费需求，" * 2
        + "成效明显。"
    )
    paras = [  # a sentence may end at the full width of the column, mid-paragraph
        [
            f"{town}主题教育开展以来紧扣要求。",
            f"深入开展调查研究{town}各项工作，",
            "推动工作取得成效。",
        ]
        for town in ("东城", "西城", "南湖", "北山", "中洲", "江口", "河西", "海滨", "山前", "湖畔")
    ]
    kept = _kept("\n".join([long, long, long, long, *(ln for p in paras for ln in p)]))
    assert kept[:4] == [long] * 4
    # far from the long lines the column rules reflow the lines into paragraphs
    assert kept[-5:] == ["".join(p) for p in paras[-5:]]


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


def test_an_inline_contents_line_is_a_toc_when_the_headings_confirm_it() -> None:
    items = ["某某会议在京召开", "某某工程建成投用", "某某展会开幕"]
    contents = "本期主要内容： " + " ".join(f"{k}.{t}；" for k, t in enumerate(items, 1))
    heads = [f"## {k}. {t}\n正文在这里，内容比较长一些。" for k, t in enumerate(items, 1)]
    blocks = recover_layout(_lines("\n".join(["## 本期主要内容", contents, *heads])))
    assert [b.removed_kind for b in blocks if b.text == contents] == ["toc"]
    # without the headings the same line is text
    blocks = recover_layout(_lines("\n".join(["## 本期主要内容", contents])))
    assert not any(b.removed for b in blocks if b.text == contents)


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


def test_a_zero_written_as_a_circle_opens_no_heading() -> None:
    lines = [
        *_COL,
        "本办法自发布之日起施行，二",
        "○二○年一月三十日前已办理的事项，",
        "按原规定执行。",
    ]
    kept = _kept("\n".join(lines))
    assert any("二○二○年一月三十日前" in k for k in kept)


def test_a_date_line_that_a_full_line_runs_on_into_is_not_cut_out() -> None:
    lines = [
        "本条例经省人民代表大会常务委员会审议通过，自",
        "2021年3月1日",
        "起施行，各地要认真贯彻执行。",
    ]
    kept = _kept("\n".join(lines))
    assert kept == [
        "本条例经省人民代表大会常务委员会审议通过，自2021年3月1日起施行，各地要认真贯彻执行。"
    ]


def test_a_very_long_doubled_line_does_not_break_the_layout() -> None:
    lines = _lines("\n".join([*_COL, "啊" * 2100, "页码 PAGE", "PAGE"]))
    blocks = recover_layout(lines)
    assert [b.text for b in blocks if b.removed] == ["PAGE"]  # furniture still found
    assert check_conservation(lines, blocks) == []
