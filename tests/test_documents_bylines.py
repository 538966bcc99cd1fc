"""Bylines: rescued from the layout, run in, with a role line."""

from documents_helpers import BODY, blk, removed, split


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
