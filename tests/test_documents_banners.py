"""Headings with no text under them are page furniture, not documents."""

from documents_helpers import BODY, blk, split

from pipelines.text.model import Block


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
