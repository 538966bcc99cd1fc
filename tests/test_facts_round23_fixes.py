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


def test_a_districts_three_character_short_name_after_its_city_is_one_place() -> None:
    assert texts("河北唐山曹妃甸港区建设提速。", "place") == ["河北唐山曹妃甸"]
    assert texts("内蒙古海拉尔迎来降雪。", "place") == ["内蒙古海拉尔"]


def test_a_districts_two_character_short_name_stays_out_of_the_chain() -> None:
    assert texts("浙江嘉兴南湖游客众多。", "place") == ["浙江嘉兴"]


def test_a_count_before_townships_is_no_townships_name() -> None:
    assert texts("湖南某某市多个乡镇受灾。", "place") == ["湖南"]
    assert texts("浙江余姚市部分乡镇停电。", "place") == ["浙江余姚市"]
    assert texts("余姚市河姆渡镇发现遗址。", "place") == ["余姚市河姆渡镇"]


def test_an_expos_short_name_after_a_back_reference_is_the_meeting() -> None:
    assert texts("本届农博会吸引了众多展商。", "meeting") == ["农博会"]
    assert texts("此次文博会签约项目多。", "meeting") == ["文博会"]
    assert texts("此次航天交会对接任务圆满成功。", "meeting") == []


def test_a_numbered_formation_under_its_command_is_one_organisation() -> None:
    assert texts("东部战区海军第12旅官兵出航。", "organization") == ["东部战区海军第12旅"]
    assert texts("沈阳军区第16集团军开展演练。", "organization") == ["沈阳军区第16集团军"]
    assert texts("陆军第3师范学院招生。", "organization") == ["陆军"]


def test_nothing_is_taken_from_a_quoted_exhibition_title_or_a_debates_theme() -> None:
    assert texts("参观“庆祝建校60周年成就展”的师生很多。", "quantity") == []
    assert texts("安理会举行“非洲的和平与安全”公开辩论会。", "place") == []
    assert texts("围绕“创新促发展”这条主线，全省20个县参与。", "quantity") == ["20个"]


def test_a_city_heading_an_international_festivals_name_is_no_place() -> None:
    assert texts("第十届青岛国际啤酒节在青岛开幕。", "place") == ["青岛"]
    assert texts("北京国际机场节假日客流增加。", "place") == ["北京"]
