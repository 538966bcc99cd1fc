"""Document splitting: one small hand-written input per rule, then the fixtures written by
reading the raw seeds and corpus files."""

from dataclasses import replace
from datetime import date

import pytest

from pipelines.text.documents import run_documents, split_documents
from pipelines.text.documents.names import parse_byline, parse_runin_byline, split_names
from pipelines.text.documents.text import clean_title, remove_layout_spaces, undouble
from pipelines.text.model import DOC_TYPES, PARAGRAPH_KINDS, Block

BODY = "这是正文的第一句话，内容比较长，用来模拟一个真正的段落。这里还有第二句话，继续说明情况。"


def blk(text: str, line: int, kind: str = "body", md: int | None = None, **kw) -> Block:
    return Block(
        text=text, line_start=line, line_end=line, kind=kind, md_level=md, lines=(line,), **kw
    )


def removed(text: str, line: int, what: str) -> Block:
    return Block(
        text=text, line_start=line, line_end=line, kind="removed", removed_kind=what, reason="test"
    )


def split(blocks: list[Block], set_aside: list[Block] | None = None):
    out = [] if set_aside is None else set_aside
    return split_documents(blocks, source_name="test.txt", set_aside=out)


def kept_conserved(blocks: list[Block], docs, set_aside: list[Block] = ()) -> None:
    """Every kept block text is in exactly one document or set aside, in order."""
    kept = "".join(b.text for b in blocks if not b.removed)
    placed = sorted([*(b for d in docs for b in d.blocks), *set_aside], key=lambda b: b.line_start)
    got = "".join(b.text for b in placed)
    assert got.replace(" ", "") == kept.replace(" ", "")


# ---------------------------------------------------------------- text helpers


def test_layout_spaces_names_and_phrases():
    assert remove_layout_spaces("经 济") == "经济"
    assert remove_layout_spaces("心中有信仰 脚下有力量") == "心中有信仰 脚下有力量"
    assert remove_layout_spaces("2024年 1月23日") == "2024年1月23日"
    assert split_names("杨 晨 沈佳薇 亓惠洁") == ["杨晨", "沈佳薇", "亓惠洁"]
    assert split_names("今 哲 李祖祥 项炳池") == ["今哲", "李祖祥", "项炳池"]
    assert split_names("袁晓晖、冯洁") == ["袁晓晖", "冯洁"]


def test_doubled_title_art_is_collapsed():
    assert undouble("标准化创新发展的先行探索先行探索") == "标准化创新发展的先行探索"
    assert undouble("让让文学之花绽放之江大地绽放之江大地") == "让文学之花绽放之江大地"
    assert undouble("心中有信仰 脚下有力量") == "心中有信仰 脚下有力量"
    assert (
        clean_title("马卫光同志在市委八届八次全体\n（扩大）会议上的报告")
        == "马卫光同志在市委八届八次全体（扩大）会议上的报告"
    )


def test_byline_parsers():
    assert parse_byline("/本刊记者 杨 晨 沈佳薇") == (["杨晨", "沈佳薇"], ["本刊记者", "本刊记者"])
    assert parse_byline("■裘 真 占家进") == (["裘真", "占家进"], ["", ""])
    assert parse_byline("这是一句话，不是署名。") is None
    runin = parse_runin_byline("记者阮向民 通讯员胡建东、罗建灿报道 “韩涛，你放心吧。”")
    assert runin is not None
    assert runin[1] == ["阮向民", "胡建东", "罗建灿"]
    assert runin[2] == ["记者", "通讯员", "通讯员"]
    assert parse_runin_byline("本报讯 通讯员陈海龙报道 “锅炉配电柜…”")[1] == ["陈海龙"]


def test_toc_entries_with_rubrics_and_wrapped_authors():
    from pipelines.text.documents.toc import parse_toc

    toc = parse_toc(
        [
            removed("26 湖州市：深学细悟见实效 实干争先促发展/张志炜", 1, "toc"),
            removed("42 温州大学：以实干担当谱写高水平大学建设新篇章", 2, "toc"),
            removed("/今 哲 李祖祥 项炳池", 3, "toc"),
            removed(">>特别报道", 4, "toc"),
            removed("46 为勇当先行者谱写新篇章汇聚强大合力", 5, "toc"),
            removed("——聚焦2024年浙江省两会", 6, "toc"),
            removed("/本刊记者 杨 晨 沈佳薇 亓惠洁", 7, "toc"),
            removed("经 济", 8, "toc"),
            removed("50 标准化创新发展的先行探索/夏 燕 唐建辉", 9, "toc"),
        ]
    )
    assert [e.page for e in toc] == [26, 42, 46, 50]
    assert toc[0].label == "湖州市" and toc[0].title == "深学细悟见实效 实干争先促发展"
    assert toc[1].authors == ["今哲", "李祖祥", "项炳池"]
    assert toc[2].rubric == "特别报道" and toc[2].subtitle == "——聚焦2024年浙江省两会"
    assert toc[2].authors == ["杨晨", "沈佳薇", "亓惠洁"]
    assert toc[3].rubric == "经济" and toc[3].authors == ["夏燕", "唐建辉"]


# ---------------------------------------------------------------- splitting rules


def test_markdown_headings_split_and_subtitle():
    blocks = [
        blk("第一条新闻", 1, "heading", md=2),
        blk(BODY, 2),
        blk("德清电力全力支持防疫", 3, "heading", md=2),
        blk("7小时火速通电保障医疗企业开工", 4, "heading", md=3),
        blk("本报讯 通讯员陈海龙报道 “锅炉配电柜内电压合格。”1月28日下午，工程完工。", 5),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == ["第一条新闻", "德清电力全力支持防疫"]
    assert docs[1].subtitle == "7小时火速通电保障医疗企业开工"
    assert docs[1].authors == ["陈海龙"] and docs[1].author_roles == ["通讯员"]
    assert [b.kind for b in docs[1].blocks] == ["heading", "heading", "byline", "body"]
    assert docs[1].doc_type == "news"
    assert docs[1].line_start == 3 and docs[1].line_end == 5


def test_markdown_item_number_and_column_label():
    docs = split(
        [blk("10. 【央视快评】推动有效市场和有为政府更好结合", 1, "heading", md=2), blk(BODY, 2)]
    )
    assert docs[0].title == "推动有效市场和有为政府更好结合"
    assert docs[0].rubric == "央视快评"
    assert docs[0].doc_type == "commentary"


def test_text_before_first_title_is_its_own_document():
    blocks = [
        blk("强国防动员和后备力量建设，巩固军政军民团结。", 1),
        blk("第一条新闻", 2, "heading", md=2),
        blk(BODY, 3),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == [None, "第一条新闻"]
    kept_conserved(blocks, docs)


def test_editor_note_belongs_to_the_document_after_it():
    blocks = [
        blk("按：7月9日，市委召开全体会议。现将报告予以印发。", 1, "note"),
        blk("张三同志在市委全体会议上的报告", 2),
        blk(BODY, 3),
        blk("张三同志在全会结束时的讲话摘要", 4),
        blk(BODY, 5),
    ]
    docs = split(blocks)
    assert len(docs) == 2
    assert docs[0].blocks[0].kind == "note"
    assert docs[0].title == "张三同志在市委全体会议上的报告"
    assert docs[0].authors == ["张三"]
    assert docs[0].doc_type == "report"
    assert docs[1].doc_type == "speech"


def test_title_block_with_byline_and_role_line():
    blocks = [
        blk(BODY, 1),
        blk("为勇当先行者谱写新篇章汇聚强大合力", 2),
        blk("■杨 晨 沈佳薇 亓惠洁", 3),
        blk("本刊记者", 4),
        blk(BODY, 5),
    ]
    docs = split(blocks)
    assert len(docs) == 2
    doc = docs[1]
    assert doc.title == "为勇当先行者谱写新篇章汇聚强大合力"
    assert doc.authors == ["杨晨", "沈佳薇", "亓惠洁"]
    assert doc.author_roles == ["本刊记者"] * 3
    assert [b.kind for b in doc.blocks] == ["heading", "byline", "byline", "body"]
    assert doc.doc_type == "article"


def test_slash_byline_with_role():
    blocks = [blk(BODY, 1), blk("破解失智老人康养难题", 2), blk("/本刊记者 叶 慧", 3), blk(BODY, 4)]
    doc = split(blocks)[1]
    assert doc.authors == ["叶慧"] and doc.author_roles == ["本刊记者"]


def test_pull_quote_byline_is_rescued():
    blocks = [
        blk(BODY, 1),
        blk("以得闻其过为明", 2),
        removed("■桑林峰", 3, "pull_quote"),
        blk(BODY, 4),
    ]
    docs = split(blocks)
    assert docs[-1].authors == ["桑林峰"]
    assert any(b.kind == "byline" for b in docs[-1].blocks)


def test_byline_opens_an_article_whose_title_is_printed_later():
    blocks = [
        blk(BODY, 1),
        blk("■张志炜", 2),
        blk(BODY, 3),
        blk("深学细悟见实效 实干争先促发展", 4),
        blk("长兴县小浦镇开展活动", 5, "caption"),
        blk("湖州市", 6),
        blk(BODY, 7),
        blk("■杨永昌 樊昕旖", 8),
        blk(BODY, 9),
    ]
    toc = [removed("26 湖州市：深学细悟见实效 实干争先促发展/张志炜", 0, "toc")]
    docs = split(toc + blocks)
    assert len(docs) == 3
    assert docs[1].title == "深学细悟见实效 实干争先促发展"
    assert docs[1].authors == ["张志炜"]
    assert docs[1].blocks[2].kind == "heading"
    assert docs[2].authors == ["杨永昌", "樊昕旖"]
    assert all(not b.removed for d in docs for b in d.blocks)


def test_title_inside_article_found_by_place_label_even_when_removed():
    blocks = [
        blk(BODY, 1),
        blk("■今 杭", 2),
        blk(BODY, 3),
        blk("●放大特色优势", 4),
        blk(BODY, 5),
        blk("以“头雁”标准省会担当走前列作示范", 6),
        removed("杭州市", 7, "page_furniture"),
        blk(BODY, 8),
    ]
    docs = split(blocks)
    assert docs[1].title == "以“头雁”标准省会担当走前列作示范"
    assert docs[1].authors == ["今杭"]


def test_toc_confirms_rubric_printed_near_the_title():
    toc = [removed("经 济\n50 标准化创新发展的先行探索/夏 燕 唐建辉", 0, "toc")]
    blocks = [
        blk(BODY, 1),
        blk("■夏 燕 唐建辉", 2),
        blk(BODY, 3),
        removed("经 济", 4, "page_furniture"),
        blk("标准化创新发展的先行探索先行探索", 5),
        blk(BODY, 6),
    ]
    doc = split(toc + blocks)[1]
    assert doc.title == "标准化创新发展的先行探索"
    assert doc.authors == ["夏燕", "唐建辉"]
    assert doc.rubric == "经济"


def test_signature_closes_a_notice_with_issuer_and_date():
    blocks = [
        blk("中共浙江省委关于切实加强疫情防控工作的通知", 1),
        blk("各市、县（市、区）党委：", 2),
        blk("为深入贯彻落实重要指示精神，现就有关事项通知如下。", 3),
        blk("一、坚决把思想和行动统一起来。各级党委要切实负起责任。", 4),
        blk("中共浙江省委", 5),
        blk("2020年1月30日", 6),
        blk("新华社北京1月30日电 中央纪委国家监委网站30日消息，通知要求严格执纪。", 7),
    ]
    docs = split(blocks)
    assert len(docs) == 2
    notice = docs[0]
    assert notice.issuer == "中共浙江省委"
    assert notice.doc_type == "notice"
    assert notice.publish_date == date(2020, 1, 30) and not notice.date_inferred
    assert [b.kind for b in notice.blocks[-2:]] == ["signature", "signature"]
    wire = docs[1]
    assert wire.doc_type == "news"
    assert wire.publish_date == date(2020, 1, 30) and wire.date_inferred


def test_signature_without_date_and_date_inferred_from_print_line():
    blocks = [
        blk("中共绍兴市委", 1),
        blk("关于加强党的领导的通知", 2),
        blk("各区、县（市）党委：", 3),
        blk(BODY, 4),
        blk("中共绍兴市委", 5),
        removed("中共绍兴市委办公室 2020年2月1日印发", 6, "distribution"),
    ]
    docs = split(blocks)
    assert len(docs) == 1
    assert docs[0].title == "中共绍兴市委关于加强党的领导的通知"
    assert docs[0].issuer == "中共绍兴市委"
    assert docs[0].blocks[-1].kind == "signature"
    assert docs[0].publish_date == date(2020, 2, 1) and docs[0].date_inferred


def test_salutation_opens_a_report_after_a_rubric_label():
    blocks = [
        blk("习近平在中共中央政治局第十一次集体学习时强调", 1),
        blk("加快发展新质生产力 扎实推进高质量发展", 2),
        blk(BODY, 3),
        blk("领导要论", 4),
        blk("各位代表：", 5),
        blk(BODY, 6),
        blk("浙江省省长 王 浩", 7),
        blk("政府工作报告", 8),
        blk("2024年 1月23日在浙江省第十四届人民代表大会第二次会议上", 9),
        blk(BODY, 10),
    ]
    docs = split(blocks)
    assert len(docs) == 2
    assert docs[0].title == "加快发展新质生产力 扎实推进高质量发展"
    assert docs[0].subtitle == "习近平在中共中央政治局第十一次集体学习时强调"
    report = docs[1]
    assert report.title == "政府工作报告"
    assert report.authors == ["王浩"] and report.author_roles == ["浙江省省长"]
    assert report.publish_date == date(2024, 1, 23) and not report.date_inferred
    assert report.doc_type == "report"


def test_title_glued_to_its_paragraph_is_cut_off():
    glued = Block(
        text="马卫光同志在市委全体（扩大）会议上的报告这次市委全体会议的主要任务是：研究部署工作。",
        line_start=2,
        line_end=6,
        lines=(2, 4, 6),
    )
    sentence = blk("根据《中共中央关于加强党的领导的通知》要求，现将有关事项通知如下。", 7)
    docs = split([blk(BODY, 1), glued, sentence])
    assert docs[-1].title == "马卫光同志在市委全体（扩大）会议上的报告"
    assert docs[-1].blocks[1].text.startswith("这次市委全体会议")
    assert docs[-1].blocks[-1] is sentence


def test_title_block_with_subtitle_date_and_author():
    blocks = [
        blk("高举中国特色社会主义伟大旗帜", 1),
        blk("为全面建设社会主义现代化国家而团结奋斗", 2),
        blk("——在中国共产党第二十次全国代表大会上的报告", 3),
        blk("（2022年10月16日）", 4),
        blk("习近平", 5),
        blk("同志们：", 6),
        blk(BODY, 7),
    ]
    docs = split(blocks)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.title == "高举中国特色社会主义伟大旗帜为全面建设社会主义现代化国家而团结奋斗"
    assert doc.subtitle == "——在中国共产党第二十次全国代表大会上的报告"
    assert doc.publish_date == date(2022, 10, 16)
    assert doc.authors == ["习近平"]
    assert doc.doc_type == "report"


def test_chronicle_page_inside_an_article_is_a_document():
    blocks = [
        blk("绍兴市抗击新冠肺炎疫情纪实", 1),
        blk(BODY, 2),
        blk("1 月", 3),
        blk("1 日 《绍兴市大运河世界文化遗产保护条例》施行。", 4),
        blk("同日 越城区富盛镇城市供水管网延伸工程竣工。", 5),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == ["绍兴市抗击新冠肺炎疫情纪实", None]


def test_kinds_and_types_stay_in_the_contract():
    blocks = [
        blk("按：现将报告印发。", 1, "note"),
        blk("某某同志在会议上的报告", 2),
        blk(BODY, 3),
        removed("PAGE", 4, "page_furniture"),
        blk("■今 杭", 5),
        blk(BODY, 6),
    ]
    docs = split(blocks)
    for doc in docs:
        assert doc.doc_type in DOC_TYPES
        for b in doc.blocks:
            assert b.kind in PARAGRAPH_KINDS
    kept_conserved(blocks, docs)
    assert [d.ordinal for d in docs] == list(range(1, len(docs) + 1))


def test_empty_input():
    assert split([]) == []
    assert split([removed("PAGE", 1, "page_furniture")]) == []


# ---------------------------------------------------------------- fixtures (raw texts)

from pipelines.evaluation.documents import (  # noqa: E402
    doc_text,
    flat,
    load_fixtures,
    match_documents,
    run_source,
    source_path,
)

FIXTURES = load_fixtures()

#: Lowest share of a fixture's documents that must be found with their exact title, and of
#: its checks (authors, subtitle, rubric, type, date, first/last sentence…) that must hold.
#: The magazine issue (seed 004) is a flattened print layout where most titles sit in the
#: middle of their article; every one is now found. Seed 000's record resumes after an
#: inserted chronicle page inside the chronicle's document (its `last` check fails). Raise
#: these as the stages improve, never lower them to hide a regression.
MIN_RECALL: dict[str, float] = {}
MIN_CHECKS = {"seed_004.yaml": 0.97, "seed_000.yaml": 0.85}


@pytest.fixture(scope="module")
def runs(seeds_dir, corpus_dir):
    pytest.importorskip("pipelines.text.layout")  # the layout stage is written in parallel
    out = {}
    for fx in FIXTURES:
        path = source_path(fx)
        if path.exists():
            out[fx["fixture"]] = run_source(path)
    return out


CHECK_KEYS = ("authors", "author_roles", "subtitle", "rubric", "issuer", "doc_type", "publish_date")


def fixture_problems(fx, docs) -> set[str]:
    """Every difference between a fixture and the pipeline's documents, as short strings."""
    problems: set[str] = set()
    expected = fx["documents"]
    matches = match_documents(expected, docs)
    for n, (exp, m) in enumerate(zip(expected, matches, strict=True)):
        label = exp.get("title") or f"#{n}"
        if m is None:
            problems.add(f"missing {label}")
            continue
        doc = docs[m]
        text = doc_text(doc)
        for key in (
            "authors",
            "author_roles",
            "subtitle",
            "rubric",
            "issuer",
            "doc_type",
            "publish_date",
        ):
            if key in exp and getattr(doc, key) != exp[key]:
                problems.add(f"{key} {label}")
        if exp.get("first") and flat(exp["first"]) not in text:
            problems.add(f"first {label}")
        if exp.get("last") and flat(exp["last"]) not in text:
            problems.add(f"last {label}")
        if exp.get("note") and not any(
            b.kind == "note" and flat(exp["note"]) in flat(b.text) for b in doc.blocks
        ):
            problems.add(f"note {label}")
        if exp.get("signature") and not any(
            b.kind == "signature" and flat(exp["signature"]) in flat(b.text) for b in doc.blocks
        ):
            problems.add(f"signature {label}")
    used = {m for m in matches if m is not None}
    for k, doc in enumerate(docs):
        if k not in used:
            problems.add(f"extra {doc.title or '@' + str(doc.line_start)}")
    return problems


@pytest.mark.parametrize("fx", FIXTURES, ids=[f["fixture"] for f in FIXTURES])
def test_fixture_documents(fx, runs):
    docs = runs.get(fx["fixture"])
    if docs is None:
        pytest.skip("source file not available")
    problems = fixture_problems(fx, docs)
    expected = fx["documents"]
    missing = {p for p in problems if p.startswith("missing ")}
    recall = 1 - len(missing) / len(expected)
    checks = sum(
        sum(key in exp for key in CHECK_KEYS) + bool(exp.get("first")) + bool(exp.get("last"))
        for exp in expected
    )
    failed = len([p for p in problems if not p.startswith(("missing ", "extra "))])
    name = fx["fixture"]
    assert recall >= MIN_RECALL.get(name, 1.0), sorted(problems)
    assert 1 - failed / max(1, checks) >= MIN_CHECKS.get(name, 0.9), sorted(problems)


@pytest.mark.parametrize("fx", FIXTURES, ids=[f["fixture"] for f in FIXTURES])
def test_fixture_every_kept_block_once(fx, runs):
    docs = runs.get(fx["fixture"])
    if docs is None:
        pytest.skip("source file not available")
    seen = [id(b) for d in docs for b in d.blocks]
    assert len(seen) == len(set(seen))
    lines = [d.line_start for d in docs]
    assert lines == sorted(lines)
    for doc in docs:
        assert doc.line_start <= doc.line_end
        assert doc.doc_type in DOC_TYPES


# ---------------------------------------------------------------- property: nothing lost

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_POOL = [
    BODY,
    "按：现将报告印发。",
    "■杨 晨",
    "本刊记者",
    "经 济",
    "某某同志在会议上的报告",
    "一、总体要求",
    "1．坚持党的领导。要把党的领导贯穿始终。",
    "中共某某市委",
    "2020年1月30日",
    "各位代表：",
    "1 月",
    "同日 某某会议召开。",
    "记者张三 通讯员李四报道 会议召开。",
    "短句没有句号",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_POOL), st.booleans(), st.booleans()), max_size=25))
def test_every_kept_block_lands_in_exactly_one_document(items):
    blocks = []
    for n, (text, is_removed, is_md) in enumerate(items, start=1):
        if is_removed:
            blocks.append(removed(text, n, "page_furniture"))
        else:
            blocks.append(blk(text, n, "heading" if is_md else "body", md=2 if is_md else None))
    given_blocks = [replace(b) for b in blocks]
    found = run_documents(blocks, source_name="test.txt")
    docs = found.documents
    # every block, kept or removed, is in exactly one document or stays removed (a byline
    # the layout set aside comes back to the text): nothing lost, nothing twice
    placed = sorted(
        [*(b for d in docs for b in d.blocks), *found.removed], key=lambda b: b.line_start
    )
    assert "".join(b.text for b in placed).replace(" ", "") == "".join(
        b.text for b in blocks
    ).replace(" ", "")
    still_removed = {(b.line_start, b.text) for b in found.removed}
    given_back = [  # bylines the layout had set aside
        replace(b, kind="byline")
        for b in blocks
        if b.removed and (b.line_start, b.text) not in still_removed
    ]
    kept = sorted([*(b for b in blocks if not b.removed), *given_back], key=lambda b: b.line_start)
    kept_conserved(kept, docs, found.set_aside)
    assert blocks == given_blocks, "the given blocks are left as they were"
    starts = [d.line_start for d in docs]
    assert starts == sorted(starts)
    for doc in docs:
        assert doc.blocks and doc.doc_type in DOC_TYPES
        assert all(b.kind in PARAGRAPH_KINDS for b in doc.blocks)


def test_a_speech_that_addresses_its_audience_again_stays_one_document():
    blocks = [
        blk("某某省人民政府工作报告", 1, "heading"),
        blk("各位代表：", 2),
        blk(BODY, 3),
        blk("各位代表！", 4),
        blk(BODY, 5),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == ["某某省人民政府工作报告"]
    kept_conserved(blocks, docs)


def test_captions_and_source_lines_after_an_article_are_the_articles():
    blocks = [
        blk("某市抗击疫情纪实", 1, "heading"),
        blk(BODY, 2),
        blk("（某市某某领导小组办公室 提供）", 3, "note"),
        blk("3月16日，最后一名患者治愈出院，实现“清零”。（某 某 摄）", 4, "caption"),
    ]
    docs = split(blocks)
    assert len(docs) == 1 and docs[0].blocks[-1].kind == "caption"
    kept_conserved(blocks, docs)


def test_a_caption_printed_twice_inside_a_magazine_article_opens_no_document():
    toc = [removed("26 某某市：凝心聚力谱新篇/张志炜", 0, "toc")]
    blocks = [
        blk("凝心聚力谱新篇", 1, "heading"),
        blk("■张志炜", 2, "byline"),
        blk(BODY, 3),
        blk("某某县干部走访群众征集需求某某县干部走访群众征集需求", 4, "heading"),
        blk(BODY, 5),
    ]
    docs = split(toc + blocks)
    assert [d.title for d in docs] == ["凝心聚力谱新篇"]
    kept_conserved(blocks, docs)


def test_a_boxed_notice_inside_an_article_is_its_own_document():
    toc = [removed("58 打造某某先行样本/钱某某", 0, "toc")]
    blocks = [
        blk("■钱某某", 1, "byline"),
        blk(BODY, 2),
        blk("为企业办理许可事项，受到企业主的一致", 3),
        blk("打造某某先行样本", 4, "heading"),
        blk("某某县政务服务中心窗口 吴某某 摄", 5, "caption"),
        blk("根据有关文件精神，我社对持证人员进行审核，现将名单公示，接受社会监督：", 6),
        blk("监督电话：某某出版局（0571）87057155", 7),
        blk("公示", 8, "heading"),
        blk("好评。", 9),
        blk(BODY, 10),
    ]
    docs = split(toc + blocks)
    assert [d.title for d in docs] == ["打造某某先行样本", "公示", "打造某某先行样本"]
    assert docs[1].doc_type == "notice" and docs[1].authors == []
    assert docs[0].authors == docs[2].authors == ["钱某某"]
    assert docs[2].blocks[0].text == "好评。"
    assert [d.continues for d in docs] == [None, None, 1]
    assert docs[2].doc_type == docs[0].doc_type
    kept_conserved(blocks, docs)


def test_a_place_label_or_a_logo_glyph_before_a_title_is_no_rubric():
    docs = split(
        [
            blk("某某职业技术学院", 1, "heading"),
            blk("写好服务区域发展答卷", 2, "heading"),
            blk("■张 三", 3, "byline"),
            blk(BODY, 4),
        ]
    )
    assert docs[0].title == "写好服务区域发展答卷" and docs[0].rubric is None
    glyph = [blk("税", 1, "heading"), blk("税汲取真理力量 改革创新破题", 2, "heading")]
    docs = split([*glyph, blk(BODY, 3), blk("税", 4, "heading"), blk(BODY, 5)])  # printed twice
    assert docs[0].title == "汲取真理力量 改革创新破题" and docs[0].rubric is None
    docs = split(
        [
            blk("经 济", 1, "heading"),
            blk("标准化创新发展的先行探索", 2, "heading"),
            blk("■张 三", 3, "byline"),
            blk(BODY, 4),
        ]
    )
    assert docs[0].rubric == "经济"


def test_a_page_banner_with_no_article_under_it_is_set_aside():
    blocks = [
        blk("为小红车消毒", 1, "heading", md=2),
        blk(BODY, 3),
        blk("防控疫情", 5, "heading", md=2),
        blk("劳动者风采", 7, "heading", md=3),
    ]
    set_aside: list[Block] = []
    docs = split(blocks, set_aside)
    assert [d.title for d in docs] == ["为小红车消毒"] and docs[0].ordinal == 1
    assert not any(b.removed for b in blocks), "the input blocks are left as they were"
    assert [(b.text, b.removed_kind) for b in set_aside] == [
        ("防控疫情", "page_furniture"),
        ("劳动者风采", "page_furniture"),
    ]


def test_a_delivery_subtitle_gives_the_printed_date_with_or_without_its_dash():
    for sub in (
        "——2026年1月27日在某某省人民代表大会第五次会议上",
        "2026年1月14日在某某省人民代表大会第四次会议上",
    ):
        blocks = [
            blk("政府工作报告", 1, "heading"),
            blk(sub, 2, "heading"),
            blk("某某省省长 某某某", 3),
            blk("各位代表：", 4),
            blk(BODY, 5),
        ]
        docs = split(blocks)
        assert len(docs) == 1
        doc = docs[0]
        assert (doc.title, doc.subtitle) == ("政府工作报告", sub)
        assert doc.publish_date == date(2026, 1, int(sub.split("月")[1].split("日")[0]))
        assert doc.date_inferred is False
        assert doc.authors == ["某某某"] and doc.author_roles == ["某某省省长"]


def test_a_title_and_its_subtitle_on_one_line_and_a_wire_dateline_over_them():
    blocks = [
        blk("3月5日，某某会议在北京开幕。 新华社记者张三摄", 1, "caption"),
        blk("新华社北京3月14日电", 2, "heading"),
        blk("政府工作报告——２００９年３月５日在第十一届全国人民代表大会第二次会议上", 3, "heading"),
        blk("国务院总理 某某某", 4),
        blk("各位代表：", 5),
        blk(BODY, 6),
    ]
    docs = split(blocks)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.title == "政府工作报告"
    assert doc.subtitle == "——２００９年３月５日在第十一届全国人民代表大会第二次会议上"
    assert doc.publish_date == date(2009, 3, 5) and doc.date_inferred is False
    assert doc.authors == ["某某某"] and doc.author_roles == ["国务院总理"]
    assert doc.blocks[0].kind == "caption"
    kept_conserved(blocks, docs)


def test_a_source_note_closes_its_article_and_an_empty_item_is_set_aside():
    blocks = [
        blk("某某会议在京召开", 1, "heading", md=2),
        blk(BODY, 2),
        blk("原文：https://example.com/a.shtml", 3, "note"),
        blk("本期主要内容", 4, "heading", md=2),
        blk("某某工程建成投用", 5, "heading", md=2),
        blk(BODY, 6),
        blk("原文：https://example.com/b.shtml", 7, "note"),
    ]
    set_aside: list[Block] = []
    docs = split(blocks, set_aside)
    assert [d.title for d in docs] == ["某某会议在京召开", "某某工程建成投用"]
    assert docs[0].blocks[-1].kind == "note" and docs[1].blocks[-1].kind == "note"
    assert [b.text for b in set_aside] == ["本期主要内容"]


def test_a_markdown_title_with_its_delivery_subtitle_on_one_line_loses_no_text():
    """The subtitle split off a `## title——…在…会议上` line is a sub-heading of its title,
    not a second item, and the title is not set aside as a lone heading."""
    from pipelines.text.normalize import to_lines
    from pipelines.text.tables import source_documents

    text = (
        "## 前言\n会议指出，各项工作取得了实质性进展，为今后的发展打下了坚实的基础。\n"
        "## 政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
        "会议强调，要以更加饱满的精神状态投入工作，确保各项目标任务圆满完成。\n"
    )
    lines = to_lines(text)
    removed, docs = source_documents(lines, "t.txt")
    assert [d.title for d in docs] == ["前言", "政府工作报告"]
    assert docs[1].subtitle and docs[1].subtitle.startswith("——2024年3月5日")
    kept = "".join(b.text for d in docs for b in d.blocks) + "".join(b.text for b in removed)
    assert sorted("".join(text.split())) == sorted("".join(kept.split()))
