"""Places before a park named after 中国, and cities named short on a route. Examples are
written for these tests, none is a fixture's sentence."""

from facts_helpers import texts


def test_a_city_before_a_park_named_after_china_is_a_place_and_nothing_inside_the_park() -> None:
    assert texts("他考察了苏州市中国新加坡苏州合作园区。", "place") == ["苏州市"]
    assert texts("他考察了青岛市中国德国产业园。", "place") == ["青岛市"]


def test_a_city_named_short_at_one_end_of_a_route_is_a_place() -> None:
    assert texts("太原至大同、太原至运城方向增开列车。", "place") == [
        "太原",
        "大同",
        "太原",
        "运城",
    ]
    assert texts("大同到处都是风景。", "place") == []  # 到 with no place after it
