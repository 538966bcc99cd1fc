"""Round 23's categories of error (rivers named as water, foreign titles and their names, a
ministry run into its minister's title). Examples are written for these tests, none is a
fixture's sentence."""

from facts_helpers import texts


def test_a_major_river_named_as_water_is_a_place() -> None:
    assert texts("珠江下游水位持续上涨。", "place") == ["珠江"]
    assert texts("辽河、海河等多条河流出现汛情。", "place") == ["辽河", "海河"]
    assert texts("长江某某峡水库开始蓄水。", "place") == ["长江"]


def test_a_river_opening_another_name_stays_none() -> None:
    assert texts("推动长江经济带高质量发展。", "place") == []
    assert texts("弘扬黄河文化。", "place") == []
    assert texts("淮河路步行街人流如织。", "place") == []


def test_a_press_secretary_and_an_attorney_general_are_foreign_titles() -> None:
    assert texts("白宫新闻秘书桑德斯10日表示。", "person") == ["新闻秘书桑德斯"]
    assert texts("巴西总检察长多奇表示。", "person") == ["总检察长多奇"]


def test_an_acting_minister_is_a_title_but_a_bare_buzhang_is_not() -> None:
    assert texts("英国海军代理部长约翰·史密斯声称。", "person") == ["代理部长约翰·史密斯"]
    assert texts("两会部长通道开启。", "person") == []


def test_a_titled_dotted_name_whose_first_part_is_a_city_is_a_person() -> None:
    assert texts("美国海军代理部长瑞安·史密斯声称。", "person") == ["代理部长瑞安·史密斯"]
    assert texts("访问新西兰·奥克兰期间。", "person") == []


def test_a_titled_name_that_speaks_is_a_person_though_a_place_shares_it() -> None:
    assert texts("某国总检察长罗德里格斯9日表示。", "person") == ["总检察长罗德里格斯"]
    assert texts("英国首相伦敦访问。", "person") == []


def test_a_ministry_run_into_its_ministers_title_is_no_organisation() -> None:
    text = "法国外交部长勒德里昂表示欢迎。"
    assert texts(text, "organization") == []
    assert texts(text, "person") == ["外交部长勒德里昂"]
    assert texts(text, "place") == ["法国"]
    assert texts("商务部部长钟山出席。", "organization") == ["商务部"]
