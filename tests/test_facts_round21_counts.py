"""Counts of pairs and kinds, ranges joined by 、 (facts/amounts_counts.py), a meeting after a
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
    assert _quantities("这种模式和多种手段都在试点。") == []


def test_two_consecutive_numbers_joined_by_a_list_comma_are_a_range() -> None:
    facts = [f for f in extract_facts("游客排队只需5、6分钟。") if f.type == "quantity"]
    assert [(f.text, f.value_num, f.qualifier) for f in facts] == [("5、6分钟", 5.0, "range")]
    assert _quantities("他们分3、5天完成。") == [("5天", 5.0, "天")]  # not consecutive
    assert _quantities("测速只要8秒钟。") == [("8秒钟", 8.0, "秒钟")]


def test_a_meeting_name_starts_after_a_verb_of_appearing_there() -> None:
    def meetings(text: str) -> list[str]:
        return [f.text for f in extract_facts(text) if f.type == "meeting"]

    assert meetings("多款国产无人机也亮相博览会。") == []
    assert meetings("新款汽车亮相上海国际汽车博览会。") == ["上海国际汽车博览会"]
