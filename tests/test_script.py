from pipelines.text.script import simplified_form


def test_traditional_text_gets_a_simplified_form():
    assert simplified_form("國務院關於加強黨的領導的通知") == "国务院关于加强党的领导的通知"


def test_simplified_text_gets_none():
    assert simplified_form("中共绍兴市委关于加强党的领导的通知") is None
    assert simplified_form("") is None
