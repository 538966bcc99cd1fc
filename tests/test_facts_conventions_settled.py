"""The settled conventions (CONVENTIONS.md questions 3, 4, 12/22, 21) on invented inputs."""

from pipelines.text.facts import extract_facts


def _texts(text: str, kind: str) -> list[str]:
    return [f.text for f in extract_facts(text) if f.type == kind]


def test_games_year_is_no_date() -> None:
    assert "2030年" not in _texts("哈尔滨2030年冬奥会筹备工作全面启动。", "date")
    assert "2034年" not in _texts("2034年亚运会将在西安举行。", "date")


def test_year_before_other_words_stays_a_date() -> None:
    assert "2030年" in _texts("到2030年冬季供暖全面实现清洁化。", "date")


def test_broadcaster_inside_channel_name_dropped() -> None:
    assert "中央电视台" not in _texts("中央电视台新闻频道将推出特别节目。", "organization")
    assert "CGTN" not in _texts("CGTN新媒体推出系列短视频。", "organization")


def test_broadcaster_standing_apart_kept() -> None:
    assert "中央电视台" in _texts("中央电视台报道了这次活动。", "organization")
    assert "中央电视台" in _texts("中央电视台的各个频道都作了报道。", "organization")


def test_city_before_generic_station_dropped() -> None:
    assert "武汉" not in _texts("旅客在武汉南站排队进站。", "place")
    assert "成都" not in _texts("记者来到成都客运总站。", "place")


def test_city_before_station_verb_kept() -> None:
    assert "武汉" in _texts("武汉站稳了全国前列的位置。", "place")


def test_country_heading_airline_dropped_generic_kept() -> None:
    assert "芬兰" not in _texts("芬兰航空公司宣布增开航班。", "place")
    assert "芬兰" in _texts("多家芬兰航空公司宣布增开航班。", "place")


def test_arabic_count_of_groups_is_a_quantity() -> None:
    facts = [f for f in extract_facts("每天开行1组列车。") if f.type == "quantity"]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [("1组", 1.0, "组")]


def test_group_as_article_or_rank_is_no_quantity() -> None:
    assert _texts("派出一组专家。", "quantity") == []
    assert _texts("他在第3组比赛。", "quantity") == []


def _amounts(text: str) -> list[tuple]:
    return [
        (f.text, f.value_num, f.unit, f.qualifier)
        for f in extract_facts(text)
        if f.type in ("money", "quantity")
    ]


def test_money_without_yuan_after_a_bound_has_no_value() -> None:
    assert _amounts("该省旅游收入预计超5万亿。") == [("5万亿", None, None, "超")]


def test_money_with_yuan_or_an_approximation_keeps_its_value() -> None:
    assert _amounts("该省旅游收入预计超5万亿元。") == [("5万亿元", 5e12, "元", "超")]
    assert _amounts("该省旅游收入超过5亿美元。") == [("5亿美元", 5e8, "美元", "超过")]


def test_two_qualifiers_on_one_number_left_unwritten() -> None:
    assert _amounts("当地安置群众近四万多人。") == [("四万多人", 40000.0, "人", None)]
    assert _amounts("当地安置群众四万多人。") == [("四万多人", 40000.0, "人", "多")]


def test_paired_organs_are_two_organisations() -> None:
    orgs = _texts("记者从中央纪委国家监委网站获悉，该案已立案。", "organization")
    assert orgs == ["中央纪委", "国家监委"]


def test_pair_without_a_named_half_stays_one() -> None:
    assert _texts("广东省纪委监委通报了三起案件。", "organization") == ["广东省纪委监委"]
    assert _texts("中央纪委和国家监委联合发文。", "organization") == ["中央纪委", "国家监委"]


def test_province_and_district_short_form_one_place() -> None:
    places = [f for f in extract_facts("台风将在浙江萧山一带登陆。") if f.type == "place"]
    assert [(f.text, f.canonical) for f in places] == [("浙江萧山", "萧山区")]


def test_province_before_an_airport_or_a_common_word_stays_alone() -> None:
    assert _texts("旅客抵达北京大兴国际机场。", "place") == ["北京"]
    assert _texts("广东发展势头良好。", "place") == ["广东"]


def test_korean_province_with_its_city_one_place() -> None:
    # a chain of adjacent divisions is one place (CONVENTIONS.md, place span: 伊朗德黑兰)
    assert _texts("韩国全罗南道木浦市举行活动。", "place") == ["韩国全罗南道木浦市"]
    assert _texts("政府在全罗南道木浦市举行活动。", "place") == ["全罗南道木浦市"]
    assert _texts("韩国京畿道各城市举行活动。", "place") == ["韩国京畿道"]
    assert _texts("江原道一些郡受灾。", "place") == ["江原道"]
    assert _texts("他在京畿道工作。", "place") == ["京畿道"]


def test_dao_in_common_words_is_no_province() -> None:
    assert _texts("行人走在人行道上，大家都知道。", "place") == []


def test_place_inside_quoted_speech_dropped() -> None:
    text = "部长表示，这些制裁“正在损害德国的国际信誉”。"
    assert _texts(text, "place") == []


def test_place_in_short_quote_or_quote_without_speaker_kept() -> None:
    assert _texts("部长表示，要办好“德国文化年”活动。", "place") == ["德国"]
    assert _texts("报告题为“德国经济正在走向复苏的道路”。", "place") == ["德国"]


def test_one_organ_whose_canonical_name_holds_a_comma_stays_one() -> None:
    assert _texts("联合国教科文组织发表声明。", "organization") == ["联合国教科文组织"]


def test_whole_quote_after_a_colon_keeps_its_place() -> None:
    assert _texts("部长说：“德国今年将举办博览会”。", "place") == ["德国"]
