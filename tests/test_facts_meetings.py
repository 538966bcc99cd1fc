"""Meetings without session numbers: listed and named meetings, summits, editions and series
(facts/meetings_named.py, data/facts_meetings.txt). Examples are written for these tests,
none is a fixture's sentence."""

from facts_helpers import texts


def test_the_partys_name_before_a_listed_meeting_belongs_to_it() -> None:
    assert texts("总书记主持召开中共中央政治局会议。", "meeting") == ["中共中央政治局会议"]


def test_two_meeting_names_joined_by_ji_are_one_meeting() -> None:
    text = "省长出席全省安全生产工作会议暨表彰大会。"
    assert texts(text, "meeting") == ["全省安全生产工作会议暨表彰大会"]


def test_an_edition_before_a_meetings_name_is_left_out() -> None:
    assert texts("举办第三届数字经济论坛。", "meeting") == ["数字经济论坛"]
    assert texts("《遇见》第二季研讨会在京举行。", "meeting") == ["研讨会"]


def test_consultations_and_summits_are_meeting_words() -> None:
    assert texts("政协召开双周协商会。", "meeting") == ["双周协商会"]
    assert texts("两国将举行中日首脑会晤。", "meeting") == ["中日首脑会晤"]


def test_a_meeting_launched_starts_after_the_verb() -> None:
    assert texts("两国领导人共同启动中阿合作论坛。", "meeting") == ["中阿合作论坛"]


def test_a_series_of_summits_is_no_meeting_unless_the_meeting_word_holds_it() -> None:
    assert texts("总理出席联合国系列峰会。", "meeting") == []
    assert texts("总理出席东亚合作领导人系列会议。", "meeting") == ["东亚合作领导人系列会议"]


def test_the_world_economic_forum_and_the_climate_conference_are_meetings() -> None:
    text = "总理出席世界经济论坛和气候变化大会。"
    assert texts(text, "meeting") == ["世界经济论坛", "气候变化大会"]
    assert texts(text, "organization") == []


def test_an_event_before_a_bare_press_meeting_word_is_not_part_of_its_name() -> None:
    assert texts("北京2022年冬残奥会发布会：赛事筹办高效", "meeting") == ["发布会"]
    assert texts("冬奥会新闻发布会今天举行。", "meeting") == ["新闻发布会"]


def test_a_meetings_name_starts_after_tongbao_or_guanche() -> None:
    assert texts("他向各界人士通报全国宗教工作会议精神。", "meeting") == ["全国宗教工作会议"]
    assert texts("各地要认真贯彻全国教育大会精神和全国组织工作会议精神。", "meeting")[-1] == (
        "全国组织工作会议"
    )


def test_a_bare_forum_or_summit_after_a_back_reference_is_a_meeting() -> None:
    assert texts("本次峰会通过了联合宣言。", "meeting") == ["峰会"]
    assert texts("此次论坛为期两天。", "meeting") == ["论坛"]


def test_a_party_groups_meeting_is_a_meeting() -> None:
    assert texts("他在省发展改革委党组会议上作检查。", "meeting") == ["省发展改革委党组会议"]


def test_a_meeting_of_two_parties_joined_by_a_dash_starts_with_the_first() -> None:
    text = "总理出席第十次中国—东盟领导人会议，并参观中国－东盟博览会。"
    assert texts(text, "meeting") == ["中国—东盟领导人会议", "中国－东盟博览会"]


def test_a_summits_back_reference_is_the_bare_word() -> None:
    assert texts("三国举行中日韩领导人会晤。这次会晤成果丰硕。", "meeting") == [
        "中日韩领导人会晤",
        "会晤",
    ]
    assert texts("两国元首举行会晤。", "meeting") == []


def test_a_plenums_bare_back_reference_is_no_meeting() -> None:
    assert texts("各地干部学习全会精神。", "meeting") == []
    assert texts("这次全会通过了决定。", "meeting") == []
    assert texts("贯彻历次全会精神。", "meeting") == []
    assert texts("全会认为，形势总体向好。", "meeting") == []


def test_a_dialogue_after_its_edition_is_a_meeting_without_the_ordinal() -> None:
    assert texts("出席第五轮中英经济财金对话。", "meeting") == ["中英经济财金对话"]
    assert texts("双方加强对话。", "meeting") == []


def test_a_time_word_before_a_meeting_word_is_no_part_of_its_name() -> None:
    assert texts("本市是明年博览会的主办城市。", "meeting") == []


def test_a_plenum_without_its_term_and_a_cppcc_meeting_with_its_term() -> None:
    assert texts("全省学习贯彻五中全会精神。", "meeting") == ["五中全会"]
    text = "政协第十四届全国委员会专题协商会在京召开。"
    assert texts(text, "meeting") == ["政协第十四届全国委员会专题协商会"]


def test_a_press_conference_of_a_series_is_the_press_conference() -> None:
    assert texts("省政府举行系列新闻发布会。", "meeting") == ["新闻发布会"]


def test_a_place_in_brackets_inside_a_meetings_name_is_read_through() -> None:
    assert texts("第三届中国（浙江）数字贸易博览会开幕。", "meeting") == [
        "中国（浙江）数字贸易博览会"
    ]
    assert texts("召开《规划（草案）》座谈会。", "meeting") == ["座谈会"]


def test_a_video_meeting_held_is_a_meeting_without_its_edition() -> None:
    assert texts("理事会召开视频会议。", "meeting") == ["视频会议"]
    assert texts("两国部长举行首次视频会晤。", "meeting") == ["视频会晤"]
    assert texts("全省召开省市县视频会议。", "meeting") == []


def test_a_video_conference_named_as_the_way_of_meeting_is_the_bare_meeting() -> None:
    assert texts("座谈会以视频会议方式召开。", "meeting") == ["座谈会", "视频会议"]
    assert texts("培训以省、市两级视频会议的形式进行。", "meeting") == ["视频会议"]
    assert texts("全年视频会议120场。", "meeting") == []


def test_a_verb_of_use_opens_a_meeting_name() -> None:
    assert texts("要综合运用专题常委会议等形式。", "meeting") == ["专题常委会议"]


def test_a_bare_congress_after_a_verb_that_holds_or_studies_it_is_a_meeting() -> None:
    assert texts("全党胜利召开十八大。", "meeting") == ["十八大"]
    assert texts("深入学习贯彻二十大精神。", "meeting") == ["二十大"]
    assert texts("这是十九大的报告。", "meeting") == []


def test_every_plenum_of_a_term_named_together_is_one_meeting() -> None:
    assert texts("全面贯彻党的十八届历次全会精神。", "meeting") == ["党的十八届历次全会"]


def test_a_dialogue_mechanism_names_its_numbered_meeting() -> None:
    text = "由两党共同举办的甲乙执政党对话机制第三次会议以视频方式举行。"
    assert texts(text, "meeting") == ["甲乙执政党对话机制第三次会议"]
    assert texts("两国战略对话机制第二次会议在京召开。", "meeting") == [
        "两国战略对话机制第二次会议"
    ]


def test_a_quoted_format_before_a_meetings_name_belongs_to_it() -> None:
    text = "两国外长举行第二次“2+2”圆桌对话会。"
    assert texts(text, "meeting") == ["“2+2”圆桌对话会"]
    assert texts(text, "formula") == []


def test_a_back_reference_before_a_round_table_is_the_bare_meeting() -> None:
    assert texts("部长说，此次圆桌对话会意义重大。", "meeting") == ["圆桌对话会"]
    assert texts("多位专家出席圆桌会。", "meeting") == ["圆桌会"]


def test_a_bracketed_format_inside_a_summits_name_is_read_through() -> None:
    text = "总理出席第5次中国-欧盟（27+1）领导人会议和东盟与中日韩（10+3）领导人会议。"
    assert texts(text, "meeting") == [
        "中国-欧盟（27+1）领导人会议",
        "东盟与中日韩（10+3）领导人会议",
    ]
    assert "日本与韩国领导人会晤" not in texts("日本与韩国领导人会晤在京举行。", "meeting")


def test_a_meeting_after_a_month_starts_after_it() -> None:
    assert texts("去年5月亚洲文明对话峰会在京举行。", "meeting") == ["亚洲文明对话峰会"]


def test_a_congress_named_by_a_pair_of_parties_is_a_meeting() -> None:
    text = "第二届中国—东盟青年创业大会在南宁开幕。"
    assert texts(text, "meeting") == ["中国—东盟青年创业大会"]
