"""Organisations: national and foreign organs, parties, delegations, institutions and
international organisations (facts/organizations*.py, data/organs_*.tsv). Examples are written
for these tests, none is a fixture's sentence."""

from facts_helpers import texts

from pipelines.text.facts import DocContext, extract_facts


def test_a_democratic_partys_central_committee_is_one_organisation_not_the_partys_centre() -> None:
    text = "九三学社中央、致公党中央和民进中央的负责同志出席。"
    assert texts(text, "organization") == ["九三学社中央", "致公党中央", "民进中央"]


def test_the_short_forms_of_the_democratic_parties_are_not_read_inside_words() -> None:
    assert texts("居民建房要依法审批，人民进行监督。", "organization") == []


def test_a_foreign_countrys_joint_chiefs_or_armed_service_is_its_organ_and_no_meeting() -> None:
    text = "外长会见了土耳其参谋长联席会议主席和印度空军司令。"
    assert texts(text, "organization") == ["土耳其参谋长联席会议", "印度空军"]
    assert texts(text, "meeting") == []
    assert texts(text, "place") == []


def test_a_one_character_country_before_its_ministry_or_service_is_that_countrys_organ() -> None:
    assert texts("美国防部和英海军当天发表声明。", "organization") == ["美国防部", "英海军"]
    assert texts("中俄外交部门保持沟通。", "organization") == []


def test_a_un_mission_in_a_country_is_one_organisation_holding_no_place() -> None:
    text = "联合国南苏丹特派团发布报告。"
    assert texts(text, "organization") == ["联合国南苏丹特派团"]
    assert texts(text, "place") == []


def test_a_count_before_an_institution_makes_no_organisation_name() -> None:
    text = "法国两所医院参与试验。"
    assert texts(text, "organization") == []
    assert texts(text, "place") == ["法国"]


def test_an_organ_printed_before_its_heads_title_is_named_by_it() -> None:
    text = "随行的有：宣教部部长阮某、国际部部长黎某，财政委员会主任范某。"
    assert texts(text, "organization") == ["宣教部", "国际部", "财政委员会"]


def test_a_title_without_its_organs_head_word_names_no_organ() -> None:
    assert texts("他的部长说，财政局主任到场。", "organization") == []


def test_a_foreign_party_and_its_central_committee_are_one_organisation_holding_no_place() -> None:
    text = "老挝人民革命党中央委员会和日本自民党发来贺电。"
    assert texts(text, "organization") == ["老挝人民革命党中央委员会", "日本自民党"]
    assert texts(text, "place") == []
    assert texts("美国两党议员表示反对。", "organization") == []
    assert texts("各民主党派人士出席。", "organization") == []


def test_a_delegation_to_an_organisation_is_its_countrys_organ() -> None:
    assert texts("德常驻欧盟代表团发表声明。", "organization") == ["德常驻欧盟代表团"]
    assert texts("法国常驻联合国代表团表示，", "organization") == ["法国常驻联合国代表团"]


def test_a_one_character_country_before_its_parliament_or_party_centre_is_its_organ() -> None:
    assert texts("俄议会通过法案，朝党中央发来贺信。", "organization") == ["俄议会", "朝党中央"]
    assert texts("韩国会见代表团。", "organization") == []


def test_the_partys_secretariat_and_the_central_observatory_are_national_organs() -> None:
    text = "中共中央书记处和中央气象台的负责同志出席。"
    assert texts(text, "organization") == ["中共中央书记处", "中央气象台"]


def test_a_court_an_observatory_and_a_museum_after_their_place_are_institutions() -> None:
    text = "设立杭州金融法院，浙江省气象台和南京博物院参加。"
    assert texts(text, "organization") == ["杭州金融法院", "浙江省气象台", "南京博物院"]
    assert texts(text, "place") == []


def test_an_institution_the_dictionary_tags_is_an_organisation_but_not_a_kind_of_one() -> None:
    assert texts("患者在协和医院接受治疗。", "organization") == ["协和医院"]
    assert texts("深化县级公立医院综合改革。", "organization") == []
    assert texts("召开专题协商会。", "organization") == []


def test_a_party_committee_of_an_institution_is_no_foreign_party() -> None:
    text = "中国丝绸博物馆党委书记出席。"
    assert texts(text, "organization") == ["中国丝绸博物馆"]


def test_asean_is_an_organisation_as_the_african_union_is() -> None:
    text = "东盟与非盟的代表出席。"
    assert texts(text, "organization") == ["东盟", "非盟"]
    assert texts(text, "place") == []


def test_the_european_union_is_an_organisation_as_every_regional_organisation() -> None:
    text = "欧盟成员国和欧洲联盟机构的官员出席。"
    assert texts(text, "organization") == ["欧盟", "欧洲联盟"]
    assert texts(text, "place") == []


def test_the_central_government_names_the_state_council() -> None:
    facts = [f for f in extract_facts("中央政府加大转移支付力度。", doc_year=2020)]
    assert [(f.type, f.text, f.canonical) for f in facts] == [
        ("organization", "中央政府", "中华人民共和国国务院")
    ]


def test_a_national_organs_departments_keep_the_organ_but_a_ministrys_office_kind_does_not() -> (
    None
):
    assert texts("各地和国务院部门要抓好落实。", "organization") == ["国务院"]
    assert texts("民政部门和财政部门要配合。", "organization") == []


def test_the_mass_organisations_printed_bare_are_organisations_but_their_members_are_not() -> None:
    text = "要支持民主党派、工商联和妇联、科协开展工作，发挥共青团作用。"
    assert texts(text, "organization") == ["工商联", "妇联", "科协", "共青团"]
    assert texts("他是一名共青团员。", "organization") == []


def test_a_bare_trade_union_counts_only_when_listed_with_another_organisation() -> None:
    assert texts("要发挥工会、共青团等群团组织的作用。", "organization") == ["工会", "共青团"]
    assert texts("企业工会组织职工参加培训。", "organization") == []


def test_a_mass_organisation_after_its_place_is_the_places_own() -> None:
    facts = [f for f in extract_facts("杭州市妇联举办活动。") if f.type == "organization"]
    assert [(f.text, f.canonical) for f in facts] == [("杭州市妇联", "杭州市妇女联合会")]


def test_a_bare_mass_organisation_is_the_documents_own_or_left_unresolved() -> None:
    context = DocContext.from_texts("中共金华市委关于加强统一战线工作的意见")
    text = "充分发挥民主党派、工商联和无党派人士作用。"
    facts = extract_facts(text, doc_year=2023, context=context)
    orgs = [(f.text, f.canonical) for f in facts if f.type == "organization"]
    assert orgs == [("工商联", "金华市工商业联合会")]
    unresolved = [f.canonical for f in extract_facts(text) if f.type == "organization"]
    assert unresolved == [None]


def test_a_headquarters_named_by_its_commander_is_an_organisation() -> None:
    text = "国务委员、国家防汛抗旱指挥部总指挥王建华出席。"
    assert texts(text, "organization") == ["国家防汛抗旱指挥部"]


def test_a_team_sent_by_the_centre_is_one_organisation_holding_its_place() -> None:
    text = "在中央赴河南指导组的推动下，中央第三巡视组进驻。"
    assert texts(text, "organization") == ["中央赴河南指导组", "中央第三巡视组"]
    assert texts(text, "place") == []
    assert texts("中央和地方工作组", "organization") == []


def test_an_events_organising_committee_is_an_organisation_with_its_host() -> None:
    text = "国际残奥委会和北京冬奥组委联合举行发布会，杭州亚组委也派人出席。"
    assert texts(text, "organization") == ["国际残奥委会", "北京冬奥组委", "杭州亚组委"]
    assert texts(text, "place") == []


def test_the_armed_police_printed_bare_is_an_organisation() -> None:
    assert texts("解放军和武警官兵走进社区。", "organization") == ["解放军", "武警"]


def test_zhong_ending_a_word_before_the_adverb_gong_is_no_party() -> None:
    assert texts("其中共有5人，三个组别中共收获了2银。", "organization") == []
    assert texts("同中共交流合作，中共高度重视。", "organization") == ["中共", "中共"]


def test_a_cppcc_sector_named_after_the_party_is_no_organisation() -> None:
    assert texts("在参加中共界委员小组讨论时说。", "organization") == []


def test_the_unions_of_every_level_printed_bare_are_an_organisation() -> None:
    assert texts("各地工会组织职工开展志愿服务。", "organization") == ["工会"]
    assert texts("企业工会会员参加活动。", "organization") == []


def test_a_national_organ_after_china_is_the_organ_alone_but_its_government_is_one() -> None:
    assert texts("中国全国人大愿与美国国会加强交流。", "organization") == ["全国人大", "美国国会"]
    assert texts("中国政府和人民坚决反对。", "organization") == ["中国政府"]


def test_a_cppcc_standing_committee_is_one_organisation_bare_or_after_its_place() -> None:
    assert texts("委员们审议政协常委会工作报告。", "organization") == ["政协常委会"]
    assert texts("市政协常委会委员出席。", "organization") == ["市政协常委会"]
    context = DocContext.from_texts("中共绍兴市委文件")
    facts = extract_facts("审议政协常委会工作报告", context=context)
    assert [f.canonical for f in facts if f.type == "organization"] == [
        "中国人民政治协商会议绍兴市委员会常务委员会"
    ]


def test_an_organs_party_group_is_one_organisation_but_not_its_party_committee() -> None:
    assert texts("民政部党组书记主持会议。", "organization") == ["民政部党组"]
    assert texts("浙江省人民政府党组成员出席。", "organization") == ["浙江省人民政府党组"]
    assert texts("加强国务院各部门党组织建设。", "organization") == ["国务院"]


def test_central_departments_by_their_full_printed_names() -> None:
    text = "中共中央对外联络部、中共中央统一战线工作部和监察部"
    assert texts(text, "organization") == ["中共中央对外联络部", "中共中央统一战线工作部", "监察部"]


def test_a_bureau_of_a_vertical_system_or_of_the_party_committee_is_a_local_organ() -> None:
    assert texts("浙江省气象局发布预警。", "organization") == ["浙江省气象局"]
    assert texts("西藏自治区党委机关事务管理局负责。", "organization") == [
        "西藏自治区党委机关事务管理局"
    ]
    assert texts("县审计局、县粮食局联合检查。", "organization") == ["县审计局", "县粮食局"]
    # the committees of a level are no one organ
    assert texts("推动市县党委落实责任。", "organization") == []


def test_a_branch_after_its_bureau_is_one_organisation() -> None:
    assert texts("杭州市生态环境局萧山分局开展检查。", "organization") == [
        "杭州市生态环境局萧山分局"
    ]


def test_a_street_or_village_party_organisation_is_one_with_its_chain_of_divisions() -> None:
    text = "浙江省杭州市西湖区北山街道党工委、江苏省苏州市吴中区木渎镇某某村党支部发文。"
    assert texts(text, "organization") == [
        "浙江省杭州市西湖区北山街道党工委",
        "江苏省苏州市吴中区木渎镇某某村党支部",
    ]
    assert texts(text, "place") == []


def test_a_national_organ_before_a_verb_is_the_subject_not_an_office_name() -> None:
    assert texts("会上，国务院决定成立专项委员会。", "organization") == ["国务院"]
    assert texts("中央宣传部理论局负责。", "organization") == ["中央宣传部理论局"]


def test_a_school_attached_to_a_university_is_no_organisation_and_holds_no_place() -> None:
    facts = [(f.type, f.text) for f in extract_facts("她毕业于南京大学附中。")]
    assert facts == []
    assert texts("南京大学生参加志愿服务。", "place") == ["南京"]


def test_a_mission_abroad_is_one_organisation_with_nothing_inside() -> None:
    text = "日本驻华大使馆发表声明，中国驻东盟使团和我国驻纽约总领事馆参加。"
    assert texts(text, "organization") == ["日本驻华大使馆", "中国驻东盟使团", "我国驻纽约总领事馆"]
    assert texts(text, "place") == []


def test_an_ambassadors_title_is_no_mission_its_host_stays_a_place() -> None:
    assert texts("中国驻法国大使出席。", "place") == ["法国"]
    assert texts("中国驻法国大使出席。", "organization") == []


def test_a_chamber_of_commerce_named_by_two_sides_is_one_organisation() -> None:
    text = "德国中国商会与中国东盟商会签约。"
    assert texts(text, "organization") == ["德国中国商会", "中国东盟商会"]
    assert texts(text, "place") == []


def test_a_national_office_by_its_short_form_is_one_organisation() -> None:
    text = "全国绿化办公布了名单，全国老龄办召开会议。"
    assert texts(text, "organization") == ["全国绿化办", "全国老龄办"]


def test_national_and_a_verb_ban_is_no_office() -> None:
    assert texts("全国统一办理，全国各地都办，全国人民办好事。", "organization") == []


def test_a_ministers_contracted_title_holds_no_ministry() -> None:
    text = "国务委员兼商务部长张三出席，国防部长王五会见。"
    assert texts(text, "organization") == []
    assert texts(text, "person") == ["商务部长张三", "国防部长王五"]
    assert texts("财政部部长李华说。", "organization") == ["财政部"]


def test_the_cppccs_special_committees_are_one_organisation_with_it() -> None:
    text = "政协第十届全国委员会专门委员会和全国政协专委会负责人出席。"
    assert texts(text, "organization") == ["政协第十届全国委员会专门委员会", "全国政协专委会"]
    assert texts("优化政协专委会设置，加强政治协商。", "organization") == []


def test_a_museum_the_dictionary_tags_as_a_site_is_an_organisation() -> None:
    text = "展览在鲁迅博物馆举行，南京博物院协办。"
    assert texts(text, "organization") == ["鲁迅博物馆", "南京博物院"]
    assert texts("游客登上山海关城楼。", "organization") == []


def test_a_citys_designated_or_cabin_hospitals_are_a_kind_not_one_hospital() -> None:
    text = "支持南昌市定点医院和长沙方舱医院建设，南昌市第一医院参与。"
    assert texts(text, "organization") == ["南昌市第一医院"]
    assert texts(text, "place") == ["南昌市", "长沙"]


def test_an_intermediate_or_high_court_by_its_short_form_is_one_organisation() -> None:
    text = "南京市中院作出裁定，江苏省高院维持原判。"
    assert texts(text, "organization") == ["南京市中院", "江苏省高院"]
    assert texts(text, "place") == []


def test_a_regional_organisation_of_latin_america_holds_no_ocean_or_region() -> None:
    text = "南美洲国家联盟和拉美和加勒比国家共同体的代表与太平洋联盟秘书长会谈。"
    assert texts(text, "organization") == ["南美洲国家联盟", "拉美和加勒比国家共同体", "太平洋联盟"]
    assert texts(text, "place") == []


def test_a_service_of_the_pla_printed_bare_is_an_organ_a_foreign_one_its_countrys() -> None:
    text = "海军和火箭军完成训练，美国海军舰艇驶离。"
    assert texts(text, "organization") == ["海军", "火箭军", "美国海军"]


def test_a_country_before_a_listed_institution_belongs_to_its_name_not_before_a_state_organ() -> (
    None
):
    text = "中国人民银行和中国外交部发布消息。"
    assert texts(text, "organization") == ["中国人民银行", "外交部"]


def test_a_countrys_national_institution_is_named_its_bare_kind_is_the_country_alone() -> None:
    text = "智利国家图书馆收藏了智利出版社和法国博物馆的书。"
    assert texts(text, "organization") == ["智利国家图书馆"]
    assert texts(text, "place") == ["智利", "法国"]


def test_an_institution_run_by_a_province_or_city_holds_its_place_but_no_verb_does() -> None:
    assert texts("福州市立医院和江西省立图书馆开放。", "organization") == [
        "福州市立医院",
        "江西省立图书馆",
    ]
    assert texts("浙江省立即组织医院救治。", "organization") == []


def test_a_districts_cabin_hospital_is_one_its_citys_are_none() -> None:
    text = "北京的海淀方舱医院开放，北京方舱医院全部休舱。"
    assert texts(text, "organization") == ["海淀方舱医院"]
    assert texts("海淀方舱医院开放。", "organization") == []


def test_a_one_character_country_before_a_federal_organ_is_its_organ() -> None:
    assert texts("美联邦调查局和德联邦宪法法院发表声明。", "organization") == [
        "美联邦调查局",
        "德联邦宪法法院",
    ]


def test_an_army_printed_with_a_one_character_country_is_an_organisation() -> None:
    assert texts("英军当天撤离了营地。", "organization") == ["英军"]
    assert texts("基地内驻有俄军人员。", "organization") == ["俄军"]
    assert texts("两国加强了中美军事交流。", "organization") == []
    assert texts("美军方发言人说。", "organization") == []
    assert texts("今日军演结束。", "organization") == []


def test_a_foreign_guard_corps_is_its_countrys_organ_and_words_end_no_organ() -> None:
    assert texts("美国国民警卫队进入该市。", "organization") == ["美国国民警卫队"]
    assert texts("法国不希望局势恶化。", "organization") == []
    assert texts("德国从该国撤离部分人员。", "organization") == []


def test_a_satellite_launch_centre_named_by_its_city_is_an_organisation() -> None:
    assert texts("火箭在太原卫星发射中心点火升空。", "organization") == ["太原卫星发射中心"]


def test_the_staff_office_after_a_national_organ_is_one_organisation_with_it() -> None:
    text = "全国人大机关组织干部学习，国务院机关事务管理局参加。"
    assert texts(text, "organization") == ["全国人大机关", "国务院机关事务管理局"]
    assert texts("国务院机关各部门负责同志参加。", "organization") == ["国务院"]


def test_a_party_named_after_its_country_is_one_foreign_organisation() -> None:
    text = "代表团会见了法国公正法国党负责人，公正法国党表示支持。"
    assert texts(text, "organization") == ["公正法国党", "公正法国党"]
    assert texts(text, "place") == ["法国"]
    assert texts("法国党员来访。", "organization") == []


def test_the_government_of_a_special_administrative_region_is_an_organisation() -> None:
    text = "澳门特区政府和香港政府分别发布通告。"
    assert texts(text, "organization") == ["澳门特区政府", "香港政府"]
    assert texts(text, "place") == []


def test_a_one_character_mexico_before_its_parliament_is_its_organ() -> None:
    assert texts("双方同墨议会保持交流。", "organization") == ["墨议会"]


def test_a_school_below_university_level_is_no_organisation_its_place_is_a_place() -> None:
    text = "她在余杭区第二小学任教，后调到温州大学。"
    assert texts(text, "organization") == ["温州大学"]
    assert texts(text, "place") == ["余杭区"]


def test_a_place_and_a_council_federation_or_cabinet_are_one_organisation() -> None:
    assert texts("会见香港工商总会访问团。", "organization") == ["香港工商总会"]
    assert texts("欧洲企业理事会联盟代表出席。", "organization") == ["欧洲企业理事会联盟"]
    assert texts("塞尔维亚部长会议主席出席。", "organization") == ["塞尔维亚部长会议"]


def test_a_pair_joined_by_a_dash_before_a_council_is_one_name() -> None:
    assert texts("欧盟—乌克兰理事会举行。", "organization") == ["欧盟—乌克兰理事会"]


def test_a_council_before_its_chairs_title_is_an_organisation() -> None:
    text = "他会见了世界银行行长、国际清算理事会主席等人。"
    assert "国际清算理事会" in texts(text, "organization")


def test_a_forum_holding_a_summit_named_after_a_place_is_an_organisation() -> None:
    text = "明年5月中阿合作论坛北京峰会将召开。"
    assert texts(text, "organization") == ["中阿合作论坛"]
    assert texts(text, "meeting") == ["中阿合作论坛北京峰会"]


def test_a_council_name_holds_no_verb_and_always_will_is_no_council() -> None:
    assert texts("美国退出人权理事会。", "organization") == ["人权理事会"]
    assert texts("中国总会在关键时刻伸出援手。", "organization") == []
    assert texts("中国人民总会记得。", "organization") == []


def test_an_institution_named_after_a_region_is_one_organisation() -> None:
    assert texts("参观岭南水乡文化博物馆。", "organization") == ["岭南水乡文化博物馆"]
    assert texts("华北电力大学的学生", "organization") == ["华北电力大学"]
    assert texts("华北地区各医院", "organization") == []  # no name, a kind in a region
