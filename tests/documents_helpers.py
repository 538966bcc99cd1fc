"""Small hand-written blocks for the tests of the documents stage."""

from pipelines.text.documents import split_documents
from pipelines.text.model import Block

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
