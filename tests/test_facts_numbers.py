"""Dates, amounts and percents: their spans and normalised values (facts/dates.py,
facts/amounts.py, facts/percents.py, facts/qualifiers.py). Examples are written for these
tests, none is a fixture's sentence."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts


def test_a_fiscal_year_printed_on_its_own_keeps_its_nian_du() -> None:
    facts = [
        f for f in extract_facts("2020年度，全省财政收入增长。", doc_year=2021) if f.type == "date"
    ]
    assert [(f.text, f.normalized) for f in facts] == [("2020年度", "2020")]
    assert texts("2020年度优秀共产党员名单公布。", "date") == ["2020年"]


def test_the_end_or_start_of_a_year_is_a_date_of_its_month() -> None:
    facts = extract_facts("到2025年底完成改造，去年末余额增长，2019年初启动。", doc_year=2021)
    dates = [(f.text, f.normalized, f.qualifier) for f in facts if f.type == "date"]
    assert dates == [
        ("2025年底", "2025-12", None),
        ("去年末", "2020-12", "inferred"),
        ("2019年初", "2019-01", None),
    ]
    assert texts("2020年初步核算，增长较快。", "date") == ["2020年"]


def test_more_than_between_two_scale_words_multiplies_both() -> None:
    facts = [f for f in extract_facts("新增存款5万多亿元。", doc_year=2020) if f.type == "money"]
    assert [(f.text, f.value_num, f.qualifier) for f in facts] == [("5万多亿元", 5e12, "多")]


def test_flat_glass_is_counted_in_weight_cases() -> None:
    assert texts("平板玻璃产量8000多万重量箱。", "quantity") == ["8000多万重量箱"]


def test_a_fraction_in_words_is_a_percent() -> None:
    facts = extract_facts("收费项目减少四分之一，占全国的五分之二。", doc_year=2020)
    got = [(f.text, round(f.value_num, 4), f.direction) for f in facts if f.type == "percent"]
    assert got == [("四分之一", -0.25, "down"), ("五分之二", 0.4, None)]
    assert texts("百分之五十", "percent") == ["百分之五十"]


def test_a_streamlining_is_a_cut() -> None:
    facts = [f for f in extract_facts("审批事项精简60%。", doc_year=2020) if f.type == "percent"]
    assert [(f.value_num, f.direction) for f in facts] == [(-0.6, "down")]


def test_a_cut_with_its_object_before_the_amount_is_a_fall() -> None:
    facts = [
        f
        for f in extract_facts("再压减粗钢产能3000万吨，减少农村危房100万户。")
        if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.direction) for f in facts] == [
        ("3000万吨", -30000000.0, "down"),
        ("100万户", -1000000.0, "down"),
    ]


def test_a_cut_followed_by_a_verb_is_no_fall_of_the_amount() -> None:
    facts = [f for f in extract_facts("患者人均减少垫付2.5万元。") if f.type == "money"]
    assert [(f.text, f.direction) for f in facts] == [("2.5万元", None)]


def test_a_magnitude_of_ten_thousands_or_more_is_a_quantity_and_a_vague_small_one_is_not() -> None:
    facts = [
        f for f in extract_facts("还有几千万人住在老房里，上亿群众受益。") if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [
        ("几千万人", None, "人"),
        ("上亿", 100000000.0, None),
    ]
    assert texts("几十年来，数十种鸟类在此栖息。", "quantity") == []


def test_the_start_of_a_month_is_a_date_of_its_first_decade() -> None:
    facts = [f for f in extract_facts("5月初，工程开工。", doc_year=2021) if f.type == "date"]
    assert [(f.text, f.normalized, f.value_date) for f in facts] == [
        ("5月初", "2021-05-01/2021-05-10", None)
    ]
    assert texts("5月初步建成。", "date") == ["5月"]


def test_days_counted_after_lianxu_are_a_quantity_and_a_day_of_the_month_is_not() -> None:
    assert texts("全省已连续5日无新增病例。", "quantity") == ["5日"]
    assert texts("3月5日召开，6日闭幕。", "quantity") == []


def test_an_arabic_count_after_shu_is_printed_and_kept() -> None:
    assert texts("病床数800多张。", "quantity") == ["800多张"]
    assert texts("数十个项目落地。", "quantity") == []


def test_a_small_chinese_head_count_of_people_is_a_quantity_but_a_set_phrase_is_not() -> None:
    facts = [
        f for f in extract_facts("八位代表和三名医生发言，百名志愿者参加。") if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [
        ("八位", 8.0, "位"),
        ("三名", 3.0, "名"),
        ("百名", 100.0, "名"),
    ]
    assert texts("实现两位数增长，推进三位一体，一位代表发言。", "quantity") == []
    assert texts("做到两个维护，实施三年行动。", "quantity") == []


def test_this_century_is_read_against_the_documents_year() -> None:
    facts = [f for f in extract_facts("到本世纪中叶建成强国。", doc_year=2018) if f.type == "date"]
    assert [(f.text, f.normalized, f.qualifier) for f in facts] == [
        ("本世纪中叶", "2001/2100", "中叶,inferred")
    ]
    assert [f for f in extract_facts("到本世纪中叶建成强国。") if f.type == "date"] == []


def test_a_small_chinese_count_of_things_is_a_quantity() -> None:
    facts = [
        f
        for f in extract_facts("通报六起案件，五艘货轮靠港，院里有三个篮球场，两人受伤。")
        if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [
        ("六起", 6.0, "起"),
        ("五艘", 5.0, "艘"),
        ("三个", 3.0, "个"),
        ("两人", 2.0, "人"),
    ]
    # set phrases: 个 after 两, a word of its own, an aspect, inside quotes; 一 is no count
    text = "统筹两个大局，增强四个意识，从五个方面入手，落实“三个带头”，一人发言。"
    assert texts(text, "quantity") == []


def test_a_box_is_a_unit_but_ji_before_tuan_starts_a_company_name() -> None:
    facts = [f for f in extract_facts("这艘船可装载9000箱左右。") if f.type == "quantity"]
    assert [(f.text, f.value_num, f.unit, f.qualifier) for f in facts] == [
        ("9000箱", 9000.0, "箱", "左右")
    ]
    assert texts("36集团公司总部在此。", "quantity") == []
    assert texts("该剧共36集。", "quantity") == ["36集"]


def test_a_small_count_of_items_machines_or_a_wind_force_is_a_quantity() -> None:
    facts = [
        f
        for f in extract_facts("推出四项措施，购置两台机床，阵风达到9级。")
        if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [
        ("四项", 4.0, "项"),
        ("两台", 2.0, "台"),
        ("9级", 9.0, "级"),
    ]
    assert texts("坚持四项基本原则，启动一级响应。", "quantity") == []


def test_no_number_or_formula_is_taken_from_a_column_title() -> None:
    text = "【辉煌60年 共筑高质量发展】某市：新建厂房20年来最多"
    assert texts(text, "quantity") == ["20年"]
    assert texts(text, "formula") == []


def test_a_numeral_of_levels_after_as_many_listed_levels_is_a_count() -> None:
    assert texts("建立省、市、县、乡四级书记抓落实机制。", "quantity") == ["四级"]
    assert texts("改造市、县两级服务中心。", "quantity") == ["两级"]
    assert texts("建成三级医院，启动一级响应。", "quantity") == []
    assert texts("省、市两级三级医院", "quantity") == ["两级"]


def test_a_count_before_a_documents_title_and_round_counts_of_people() -> None:
    assert texts("两部门印发三个关于规范执法的通知。", "quantity") == ["三个"]
    assert texts("全县五万群众参加植树。", "quantity") == ["五万"]
    assert texts("全县五万元资金到位。", "quantity") == []


def test_the_end_of_a_month_is_in_the_span_and_reads_as_its_last_ten_days() -> None:
    facts = [
        f for f in extract_facts("截至去年11月末，到2月底完成。", doc_year=2021) if f.type == "date"
    ]
    assert [(f.text, f.normalized) for f in facts] == [
        ("去年11月末", "2020-11-21/2020-11-30"),
        ("2月底", "2021-02-21/2021-02-28"),
    ]


def test_a_level_reached_with_zhi_or_dao_after_any_change_verb_has_no_direction() -> None:
    facts = [
        f for f in extract_facts("贫困发生率由10.2%降低到了现在的0.6%。") if f.type == "percent"
    ]
    assert [(f.text, f.value_num, f.direction) for f in facts] == [
        ("10.2%", 0.102, None),
        ("0.6%", 0.006, None),
    ]
    facts = [f for f in extract_facts("失业率降低1.2%。") if f.type == "percent"]
    assert [(f.value_num, f.direction) for f in facts] == [(-0.012, "down")]


def test_a_day_in_hao_is_a_date_after_a_range_word_or_before_a_time_word() -> None:
    facts = [
        f for f in extract_facts("大风从5号夜间开始，持续到9号，12号上午减弱。") if f.type == "date"
    ]
    assert [(f.text, f.normalized) for f in facts] == [
        ("5号", "---05"),
        ("9号", "---09"),
        ("12号", "---12"),
    ]
    assert texts("乘坐到3号线，住在5号楼，见〔2023〕7号文件。", "date") == []


def test_a_temperature_in_degrees_is_a_quantity_with_its_sign() -> None:
    facts = [
        f
        for f in extract_facts("气温下降4～8℃，局地降温12℃以上，最低气温-7℃。")
        if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [
        ("4～8℃", 4.0, "℃"),
        ("12℃", 12.0, "℃"),
        ("-7℃", -7.0, "℃"),
    ]


def test_a_bare_jin_qualifies_a_count_or_measure_but_not_a_span_of_time() -> None:
    facts = [
        f
        for f in extract_facts("修建近30层的大楼，调集近百辆汽车，历时近8年。")
        if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.qualifier) for f in facts] == [
        ("30层", 30.0, "近"),
        ("百辆", 100.0, "近"),
        ("8年", 8.0, None),
    ]
    assert texts("组建一个百人团队。", "quantity") == []


def test_yue_you_before_a_number_is_the_qualifier_yue() -> None:
    facts = [f for f in extract_facts("该县约有8万户农民。") if f.type == "quantity"]
    assert [(f.text, f.qualifier) for f in facts] == [("8万户", "约")]


def test_years_in_chinese_numerals_of_a_plan_or_of_the_recent_past_are_no_quantity() -> None:
    assert texts("编制交通五十年规划，回顾近二十年历程。", "quantity") == []
    assert texts("建党一百年。", "quantity") == ["一百年"]


def test_a_day_after_last_or_next_month_is_a_day_of_the_month() -> None:
    facts = [f for f in extract_facts("谈判上个月18日开始，下个月3日结束。") if f.type == "date"]
    assert [(f.text, f.normalized) for f in facts] == [("18日", "---18"), ("3日", "---03")]


def test_shang_wan_before_a_classifier_of_people_is_ten_thousand() -> None:
    facts = [f for f in extract_facts("上万名志愿者和数万名群众参加。") if f.type == "quantity"]
    assert [(f.text, f.value_num, f.unit) for f in facts if f.value_num] == [
        ("上万名", 10000.0, "名")
    ]


def test_yue_wei_before_a_number_is_the_qualifier_yue() -> None:
    facts = [f for f in extract_facts("这台设备使用年限约为6年。") if f.type == "quantity"]
    assert [(f.text, f.qualifier) for f in facts] == [("6年", "约")]


def test_the_year_opening_the_title_of_a_gala_or_a_festival_is_no_date() -> None:
    assert texts("2019年全省农民文化艺术节开幕。", "date") == []
    assert texts("2019年全市春节联欢晚会今晚播出。", "date") == []
    assert texts("2019年，全省举办文化艺术节。", "date") == ["2019年"]
    assert texts("北京2022年冬奥会开幕。", "date") == []  # question 3, settled


def test_kin_counted_with_liang_ge_are_a_quantity_but_set_phrases_are_not() -> None:
    assert texts("老李和他的两个小儿子都在城里打工。", "quantity") == ["两个"]
    assert texts("她家有三个孩子。", "quantity") == ["三个"]
    assert texts("统筹两个大局，做到两个维护。", "quantity") == []


def test_ping_mi_keeps_its_printed_unit() -> None:
    facts = [f for f in extract_facts("仓库面积800平米。") if f.type == "quantity"]
    assert [(f.text, f.unit, f.value_num) for f in facts] == [("800平米", "平米", 800.0)]


def test_a_day_after_ben_yue_is_a_day_only_date_with_ben_yue_in_its_span() -> None:
    facts = [f for f in extract_facts("报名将于本月25日截止。", doc_year=2020) if f.type == "date"]
    assert [(f.text, f.normalized) for f in facts] == [("本月25日", "---25")]


def test_the_last_century_and_its_decade_are_read_against_the_documents_year() -> None:
    facts = [
        f for f in extract_facts("自上世纪80年代起，产量翻番。", doc_year=2015) if f.type == "date"
    ]
    assert [(f.text, f.normalized, f.qualifier) for f in facts] == [
        ("上世纪80年代", "1980/1989", "inferred")
    ]
    facts = [f for f in extract_facts("上世纪末建成。", doc_year=2015) if f.type == "date"]
    assert [(f.text, f.normalized) for f in facts] == [("上世纪末", "1901/2000")]
    assert [f for f in extract_facts("上世纪80年代起。") if f.type == "date"] == []


def test_a_share_in_tenths_printed_in_digits_is_a_percent() -> None:
    assert texts("全省8成用水来自水库。", "percent") == ["8成"]
    assert texts("约2.5成，共18成员。", "percent") == []


def test_a_rank_printed_with_wei_after_a_ranking_word_is_no_quantity() -> None:
    text = "该市创新指数从世界35位升至12位。"
    assert texts(text, "quantity") == []
    assert texts("全球20位学者参会。", "quantity") == ["20位"]
    assert texts("全球20位 学者参会。", "quantity") == ["20位"]
    assert texts("共安排30位。", "quantity") == ["30位"]
    assert texts("邻居30位。", "quantity") == ["30位"]
