"""Counts of pairs (facts/amounts_counts.py) and kinds (facts/amounts.py), ranges joined by 、
(facts/amounts_ranges.py), a meeting after a
verb of appearing. Examples are written for these tests, none is a fixture's sentence."""

from pipelines.text.facts import extract_facts


def _quantities(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(f.text, f.value_num, f.unit) for f in extract_facts(text) if f.type == "quantity"]


def test_pairs_at_a_clause_end_or_before_what_comes_in_pairs_are_counts() -> None:
    assert _quantities("南宁站今天增开动车12对。") == [("12对", 12.0, "对")]
    assert _quantities("集体婚礼上，30对新人喜结连理。") == [("30对", 30.0, "对")]
    assert _quantities("5个国家对此表示欢迎。") == [("5个", 5.0, "个")]


def test_a_small_chinese_numeral_and_zhong_before_a_noun_is_a_count() -> None:
    assert _quantities("平台提供三种模式供用户选择。") == [("三种", 3.0, "种")]
    assert _quantities("这种模式和多种手段都在试点。") == []  # no number printed
    facts = [f for f in extract_facts("双方探讨大约三种模式。") if f.type == "quantity"]
    assert [(f.text, f.qualifier) for f in facts] == [("三种", "大约")]


def test_zhong_after_two_and_in_set_phrases_or_quotes_is_no_count() -> None:
    assert _quantities("统筹利用国内国际两种资源、两个市场。") == []
    assert _quantities("他强调“三种模式”要落实。") == []


def test_pair_ranges_are_read_as_the_amounts_read_ranges() -> None:
    def pairs(text: str) -> list[tuple[str, float | None, str | None, str]]:
        return [(f.text, f.value_num, f.qualifier, f.normalized)
                for f in extract_facts(text) if f.type == "quantity"]  # fmt: skip

    assert pairs("铁路部门每天开行3至5对。") == [("3至5对", 3.0, "range", "3/5 对")]
    assert pairs("节日期间增开3—5对，") == [("3—5对", 3.0, "range", "3/5 对")]
    assert pairs("今年有5、6对新人在此举办婚礼。") == [("5、6对", 5.0, "range", "5/6 对")]
    assert pairs("展区第1、2对展位已满。") == []


def test_two_consecutive_numbers_joined_by_a_list_comma_are_a_range() -> None:
    facts = [f for f in extract_facts("游客排队只需5、6分钟。") if f.type == "quantity"]
    assert [(f.text, f.value_num, f.qualifier) for f in facts] == [("5、6分钟", 5.0, "range")]
    assert _quantities("他们分3、5天完成。") == [("5天", 5.0, "天")]  # not consecutive
    assert _quantities("他们分1、2、3天完成。") == [("3天", 3.0, "天")]  # a list
    facts = [f for f in extract_facts("工期约5、6天。") if f.type == "quantity"]
    assert [(f.text, f.qualifier) for f in facts] == [("5、6天", "range,约")]
    assert _quantities("测速只要8秒钟。") == [("8秒钟", 8.0, "秒")]  # 秒钟: a synonym of 秒


def test_numbered_items_are_no_range() -> None:
    assert _quantities("3、4个专项行动全面启动。") == [("4个", 4.0, "个")]
    assert _quantities("会上，第1、2天安排参观。") == []  # ordinals
    assert _quantities("展区第1、2对。") == []


def test_a_meeting_name_starts_after_a_verb_of_appearing_there() -> None:
    def meetings(text: str) -> list[str]:
        return [f.text for f in extract_facts(text) if f.type == "meeting"]

    assert meetings("多款国产无人机也亮相博览会。") == []
    assert meetings("新款汽车亮相上海国际汽车博览会。") == ["上海国际汽车博览会"]
