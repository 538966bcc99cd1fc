"""The pass mechanism: passes run in order with counters, read only what is given or
assigned before them, never change what they were given; every pass and rule id is
written once, in the module it names; the README lists the passes as the tuples hold them."""

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.text import stages
from pipelines.text.documents import DOCUMENT_PASSES
from pipelines.text.documents.state import DocumentState
from pipelines.text.facts.stage import FACT_PASSES
from pipelines.text.layout import LAYOUT_PASSES
from pipelines.text.layout.state import LayoutState
from pipelines.text.model import Block
from pipelines.text.normalize import load_lines, to_lines
from pipelines.text.passes import (
    PASSES,
    RULES,
    Counters,
    Pass,
    _count_changes,
    _Units,
    check_passes,
    rule,
    run_passes,
)
from pipelines.text.sections import SECTION_PASSES
from pipelines.text.tables import build_source_tables

REPO = Path(__file__).resolve().parents[1]
TEXT = REPO / "pipelines" / "text"


@dataclass(frozen=True)
class _Toy:
    blocks: tuple[Block, ...]

    def units(self) -> tuple[Block, ...]:
        return self.blocks


def test_a_pass_is_counted_for_the_blocks_it_made_and_the_rules_it_applied():
    def mark_short(state: _Toy, counters: Counters) -> _Toy:
        """Short blocks are set aside."""
        out = []
        for b in state.blocks:
            if len(b.text) < 3:
                b = replace(b, kind="removed", removed_kind="page_furniture", rule="toy.a.short")
                counters.add("short")
            out.append(b)
        return _Toy(tuple(out))

    def reverse(state: _Toy, counters: Counters) -> _Toy:
        """Only reorders."""
        return _Toy(state.blocks[::-1])

    blocks = tuple(Block(t, n, n) for n, t in enumerate(["长一些的正文。", "页", "二"], 1))
    stats: dict[str, dict[str, int]] = {}
    toy = (Pass("toy.a.mark_short", mark_short), Pass("toy.a.reverse", reverse))
    out = run_passes(toy, _Toy(blocks), stats)
    assert stats == {
        "toy.a.mark_short": {"short": 2, "touched": 2, "toy.a.short": 2},
        "toy.a.reverse": {"touched": 0},
    }
    assert [b.text for b in out.blocks] == ["二", "页", "长一些的正文。"]
    assert not any(b.removed for b in blocks), "the given blocks are left as they were"


def _plain_counts(before: tuple[Block, ...], after: tuple[Block, ...]) -> dict[str, int]:
    """The counters as every unit's identity says: made = in after, not before."""
    ids_before, ids_after = set(map(id, before)), set(map(id, after))
    made = [u for u in after if id(u) not in ids_before]
    dropped = [u for u in before if id(u) not in ids_after]
    gained = Counter(u.rule for u in made if u.rule) - Counter(u.rule for u in dropped if u.rule)
    return {"touched": len(made), **gained}


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_a_pass_is_counted_the_same_whether_it_replaced_units_in_place_or_not(data):
    """Made and dropped units are found from the places that changed when a pass kept the
    number of units; the counts are those of the units' identities, whatever it did (put
    new units in place, reordered, repeated a unit, dropped or added some)."""
    pool = [Block(f"第{k}段", k, k, rule=["x.y.a", "x.y.b", None][k % 3]) for k in range(8)]
    before = tuple(data.draw(st.lists(st.sampled_from(pool), max_size=8)))
    fresh = [replace(b, rule=r) for b in pool for r in ("x.y.a", None)]
    after = tuple(data.draw(st.lists(st.sampled_from(pool + fresh), max_size=8)))
    if data.draw(st.booleans()) and before:  # most passes: some units replaced in place
        places = data.draw(st.lists(st.integers(0, len(before) - 1), max_size=3))
        after = tuple(
            data.draw(st.sampled_from(fresh)) if k in places else u for k, u in enumerate(before)
        )
    counters = Counters()
    _count_changes(_Units(before), _Units(after), counters)
    assert counters == _plain_counts(before, after)


def test_a_field_read_before_any_pass_assigns_it_is_reported():
    first = Pass("toy.b.first", lambda s, c: s, requires=("lines",), assigns=("items",))
    second = Pass("toy.b.second", lambda s, c: s, requires=("items", "blocks"))
    assert check_passes((first, second), given=("lines",)) == [
        "toy.b.second requires 'blocks', which nothing before it assigns"
    ]
    assert check_passes((second, first), given=("lines",))


def test_the_stages_read_only_what_is_given_or_assigned_before():
    assert check_passes(LAYOUT_PASSES, given=("lines",)) == []
    assert check_passes(DOCUMENT_PASSES, given=("blocks",)) == []
    assert check_passes(SECTION_PASSES, given=("doc",)) == []
    assert check_passes(FACT_PASSES, given=("text", "folded", "doc_year", "context")) == []


def test_a_rule_id_names_its_module_and_is_defined_once():
    with pytest.raises(ValueError, match="form"):
        rule("nodots", "a rule")
    some = next(iter(RULES))
    with pytest.raises(ValueError, match="twice"):
        rule(some, "the same id again")


def _python_sources() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(TEXT.rglob("*.py"))}


@pytest.mark.parametrize("kind", ["rule", "pass"])
def test_every_id_is_written_once_in_the_module_its_first_parts_name(kind: str):
    """A newcomer finds where a rule or pass lives from its id in one grep."""
    ids = sorted(RULES if kind == "rule" else PASSES)
    sources = _python_sources()
    problems = []
    for found in ids:
        places = [p for p, text in sources.items() for _ in range(text.count(f'"{found}"'))]
        module = TEXT.joinpath(*found.split(".")[:-1]).with_suffix(".py")
        if places != [module]:
            problems.append(f"{found}: {[str(p.relative_to(REPO)) for p in places]}")
    assert not problems, problems
    assert not set(RULES) & set(PASSES), "a pass and a rule share an id"


def test_every_rule_that_sets_text_aside_names_a_removed_kind_of_the_contract():
    from pipelines.text.model import REMOVED_KINDS

    assert all(r.removed_kind in (None, *REMOVED_KINDS) for r in RULES.values())
    assert all(r.reason for r in RULES.values())


def _snapshot(state: Any) -> Any:
    """Every value of a state, its units and documents included, as plain tuples."""

    def unit(u: Any) -> tuple[Any, ...]:
        return (type(u).__name__, *(getattr(u, f) for f in u.__slots__))

    out: list[Any] = [tuple(unit(u) for u in state.units())]
    for name in state.__slots__:
        value = getattr(state, name)
        if name == "documents" and value is not None:
            value = tuple(
                (
                    tuple(unit(b) for b in d.blocks),
                    *(repr(getattr(d, f)) for f in d.__dataclass_fields__),
                )
                for d in value
            )
        out.append(repr(value) if name in ("contents", "labels") else value)
    return out


def _sources(seeds_dir: Path, corpus_dir: Path) -> list[Path]:
    return [
        *sorted(seeds_dir.glob("00[0-3]*.txt")),
        corpus_dir / "ext_xwlb_20201103_14th_fyp_proposal.txt",
    ]


def test_no_pass_changes_the_state_or_the_blocks_it_was_given(seeds_dir: Path, corpus_dir: Path):
    csv_export = 'id,title,publish_date,text\n1,某某报告,2020-01-02,"第一段正文写在这里。\n第二段正文写在这里。"\n'
    inputs = [
        load_lines(p.read_bytes(), file_name=p.name)[0] for p in _sources(seeds_dir, corpus_dir)
    ]
    inputs.append(to_lines(csv_export))
    for lines in inputs:
        layout = LayoutState(tuple(lines))
        for step in LAYOUT_PASSES:
            before = _snapshot(layout)
            after = step.run(layout, Counters())
            assert _snapshot(layout) == before, step.id
            layout = after
        state = DocumentState(layout.blocks)
        for step in DOCUMENT_PASSES:
            before = _snapshot(state)
            after = step.run(state, Counters())
            assert _snapshot(state) == before, step.id
            state = after


def test_a_source_s_stats_name_every_pass_of_both_stages_in_order(seeds_dir: Path):
    path = sorted(seeds_dir.glob("*.txt"))[3]
    out = build_source_tables(path.name, path.read_bytes())
    assert list(out.stats) == [p.id for p in (*LAYOUT_PASSES, *DOCUMENT_PASSES, *SECTION_PASSES)]
    assert all("touched" in counters for counters in out.stats.values())
    removed_by_rule: dict[str, int] = {}
    for row in out.tables["removed"]:
        removed_by_rule[row["rule"]] = removed_by_rule.get(row["rule"], 0) + 1
    counted = {k for c in out.stats.values() for k in c}
    assert set(removed_by_rule) <= counted


def test_every_removed_row_carries_a_rule_of_its_kind(seeds_dir: Path, corpus_dir: Path):
    from pipelines.text.tables import source_documents

    for path in [*sorted(seeds_dir.glob("*.txt")), *sorted(corpus_dir.glob("*.txt"))]:
        lines, _ = load_lines(path.read_bytes(), file_name=path.name)
        removed, docs = source_documents(lines, path.name)
        for block in removed:
            assert block.rule in RULES, (path.name, block.rule, block.text[:30])
            assert RULES[block.rule].removed_kind == block.removed_kind, (path.name, block.rule)
        for doc in docs:
            assert doc.start_rule in RULES and doc.type_rule in RULES
            assert all(b.rule is None or b.rule in RULES for b in doc.blocks)


def test_the_readme_lists_the_passes_of_each_stage_as_the_tuples_hold_them():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert stages.readme_section() in readme, (
        "README.md is stale: run `.venv/bin/python -m pipelines.text.stages`"
    )
    for passes, _ in stages.STAGES.values():
        listed = [line for line in readme.splitlines() if any(f"`{p.id}`" in line for p in passes)]
        assert [p.id for p in passes] == [line.split("`")[1] for line in listed]


def test_the_facts_stage_counts_each_pass_and_gives_the_same_facts_with_stats() -> None:
    """extract_facts(stats=...) counts every pass of FACT_PASSES (what each added, what the
    filters dropped) and returns exactly the facts it returns without counting."""
    from pipelines.text.facts import extract_facts
    from pipelines.text.facts.stage import FACT_PASSES

    text = "国务院总理李克强6日在北京会见世界银行行长，双方同意将贸易额提高到300亿美元。"
    stats: dict[str, dict[str, int]] = {}
    with_stats = extract_facts(text, doc_year=2018, stats=stats)
    assert with_stats == extract_facts(text, doc_year=2018)
    assert list(stats) == [p.id for p in FACT_PASSES]
    assert stats["facts.families.organizations"]["touched"] >= 2  # 国务院, 世界银行
    assert stats["facts.dates.extract"]["touched"] == 1
    assert sum(c.get("touched", 0) for c in stats.values()) >= len(with_stats)
