"""The text stages take work near-linear in their input, on the inputs that once made them
quadratic: a page scraped thousands of times, thousands of short lines, a line of a
hundred thousand characters without punctuation.

Work is counted, never timed: the Python lines executed (`sys.settrace` line events) for
an input of size n and of size 4n. Linear work grows four times; n log n a little more;
quadratic work sixteen times. (C-level work such as a regular expression is one line.)
"""

import sys
from collections.abc import Callable
from typing import Any

import pytest

from pipelines.text.documents import run_documents
from pipelines.text.layout import layout_blocks
from pipelines.text.model import Block
from pipelines.text.normalize import to_lines
from pipelines.text.repair import mark_repeated_runs

#: Work for 4n over work for n that still counts as near-linear (n log n at these sizes
#: is about 4.9; quadratic 16).
MAX_GROWTH = 6.0

_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
    "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现"
    "实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表"
)


def line_events(fn: Callable[..., Any], *args: Any) -> int:
    """Python lines executed by fn(*args)."""
    count = 0

    def local(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    sys.settrace(lambda frame, event, arg: local)
    try:
        fn(*args)
    finally:
        sys.settrace(None)
    return count


def growth(fn: Callable[..., Any], make: Callable[[int], Any], n: int) -> float:
    """Work for an input of size 4n over work for size n (after one warm-up run)."""
    fn(make(n))
    return line_events(fn, make(4 * n)) / line_events(fn, make(n))


def _word(k: int) -> str:
    return "".join(_HAN[(k * step) % len(_HAN)] for step in (7, 13, 17, 3))


def scraped_pages(copies: int) -> str:
    """A web page (toolbar, title, an opening, three numbered paragraphs) scraped again and
    again, as a heavy scrape does."""
    page = (
        "当前位置： 首页>> 新闻\n\n关于做好春季农业生产工作的通知\n\n"
        "各县区人民政府，市直各有关单位：为切实做好今年春季农业生产工作，确保粮食稳定增产。\n\n"
        "一、加强组织领导，压实各级责任，把春耕备耕工作摆上重要议事日程。\n\n"
        "二、强化农资供应保障，确保种子、化肥、农药等生产资料供应充足。\n\n"
        "三、做好技术指导服务，组织农技人员深入田间地头开展技术培训。\n\n"
    )
    return page * copies


def short_lines(n: int) -> str:
    """Short lines of every kind the stages look at twice: place labels, titles worded
    like documents, bylines, salutations, title-like lines."""
    kinds = ("{}市", "关于{}工作的通知", "■{}", "各位代表：", "{}发展", "同志们：")
    return "\n".join(kinds[k % len(kinds)].format(_word(k)) for k in range(n)) + "\n"


def long_line(n: int) -> str:
    """One line of n characters without any punctuation."""
    return "".join(_HAN[(k * 31) % len(_HAN)] for k in range(n)) + "\n"


def _layout(text: str) -> list[Block]:
    return layout_blocks(to_lines(text))[0]


PATHOLOGICAL = [
    pytest.param(scraped_pages, 100, id="a page scraped hundreds of times"),
    pytest.param(short_lines, 500, id="thousands of short lines"),
    pytest.param(long_line, 25_000, id="a line of 100k characters without punctuation"),
]


def test_setting_aside_copies_of_a_page_takes_work_linear_in_the_copies():
    """2,000 copies of a page once took 12 s: each copy scanned every block again."""

    def copies(n: int) -> list[Block]:
        blocks = []
        for c in range(n):
            line = 10 * c
            blocks.append(
                Block(
                    "新闻中心",
                    line,
                    line,
                    kind="removed",
                    removed_kind="page_furniture",
                    reason="a running head",
                    lines=(line,),
                )
            )
            for p in range(1, 6):
                text = f"第{p}段正文的内容足够长，可以参与重复页面的比较与识别。"
                blocks.append(Block(text, line + p, line + p, lines=(line + p,)))
        return blocks

    assert growth(mark_repeated_runs, copies, 100) <= MAX_GROWTH


@pytest.mark.parametrize(("make", "n"), PATHOLOGICAL)
def test_the_layout_stage_takes_near_linear_work(make: Callable[[int], str], n: int):
    assert growth(_layout, make, n) <= MAX_GROWTH


@pytest.mark.parametrize(("make", "n"), PATHOLOGICAL)
def test_the_documents_stage_takes_near_linear_work(make: Callable[[int], str], n: int):
    blocks = {size: _layout(make(size)) for size in (n, 4 * n)}
    assert growth(run_documents, lambda size: blocks[size], n) <= MAX_GROWTH


_BODY = "这是正文的第一句话，内容比较长，用来模拟一个真正的段落。这里还有第二句话，继续说明情况。"


def _line(text: str, n: int, kind: str = "body", removed_kind: str | None = None) -> Block:
    reason = "set aside" if removed_kind else None
    return Block(text, n, n, kind=kind, removed_kind=removed_kind, reason=reason, lines=(n,))


def contents_and_paragraphs(n: int) -> list[Block]:
    """A contents page of n entries, then n paragraphs over two lines each, that do not end
    their sentence (where a title the contents page lists may be glued)."""
    out = [
        _line(
            f"{10 + k % 90} {_word(k)}：{_word(k + 1)}{_word(k + 2)}/张三", k + 1, "removed", "toc"
        )
        for k in range(n)
    ]
    for k in range(n):
        line = n + 10 + 3 * k
        text = f"{_BODY}{_word(k)}正在推进{_word(k + 5)}"
        out.append(Block(text, line, line + 1, lines=(line, line + 1)))
    return out


def titles_over_place_labels(n: int) -> list[Block]:
    """A bylined article with n title lines, each over a place label the layout set aside."""
    out = [_line("■张 三", 1)]
    for k in range(n):
        out.append(_line(f"{_word(k)}{_word(k + 1)}的实践", 3 * k + 2, "heading"))
        out.append(_line(f"{_word(k)}市", 3 * k + 3, "removed", "page_furniture"))
        out.append(_line(_BODY, 3 * k + 4))
    return out


@pytest.mark.parametrize(
    ("make", "n"),
    [
        pytest.param(contents_and_paragraphs, 100, id="a contents page of hundreds of entries"),
        pytest.param(titles_over_place_labels, 200, id="hundreds of titles over place labels"),
    ],
)
def test_the_documents_stage_takes_near_linear_work_on_its_own_inputs(
    make: Callable[[int], list[Block]], n: int
):
    assert growth(run_documents, make, n) <= MAX_GROWTH
