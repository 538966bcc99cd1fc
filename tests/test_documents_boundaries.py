"""Which starts stand: documents never overlap, never open mid-sentence or inside a
paragraph of the document before, even on long sources that repeat themselves."""

from collections import Counter
from pathlib import Path

from documents_helpers import blk, kept_conserved, removed, split

from pipelines.text.normalize import load_lines
from pipelines.text.tables import source_documents


def _nows(text: str) -> str:
    return "".join(text.split())


def test_a_source_that_holds_the_seeds_twice_gives_documents_that_do_not_overlap(
    seeds_dir: Path,
):
    """`cat seeds/*.txt seeds/*.txt`: the second copy keeps only what the repeated-page
    repair did not set aside, and a title the page set inside a paragraph of it once opened
    a document that overlapped the one before."""
    seeds = sorted(seeds_dir.glob("*.txt"))
    data = b"".join(p.read_bytes() for p in seeds) * 2
    lines, _ = load_lines(data, file_name="seeds_twice.txt")
    removed, docs = source_documents(lines, "seeds_twice.txt")
    assert len(docs) > 2 * len(seeds) - 2
    reach = 0
    for doc in docs:
        assert doc.line_start > reach, f"document {doc.ordinal} overlaps the one before"
        assert doc.line_start <= doc.line_end
        reach = max(reach, doc.line_end)
    want = Counter(_nows("".join(ln.text for ln in lines)))
    got = Counter(_nows("".join(b.text for d in docs for b in d.blocks)))
    got.update(_nows("".join(b.text for b in removed)))
    assert got == want, "characters lost or invented"


def _block(text: str, lines: tuple[int, ...], kind: str = "body"):
    from pipelines.text.model import Block

    return Block(text=text, line_start=lines[0], line_end=lines[-1], kind=kind, lines=lines)


BODY = "这是正文的第一句话，内容比较长，用来模拟一个真正的段落。这里还有第二句话，继续说明情况。"


def test_a_title_the_page_set_inside_a_paragraph_opens_no_document_there():
    from pipelines.text.documents import run_documents

    blocks = [
        _block("坚持以人民为中心的发展思想", (1,), "heading"),
        _block("■张 三", (2,)),
        _block(BODY + "这一段在页面中间被一个标题隔断，标题下面的文字继续写完。", (3, 4, 8)),
        _block("推进乡村全面振兴的实践探索", (5,), "heading"),
        _block("■李 四", (6,)),
        _block(BODY, (9,)),
    ]
    stats: dict[str, dict[str, int]] = {}
    docs = run_documents(blocks, source_name="t.txt", stats=stats).documents
    reach = 0
    for doc in docs:
        assert doc.line_start > reach
        reach = doc.line_end
    assert stats["documents.boundaries.no_overlap"]["documents.boundaries.inside_block"] == 1
    assert [b.text for d in docs for b in d.blocks] == [b.text for b in blocks]


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
    aside: list = []
    docs = split(toc + blocks, aside)
    assert [d.title for d in docs] == ["打造某某先行样本", "公示", "打造某某先行样本"]
    # the title the pages print inside the article is a running head, set aside
    assert [(b.text, b.rule) for b in aside] == [
        ("打造某某先行样本", "documents.running_heads.title")
    ]
    assert docs[1].doc_type == "notice" and docs[1].authors == []
    assert docs[0].authors == docs[2].authors == ["钱某某"]
    assert docs[2].blocks[0].text == "好评。"
    assert [d.continues for d in docs] == [None, None, 1]
    assert docs[2].doc_type == docs[0].doc_type
    kept_conserved(blocks, docs, aside)


def test_a_chronicle_page_inside_a_record_ends_where_the_records_next_part_resumes():
    blocks = [
        blk("某某市抗击疫情纪实", 1, "heading"),
        blk(BODY, 2),
        blk("三、全力救治，以最好保障护佑病患生命。" + BODY, 3),
        blk("四、驰援各地，以最大力度服务抗疫大局。积极承接入境人员分流隔离任务，妥善做好", 4),
        blk("1月", 5, "heading"),
        blk("1日 《某某市文化遗产保护条例》施行。", 6),
        blk("同日 某某镇城市供水管网改造工程完工。", 7),
        blk("2月", 8, "heading"),
        blk("2日 某某市疫情防控工作领导小组印发若干意见。", 9),
        blk("五、复工复产，以最实举措挽回疫情损失。科学研判疫情发展趋势。", 10),
        blk("六、系统治理，以最强合力维护大局稳定。" + BODY, 11),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == ["某某市抗击疫情纪实", None, "某某市抗击疫情纪实"]
    assert [d.start_rule for d in docs][1:] == [
        "documents.starts.chronicle",
        "documents.boundaries.chronicle_resumed",
    ]
    assert [d.continues for d in docs] == [None, None, 1]
    assert docs[2].blocks[0].text.startswith("五、")
    kept_conserved(blocks, docs)


def test_a_chronicle_after_a_record_whose_numbering_does_not_go_on_stays_to_the_end():
    blocks = [
        blk("某某市抗击疫情纪实", 1, "heading"),
        blk("一、闻令而动，以最快速度遏制疫情传播。" + BODY, 2),
        blk("1月", 3, "heading"),
        blk("1日 《某某市文化遗产保护条例》施行。", 4),
        blk("同日 某某镇城市供水管网改造工程完工。", 5),
        blk("三、这是大事记里的一条编号。", 6),
    ]
    docs = split(blocks)
    assert len(docs) == 2 and docs[1].continues is None
