"""Where a foreign name ends (facts/persons_dotted.py, facts/persons_foreign.py). Examples are
written for these tests, none is a fixture's sentence."""

from facts_helpers import texts


def test_yi_after_a_dotted_name_ends_it() -> None:
    assert texts("前总理马丁·洛佩斯以微弱优势胜出。", "person") == ["前总理马丁·洛佩斯"]


def test_a_common_word_straddling_a_runs_end_ends_the_name_before_it() -> None:
    assert texts("主席卡拉博沃得票率领先。", "person") == ["主席卡拉博沃"]
    assert texts("总统普京得到支持。", "person") == ["总统普京"]


def test_a_transliterated_name_before_a_verb_of_winning_is_a_person() -> None:
    assert texts("统计结果显示马杜罗赢得大选", "person") == ["马杜罗"]
    assert texts("，拜登当选。", "person") == ["拜登"]
    assert texts("结果显示巴西获胜", "person") == []  # a place
