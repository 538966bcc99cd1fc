"""Names that hold no fact and organisations named with their unit: broadcasters' channels,
performing groups, railway companies, quoted galas; an organ's centre, an academy's institute,
a union's service, a think tank after its kind word. Examples are written for these tests, none
is a fixture's sentence."""

from facts_helpers import texts


def test_a_broadcaster_heading_a_channel_or_new_media_is_no_organisation() -> None:
    assert texts("新华社体育频道今晚直播决赛。", "organization") == []
    assert texts("晚会将在新华社财经、体育和国际频道播出。", "organization") == []
    assert texts("新华社新媒体推出系列短视频。", "organization") == []
    assert texts("新华社记者报道。", "organization") == ["新华社"]


def test_a_place_or_organisation_heading_a_performing_group_is_none() -> None:
    assert texts("柏林青年合唱团昨晚在杭州演出。", "place") == ["杭州"]
    assert texts("新华社少年艺术团表演了节目。", "organization") == []


def test_nothing_inside_a_railway_company_or_a_quoted_gala() -> None:
    text = "中国铁路成都局今天增开列车。"
    assert texts(text, "organization") == [] and texts(text, "place") == []
    text = "“2019年新华社元宵晚会”今晚举行。"
    assert texts(text, "date") == [] and texts(text, "organization") == []
