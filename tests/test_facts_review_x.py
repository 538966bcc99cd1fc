"""Round 21's review of the rules of rounds 22 and 23: royals before a place's word, 王后 after
a country in 国, a former envoy's mark, days in 号 before 在 and 以, 国防军 opening a word,
expos' short names, formations, foreign markets, festivals' 节, rivers in company names and
lists, districts that are landmarks, task-named headquarters. Examples are written for these
tests, none is a fixture's sentence."""

from facts_helpers import texts


def test_a_royal_before_a_places_word_is_no_person() -> None:
    assert texts("王储迪拜之行结束。", "person") == []
    assert texts("王储迪拜之行结束。", "place") == ["迪拜"]
    assert texts("女王伦敦寓所对外开放。", "person") == []
    assert texts("女王维多利亚时代的建筑。", "person") == []
    assert texts("西班牙王后莱蒂西亚也到场观看。", "person") == ["王后莱蒂西亚"]


def test_a_queen_after_a_country_in_guo() -> None:
    text = "英国王后莱蒂西亚出席仪式。"
    assert texts(text, "person") == ["王后莱蒂西亚"]
    assert texts(text, "place") == ["英国"]
    assert texts("泰国王后诗丽吉出席仪式。", "place") == ["泰国"]
    assert texts("英国国王后来发表讲话。", "person") == []


def test_a_former_envoys_mark_is_a_token_of_its_own() -> None:
    assert texts("某国目前驻华大使施密特表示欢迎。", "person") == ["大使施密特"]
    assert texts("他同原驻地大使施密特会谈。", "person") == ["大使施密特"]
    assert texts("某国前驻华大使施密特表示欢迎。", "person") == ["前驻华大使施密特"]


def test_zai_and_yi_after_hao_need_an_event_verb_in_the_clause() -> None:
    for text in (
        "1号以及2号机组投入运行。",
        "该项目3号在建楼已封顶。",
        "核电站2号在役机组运行平稳。",
        "他穿着10号在比赛中进球。",
        "北京地铁1号在运营。",
        "编号为3号在前。",
    ):
        assert texts(text, "date") == [], text
    assert texts("某国议会6号在首都召开特别会议。", "date") == ["6号"]
    assert texts("某国议会5号以压倒性多数通过决议。", "date") == ["5号"]


def test_guofangjun_opening_a_word_is_no_force() -> None:
    for text in ("国防军费持续增长。", "加强国防军地协作。", "国防军官学院", "中国联邦国防军改革"):
        assert texts(text, "organization") == [], text
    assert texts("某国国防军参加演习。", "organization") == ["国防军"]
    assert "联邦国防军" in texts("德国联邦国防军参加演习。", "organization")


def test_an_expos_short_name_opens_no_word_and_jiaohui_is_no_crossing() -> None:
    for text in (
        "双方此次经贸会谈取得成果。",
        "本次外贸会议在京召开。",
        "这次两车交会时发生剐蹭。",
    ):
        assert texts(text, "meeting") == [], text
    assert texts("本次会议交会。", "meeting") == []
    assert texts("本届广交会吸引众多展商。", "meeting") == ["广交会"]
    assert texts("此次进博会成果丰硕。", "meeting") == ["进博会"]


def test_a_military_region_is_named_by_a_place_or_a_direction() -> None:
    assert texts("他来到军区第3师视察。", "organization") == []
    assert texts("他在驻军区第3师服役。", "organization") == []
    assert texts("北京军区第38集团军参加演习。", "organization") == ["北京军区第38集团军"]
    text = "俄罗斯南部军区第8集团军参加演习。"
    assert texts(text, "organization") == ["南部军区第8集团军"]
    assert texts("浙江省军区第1师参加演习。", "organization") == ["浙江省军区第1师"]


def test_shi_and_lv_opening_a_word_are_no_formation() -> None:
    for text in ("海军第1旅行社。", "空军第二旅途中。", "陆军第1旅游团", "海军第3师大学生"):
        assert not any("第" in t for t in texts(text, "organization")), text
    assert texts("陆军第1旅参加演习。", "organization") == ["陆军第1旅"]
    assert texts("海军第3师大力开展训练。", "organization") == ["海军第3师"]


def test_a_market_or_a_time_word_after_a_country_is_no_city() -> None:
    assert texts("美国上周车市回暖。", "place") == ["美国"]
    assert texts("日本二手车市萎缩。", "place") == ["日本"]
    assert texts("日本某田市发生地震。", "place") == ["日本某田市"]


def test_jie_closing_a_word_is_no_festival() -> None:
    for text, city in (
        ("深圳国际环节", "深圳"),
        ("杭州国际细节", "杭州"),
        ("北京国际季节性流感研讨会", "北京"),
        ("北京国际关节外科论坛", "北京"),
        ("海南国际贸易环节", "海南"),
    ):
        assert city in texts(text, "place"), text
    assert texts("深圳国际电影节开幕。", "place") == []
    assert texts("青岛国际啤酒节开幕。", "place") == []


def test_a_river_naming_a_company_or_a_region_or_a_culture_is_none() -> None:
    for text in (
        "长江电力旗下水电站运行平稳。",
        "长江大学附属水库",
        "珠江啤酒集团大坝项目",
        "弘扬长江、黄河文化。",
        "长江、黄河经济带建设",
        "推动长江中游城市群建设。",
    ):
        assert texts(text, "place") == [], text
    assert texts("长江、黄河上游普降大雨。", "place") == ["长江", "黄河"]
    assert texts("长江、淮河等多条河流水位上涨。", "place") == ["长江", "淮河"]
    assert texts("长江中游水位上涨。", "place") == ["长江"]
    assert texts("黄河某某水电站开工。", "place") == ["黄河"]


def test_a_district_that_is_a_landmark_or_before_a_site_opens_no_chain() -> None:
    assert "湖南岳阳岳阳楼" not in texts("游客登上湖南岳阳岳阳楼。", "place")
    assert texts("瞻仰南京雨花台烈士陵园。", "place") == ["南京"]
    assert texts("河北唐山曹妃甸", "place") == ["河北唐山曹妃甸"]


def test_a_headquarters_named_by_its_task_is_generic() -> None:
    for text in ("县里成立疫情防控应急指挥部。", "成立防汛抗旱指挥部", "成立了抗震救灾前线指挥部"):
        assert texts(text, "organization") == [], text
    text = "德国军方成立网络信息空间指挥部。"
    assert texts(text, "organization") == ["网络信息空间指挥部"]
    assert texts("某国宣布成立太空作战司令部。", "organization") == ["太空作战司令部"]
    text = "设立网络信息空间指挥部长期驻守。"
    assert texts(text, "organization") == ["网络信息空间指挥部"]


def test_yiji_yishang_is_no_qualifier() -> None:
    assert [f for f in texts("35千伏以及以上", "quantity")] == ["35千伏"]
    from pipelines.text.facts import extract_facts

    (fact,) = extract_facts("35千伏以及以上", doc_year=2020)
    assert fact.qualifier is None


def test_one_tuple_of_venues_a_city_names_after_itself() -> None:
    assert texts("法国巴黎博览中心开幕。", "place") == ["法国"]


def test_a_titled_name_that_is_a_place_speaks_by_any_speech_verb() -> None:
    assert texts("某国总检察长索菲亚20日表示反对。", "person") == ["总检察长索菲亚"]
    assert texts("某国总检察长索菲亚呼吁各方克制。", "person") == ["总检察长索菲亚"]
    assert texts("某国总检察长索菲亚的报告。", "person") == []
