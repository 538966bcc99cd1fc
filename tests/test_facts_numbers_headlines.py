"""Headline numbers: one-character change verbs, bounded multiples, bare hundreds of events and
data units (facts/percents.py, facts/amounts.py). Examples are written for these tests, none
is a fixture's sentence."""

from pipelines.text.facts import extract_facts


def _one(text: str, type_: str):
    (fact,) = [f for f in extract_facts(text, doc_year=2020) if f.type == type_]
    return fact


def test_a_one_character_verb_before_a_multiple_makes_it_a_growth() -> None:
    fact = _one("电费三年涨两倍", "percent")
    assert (fact.text, fact.direction, fact.value_num) == ("两倍", "up", None)
    assert _one("房价上涨2倍", "percent").direction == "up"  # the two-character verb too
    assert _one("销量激增3倍", "percent").direction == "up"


def test_a_one_character_fall_verb_gives_a_share_its_direction() -> None:
    fact = _one("库存跌三成", "percent")
    assert (fact.text, fact.direction) == ("三成", "down")
    assert _one("价格下降至3%", "percent").direction is None  # a level reached


def test_jin_before_a_multiple_of_growth_is_its_qualifier() -> None:
    assert _one("产量提高了近3倍", "percent").qualifier == "近"
    assert _one("产量提高了将近3倍", "percent").qualifier == "将近"


def test_a_bare_hundred_of_events_after_a_bound_is_a_quantity() -> None:
    fact = _one("全年举办讲座超过百场。", "quantity")
    assert (fact.text, fact.value_num, fact.unit) == ("百场", 100, "场")
    assert [f for f in extract_facts("百场演出精彩纷呈") if f.type == "quantity"] == []


def test_a_data_amount_in_latin_units_is_a_quantity_not_before_a_letter() -> None:
    fact = _one("每户月均流量12.5GB。", "quantity")
    assert (fact.text, fact.value_num, fact.unit) == ("12.5GB", 12.5, "GB")
    assert [f for f in extract_facts("新款3MBA型号") if f.type == "quantity"] == []


def test_two_consecutive_days_listed_after_their_month_are_one_range() -> None:
    fact = _one("预计（8月14、15日）有雷阵雨。", "date")
    assert (fact.text, fact.normalized) == ("8月14、15日", "2020-08-14/2020-08-15")


def test_two_days_apart_after_their_month_are_no_range() -> None:
    dates = [
        f.text for f in extract_facts("定于8月14、20日开放。", doc_year=2020) if f.type == "date"
    ]
    assert "8月14、20日" not in dates


def test_listed_days_a_month_does_not_have_leave_the_month_alone() -> None:
    """4月30、31日: no range, and the month keeps its own value (no day borrowed from the list)."""
    dates = {
        f.text: f.normalized
        for f in extract_facts("4月30、31日", doc_year=2021)
        if f.type == "date"
    }
    assert dates.get("4月") == "2021-04"
    assert not any("、" in text for text in dates)
