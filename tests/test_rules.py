"""Every rule has a small fixture that fires it (datatrove's `check_filter(..., reason)`).

A fixture is `tests/fixtures/rules/<stage>/<rule id>.yaml`: a small source text (`input`,
run through the build's whole chain up to sections) or, for a rule of the documents stage,
the blocks that stage gets (`blocks`: `[kind, text]` or `[kind, text, lines]`, kind
`removed:<removed kind>` for a removed block, `heading:md2` for a markdown heading, one
raw line each unless `lines` says how many, or which). The test asserts that the rule fired (a pass
counted it) and what `expect` says it made:

* `text`: a block the rule decided (removed or kept) holds this text (spaces ignored);
* `kind`: that block's kind (or removed kind);
* `on_row`: the rule that block carries, when a rule extends a region another opened
  (the lines of a ■ pull-quote box are one row, with the ■ line's rule);
* `title`: a document the rule opened or typed has this title;
* `paragraphs`: these are paragraphs of the output, exactly;
* `documents`: the number of documents;
* `sections`: these `[label, title, kind]` are sections of the output, one of them found by
  the rule (unless `section_rule: false`: a rule that completes another's heading), and
  `not_sections`: these titles are no section.
"""

from pathlib import Path
from typing import Any

import pytest
import yaml

from pipelines.text import stages  # noqa: F401 - registers the rules of every stage
from pipelines.text.documents import run_documents
from pipelines.text.model import Block, DocumentSpan
from pipelines.text.normalize import to_lines
from pipelines.text.passes import RULES
from pipelines.text.sections import build_sections
from pipelines.text.tables import source_documents

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"


def load_rule_fixtures() -> list[dict[str, Any]]:
    out = []
    for path in sorted(FIXTURES.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["path"] = path
        out.append(data)
    return out


FIXTURE_LIST = load_rule_fixtures()


def _nows(text: str) -> str:
    return "".join(text.split())


def _blocks(spec: list[list[Any]], printed: dict[int, str] | None = None) -> list[Block]:
    """The blocks of a fixture; a text of several lines (`a\nb`) is one block of those
    printed lines (their text goes into `printed`, by raw line number)."""
    out, line = [], 1
    for item in spec:
        kind, text = item[0], item[1]
        n = item[2] if len(item) > 2 else 1
        lines = tuple(n) if isinstance(n, list) else tuple(range(line, line + n))
        line = max(line, lines[-1] + 1)
        if printed is not None and "\n" in text:
            printed.update(zip(lines, text.split("\n"), strict=True))
            text = text.replace("\n", "")
        md = None
        removed_kind = reason = None
        if kind.startswith("removed:"):
            kind, removed_kind, reason = "removed", kind.split(":")[1], "set aside by the layout"
        elif ":md" in kind:
            kind, md = kind.split(":md")[0], int(kind.split(":md")[1])
        out.append(
            Block(
                text=text,
                line_start=lines[0],
                line_end=lines[-1],
                kind=kind,
                removed_kind=removed_kind,
                reason=reason,
                md_level=md,
                lines=lines,
            )
        )
    return out


def run_fixture(fx: dict[str, Any]) -> tuple[list[Block], list[DocumentSpan], set[str]]:
    """(removed blocks, documents, every counter name of every pass) for a fixture."""
    stats: dict[str, dict[str, int]] = {}
    if "blocks" in fx:
        printed: dict[int, str] = {}
        blocks = _blocks(fx["blocks"], printed)
        found = run_documents(blocks, source_name="fixture.txt", stats=stats)
        removed, docs = found.removed, found.documents
        for doc in docs:
            build_sections(doc, line_text=printed.get, stats=stats)
    else:
        removed, docs = source_documents(to_lines(fx["input"]), "fixture.txt", stats=stats)
    fired = {name for counters in stats.values() for name, n in counters.items() if n}
    return removed, docs, fired


def test_every_rule_has_a_fixture_and_every_fixture_a_rule():
    named = {fx["rule"] for fx in FIXTURE_LIST}
    assert sorted(set(RULES) - named) == [], "rules without a fixture"
    assert sorted(named - set(RULES)) == [], "fixtures of no rule"
    for fx in FIXTURE_LIST:
        assert fx["path"].stem == fx["rule"] or fx["path"].stem.startswith(fx["rule"] + "--")
        assert fx["path"].parent.name == fx["rule"].split(".")[0]
        assert ("input" in fx) != ("blocks" in fx), fx["path"].name


@pytest.mark.parametrize("fx", FIXTURE_LIST, ids=[fx["path"].stem for fx in FIXTURE_LIST])
def test_the_fixture_fires_its_rule(fx: dict[str, Any]):
    removed, docs, fired = run_fixture(fx)
    rule_id = fx["rule"]
    assert rule_id in fired, f"{rule_id} did not fire; fired: {sorted(fired)}"
    expect = fx.get("expect") or {}
    on_row = expect.get("on_row", rule_id)
    decided = [b for b in [*removed, *(b for d in docs for b in d.blocks)] if b.rule == on_row]
    if "text" in expect:
        hits = [b for b in decided if _nows(expect["text"]) in _nows(b.text)]
        assert hits, (rule_id, [b.text for b in decided])
        if "kind" in expect:
            assert any(expect["kind"] in (b.kind, b.removed_kind) for b in hits), hits
    if "title" in expect:
        opened = [d for d in docs if rule_id in (d.start_rule, d.type_rule)]
        assert any(d.title == expect["title"] for d in opened), [d.title for d in opened]
    if "paragraphs" in expect:
        kept = [b.text for d in docs for b in d.blocks]
        for text in expect["paragraphs"]:
            assert text in kept, (text, kept)
    if "sections" in expect:
        got = [(s.label or "", s.title, s.kind) for d in docs for s in d.sections]
        for item in expect["sections"]:
            assert tuple(item) in got, (item, got)
        if expect.get("section_rule", True):  # a rule that finds sections: one of them
            assert rule_id in {s.rule for d in docs for s in d.sections}, got
    for title in expect.get("not_sections", []):
        assert all(s.title != title for d in docs for s in d.sections), title
    if "documents" in expect:
        assert len(docs) == expect["documents"], [d.title for d in docs]
    if RULES[rule_id].removed_kind:
        assert any(b.removed_kind == RULES[rule_id].removed_kind for b in decided), decided
