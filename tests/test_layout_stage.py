"""The layout stage as a whole: the hand-written fixtures, the evaluation targets, conservation on every source, never raising."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.evaluation.layout import blocks_for, evaluate, load_fixtures, source_path
from pipelines.text.layout import check_conservation, recover_layout
from pipelines.text.model import PARAGRAPH_KINDS, REMOVED_KINDS, Line
from pipelines.text.normalize import load_lines


def _lines(text: str) -> list[Line]:
    return [Line(i, t.rstrip()) for i, t in enumerate(text.split("\n"), 1)]


def _check_file(path: Path) -> None:
    lines, _ = load_lines(path.read_bytes(), file_name=path.name)
    blocks = recover_layout(lines)
    assert check_conservation(lines, blocks) == []
    for b in blocks:
        assert (b.removed_kind in REMOVED_KINDS) if b.removed else (b.kind in PARAGRAPH_KINDS)


_chars = (
    st.sampled_from(
        list(
            "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研导由世"
        )
    )
    | st.sampled_from(list("，。、；：！？“”（）■ 　abc123#—")),
)

_text = st.lists(st.text(alphabet=st.one_of(*_chars), max_size=40), max_size=40).map(
    lambda ls: "\n".join(ls)
)

_COL = [
    "主题教育开展以来全市上下紧扣",
    "总要求，深入开展调查研究活动，",
    "推动各项工作取得了明显的成效，",
]


def test_fixture_counts() -> None:
    paragraphs, removals = load_fixtures()
    assert len(paragraphs) >= 80 and len(removals) >= 30
    assert len({p["source"] for p in paragraphs if p.get("corpus")}) >= 2


@pytest.mark.parametrize("fx", load_fixtures()[0], ids=lambda f: f["text"][:12])
def test_fixture_paragraph(fx: dict) -> None:
    path = source_path(fx)
    if not path.is_file():
        pytest.skip("source not available")
    hits = [b for b in blocks_for(path) if not b.removed and b.text == fx["text"]]
    assert hits, fx["text"]
    assert any(b.kind == fx["kind"] for b in hits)


@pytest.mark.parametrize("fx", load_fixtures()[1], ids=lambda f: f["text"][:12])
def test_fixture_removal(fx: dict) -> None:
    path = source_path(fx)
    if not path.is_file():
        pytest.skip("source not available")
    want = "".join(fx["text"].split())
    hits = [b for b in blocks_for(path) if b.removed and want in "".join(b.text.split())]
    assert any(b.removed_kind == fx["removed_kind"] for b in hits)


def test_evaluation_targets() -> None:
    r = evaluate()
    assert r["paragraph_exact_rate"] >= 0.95


def test_conservation_on_seeds(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        _check_file(path)


def test_conservation_on_corpus(corpus_dir: Path) -> None:
    for path in sorted(corpus_dir.glob("*.txt")):
        _check_file(path)


@settings(max_examples=200, deadline=None)
@given(_text)
def test_never_raises_and_conserves(text: str) -> None:
    lines = _lines(text)
    blocks = recover_layout(lines)
    assert check_conservation(lines, blocks) == []
    numbers = {ln.number for ln in lines}
    for b in blocks:
        assert set(b.lines) <= numbers
        assert b.line_start <= b.line_end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_is_safe(text: str) -> None:
    lines = _lines(text)
    assert check_conservation(lines, recover_layout(lines)) == []


def test_a_very_long_doubled_line_does_not_break_the_layout() -> None:
    lines = _lines("\n".join([*_COL, "啊" * 2100, "页码 PAGE", "PAGE"]))
    blocks = recover_layout(lines)
    assert [b.text for b in blocks if b.removed] == ["PAGE"]  # furniture still found
    assert check_conservation(lines, blocks) == []
