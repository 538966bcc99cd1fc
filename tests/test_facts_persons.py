"""Persons: names with their titles, foreign and transliterated names, names the segmenter's
dictionary knows (facts/persons*.py). Examples are written for these tests, none is a
fixture's sentence."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts


def test_a_foreign_name_after_a_title_ends_before_an_adverb() -> None:
    assert texts("法国总统马克龙曾表示支持。", "person") == ["总统马克龙"]


def test_a_foreign_chairman_is_titled_and_a_delegate_is_named_alone() -> None:
    assert texts("他会见了埃及参联会主席法里德。", "person") == ["主席法里德"]
    assert texts("法国常驻联合国代表里维埃11日说", "person") == ["里维埃"]
    assert texts("俄罗斯常驻联合国副代表萨夫龙科夫表示", "person") == ["萨夫龙科夫"]


def test_a_bare_deputy_is_no_delegate_title() -> None:
    # the deputies' walkway of a provincial congress, not a delegate named 通道
    assert texts("浙江省两会“代表通道”上，来自革命老区的代表讲述", "person") == []


def test_a_person_whose_role_starts_inside_an_organisation_starts_after_it() -> None:
    facts = extract_facts("杭州市委书记周某某说，", doc_year=2020)
    assert [(f.type, f.text) for f in facts] == [
        ("organization", "杭州市委"),
        ("person", "书记周某某"),
    ]


def test_a_title_after_a_name_takes_the_comrade_after_it() -> None:
    assert texts("我们向李克强总理同志表示感谢。", "person") == ["李克强总理同志"]


def test_a_foreign_name_after_a_title_ends_before_a_dictionary_word() -> None:
    assert texts("德国总理默克尔前往意大利。", "person") == ["总理默克尔"]


def test_a_korean_name_after_a_foreign_title_ends_before_deng_or_yu() -> None:
    assert texts("随行的有外相崔某某等。", "person") == ["外相崔某某"]
    assert texts("委员长金某某于昨天抵达。", "person") == ["委员长金某某"]


def test_a_wife_and_a_legislator_are_named_alone() -> None:
    assert texts("总统和夫人王丽华出席。", "person") == ["王丽华"]
    assert texts("美国联邦参议员费恩斯坦一行。", "person") == ["费恩斯坦"]


def test_a_name_the_dictionary_tags_is_a_person_in_a_persons_context_only() -> None:
    assert texts("李克强同金大中举行会谈。", "person") == ["李克强", "金大中"]
    assert texts("要防止童工的风险，河流洪水、山洪等灾害频发。", "person") == []
    assert texts("文明，是城市的名片。", "person") == []


def test_a_transliterated_name_is_a_person_around_a_visit() -> None:
    assert texts("副主席为马杜罗举行欢迎仪式。", "person") == ["马杜罗"]
    assert texts("双方同意为此举行会谈。", "person") == []


def test_a_surname_that_cuts_a_word_of_the_segmenter_makes_no_name() -> None:
    assert texts("有关地方负责同志列席会议。", "person") == []
    assert texts("副镇长杨海波在会上说，", "person") == ["副镇长杨海波"]


def test_a_bare_name_opening_a_clause_before_a_subjects_word_is_a_person() -> None:
    assert texts("一进车间，李建国就检查起设备。", "person") == ["李建国"]
    assert texts("王小明是一名乡村教师。", "person") == ["王小明"]


def test_a_portraits_headline_names_its_hero_before_a_colon() -> None:
    assert texts("【最美教师】刘晓红：把青春献给山区", "person") == ["刘晓红"]


def test_a_name_introduced_by_jiao_is_a_person() -> None:
    assert texts("带队的叫刘大伟，今年四十岁。", "person") == ["刘大伟"]


def test_words_that_open_with_a_surname_are_no_bare_names() -> None:
    assert texts("方面还要加强协调。", "person") == []
    assert texts("高质量就是硬道理。", "person") == []
    assert texts("王府井还有许多老字号。", "person") == []  # a frequent word jieba tags nr


def test_a_transliterated_name_after_an_occupation_is_a_person() -> None:
    assert texts("牧民巴特尔说，草场又绿了。", "person") == ["巴特尔"]
    assert texts("村民安排好了生产。", "person") == []


def test_a_headquarters_commander_is_a_title() -> None:
    assert texts("省防汛抗旱指挥部指挥长李明说，", "person") == ["指挥长李明"]


def test_a_name_repeated_is_not_read_inside_a_foreign_name_after_its_dot() -> None:
    facts = extract_facts("爆料人马克·韦利出席听证。韦利还说，此事属实。", doc_year=2020)
    text = "爆料人马克·韦利出席听证。韦利还说，此事属实。"
    starts = [f.start for f in facts if f.type == "person" and f.text == "韦利"]
    assert starts == [text.index("。韦利") + 1]


def test_an_athlete_a_flag_bearer_and_a_coach_are_named_after_their_word() -> None:
    text = "中国队选手张明远在比赛中夺冠，开幕式旗手李晓燕为代表团再夺一枚金牌。"
    assert texts(text, "person") == ["张明远", "李晓燕"]


def test_a_deputy_of_a_body_is_named_after_daibiao_but_the_verb_takes_no_name() -> None:
    assert texts("全国人大代表王晓东是一位农民。", "person") == ["王晓东"]
    assert texts("他代表全市人民发言。", "person") == []


def test_the_tagger_ends_a_name_after_an_occupation_where_no_boundary_word_does() -> None:
    assert texts("另一位选手刘梦涛夺得铜牌。", "person") == ["刘梦涛"]


def test_a_title_fixes_where_a_name_starts_even_when_a_word_runs_across() -> None:
    assert texts("委员会主任何立峰表示，", "person") == ["主任何立峰"]


def test_a_common_word_after_a_title_is_no_name() -> None:
    assert texts("回应了媒体记者关注的热点问题。", "person") == []


def test_a_list_item_after_a_role_that_the_tagger_reads_as_names_only_is_a_name() -> None:
    text = "全国人大代表柴闪闪、陈良、王方、董彩云、夏吾卓玛也分别讲述了故事。"
    assert texts(text, "person")[-1] == "夏吾卓玛"
    assert texts("出席的有部长王强、发展改革委、财政部负责人。", "person") == ["部长王强"]


def test_the_tagger_ends_a_name_after_a_title_where_no_boundary_word_does() -> None:
    assert texts("习近平向缅甸当选总统温敏致贺电。", "person")[-1] == "总统温敏"
    assert texts("科元控股集团董事长陶春风眼中，环境很好。", "person") == ["董事长陶春风"]


def test_a_name_with_a_middle_dot_is_one_person_its_title_and_qian_in_the_span() -> None:
    assert texts("总理会见法国前总理让·皮埃尔·拉法兰。", "person") == ["前总理让·皮埃尔·拉法兰"]
    assert texts("他赞赏玛丽·居里的贡献。", "person") == ["玛丽·居里"]
    assert texts("护林员买买提·吐尔逊等五人获奖。", "person") == ["买买提·吐尔逊"]


def test_a_dot_between_the_words_of_a_title_makes_no_name() -> None:
    assert texts("【启航新征程·今日浙江】文化走廊", "person") == []
    assert texts("第三届西湖行·丝绸之路文化节开幕", "person") == []


def test_who_attended_at_a_reports_end_is_a_person() -> None:
    assert texts("刘鹤参加会见。", "person") == ["刘鹤"]
    assert texts("胡春华陪同考察。", "person") == ["胡春华"]
    assert texts("入住南湖苑·幸福里小区。", "person") == []


def test_village_and_company_titles_are_titles() -> None:
    assert texts("村支书马小军带领大家脱贫。", "person") == ["村支书马小军"]
    assert texts("厂长黄志远说，订单排到了明年。", "person") == ["厂长黄志远"]
    assert texts("公司副总裁钱立新表示，", "person") == ["副总裁钱立新"]


def test_a_former_holders_yuan_joins_the_title_but_not_the_end_of_a_place() -> None:
    assert texts("某县水利局原副局长孙大勇受贿", "person") == ["原副局长孙大勇"]
    assert texts("前局长孙大勇说，", "person") == ["前局长孙大勇"]
    assert texts("太原市长孙大勇表示，", "person") == ["市长孙大勇"]


def test_a_name_the_tagger_cuts_short_takes_its_lone_last_character() -> None:
    # jieba knows 赵国 (the ancient state): 赵国|强|接受, the lone 强 ends the name
    assert texts("某局原党组书记、局长赵国强接受宴请；", "person") == ["局长赵国强"]


def test_a_name_before_ren_and_a_title_is_the_name_alone() -> None:
    assert texts("会议决定，孙强任副主任。", "person") == ["孙强"]


def test_a_former_name_and_its_holder_are_persons() -> None:
    assert texts("陈一平，原名陈家栋，1920年5月3日出生于湖南。", "person") == ["陈一平", "陈家栋"]
    assert texts("他的笔名叫什么，本名赵明远。", "person") == ["赵明远"]


def test_a_biography_opens_with_the_name_before_a_full_birth_date() -> None:
    assert texts("钱立新，1955年10月8日生，江苏人。", "person") == ["钱立新"]


def test_honourees_in_a_semicolon_list_are_named_at_each_items_end() -> None:
    text = (
        "他们是扎根山区的乡村教师马小军；守护森林的护林员黄志远；"
        "带领乡亲致富的模范张强；热心公益的好邻居于秀兰等五人。"
    )
    assert texts(text, "person") == ["马小军", "黄志远", "张强", "于秀兰"]


def test_a_semicolon_list_of_tasks_holds_no_honourees() -> None:
    assert texts("加强组织管理；完善社会保障；提高发展质量；推进简政放权。", "person") == []


def test_a_dotted_name_whose_first_part_is_a_word_is_a_name_after_a_title() -> None:
    assert texts("英国前首相大卫·布朗表示，", "person") == ["前首相大卫·布朗"]
    assert texts("和合城·幸福里小区", "person") == []


def test_a_list_item_joining_two_names_with_he_holds_both() -> None:
    text = "出席会议的还有马小军、黄志远、钱立新和孙大勇、赵明远等。"
    assert texts(text, "person") == ["马小军", "黄志远", "钱立新", "孙大勇", "赵明远"]


def test_a_deputy_of_a_group_of_public_figures_is_named_after_daibiao() -> None:
    assert texts("无党派人士代表钱立新先后发言。", "person") == ["钱立新"]


def test_a_delegations_head_is_titled_as_an_envoy() -> None:
    text = "代表团团长李强表示，王芳副团长带队。"
    assert texts(text, "person") == ["团长李强", "王芳副团长"]


def test_a_politburo_members_title_is_in_the_span_a_cppcc_members_not() -> None:
    text = "中共中央政治局委员王晓明，全国政协委员张三说，"
    assert texts(text, "person") == ["委员王晓明", "张三"]


def test_the_korean_surname_park_starts_a_name_after_a_role() -> None:
    assert texts("国际部部长朴某哲，作风朴实。", "person") == ["部长朴某哲"]


def test_a_foreign_name_the_dictionary_knows_is_read_next_to_a_foreign_title() -> None:
    text = "外长同德国总理默克尔会谈，同默克尔总理共同会见记者。"
    assert texts(text, "person") == ["总理默克尔", "默克尔总理"]


def test_a_chinese_leader_keeps_his_whole_title_beside_the_dictionary_rule() -> None:
    assert texts("国家副主席王岐山会见客人。", "person") == ["国家副主席王岐山"]


def test_a_foreign_name_after_a_verb_ending_in_a_transliteration_character() -> None:
    assert texts("大使转达马杜罗总统的问候。", "person") == ["马杜罗总统"]
    assert texts("大使转达总统的问候。", "person") == []


def test_a_foreign_name_before_its_title_after_a_verb_that_takes_a_person() -> None:
    assert texts("我们支持拉莫斯总统推进改革。", "person") == ["拉莫斯总统"]
    assert texts("他们会见了拉莫斯总统。", "person") == ["拉莫斯总统"]
    assert texts("我们支持西班牙总统推进改革。", "person") == []


def test_a_foreign_speaker_opening_a_clause_may_have_a_time_word_before_the_verb() -> None:
    assert texts("会议结束。莫拉莱斯当天说，合作顺利。莫拉莱斯还表示满意。", "person") == [
        "莫拉莱斯",
        "莫拉莱斯",
    ]


def test_a_foreign_teams_athlete_is_named_alone_a_feminine_slavic_ending_included() -> None:
    assert texts("奖牌被波兰队选手科瓦娃获得。", "person") == ["科瓦娃"]
    assert texts("美国队运动员布朗夺冠。", "person") == ["布朗"]


def test_a_name_after_an_age_is_a_person_and_a_word_for_one_is_not() -> None:
    assert texts("52岁的卓玛吉每天放牧。", "person") == ["卓玛吉"]
    assert texts("35岁的李小明在工地上干活。", "person") == ["李小明"]
    assert texts("86岁的老人说，日子越过越好。", "person") == []
    assert texts("7岁的女儿、5岁的儿子都上学了。", "person") == []
    assert texts("8岁的他从小爱画画。", "person") == []


def test_a_supreme_leader_is_a_foreign_title_in_the_span() -> None:
    assert texts("伊朗最高领袖卡西姆表示支持。", "person") == ["最高领袖卡西姆"]
    assert texts("伊朗最高领袖对此表示关切。", "person") == []


def test_a_senate_speakers_title_is_read_whole_before_a_foreign_name() -> None:
    assert texts("他会见了智利参议长马托斯。", "person") == ["参议长马托斯"]


def test_a_name_opening_with_a_word_start_surname_before_a_heads_title_is_a_person() -> None:
    assert texts("缅怀金日成主席的功绩。", "person") == ["金日成主席"]
    assert texts("省文联主席出席。", "person") == []


def test_a_dotted_names_last_part_goes_on_over_a_word_of_transliteration_characters() -> None:
    text = "由联合会主席萨利姆·科德拉率领的代表团访华。"
    assert texts(text, "person") == ["主席萨利姆·科德拉"]


def test_a_foreign_name_after_the_president_of_a_fund_is_a_person() -> None:
    text = "总理会见亚洲开发银行副总裁格罗夫。"
    assert texts(text, "person") == ["副总裁格罗夫"]


def test_a_name_opening_a_sentence_before_chuxi_is_who_attended() -> None:
    assert texts("会谈在京举行。柯建平出席座谈会。", "person") == ["柯建平"]


def test_a_two_character_leader_opening_a_sentence_and_cut_alone_is_a_person() -> None:
    assert texts("会谈结束。汪洋高度赞扬两地合作成果。", "person") == ["汪洋"]
    assert texts("眼前是汪洋大海。", "person") == []


def test_a_name_between_a_verb_of_meeting_and_shuailing_leads_the_delegation() -> None:
    assert texts("省长会见了吴建国率领的考察团。", "person") == ["吴建国"]
