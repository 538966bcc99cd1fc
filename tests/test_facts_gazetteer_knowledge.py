"""Knowledge kept as data and the rules that read it: foreign media, parties and armies, the
regions of forecasts, historical armies, a memorial site's name, a broadcaster's channel.
Examples are written for these tests, none is a fixture's sentence."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts
from pipelines.text.facts.gazetteer import foreign_outlets, national_organs


def test_foreign_news_agencies_and_newspapers_are_organisations() -> None:
    assert texts("据路透社和法新社报道，会谈取得进展。", "organization") == ["路透社", "法新社"]
    assert texts("韩联社援引消息人士的话说。", "organization") == ["韩联社"]


def test_a_country_before_a_listed_newspaper_is_a_place_of_its_own() -> None:
    facts = extract_facts("英国泰晤士报当天发表评论。")
    assert [(f.type, f.text) for f in facts if f.type in ("place", "organization")] == [
        ("place", "英国"),
        ("organization", "泰晤士报"),
    ]


def test_a_newspaper_name_is_not_cut_out_of_a_verb() -> None:
    assert "卫报" not in texts("他们捍卫报道的真实性。", "organization")


def test_foreign_parties_bare_and_their_central_committee() -> None:
    assert texts("保守党和工党在议会辩论。", "organization") == ["保守党", "工党"]
    assert texts("劳动党中央发表声明。", "organization") == ["劳动党中央"]
    assert national_organs()["劳动党中央"] == "朝鲜劳动党中央委员会"


def test_a_party_name_is_not_read_out_of_a_kind_or_a_member() -> None:
    assert texts("各民主党派代表出席。", "organization") == []
    assert texts("职工党员踊跃参加。", "organization") == []


def test_a_foreign_outlet_list_holds_media_and_parties_only() -> None:
    assert "路透社" in foreign_outlets() and "工党" in foreign_outlets()
    assert "北约" not in foreign_outlets()


def test_a_country_s_air_defence_forces_are_one_organ() -> None:
    assert texts("伊拉克防空部队击落一架无人机。", "organization") == ["伊拉克防空部队"]


def test_an_official_agency_is_a_description_not_a_name() -> None:
    assert texts("据埃及官方通讯社报道，会议推迟。", "organization") == []


def test_a_quoted_agency_name_keeps_its_quotes_in_the_text_only() -> None:
    facts = [f for f in extract_facts("文章在“阿尔法”国家通讯社刊发。") if f.type == "organization"]
    assert [(f.text, f.normalized) for f in facts] == [("“阿尔法”国家通讯社", "阿尔法国家通讯社")]


def test_one_character_armies_of_the_news() -> None:
    assert texts("叙军收复了该镇，以军随后发起空袭。", "organization") == ["叙军", "以军"]
    assert texts("叙防空部队拦截了来袭目标。", "organization") == ["叙防空部队"]
    assert texts("对此予以军事回应。", "organization") == []
    assert texts("可以军民融合为抓手。", "organization") == []


def test_historical_armies_and_a_memorial_site_s_name() -> None:
    assert texts("当年八路军在这里打响了战斗。", "organization") == ["八路军"]
    assert texts("他们参观了红军突围纪念馆。", "organization") == []
    assert texts("红军从渡口出发。", "organization") == ["红军"]


def test_a_broadcaster_at_the_head_of_its_channel_is_none() -> None:
    assert texts("节目在央视财经频道播出。", "organization") == []
    assert texts("央视报道了这一消息。", "organization") == ["央视"]


def test_the_regions_of_a_forecast_are_places() -> None:
    assert texts("明天江淮、岭南等地有雷雨。", "place") == ["江淮", "岭南"]


def test_a_foreign_region_with_its_division_word_is_one_place() -> None:
    assert "卡萨里亚大区" in texts("意大利北部的卡萨里亚大区遭遇暴雨。", "place")


def test_a_county_joined_to_its_township_by_de_is_the_county_alone() -> None:
    places = texts("在桐庐县的分水镇，群众已转移。", "place")
    assert "桐庐县" in places and not any("的" in p for p in places)


def test_a_leader_by_surname_and_office() -> None:
    facts = [f for f in extract_facts("代表们期待胡主席此访。") if f.type == "person"]
    assert [(f.text, f.normalized) for f in facts] == [("胡主席", "胡锦涛")]
    assert texts("认真学习主席团的决定。", "person") == []


def test_a_party_leader_is_named_alone() -> None:
    assert texts("反对党领袖马洛尼表示反对。", "person") == ["马洛尼"]


def test_counts_of_lines_and_durations_in_chinese_numerals() -> None:
    assert texts("新线与两条公路相连。", "quantity") == ["两条"]
    assert texts("开场二十分钟后比分落后。", "quantity") == []
    assert texts("开场20分钟后比分落后。", "quantity") == ["20分钟"]


def test_a_year_end_with_year_repeated_is_one_date() -> None:
    facts = [
        f for f in extract_facts("工程计划于去年年末完工。", doc_year=2020) if f.type == "date"
    ]
    assert [f.text for f in facts] == ["去年年末"]


def test_passed_with_its_particle_is_still_a_bound() -> None:
    facts = [f for f in extract_facts("日均客流突破了3000人次。") if f.type == "quantity"]
    assert [f.qualifier for f in facts] == ["突破"]


def test_takings_past_a_bare_magnitude_are_money_without_value() -> None:
    facts = [f for f in extract_facts("这部影片上映三天票房破亿。") if f.type == "money"]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [("亿", None, None)]
    assert [f.text for f in extract_facts("他们的收入超亿万。") if f.type == "money"] == []


def test_a_city_naming_an_international_airport_is_part_of_its_name() -> None:
    assert "马德里" not in texts("航班在马德里国际机场降落。", "place")
    assert "马德里" in texts("航班在马德里巴拉哈斯国际机场降落。", "place")


def test_world_regions_and_contested_areas_are_places() -> None:
    assert texts("巴尔干和南高加索局势紧张，加沙地带再遭空袭。", "place") == [
        "巴尔干",
        "南高加索",
        "加沙地带",
    ]


def test_people_s_organisations_and_theatre_commands_are_organisations() -> None:
    assert texts("全国青联和中国记协联合发出倡议。", "organization") == ["全国青联", "中国记协"]
    assert texts("东部战区组织海空兵力演练。", "organization") == ["东部战区"]
