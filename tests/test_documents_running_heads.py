"""Running heads printed inside an article (its rubric, its own title, the place label
under it) are page furniture: set aside with a rule, never lost."""

from documents_helpers import BODY, blk, kept_conserved, removed, split

from pipelines.text.documents.running_heads import running_heads
from pipelines.text.documents.toc import Contents
from pipelines.text.model import DocumentSpan


def test_a_rubric_label_printed_again_inside_an_article_is_set_aside():
    blocks = [
        blk("经 济", 1, "heading"),
        blk("标准化的先行探索", 2, "heading"),
        blk(BODY, 3),
        blk("为构建完善的评价制度体系，浙江创新建立规上企业标准化", 4),
        blk("经济", 5, "heading"),
        blk("统计监测制度，对规上企业进行评估。", 6),
        blk(BODY, 7),
    ]
    toc = [removed("经 济", 0, "toc"), removed("50 标准化的先行探索/夏燕", 0, "toc")]
    aside: list = []
    docs = split(toc + blocks, aside)
    assert len(docs) == 1
    assert [(b.text, b.removed_kind, b.rule) for b in aside] == [
        ("经济", "page_furniture", "documents.running_heads.rubric")
    ]
    assert docs[0].blocks[0].text == "经 济"  # the rubric over the title stays its metadata
    kept_conserved(blocks, docs, aside)


def test_a_features_title_and_place_label_at_the_top_of_a_page_are_set_aside():
    blocks = [
        blk("■今杭", 1, "byline"),
        blk(BODY, 2),
        blk("●放大特色优势", 3, "heading"),
        blk(BODY, 4),
        blk("以标准担当走前列作示范", 5, "heading"),
        blk("杭州市", 6, "heading"),
        blk("杭州市开展千名干部助千企活动", 7, "caption"),
        blk(BODY, 8),
    ]
    aside: list = []
    docs = split(blocks, aside)
    assert docs[0].title == "以标准担当走前列作示范"  # read from the line, kept as metadata
    assert [(b.text, b.rule) for b in aside] == [
        ("以标准担当走前列作示范", "documents.running_heads.title"),
        ("杭州市", "documents.running_heads.place"),
    ]
    assert "以标准担当走前列作示范" not in [b.text for b in docs[0].blocks]
    kept_conserved(blocks, docs, aside)


def test_a_title_block_the_layout_only_moved_is_no_running_head():
    """The report's title printed once, after its first page (with its delivery line and
    the governor's name): no contents page prints it, no place label is under it, no
    paragraph runs on across it."""
    blocks = [
        blk("各位代表：", 1),
        blk("一、过去一年的工作", 2, "heading"),
        blk(BODY, 3),
        blk("浙江省省长 王 浩", 4, "byline"),
        blk("政府工作报告", 5, "heading"),
        blk("——2024年1月23日在浙江省第十四届人民代表大会第二次会议上", 6, "heading"),
        blk(BODY, 7),
    ]
    doc = DocumentSpan(ordinal=1, blocks=blocks, title="政府工作报告")
    assert running_heads(doc, set(), Contents()) == {}
    doc.title = "其他标题"
    assert running_heads(doc, {"领导要论"}, Contents()) == {}


def test_a_short_heading_that_repeats_nothing_stays_a_heading():
    blocks = [
        blk("春天的故事", 1, "heading"),
        blk(BODY, 2),
        blk("小标题", 3, "heading"),
        blk(BODY, 4),
    ]
    aside: list = []
    docs = split(blocks, aside)
    assert aside == [] and [b.text for b in docs[0].blocks][2] == "小标题"
