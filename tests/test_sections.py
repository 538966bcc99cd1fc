"""Heading trees: one small hand-written document per rule, then the fixture trees written
by reading the raw texts."""

import pytest

from pipelines.text.model import Block, DocumentSpan
from pipelines.text.sections import build_sections, cn_to_int, parse_heading

BODY = "这是正文，内容比较长，用来模拟一个真正的段落。这里还有第二句话。"


def blk(text: str, line: int, kind: str = "body", md: int | None = None) -> Block:
    return Block(text=text, line_start=line, line_end=line, kind=kind, md_level=md, lines=(line,))


def doc_of(*texts: str) -> DocumentSpan:
    blocks = [blk(t, i) for i, t in enumerate(texts, start=1)]
    doc = DocumentSpan(ordinal=1, blocks=blocks)
    build_sections(doc)
    return doc


def tree(doc: DocumentSpan) -> list[tuple[str | None, str, int]]:
    return [(s.label, s.title, s.level) for s in doc.sections]


def test_cn_numerals():
    assert cn_to_int("十二") == 12
    assert cn_to_int("二十一") == 21
    assert cn_to_int("一百零三") == 103
    assert cn_to_int("十") == 10


def test_nesting_order_decides_levels():
    doc = doc_of(
        "一、总体要求",
        BODY,
        "（一）指导思想",
        BODY,
        "1．坚持党的领导。要把党的领导贯穿始终。",
        "2．坚持人民至上。要始终站稳人民立场。",
        "（二）基本原则",
        "二、主要任务",
        "（一）推进改革",
        BODY,
    )
    assert tree(doc) == [
        ("一、", "总体要求", 1),
        ("（一）", "指导思想", 2),
        ("1．", "坚持党的领导", 3),
        ("2．", "坚持人民至上", 3),
        ("（二）", "基本原则", 2),
        ("二、", "主要任务", 1),
        ("（一）", "推进改革", 2),
    ]
    parents = [s.parent for s in doc.sections]
    assert parents == [None, 0, 1, 1, 0, None, 5]


def test_first_scheme_seen_is_level_one():
    doc = doc_of(
        BODY,
        "1．全力以赴稳增长促发展。当前经济形势不确定因素多。",
        "2．抓好安全生产。牢牢守住平安底线。",
    )
    assert tree(doc) == [("1．", "全力以赴稳增长促发展", 1), ("2．", "抓好安全生产", 1)]


def test_runin_heading_keeps_paragraph_whole_and_body_kind():
    text = "1．慎终如始抓好疫情防控。疫情发生后，市委常委会第一时间召开会议。"
    doc = doc_of("一、今年以来的主要工作", text)
    assert doc.sections[1].title == "慎终如始抓好疫情防控"
    assert doc.sections[1].label == "1．"
    assert doc.blocks[1].text == text
    assert doc.blocks[1].kind == "body"
    assert doc.blocks[0].kind == "heading"


def test_block_section_points_to_innermost_section():
    doc = doc_of(BODY, "一、总体要求", BODY, "（一）指导思想", BODY, "二、主要任务", BODY)
    assert doc.block_section == [None, 0, 0, 1, 1, 2, 2]


def test_excerpt_starting_mid_sequence_with_plan_items():
    doc = doc_of(
        "强国防动员和后备力量建设，巩固军政军民团结。",
        "十二、加强党的全面领导，为率先走出市域发展之路提供坚强保证",
        BODY,
        "51. 提高党领导社会主义现代化建设的能力水平。以党的政治建设为统领。",
        "52. 推进社会主义政治建设。坚持和完善人民代表大会制度。",
    )
    assert tree(doc) == [
        ("十二、", "加强党的全面领导，为率先走出市域发展之路提供坚强保证", 1),
        ("51.", "提高党领导社会主义现代化建设的能力水平", 2),
        ("52.", "推进社会主义政治建设", 2),
    ]


def test_false_positives_dates_years_and_broken_sequences():
    assert parse_heading(blk("2020.全年实现增长。", 1)) is None
    assert parse_heading(blk("1. 2020年全市地区生产总值增长3%。", 1)) is None
    assert parse_heading(blk("3.5%的增速高于全省平均水平。", 1)) is None
    doc = doc_of(
        "1．坚持政治统领。要完善制度机制。",
        "2．突出固本强基。要深化创建工作。",
        "5．这一句并不是第三个标题，只是正文里的编号。",
    )
    assert [s.label for s in doc.sections] == ["1．", "2．"]


def test_long_numbered_sentence_is_not_a_heading():
    long = "1．" + "这是一个很长的句子" * 12 + "。"
    assert parse_heading(blk(long, 1)) is None


def test_markdown_subheadings_and_chapters():
    blocks = [
        blk("第一章 总则", 1),
        blk(BODY, 2),
        blk("第一节 目标", 3),
        blk(BODY, 4),
        blk("第二章 任务", 5),
        blk("一些补充", 6, "heading", md=3),
        blk(BODY, 7),
    ]
    doc = DocumentSpan(ordinal=1, blocks=blocks)
    build_sections(doc)
    assert tree(doc) == [
        ("第一章", "总则", 1),
        ("第一节", "目标", 2),
        ("第二章", "任务", 1),
        ("###", "一些补充", 2),
    ]


def test_title_and_byline_blocks_are_not_sections():
    blocks = [
        blk("一、这是文件标题", 1, "heading"),
        blk("■张三", 2, "byline"),
        blk(BODY, 3),
        blk("一、第一部分", 4),
    ]
    doc = DocumentSpan(ordinal=1, blocks=blocks, title="一、这是文件标题")
    build_sections(doc)
    assert tree(doc) == [("一、", "第一部分", 1)]


def test_an_untitled_document_has_no_title_block_its_first_heading_is_a_section():
    blocks = [blk("1 月", 1, "heading"), blk(BODY, 2), blk("2 月", 3, "heading"), blk(BODY, 4)]
    doc = DocumentSpan(ordinal=1, blocks=blocks)  # a chronicle's page: no title
    build_sections(doc)
    assert [(s.title, s.kind) for s in doc.sections] == [("1月", "subhead"), ("2月", "subhead")]


def test_bullet_subheads_of_magazine_articles():
    doc = doc_of(BODY, "●领导带头 以上率下", BODY, "●循迹溯源 学深悟透", BODY)
    assert tree(doc) == [("●", "领导带头 以上率下", 1), ("●", "循迹溯源 学深悟透", 1)]


# ---------------------------------------------------------------- fixture trees

from pipelines.evaluation.documents import (  # noqa: E402
    heading_recall,
    load_fixtures,
    match_documents,
    run_source,
    source_path,
    tree_score,
)

#: Lowest share of a fixture's sections (label, title, level, in order) that must be right,
#: and of its headings found (label and title). Seed 000: the record's parts 五、六、 resume
#: after an inserted chronicle page and fall in the chronicle's document, whose first month
#: heading opens its page; seed 004: four subheads the reflow ran into a paragraph; 2009:
#: the closing of part 一 sits at the top, the page ending before 二、; 2014: the collapsed
#: scrape runs 一、 and 二、 into their paragraphs (their titles hold the first words of the
#: text).
MIN_TREE = {"seed_000.yaml": 0.65, "corpus_2009.yaml": 0.8, "corpus_2014.yaml": 0.85}
MIN_RECALL = {"seed_000.yaml": 0.85}

WITH_TREES = [fx for fx in load_fixtures() if fx.get("sections") and not fx.get("blind")]
BLIND = [fx for fx in load_fixtures() if fx.get("sections") and fx.get("blind")]
#: The blind fixtures (written before the pipeline ran on their texts, never tuned on) are
#: measured by `make eval`; this floor only catches a regression. Their headings found when
#: first measured: 30 of 45 (the 2018 report's are found in a document its title and a
#: salutation split differently from the fixture's; brief titles with a colon are missed).
BLIND_MIN_RECALL = 0.6


@pytest.fixture(scope="module")
def runs(seeds_dir, corpus_dir):
    pytest.importorskip("pipelines.text.layout")  # the layout stage is written in parallel
    cache: dict[str, object] = {}
    return cache


@pytest.mark.parametrize("fx", WITH_TREES, ids=[fx["fixture"] for fx in WITH_TREES])
def test_the_heading_trees_of_a_fixture_are_found(fx, runs):
    path = source_path(fx)
    if not path.exists():
        pytest.skip("source file not available")
    if fx["fixture"] not in runs:
        runs[fx["fixture"]] = run_source(path)
    docs = runs[fx["fixture"]]
    matches = match_documents(fx["documents"], docs)
    right = total = found = expected = 0
    for spec in fx["sections"]:
        m = matches[spec["doc"]]
        assert m is not None, ("document not found", spec["doc"])
        doc = docs[m]
        ok, n = tree_score(spec["tree"], doc)
        right, total = right + ok, total + n
        hits, _ = heading_recall(spec["tree"], doc)
        found, expected = found + hits, expected + len(spec["tree"])
        for k, section in enumerate(doc.sections):
            assert doc.block_section[section.block_index] == k
            if section.parent is not None:
                assert doc.sections[section.parent].level < section.level
    assert right / total >= MIN_TREE.get(fx["fixture"], 0.9), (right, total)
    assert found / expected >= MIN_RECALL.get(fx["fixture"], 0.95), (found, expected)


def test_the_blind_fixtures_keep_their_heading_recall(runs):
    found = expected = 0
    for fx in BLIND:
        path = source_path(fx)
        if not path.exists():
            continue
        if fx["fixture"] not in runs:
            runs[fx["fixture"]] = run_source(path)
        docs = runs[fx["fixture"]]
        matches = match_documents(fx["documents"], docs)
        for spec in fx["sections"]:
            m = matches[spec["doc"]]
            hits, _ = heading_recall(spec["tree"], docs[m] if m is not None else None)
            found, expected = found + hits, expected + len(spec["tree"])
    assert expected and found / expected >= BLIND_MIN_RECALL, (found, expected)
