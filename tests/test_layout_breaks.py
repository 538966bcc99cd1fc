"""Break rules of the reflow: where a printed paragraph ends."""

from pipelines.text.layout import recover_layout
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


def test_a_short_label_after_a_finished_sentence_is_not_glued_to_it() -> None:
    text = "\n".join([*_COL, "营造鼓励创新、宽容失败的氛围。", " 领导要论", "各位代表：", *_COL])
    kept = _kept(text)
    assert "领导要论" in kept
    assert not any(k.endswith("领导要论") and k != "领导要论" for k in kept)


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


def test_a_salutation_under_the_speakers_line_opens_the_speech_across_one_blank_line() -> None:
    text = "政府工作报告\n国务院总理 李克强\n\n各位代表：\n现在，我代表国务院，向大会报告工作，请予审议。"
    kept = _kept(text)
    assert "各位代表：" in kept
    assert not any(t.endswith("李克强各位代表：") for t in kept)


def test_a_subhead_after_a_sentence_stands_alone_though_longer_than_half_the_column() -> None:
    text = "\n".join([*_COL, "获利企业八百七十六家。", "数字赋能全程高效管", *_COL[:2], "完成。"])
    kept = _kept(text)
    assert "数字赋能全程高效管" in kept
    assert kept[0].endswith("获利企业八百七十六家。")


def test_a_word_cut_at_the_end_of_a_paragraphs_first_line_is_joined() -> None:
    text = "\n".join(
        [
            *_COL,
            "打造营商环境最优省。",
            "深入推进政务服务增值化改",
            "革。深化数字政府建设，依申请政务",
        ]
    )
    assert _kept(text)[-1] == "深入推进政务服务增值化改革。深化数字政府建设，依申请政务"
