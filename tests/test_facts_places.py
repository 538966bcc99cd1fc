"""Places: divisions, regions, countries, and what holds no place (facts/places*.py,
data/places_*.tsv). Examples are written for these tests, none is a fixture's sentence."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts


def test_a_compound_holding_a_place_name_is_no_place() -> None:
    assert texts("总理在中南海主持座谈会。", "place") == []
    assert texts("南海局势总体稳定。", "place") == ["南海"]


def test_a_region_named_by_a_direction_is_chinas_not_a_foreign_subdivision() -> None:
    assert texts("寒潮影响东北地区和西北地区。", "place") == ["东北", "西北"]
    facts = [f for f in extract_facts("东北地区降温。", doc_year=2018) if f.type == "place"]
    assert [f.canonical for f in facts] == ["东北"]  # not Ghana's 东北地区


def test_a_nationality_holds_no_place_but_a_countrys_people_do() -> None:
    assert texts("两名德国人在事故中受伤。", "place") == []
    assert texts("美国人民和美国人口。", "place") == ["美国", "美国"]


def test_east_asia_and_the_central_and_western_regions_are_places() -> None:
    assert texts("加强东亚区域合作，支持中西部地区发展。", "place") == ["东亚", "中西部"]


def test_a_development_strategys_belt_is_no_place() -> None:
    assert texts("推动长江经济带高质量发展。", "place") == []


def test_the_nations_economic_belts_before_diqu_are_regions_when_contrasted() -> None:
    text = "东部地区要率先实现，中西部地区要加快追赶，西部地区于2025年完成。"
    assert texts(text, "place") == ["东部", "中西部", "西部"]
    assert texts("东中部地区的试点明年完成。", "place") == ["东中部"]


def test_a_single_belt_or_a_belt_after_a_place_is_no_region() -> None:
    assert texts("中部地区森林覆盖率提高。", "place") == []
    assert texts("云南西部地区和东部地区降雨偏多。", "place") == ["云南"]


def test_an_autonomous_prefectures_short_form_keeps_its_whole_place_name() -> None:
    assert texts("黔东南州和西双版纳州加快发展。", "place") == ["黔东南州", "西双版纳州"]
    assert texts("博尔塔拉州和伊犁州", "place") == ["博尔塔拉州", "伊犁州"]


def test_a_natural_feature_after_a_provinces_short_name_is_one_place() -> None:
    assert texts("云南洱海保护治理取得成效。", "place") == ["云南洱海"]
    assert texts("青海湖和浙江杭州", "place") == ["青海湖", "浙江杭州"]


def test_a_countrys_formal_name_is_one_place_unless_its_guo_starts_a_word() -> None:
    assert texts("以色列国总统访华，卡塔尔国埃米尔致电。", "place")[0] == "以色列国"
    assert texts("日本国内消费低迷，以色列国防军撤出。", "place") == ["日本", "以色列"]


def test_a_sea_before_a_common_word_for_islands_is_the_sea_alone() -> None:
    assert texts("为东海小岛上的守岛官兵送去物资。", "place") == ["东海"]
    assert texts("南海诸岛自古以来是中国领土。", "place") == ["南海诸岛"]


def test_a_compass_belt_without_diqu_is_a_region_when_contrasted_or_after_woguo() -> None:
    assert texts("西部资金流向东部，差距缩小。", "place") == ["西部", "东部"]
    assert texts("这里是我国东部重要港口。", "place") == ["东部"]
    # alone, inside a word, after a place: none
    assert texts("作为东部沿海城市，推进西部大开发。", "place") == []
    assert texts("云南西部降雨，东西部协作推进。", "place") == ["云南"]


def test_divisions_before_a_company_describe_it_but_a_branch_city_is_the_banks() -> None:
    assert texts("浙江省宁波市某某集团负责人到场。", "place") == ["浙江省宁波市"]
    assert texts("浙江某某集团有限公司", "place") == []
    assert texts("农业银行宁波分行开业。", "place") == []


def test_a_township_named_bare_after_hometown_is_a_place() -> None:
    assert texts("他的家乡石塘镇如今变了样。", "place") == ["石塘镇"]
    assert texts("回到老家小镇，看到家乡城镇化。", "place") == []


def test_a_municipality_abbreviated_before_a_verb_of_settling_is_a_place() -> None:
    assert texts("多家外资银行在沪落户，新机构在京设立。", "place") == ["沪", "京"]


def test_a_district_short_name_after_a_verb_of_place_is_one_when_its_city_is_named() -> None:
    text = "北京游客来到海淀的园区。"
    assert texts(text, "place") == ["北京", "海淀"]
    assert texts("游客来到海淀的园区。", "place") == []


def test_a_district_name_read_as_a_verb_is_no_place() -> None:
    assert texts("北京要在大兴调查研究之风上下功夫。", "place") == ["北京"]


def test_a_transliterated_name_before_an_expo_is_its_host_city() -> None:
    assert texts("第5届普罗夫迪夫博览会开幕。", "place") == ["普罗夫迪夫"]
    assert texts("萨拉戈萨国际博览会闭幕。", "place") == ["萨拉戈萨"]


def test_two_characters_or_a_listed_region_before_an_expo_are_no_new_city() -> None:
    assert texts("亚欧博览会和东南亚博览会开幕。", "place") == ["东南亚"]


def test_a_major_river_before_its_basin_is_the_place() -> None:
    text = "推动淮河流域治理，弘扬黄河文化。"
    assert texts(text, "place") == ["淮河"]


def test_the_koreas_by_the_names_each_prints_for_the_other() -> None:
    facts = [f for f in extract_facts("北朝鲜方面和南朝鲜当局表示。") if f.type == "place"]
    assert [(f.text, f.canonical) for f in facts] == [("北朝鲜", "朝鲜"), ("南朝鲜", "韩国")]


def test_a_port_named_after_one_city_holds_no_place_a_merged_ports_cities_are() -> None:
    assert texts("厦门港和大连港吞吐量增长，上海港口建设加快。", "place") == ["上海"]
    assert texts("宁波舟山港吞吐量增长。", "place") == ["宁波", "舟山"]


def test_districts_listed_together_after_their_city_are_places_not_without_it() -> None:
    assert texts("北京今天降温，怀柔、平谷迎来降雪。", "place") == ["北京", "怀柔", "平谷"]
    assert texts("怀柔、平谷迎来降雪。", "place") == []


def test_a_part_of_the_country_named_by_directions_is_one_region_not_the_middle_east() -> None:
    assert texts("降温影响中东部地区。", "place") == ["中东部"]
    assert texts("中东部分国家举行会谈。", "place") == ["中东"]


def test_a_city_that_is_an_ordinary_word_too_is_a_place_after_a_verb_of_arrival() -> None:
    assert texts("代表团抵达河内，随后在河内会见了朋友。", "place") == ["河内", "河内"]
    assert texts("在万象更新的季节出发。", "place") == []


def test_a_municipalitys_abbreviation_ends_a_headline_clause_before_a_space() -> None:
    assert texts("考察团抵京 行程圆满", "place") == ["京"]
    assert texts("代表团返沪", "place") == ["沪"]


def test_a_river_of_the_atlas_is_a_place_but_the_great_rivers_stay_parts_of_names() -> None:
    assert texts("村民们沿着嘉陵江修了一条路。", "place") == ["嘉陵江"]
    assert texts("推动长江经济带发展。", "place") == []


def test_a_city_that_is_a_word_is_a_place_after_its_countrys_capital_title() -> None:
    assert texts("代表团抵达老挝首都万象。", "place") == ["老挝", "万象"]
    assert texts("老挝首都万象更新。", "place") == ["老挝"]


def test_a_country_naming_its_airline_is_no_place() -> None:
    assert texts("新西兰国际航空公司一架客机延误。", "place") == []
    assert texts("多家新西兰航空公司停飞。", "place") == ["新西兰"]


def test_a_river_right_after_a_county_starts_a_name_and_is_no_place() -> None:
    assert texts("建成了苍溪县嘉陵江蔬菜产业园。", "place") == ["苍溪县"]


def test_a_township_is_a_place_again_bare_and_before_its_village() -> None:
    text = "记者前往平武县木座乡采访。木座乡地处深山。"
    assert texts(text, "place") == ["平武县木座乡", "木座乡"]
    assert texts("报道称，木瓜乡青山村的干部上门走访。", "place") == ["木瓜乡"]
    assert texts("推进城乡村级组织建设。", "place") == []


def test_an_unlisted_foreign_province_and_its_capital_are_two_places() -> None:
    text = "营地位于卡迪尔省省会萨马拉附近。"
    assert texts(text, "place") == ["卡迪尔省", "萨马拉"]


def test_a_river_after_its_city_before_a_bank_is_one_place_with_it() -> None:
    assert texts("市民在重庆嘉陵江两岸散步。", "place") == ["重庆嘉陵江"]
    assert texts("宜宾县岷江蔬菜产业园", "place") == ["宜宾县"]  # the river opens a name


def test_a_city_opening_a_venues_name_is_no_place() -> None:
    assert texts("演出在成都大剧院举行，", "place") == []
    assert texts("演出在成都的剧院举行，", "place") == ["成都"]
    assert texts("参观了岭南水乡文化博物馆。", "place") == []  # a museum's own name


def test_a_transliterated_site_after_a_country_before_a_plant_is_one_place_with_it() -> None:
    assert texts("叙利亚沙伊拉特空军基地遭袭。", "place") == ["叙利亚沙伊拉特"]
    assert texts("美国本土机场", "place") == ["美国"]  # a common word, no site
