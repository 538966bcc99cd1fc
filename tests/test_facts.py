"""Unit tests of the fact extractors, one small input per behaviour."""

from datetime import date

import pytest

from pipelines.text.facts import extract_facts
from pipelines.text.model import Fact


def facts_of(text: str, type_: str, doc_year: int | None = 2020) -> list[Fact]:
    return [f for f in extract_facts(text, doc_year=doc_year) if f.type == type_]


def one(text: str, type_: str, doc_year: int | None = 2020) -> Fact:
    found = facts_of(text, type_, doc_year)
    assert len(found) == 1, found
    return found[0]


# dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "norm", "day"),
    [
        ("于2020年1月30日召开", "2020年1月30日", "2020-01-30", date(2020, 1, 30)),
        ("实现二〇二〇年目标", "二〇二〇年", "2020", None),
        ("１９９８年３月就职", "１９９８年３月", "1998-03", None),
        ("记2020 年 1 月 25 日，召开", "2020 年 1 月 25 日", "2020-01-25", date(2020, 1, 25)),
        ("2021—2025年规划", "2021—2025年", "2021/2025", None),
    ],
)
def test_absolute_dates(text: str, surface: str, norm: str, day: date | None) -> None:
    f = one(text, "date")
    assert (f.text, f.normalized, f.value_date, f.qualifier) == (surface, norm, day, None)


def test_partial_date_takes_doc_year_and_says_so() -> None:
    f = one("1月30日，召开会议", "date", doc_year=2020)
    assert (f.normalized, f.value_date, f.qualifier, f.extractor) == (
        "2020-01-30",
        date(2020, 1, 30),
        "inferred",
        "date.partial",
    )


def test_partial_date_without_doc_year_is_reduced_iso() -> None:
    f = one("1月30日，召开会议", "date", doc_year=None)
    assert f.normalized == "--01-30" and f.value_date is None


def test_relative_dates() -> None:
    assert one("明年是建党100周年", "date").normalized == "2021"
    assert one("去年落户", "date").normalized == "2019"
    assert one("上半年增长", "date").normalized == "2020-01/2020-06"
    assert one("二季度基本恢复", "date").normalized == "2020-04/2020-06"
    assert facts_of("今年以来", "date", doc_year=None) == []


def test_date_range() -> None:
    f = one("今年3月29日至4月1日，总书记考察浙江", "date")
    assert (f.text, f.normalized, f.value_date) == (
        "今年3月29日至4月1日",
        "2020-03-29/2020-04-01",
        date(2020, 3, 29),
    )
    assert one("1—9月，投资增长", "date").normalized == "2020-01/2020-09"


@pytest.mark.parametrize(
    ("text", "surface", "norm"),
    [
        ("前三季度，全市生产总值增长", "前三季度", "2020-01/2020-09"),
        ("2019年前三季度", "2019年前三季度", "2019-01/2019-09"),
        ("前两个月出口增长", "前两个月", "2020-01/2020-02"),
        ("今年前11个月", "今年前11个月", "2020-01/2020-11"),
        ("一季度全力以赴", "一季度", "2020-01/2020-03"),
        ("第四季度", "第四季度", "2020-10/2020-12"),
        ("下半年", "下半年", "2020-07/2020-12"),
    ],
)
def test_periods_of_a_year(text: str, surface: str, norm: str) -> None:
    f = one(text, "date")
    assert (f.text, f.normalized) == (surface, norm)
    # the year is printed, or inferred from the document and marked so
    assert f.qualifier == (None if "2019" in text else "inferred")
    assert facts_of(text, "quantity") == []


def test_every_inferred_year_is_marked() -> None:
    text = "今年3月29日至4月1日、1月30日、上半年、去年、2020年5月、3月份"
    for f in facts_of(text, "date"):
        printed_year = f.text[:4].isdigit()
        assert (f.qualifier == "inferred") != printed_year, f


def test_a_date_inside_a_formula_is_not_a_date() -> None:
    assert facts_of("“三月三”及十大赛事", "date") == []


def test_years_versus_durations() -> None:
    assert facts_of("潜逃18年之久", "date") == []
    assert facts_of("过去10年", "date") == []
    assert one("潜逃18年之久", "quantity").unit == "年"
    assert facts_of("2020年是关键一年", "quantity") == []


def test_period_names_are_formulas_not_dates() -> None:
    text = "“十四五”时期"
    assert facts_of(text, "date") == []
    f = one(text, "formula")
    assert (f.normalized, f.qualifier) == ("十四五", "period")


# percents ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "qual", "direction"),
    [
        ("增长3%左右", "3%", 0.03, "左右", "up"),
        ("增长７．７％", "７．７％", 0.077, None, "up"),
        ("占比达百分之十八点五", "百分之十八点五", 0.185, None, None),
        ("收入增长13%以上", "13%", 0.13, "以上", "up"),
        ("失业率控制在5%以内", "5%", 0.05, "以内", None),
        ("分别减少75.9%、43.1%", "43.1%", -0.431, None, "down"),
        ("发病率降至3%", "3%", 0.03, None, None),
        ("覆盖率超过95%", "95%", 0.95, "超过", None),
        ("占比不到10%", "10%", 0.1, "不到", None),
    ],
)
def test_percents(
    text: str, surface: str, value: float, qual: str | None, direction: str | None
) -> None:
    f = next(x for x in facts_of(text, "percent") if x.text == surface)
    assert f.value_num == pytest.approx(value) and f.unit == "percent"
    assert (f.qualifier, f.direction) == (qual, direction)


def test_percentage_points_of_a_fall_are_negative() -> None:
    f = one("利率下降0.53个百分点", "percent")
    assert (f.value_num, f.unit, f.direction) == (
        pytest.approx(-0.0053),
        "percentage_point",
        "down",
    )
    assert one("提高七点二个百分点", "percent").value_num == pytest.approx(0.072)
    assert facts_of("利率下降0.53个百分点", "quantity") == []


def test_amounts_keep_bounds_apart_from_the_direction_of_a_change() -> None:
    f = one("全年减少了3000人", "quantity")
    assert (f.value_num, f.direction, f.qualifier) == (-3000, "down", None)
    f = one("营收突破1万亿元", "money")
    assert (f.value_num, f.direction, f.qualifier) == (1e12, None, "突破")
    f = one("投资约5000万元", "money")
    assert (f.qualifier, f.direction) == ("约", None)
    f = one("浓度下降到28微克/立方米", "quantity")
    assert (f.value_num, f.direction) == (28, None)


# money and quantities ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("达到７．４万亿元", "７．４万亿元", 7.4e12, "元"),
        ("增长到一百一十四万亿元", "一百一十四万亿元", 1.14e14, "元"),
        ("减负162亿元", "162亿元", 1.62e10, "元"),
        ("外资200亿美元以上", "200亿美元", 2e10, "美元"),
        ("从三万九千八百元增加", "三万九千八百元", 39800, "元"),
    ],
)
def test_money(text: str, surface: str, value: float, unit: str) -> None:
    f = one(text, "money")
    assert (f.text, f.unit) == (surface, unit) and f.value_num == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qual"),
    [
        ("派出99名医护人员", "99名", 99, "名", None),
        ("下派4600余名机关干部", "4600余名", 4600, "名", "余"),
        ("调拨物资8300万件（只）", "8300万件", 8.3e7, "件", None),
        ("核酸检测 54.97 万人次", "54.97 万人次", 549700, "人次", None),
        ("浓度下降到28微克/立方米", "28微克/立方米", 28, "微克/立方米", None),
        ("面积12平方公里", "12平方公里", 12, "平方公里", None),
        ("全长30千米", "30千米", 30, "公里", None),
        ("十四亿多人的粮食安全", "十四亿多人", 1.4e9, "人", "多"),
        ("5—7 天内", "5—7 天", 5, "天", "range"),
    ],
)
def test_quantities(text: str, surface: str, value: float, unit: str, qual: str | None) -> None:
    f = one(text, "quantity")
    assert (f.text, f.unit, f.qualifier) == (surface, unit, qual) and f.value_num == pytest.approx(
        value
    )


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("举办读书班2887期", "2887期", "期"),
        ("中欧班列开行2380列", "2380列", "列"),
        ("开发133堂新思想精品课", "133堂", "堂"),
        ("编印3本特色读物", "3本", "本"),
        ("持续开展4轮村级组织", "4轮", "轮"),
        ("与7岁的女儿", "7岁", "岁"),
        ("建成12座水厂", "12座", "座"),
    ],
)
def test_more_measure_words(text: str, surface: str, unit: str) -> None:
    f = one(text, "quantity")
    assert (f.text, f.unit) == (surface, unit)


def test_foreign_currency_is_not_yuan() -> None:
    f = one("国家外汇储备从１３９９亿美元增加", "money")
    assert (f.unit, f.value_num, f.normalized) == ("美元", 1.399e11, "139900000000 美元")


@pytest.mark.parametrize(
    "text",
    [
        "一个",
        "做到“两个维护”",
        "第一个百年奋斗目标",
        "第八轮巡察",
        "三年行动计划",
        "第2位",
        "争取全国唯一一个全域国土空间综合整治试点",
        "七八个人",
        "吸纳100本地劳动力",
    ],
)
def test_no_false_quantities(text: str) -> None:
    assert facts_of(text, "quantity") == [] and facts_of(text, "money") == []


# meetings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "norm"),
    [
        (
            "市委八届八次全体（扩大）会议",
            "市委八届八次全体（扩大）会议",
            "市委/8届/8次全体(扩大)会议",
        ),
        ("按照省委十四届七次全会决策", "省委十四届七次全会", "省委/14届/7次全会"),
        ("十九届二中、三中、四中全会精神", "十九届二中、三中、四中全会", "-/19届/2,3,4中全会"),
        ("贯彻党的十九大精神", "党的十九大", "党/19大"),
        ("中央政治局第十一次集体学习", "中央政治局第十一次集体学习", "中央政治局/11次集体学习"),
        ("十届全国人大一次会议", "十届全国人大一次会议", "全国人大/10届/1次会议"),
    ],
)
def test_meetings(text: str, surface: str, norm: str) -> None:
    f = one(text, "meeting")
    assert (f.text, f.normalized) == (surface, norm)


@pytest.mark.parametrize(
    ("text", "surface", "norm"),
    [
        (
            "市委召开八届八次全体（扩大）会议。",
            "八届八次全体（扩大）会议",
            "市委/8届/8次全体(扩大)会议",
        ),
        (
            "中共中央政治局1月31日下午就扎实推进高质量发展进行第十一次集体学习。",
            "第十一次集体学习",
            "中共中央政治局/11次集体学习",
        ),
        (
            "，浙江省作家协会第十次代表大会在杭州召开",
            "浙江省作家协会第十次代表大会",
            "浙江省作家协会/10次代表大会",
        ),
        (
            "成功召开省网络作协第三次代表大会，",
            "省网络作协第三次代表大会",
            "省网络作协/3次代表大会",
        ),
        ("浙江省十四届人大二次会议开幕当日", "浙江省十四届人大二次会议", "浙江省人大/14届/2次会议"),
        (
            "中国人民政治协商会议第十三届浙江省委员会第二次会议在杭州召开",
            "中国人民政治协商会议第十三届浙江省委员会第二次会议",
            "浙江省政协/13届/2次会议",
        ),
    ],
)
def test_meeting_organs_found_around_the_numbers(text: str, surface: str, norm: str) -> None:
    f = one(text, "meeting")
    assert (f.text, f.normalized) == (surface, norm)


def test_no_provincial_committee_inside_a_cppcc_committee() -> None:
    orgs = [
        f.text
        for f in facts_of("中国人民政治协商会议第十三届浙江省委员会第二次会议", "organization")
    ]
    assert orgs == ["中国人民政治协商会议第十三届浙江省委员会"]
    assert facts_of("民建台州市委会副主委", "organization") == []


def test_ten_big_actions_is_not_a_congress() -> None:
    assert facts_of("实施稳外贸“十大行动”", "meeting") == []


# formulas and cited documents ----------------------------------------------------------


def test_formulas() -> None:
    found = facts_of(
        "增强“四个意识”、坚定“四个自信”，统筹推进“六稳”“六保”和“最多跑一次”改革", "formula"
    )
    assert [f.normalized for f in found] == ["四个意识", "四个自信", "六稳", "六保", "最多跑一次"]


@pytest.mark.parametrize(
    "text",
    [
        "“2020年是具有里程碑意义的一年。我们将全面建成小康社会。”",
        "“宁可十防九空，不可失防万一”",
        "当“战士”不当“绅士”",
        "“越是特殊时期越要加强党建引领”",
    ],
)
def test_quoted_speech_is_not_a_formula(text: str) -> None:
    assert [f for f in facts_of(text, "formula") if f.extractor != "formula.lexicon"] == []


def test_listed_formulas_count_without_quotes_and_longest_first() -> None:
    found = facts_of(
        "深入学习习近平新时代中国特色社会主义思想，推动高质量发展，扎实推进共同富裕", "formula"
    )
    assert [f.normalized for f in found] == [
        "习近平新时代中国特色社会主义思想",
        "高质量发展",
        "共同富裕",
    ]
    assert {f.extractor for f in found} == {"formula.lexicon"}
    assert facts_of("习近平新时代中国特色社会主义思想", "person") == []


def test_a_quoted_pair_slogan_is_a_formula_and_a_zero_target_is_not() -> None:
    assert [f.normalized for f in facts_of("实施“千村示范、万村整治”工程", "formula")] == [
        "千村示范、万村整治"
    ]
    assert facts_of("实现“零感染”目标", "formula") == []
    assert facts_of("按照“集中患者、集中专家、集中资源、集中救治”原则", "formula") == []


@pytest.mark.parametrize(
    "text",
    [
        "牢牢筑起疫情防控“护城河”。",
        "为“小红车”消毒",
        "架起党群“连心桥”",
        "在“源头活水”中深刻感悟伟大思想",
        "专精特新“小巨人”企业",
        "对“一把手”人选的素质提出了更高要求",
    ],
)
def test_scare_quotes_and_metaphors_are_not_formulas(text: str) -> None:
    assert facts_of(text, "formula") == []


@pytest.mark.parametrize(
    ("text", "norm", "kind"),
    [
        ("深入实施“八八战略”", "八八战略", "formula.numbered"),
        ("启动“千万工程”", "千万工程", "formula.numbered"),
        ("坚持和发展新时代“枫桥经验”", "枫桥经验", "formula.shape"),
        ("建立“问题清单”", "问题清单", "formula.shape"),
        ("迭代升级“8+4”政策体系", "8+4", "formula.numbered"),
        ("推行“先投后股”", "先投后股", "formula.shape"),
        ("深化“全链条解决”“最多跑一地”改革", "全链条解决", "formula.shape"),
        ("努力建设“重要窗口”", "重要窗口", "formula.listed"),
    ],
)
def test_formula_rule(text: str, norm: str, kind: str) -> None:
    f = facts_of(text, "formula")[0]
    assert (f.normalized, f.extractor) == (norm, kind)


def test_cited_document_with_issuer() -> None:
    f = one("贯彻《中共中央 国务院关于实施乡村振兴战略的意见》精神", "cited_document")
    assert (
        f.unit == "中共中央、国务院" and f.normalized == "中共中央国务院关于实施乡村振兴战略的意见"
    )
    assert one("全会《决定》精神", "cited_document").unit is None


def test_nothing_nested_in_a_title() -> None:
    text = "《中共浙江省委关于深入贯彻落实的通知》"
    assert facts_of(text, "organization") == [] and facts_of(text, "place") == []


# organisations, persons, places --------------------------------------------------------


def test_organizations() -> None:
    assert [f.text for f in facts_of("省委省政府提出，中共绍兴市委办公室印发", "organization")] == [
        "省委",
        "省政府",
        "中共绍兴市委办公室",
    ]
    assert [f.text for f in facts_of("国务院和党中央", "organization")] == ["国务院", "党中央"]
    assert facts_of("各级党委（党组）和基层党组织", "organization") == []
    # a place inside an organisation is not a separate place
    assert facts_of("中共绍兴市委", "place") == []


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("现将马卫光同志在全会上的报告", "马卫光", "同志"),
        ("深入学习贯彻习近平总书记考察浙江重要讲话", "习近平", "总书记"),
        ("营业部副主任邵建力。", "邵建力", "副主任"),
        ("我和如兴同志对越城区", "如兴", "同志"),
        ("省长袁家军到绍兴", "袁家军", "省长"),
        ("恒勃控股股份有限公司董事长周书忠说：", "周书忠", "董事长"),
        ("浙江省司法厅党委书记、厅长王中毅表示，", "王中毅", "厅长"),
        ("杭州市人民检察院检察长叶伟忠说。", "叶伟忠", "检察长"),
        ("环评处处长徐献文介绍。", "徐献文", "处长"),
        ("护理科副科长王丽丽说，", "王丽丽", "副科长"),
        ("排放管理科科长杨飞介绍，", "杨飞", "科长"),
        ("第八检察部主任毕克来说。", "毕克来", "主任"),
        ("厅长陈斌在“厅（局）长通道”上", "陈斌", "厅长"),
        ("政法委督导室主任金跃广先后三次", "金跃广", "主任"),
        ("栗战书委员长出席", "栗战书", "委员长"),
    ],
)
def test_persons(text: str, name: str, role: str) -> None:
    f = one(text, "person")
    assert (f.normalized, f.qualifier) == (name, role)


@pytest.mark.parametrize(
    "text",
    [
        "习近平新时代中国特色社会主义思想",
        "各位同志",
        "许多代表",
        "党委书记要带头",
        "全体同志",
        "。”嘉善县急救站负责人说，",
        "。大家表示，",
        "，江苏表示支持",
        "。韩方表示，",
        "在国际市场汪洋大海中搏击风浪",
        "坚持邓小平理论",
        "中韩正式建交",
        "，任何人说",
    ],
)
def test_no_false_persons(text: str) -> None:
    assert facts_of(text, "person") == []


@pytest.mark.parametrize(
    ("text", "names", "kind"),
    [
        ("提是没有新的隔离观察对象再进来。”谢韩涛说。这几天", ["谢韩涛"], "person.speaker"),
        ("习近平指出，科技创新", ["习近平"], "person.leader"),
        ("副镇长杨海波在完成项目后，杨海波又回到工地。", ["杨海波", "杨海波"], "person.repeat"),
        (
            "决定授予赵奇、梅建明、李茂荣、周令飞为荣誉市民",
            ["赵奇", "梅建明", "李茂荣", "周令飞"],
            "person.list",
        ),
        ("■杨永昌 樊昕旖", ["杨永昌", "樊昕旖"], "person.byline"),
        ("通讯员袁晓晖、冯洁报道", ["袁晓晖", "冯洁"], "person.role_before"),
    ],
)
def test_persons_without_a_role_next_to_them(text: str, names: list[str], kind: str) -> None:
    found = facts_of(text, "person")
    assert [f.normalized for f in found] == names
    assert found[-1].extractor == kind


def test_places() -> None:
    assert [f.text for f in facts_of("余姚市河姆渡镇和柯桥区、浙江省", "place")] == [
        "余姚市河姆渡镇",
        "柯桥区",
        "浙江省",
    ]
    assert [f.text for f in facts_of("越城区斗门街道、迪荡街道", "place")] == [
        "越城区斗门街道",
        "迪荡街道",
    ]
    assert facts_of("推进新型城镇化和特色小镇建设", "place") == []


# the entry point -----------------------------------------------------------------------


def test_sorted_spans_exact_and_no_overlap_within_type() -> None:
    text = "今年3月29日至4月1日，马卫光同志在市委八届八次全体（扩大）会议上说，增长3%左右，投资7.4万亿元。"
    facts = extract_facts(text, doc_year=2020)
    assert facts == sorted(facts, key=lambda f: (f.start, f.end, f.type))
    for f in facts:
        assert f.text == text[f.start : f.end]
        assert 0 < f.confidence <= 1
    for a in facts:
        for b in facts:
            if a is not b and a.type == b.type:
                assert a.end <= b.start or b.end <= a.start


def test_empty_input() -> None:
    assert extract_facts("") == []


@pytest.mark.parametrize(
    "text", ["项目提前3个月完成。", "提前两个月竣工。", "在开工前三个月进行。", "春节前两个月，"]
)
def test_before_as_part_of_a_word_opens_no_period_of_the_year(text):
    assert not [f for f in extract_facts(text, doc_year=2020) if f.type == "date"]


@pytest.mark.parametrize(
    "text",
    [
        "对违规者，严禁说情。",
        "会议通过了章程。章程指出，要加强管理。",
        "印发《实施方案》。方案指出，方案的实施要抓好。",
    ],
)
def test_words_before_a_speech_verb_are_not_taken_for_names(text):
    assert not [f for f in extract_facts(text, doc_year=2020) if f.type == "person"]
