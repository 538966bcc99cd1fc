"""One sense per document (facts/persons_document.py, `extract_document_facts`) and its wiring
in the pipeline (document_rows.py) and the evaluation (evaluation/facts.py). Examples are
written for these tests, none is a fixture's sentence."""

from pipelines.evaluation.facts import documents
from pipelines.text.facts import extract_document_facts, extract_facts
from pipelines.text.tables import build_source_tables


def _persons(paragraphs: list[str]) -> list[list[tuple[str, str]]]:
    return [
        [(f.text, f.extractor) for f in facts if f.type == "person"]
        for facts in extract_document_facts(paragraphs, doc_year=2020)
    ]


def test_a_name_found_with_a_title_is_a_person_where_the_document_prints_it_bare() -> None:
    paragraphs = ["村支书郑光明带领乡亲们修路。", "五年过去了，郑光明当初的承诺兑现了。"]
    assert extract_facts(paragraphs[1]) == []  # read alone: no rule takes the bare name
    assert _persons(paragraphs) == [
        [("村支书郑光明", "person.role_before")],
        [("郑光明", "person.repeated")],
    ]


def test_a_repeat_is_a_word_and_stays_out_of_longer_names_and_other_entities() -> None:
    paragraphs = [
        "厂长刘华说，今年订单翻番。",
        "他见到了刘华强。刘华笑着走来。",
        "《刘华传》出版了。",
    ]
    # 刘华强 is one word of the segmenter: 刘华 is not taken out of it; nothing in a title
    assert _persons(paragraphs)[1:] == [[("刘华", "person.repeated")], []]


def test_a_weak_guess_and_a_common_word_are_not_spread() -> None:
    # 郑重 read as a speaker is a common word: the document does not spread it
    assert _persons(["郑重表示，将全力支持。", "他郑重承诺。"])[1] == []


def test_a_name_after_a_place_starts_a_companys_name_not_a_person() -> None:
    paragraphs = ["董事长冯晓介绍了情况。", "杭州冯晓科技公司成立于2001年。"]
    assert _persons(paragraphs)[1] == []


def test_the_evaluation_reads_consecutive_cases_as_a_document_a_headline_starting_one() -> None:
    cases = [
        {"fixture": "a.yaml", "source": "x", "doc_year": 2020, "kind": kind, "context": text}
        for kind, text in (
            ("cases", "某县村支书表彰大会召开"),
            ("cases", "村支书郑光明带领乡亲们修路。"),
            ("cases", "郑光明说，路通了。"),
            ("cases", "另一条新闻的标题"),
            ("cases", "这是第二条新闻。"),
            ("negatives", "郑光明"),
        )
    ]
    assert documents(cases) == [[0, 1, 2], [3, 4], [5]]


def test_the_pipeline_writes_the_bare_repeat_as_a_person_row_with_its_provenance() -> None:
    lead = "村支书郑光明带领乡亲们修路，全村人一起出力，从春天干到秋天，终于把路修到了山脚下。"
    middle = "如今村里通了柏油路，家家户户的农产品都能运出大山，收入比过去翻了一番还多。"
    later = "五年过去了，郑光明当初的承诺在2020年兑现了。"
    text = "\n\n".join(("关于修路的报道", lead, middle, later, middle)) + "\n"
    tables = build_source_tables("repeat.txt", text.encode("utf-8")).tables
    persons = [r for r in tables["facts"] if r["type"] == "person"]
    repeated = [r for r in persons if r["extractor"] == "person.repeated"]
    assert len(repeated) == 1
    row = repeated[0]
    paragraph = next(p for p in tables["paragraphs"] if p["para_id"] == row["para_id"])
    assert paragraph["text"][row["start"] : row["end"]] == row["text"] == "郑光明"
    assert row["normalized"] == "郑光明" and row["doc_id"] == paragraph["doc_id"]
    sentence = next(s for s in tables["sentences"] if s["sent_id"] == row["sent_id"])
    assert sentence["para_id"] == row["para_id"] and sentence["start"] <= row["start"]
    # the paragraph's own facts keep their ids; the document's addition comes after them
    rows = [r for r in tables["facts"] if r["para_id"] == row["para_id"]]
    assert [(r["fact_id"][-4:], r["type"], r["text"]) for r in rows] == [
        ("f001", "date", "2020年"),
        ("f002", "person", "郑光明"),
    ]


def test_a_name_introduced_by_an_age_is_a_person_where_the_document_prints_it_bare() -> None:
    paragraphs = ["60岁的桑吉从小放牧。", "去年，桑吉家搬进了新房。"]
    assert _persons(paragraphs) == [[("桑吉", "person.aged")], [("桑吉", "person.repeated")]]
