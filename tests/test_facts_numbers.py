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
