"""The categories of error round 5 (新闻联播 2019-07-30) showed once it became a development
text (issue 13, round 6): the democratic parties' central committees, foreign joint chiefs and
armed services, UN missions, counts of institutions, compounds that hold a place name, the
Party's name before a listed meeting, fiscal years, foreign names after an adverb, 主席 or 代表,
and concept papers. Examples are written for these tests, none is a fixture's sentence."""

from pipelines.text.facts import extract_facts


def _texts(text: str, type_: str, year: int | None = 2020) -> list[str]:
    return [f.text for f in extract_facts(text, doc_year=year) if f.type == type_]


def test_a_democratic_partys_central_committee_is_one_organisation_not_the_partys_centre() -> None:
    text = "九三学社中央、致公党中央和民进中央的负责同志出席。"
    assert _texts(text, "organization") == ["九三学社中央", "致公党中央", "民进中央"]


def test_the_short_forms_of_the_democratic_parties_are_not_read_inside_words() -> None:
    assert _texts("居民建房要依法审批，人民进行监督。", "organization") == []


def test_a_foreign_countrys_joint_chiefs_or_armed_service_is_its_organ_and_no_meeting() -> None:
    text = "外长会见了土耳其参谋长联席会议主席和印度空军司令。"
    assert _texts(text, "organization") == ["土耳其参谋长联席会议", "印度空军"]
    assert _texts(text, "meeting") == []
    assert _texts(text, "place") == []


def test_a_one_character_country_before_its_ministry_or_service_is_that_countrys_organ() -> None:
    assert _texts("美国防部和英海军当天发表声明。", "organization") == ["美国防部", "英海军"]
    assert _texts("中俄外交部门保持沟通。", "organization") == []


def test_a_un_mission_in_a_country_is_one_organisation_holding_no_place() -> None:
    text = "联合国南苏丹特派团发布报告。"
    assert _texts(text, "organization") == ["联合国南苏丹特派团"]
    assert _texts(text, "place") == []


def test_a_count_before_an_institution_makes_no_organisation_name() -> None:
    text = "法国两所医院参与试验。"
    assert _texts(text, "organization") == []
    assert _texts(text, "place") == ["法国"]


def test_a_compound_holding_a_place_name_is_no_place() -> None:
    assert _texts("总理在中南海主持座谈会。", "place") == []
    assert _texts("南海局势总体稳定。", "place") == ["南海"]


def test_the_partys_name_before_a_listed_meeting_belongs_to_it() -> None:
    assert _texts("总书记主持召开中共中央政治局会议。", "meeting") == ["中共中央政治局会议"]


def test_a_fiscal_year_printed_on_its_own_keeps_its_nian_du() -> None:
    facts = [
        f for f in extract_facts("2020年度，全省财政收入增长。", doc_year=2021) if f.type == "date"
    ]
    assert [(f.text, f.normalized) for f in facts] == [("2020年度", "2020")]
    assert _texts("2020年度优秀共产党员名单公布。", "date") == ["2020年"]


def test_a_foreign_name_after_a_title_ends_before_an_adverb() -> None:
    assert _texts("法国总统马克龙曾表示支持。", "person") == ["总统马克龙"]


def test_a_foreign_chairman_is_titled_and_a_delegate_is_named_alone() -> None:
    assert _texts("他会见了埃及参联会主席法里德。", "person") == ["主席法里德"]
    assert _texts("法国常驻联合国代表里维埃11日说", "person") == ["里维埃"]
    assert _texts("俄罗斯常驻联合国副代表萨夫龙科夫表示", "person") == ["萨夫龙科夫"]


def test_a_bare_deputy_is_no_delegate_title() -> None:
    # the deputies' walkway of a provincial congress, not a delegate named 通道
    assert _texts("浙江省两会“代表通道”上，来自革命老区的代表讲述", "person") == []


def test_a_concept_paper_in_title_marks_is_a_cited_document() -> None:
    assert _texts("该国外交部发布了《亚洲安全合作构想》。", "cited_document") == [
        "《亚洲安全合作构想》"
    ]
