"""Small hand-written blocks and documents for the tests of the sections stage."""

from pipelines.text.model import Block, DocumentSpan
from pipelines.text.sections import build_sections

BODY = "这是正文，内容比较长，用来模拟一个真正的段落。这里还有第二句话。"


def blk(text: str, line: int, kind: str = "body", rule: str | None = None, n: int = 1) -> Block:
    """A block printed on `n` lines from `line`."""
    lines = tuple(range(line, line + n))
    return Block(text=text, line_start=line, line_end=lines[-1], kind=kind, lines=lines, rule=rule)


def sectioned(blocks: list[Block], title: str = "题") -> DocumentSpan:
    """A document of these blocks, through the sections stage."""
    doc = DocumentSpan(ordinal=1, blocks=blocks, title=title)
    build_sections(doc)
    return doc


def doc_of(*texts: str) -> DocumentSpan:
    """A document of one-line blocks, one per text, through the sections stage."""
    return sectioned([blk(t, i) for i, t in enumerate(texts, 1)])
