"""Political formulas: the lexicon of unquoted formulas, listed quoted ones, and metaphors
that are none (facts/formulas.py, data/facts_formulas*.txt). Examples are written for these
tests, none is a fixture's sentence."""

from facts_helpers import texts


def test_the_keynote_the_basic_line_and_the_entrepreneurship_campaign_are_formulas() -> None:
    text = "坚持以经济建设为中心，践行以人民为中心的发展思想，支持大众创业、万众创新。"
    assert texts(text, "formula") == [
        "以经济建设为中心",
        "以人民为中心的发展思想",
        "大众创业、万众创新",
    ]


def test_the_state_councils_three_rules_are_a_formula_and_two_engines_a_metaphor() -> None:
    assert texts("严格执行“约法三章”，打造“双引擎”。", "formula") == ["“约法三章”"]


def test_three_terms_with_one_head_in_quotes_are_a_formula_but_a_plain_phrase_is_not() -> None:
    assert texts("推行出口产品“同线同标同质”。", "formula") == ["“同线同标同质”"]
    assert texts("他说“同学同事”都来了。", "formula") == []


def test_an_all_of_them_rule_in_quotes_is_a_formula_but_an_idiom_is_not() -> None:
    assert texts("做到“应检尽检”“应保尽保”。", "formula") == ["“应检尽检”", "“应保尽保”"]
    assert texts("我们“不见不散”。", "formula") == []


def test_a_spirit_named_after_a_person_a_place_or_a_listed_kind_is_a_formula() -> None:
    text = "弘扬雷锋精神、劳动精神，传承延安精神和焦裕禄精神。"
    assert texts(text, "formula") == ["雷锋精神", "劳动精神", "延安精神", "焦裕禄精神"]
    assert texts(text, "person") == []


def test_the_spirit_of_a_meeting_a_speech_or_a_common_quality_is_no_formula() -> None:
    text = "贯彻全会精神和重要讲话精神，发扬团队精神、创新精神、契约精神和宝贵精神。"
    assert texts(text, "formula") == []


def test_the_spirit_of_a_numbered_congress_is_no_formula() -> None:
    assert texts("全面贯彻落实党的二十大精神。", "formula") == []


def test_a_numbered_set_of_rules_before_its_spirit_is_a_formula() -> None:
    assert texts("全省坚决落实省委十项规定精神。", "formula") == ["十项规定"]
    assert texts("各地严格执行六项规定及其细则。", "formula") == []


def test_a_quoted_historical_event_or_a_system_is_no_formula() -> None:
    text = "纪念“五四运动”，铭记“九一八事变”和“二七罢工”，建设“现代产业体系”。"
    assert texts(text, "formula") == []
    assert texts("开展“爱国卫生运动”，构建“四大体系”。", "formula") == [
        "“爱国卫生运动”",
        "“四大体系”",
    ]


def test_a_quoted_slogan_of_chained_or_parallel_clauses_is_a_formula() -> None:
    text = "坚持“创新促转型，转型促升级，升级促发展”的思路。"
    assert texts(text, "formula") == ["“创新促转型，转型促升级，升级促发展”"]
    assert texts("提出“产业兴农，质量兴农，绿色兴农”。", "formula") == [
        "“产业兴农，质量兴农，绿色兴农”"
    ]
    assert texts("他说：“我们很好，谢谢大家”。", "formula") == []
    assert texts("要“宁可备而不用，不可用而无备”。", "formula") == []


def test_a_campaign_named_by_two_verb_object_pairs_before_zhuanxiang_douzheng() -> None:
    assert texts("深入开展打黑除恶专项斗争。", "formula") == ["打黑除恶专项斗争"]
    assert texts("开展禁毒专项斗争。", "formula") == []


def test_nothing_is_taken_from_a_quoted_theme() -> None:
    text = "论坛围绕“‘一带一路’倡议下的合作共赢”的会议主题展开，各方赞赏“一带一路”倡议。"
    assert texts(text, "formula") == ["“一带一路”"]
    assert texts("发布会主题为“建设美丽浙江 共创美好生活”。", "place") == []
    assert texts("开展“不忘初心、牢记使命”主题教育。", "formula") == ["“不忘初心、牢记使命”"]
    # a campaign named by its slogan before 主题…活动 is no theme: the slogan stays
    assert texts("开展“我为群众办实事”主题实践活动。", "formula") == ["“我为群众办实事”"]
    assert texts("开展“‘八八战略’浙税行”主题活动。", "formula") == ["八八战略"]


def test_a_quoted_list_followed_by_its_count_of_characters_is_a_formula() -> None:
    assert texts("坚持“严、实、细”三字要求。", "formula") == ["“严、实、细”"]
    assert texts("落实“保供、稳价、护民”四字方针。", "formula") == []


def test_a_numbered_quote_that_labels_people_is_no_formula() -> None:
    assert texts("村里评出了一批“五好家庭”和“三好学生”。", "formula") == []
    assert texts("记者走访“三河人家”。", "formula") == []
    assert texts("落实“三去一降一补”。", "formula") == ["“三去一降一补”"]


def test_principles_a_leader_put_forward_are_formulas() -> None:
    text = "双方按照主席提出的平等互信理念和合作共赢观，深化合作。"
    assert texts(text, "formula") == ["平等互信理念", "合作共赢观"]
    assert texts("双方秉持开放包容理念。", "formula") == []
    assert texts("主席提出的平等互信理念以及合作共赢观。", "formula") == [
        "平等互信理念",
        "合作共赢观",
    ]


def test_a_community_of_a_pair_or_a_region_is_a_formula() -> None:
    assert texts("携手打造中拉命运共同体。", "formula") == ["中拉命运共同体"]
    assert texts("共建亚太命运共同体。", "formula") == ["亚太命运共同体"]
    assert texts("打造中国—东盟命运共同体。", "formula") == ["中国—东盟命运共同体"]
    assert texts("构建更加紧密的中阿命运共同体。", "formula") == ["中阿命运共同体"]
    assert texts("中华民族共同体意识。", "formula") == []


def test_two_noun_phrases_sharing_only_de_are_a_motto_not_a_slogan() -> None:
    assert texts("打造“城市的客厅、市民的花园”。", "formula") == []
