"""Knowledge kept as data and the rules that read it: foreign media, parties and armies, the
regions of forecasts, historical armies, a memorial site's name, a broadcaster's channel.
Examples are written for these tests, none is a fixture's sentence."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts
from pipelines.text.facts.gazetteer import _read_tsv, _row_names, foreign_outlets, national_organs


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


#: Words a foreign medium's or party's canonical name holds (organs_foreign.tsv).
_MEDIA_OR_PARTY = (
    "社", "报", "台", "党", "网", "广播", "之音", "之声", "周刊", "新闻", "联盟", "会", "运动", "巫统",
    "集团", "托拉斯",
)  # fmt: skip


def test_a_foreign_outlet_list_holds_media_and_parties_only() -> None:
    rows = _read_tsv("organs_foreign.tsv")
    assert rows and all(any(w in row[0] for w in _MEDIA_OR_PARTY) for row in rows)
    for row in rows:  # every printed name reads as its own row's outlet or party
        assert all(national_organs()[name] == row[0] for name in _row_names(row))
        assert set(_row_names(row)) <= foreign_outlets()
    assert "北约" not in foreign_outlets() and "国务院" not in foreign_outlets()


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


# --- review of the new rows and rules: the regressions mended ------------------------------


def _orgs(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.canonical) for f in extract_facts(text) if f.type == "organization"]


def test_national_names_are_not_guarded_as_bare_foreign_aliases() -> None:
    assert texts("各地庆祝中国共产党建党百年。", "organization") == ["中国共产党"]
    assert texts("这是中国共产党内部的规定。", "organization") == ["中国共产党"]
    assert texts("青年们学习中国共产党史。", "organization") == ["中国共产党"]
    assert texts("人民日报刊发评论员文章。", "organization") == ["人民日报"]
    assert texts("经济日报刊文指出。", "organization") == ["经济日报"]
    assert texts("光明日报纸质版同步推出。", "organization") == ["光明日报"]
    assert texts("中央广播电视总台在综合频道播出。", "organization") == ["中央广播电视总台"]
    assert texts("职工党小组开展学习。", "organization") == []


def test_another_country_before_a_party_s_alias_is_one_name() -> None:
    assert _orgs("澳大利亚工党赢得大选。") == [("澳大利亚工党", "澳大利亚工党")]
    assert _orgs("瑞典社民党发表声明。") == [("瑞典社民党", "瑞典社民党")]
    assert _orgs("意大利民主党召开会议。") == [("意大利民主党", "意大利民主党")]


def test_latin_aliases_are_not_read_inside_latin_words() -> None:
    assert texts("据CNNIC发布的报告。", "organization") == []
    assert texts("CNBC报道称。", "organization") == []
    assert texts("据CNN报道。", "organization") == ["CNN"]


def test_an_alias_inside_a_given_name_or_after_the_soviet_union_is_none() -> None:
    assert texts("市委书记王红军出席会议。", "organization") == ["市委"]
    assert all(c != "中国工农红军" for _, c in _orgs("苏联红军攻克柏林。"))


def test_a_national_alias_after_a_place_is_the_place_s_own_body() -> None:
    assert _orgs("宁波市贸促会组织企业参展。") == [("宁波市贸促会", "宁波市贸促会")]
    assert _orgs("浙江海警局开展巡查。") == [("浙江海警局", "浙江海警局")]
    assert texts("北京市交通部门发布提示。", "organization") == []


def test_agency_and_league_aliases_are_not_cut_out_of_words() -> None:
    assert texts("中东社交媒体上流传视频。", "organization") == []
    assert texts("中东社交媒体上流传视频。", "place") == ["中东"]
    assert texts("双方加强共同社交流。", "organization") == []
    assert _orgs("他在中国新闻周刊撰文。") == [("中国新闻周刊", "中国新闻周刊")]
    assert texts("两国签署军事同盟会议纪要。", "organization") == []


def test_guanzhong_is_not_read_out_of_organs_or_tackling() -> None:
    assert texts("在党政机关中开展学习。", "place") == []
    assert texts("在技术攻关中取得突破。", "place") == []
    assert texts("关中平原迎来降雨。", "place") == ["关中平原"]


def test_an_organ_as_the_subject_before_a_memorial_site_stays() -> None:
    assert texts("国务院决定修建遗址公园。", "organization") == ["国务院"]
    assert texts("中央军委批准建设纪念馆。", "organization") == ["中央军委"]
    assert texts("新华社记者参观纪念馆。", "organization") == ["新华社"]
    assert texts("八路军驻西安办事处纪念馆对外开放。", "organization") == []


def test_yi_as_a_preposition_before_a_word_of_the_army_is_no_israeli_army() -> None:
    assert texts("他以军委主席名义签署命令。", "organization") == []
    assert texts("坚持以军地融合为抓手。", "organization") == []


def test_a_listed_place_before_da_qu_is_read_alone() -> None:
    assert texts("集团华东大区经理出席。", "place") == ["华东"]
    assert texts("公司在巴西利亚大区设立分部。", "place") == ["巴西利亚"]


def test_a_contracted_leader_only_for_an_office_held_and_no_organ_before() -> None:
    assert texts("县政协赵主席出席。", "person") == []
    assert texts("工会蔡主席讲话。", "person") == []
    assert texts("公司董事会韩主席致辞。", "person") == []
    assert texts("赵总理一行抵达。", "person") == []
    assert texts("代表们期待温总理此访。", "person") == ["温总理"]


def test_set_phrases_of_tiao_are_no_counts() -> None:
    assert texts("坚决守住三条红线。", "quantity") == []
    assert texts("坚持两条腿走路。", "quantity") == []


def test_takings_past_a_magnitude_with_a_numeral_are_money_as_the_others() -> None:
    facts = [f for f in extract_facts("全年销售额超十亿。") if f.type == "money"]
    assert [(f.text, f.normalized, f.value_num, f.unit, f.qualifier) for f in facts] == [
        ("十亿", "十亿", None, None, "超")  # after a bound, no value or unit (question 23)
    ]
    assert [f for f in extract_facts("直播销售额破亿次。") if f.type == "money"] == []
