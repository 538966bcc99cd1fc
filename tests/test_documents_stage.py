"""The documents stage as a whole: the contract's kinds and types, nothing lost (property), and the fixtures written by reading the raw seeds and corpus files."""

from dataclasses import replace

import pytest
from documents_helpers import BODY, blk, kept_conserved, removed, split
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.evaluation.documents import (
    doc_text,
    flat,
    load_fixtures,
    match_documents,
    run_source,
    source_path,
)
from pipelines.text.documents import run_documents
from pipelines.text.model import DOC_TYPES, PARAGRAPH_KINDS

#: The blind fixtures (`blind: true`: written before the pipeline ran on their texts, never
#: tuned on) are measured by `make eval`, not held to the tuned fixtures' floors: the 2018
#: report's title is printed under the file's own label line, and a salutation run into the
#: speaker's name line lets the report's second `各位代表！` open a document.
FIXTURES = [fx for fx in load_fixtures() if not fx.get("blind")]

#: Lowest share of a fixture's documents that must be found with their exact title, and of
#: its checks (authors, subtitle, rubric, type, date, first/last sentence…) that must hold.
#: The magazine issue (seed 004) is a flattened print layout where most titles sit in the
#: middle of their article; every one is now found. Seed 000's record resumes after an
#: inserted chronicle page inside the chronicle's document (its `last` check fails). Raise
#: these as the stages improve, never lower them to hide a regression.
MIN_RECALL: dict[str, float] = {}

MIN_CHECKS = {"seed_004.yaml": 0.97, "seed_000.yaml": 0.85}


@pytest.fixture(scope="module")
def runs(seeds_dir, corpus_dir):
    pytest.importorskip("pipelines.text.layout")  # the layout stage is written in parallel
    out = {}
    for fx in FIXTURES:
        path = source_path(fx)
        if path.exists():
            out[fx["fixture"]] = run_source(path)
    return out


CHECK_KEYS = ("authors", "author_roles", "subtitle", "rubric", "issuer", "doc_type", "publish_date")


def fixture_problems(fx, docs) -> set[str]:
    """Every difference between a fixture and the pipeline's documents, as short strings."""
    problems: set[str] = set()
    expected = fx["documents"]
    matches = match_documents(expected, docs)
    for n, (exp, m) in enumerate(zip(expected, matches, strict=True)):
        label = exp.get("title") or f"#{n}"
        if m is None:
            problems.add(f"missing {label}")
            continue
        doc = docs[m]
        text = doc_text(doc)
        for key in (
            "authors",
            "author_roles",
            "subtitle",
            "rubric",
            "issuer",
            "doc_type",
            "publish_date",
        ):
            if key in exp and getattr(doc, key) != exp[key]:
                problems.add(f"{key} {label}")
        if exp.get("first") and flat(exp["first"]) not in text:
            problems.add(f"first {label}")
        if exp.get("last") and flat(exp["last"]) not in text:
            problems.add(f"last {label}")
        if exp.get("note") and not any(
            b.kind == "note" and flat(exp["note"]) in flat(b.text) for b in doc.blocks
        ):
            problems.add(f"note {label}")
        if exp.get("signature") and not any(
            b.kind == "signature" and flat(exp["signature"]) in flat(b.text) for b in doc.blocks
        ):
            problems.add(f"signature {label}")
    used = {m for m in matches if m is not None}
    for k, doc in enumerate(docs):
        if k not in used:
            problems.add(f"extra {doc.title or '@' + str(doc.line_start)}")
    return problems


_POOL = [
    BODY,
    "按：现将报告印发。",
    "■杨 晨",
    "本刊记者",
    "经 济",
    "某某同志在会议上的报告",
    "一、总体要求",
    "1．坚持党的领导。要把党的领导贯穿始终。",
    "中共某某市委",
    "2020年1月30日",
    "各位代表：",
    "1 月",
    "同日 某某会议召开。",
    "记者张三 通讯员李四报道 会议召开。",
    "短句没有句号",
]


def test_kinds_and_types_stay_in_the_contract():
    blocks = [
        blk("按：现将报告印发。", 1, "note"),
        blk("某某同志在会议上的报告", 2),
        blk(BODY, 3),
        removed("PAGE", 4, "page_furniture"),
        blk("■今 杭", 5),
        blk(BODY, 6),
    ]
    docs = split(blocks)
    for doc in docs:
        assert doc.doc_type in DOC_TYPES
        for b in doc.blocks:
            assert b.kind in PARAGRAPH_KINDS
    kept_conserved(blocks, docs)
    assert [d.ordinal for d in docs] == list(range(1, len(docs) + 1))


def test_empty_input():
    assert split([]) == []
    assert split([removed("PAGE", 1, "page_furniture")]) == []


@pytest.mark.parametrize("fx", FIXTURES, ids=[f["fixture"] for f in FIXTURES])
def test_fixture_documents(fx, runs):
    docs = runs.get(fx["fixture"])
    if docs is None:
        pytest.skip("source file not available")
    problems = fixture_problems(fx, docs)
    expected = fx["documents"]
    missing = {p for p in problems if p.startswith("missing ")}
    recall = 1 - len(missing) / len(expected)
    checks = sum(
        sum(key in exp for key in CHECK_KEYS) + bool(exp.get("first")) + bool(exp.get("last"))
        for exp in expected
    )
    failed = len([p for p in problems if not p.startswith(("missing ", "extra "))])
    name = fx["fixture"]
    assert recall >= MIN_RECALL.get(name, 1.0), sorted(problems)
    assert 1 - failed / max(1, checks) >= MIN_CHECKS.get(name, 0.9), sorted(problems)


@pytest.mark.parametrize("fx", FIXTURES, ids=[f["fixture"] for f in FIXTURES])
def test_fixture_every_kept_block_once(fx, runs):
    docs = runs.get(fx["fixture"])
    if docs is None:
        pytest.skip("source file not available")
    seen = [id(b) for d in docs for b in d.blocks]
    assert len(seen) == len(set(seen))
    lines = [d.line_start for d in docs]
    assert lines == sorted(lines)
    for doc in docs:
        assert doc.line_start <= doc.line_end
        assert doc.doc_type in DOC_TYPES


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_POOL), st.booleans(), st.booleans()), max_size=25))
def test_every_kept_block_lands_in_exactly_one_document(items):
    blocks = []
    for n, (text, is_removed, is_md) in enumerate(items, start=1):
        if is_removed:
            blocks.append(removed(text, n, "page_furniture"))
        else:
            blocks.append(blk(text, n, "heading" if is_md else "body", md=2 if is_md else None))
    given_blocks = [replace(b) for b in blocks]
    found = run_documents(blocks, source_name="test.txt")
    docs = found.documents
    # every block, kept or removed, is in exactly one document or stays removed (a byline
    # the layout set aside comes back to the text): nothing lost, nothing twice
    placed = sorted(
        [*(b for d in docs for b in d.blocks), *found.removed], key=lambda b: b.line_start
    )
    assert "".join(b.text for b in placed).replace(" ", "") == "".join(
        b.text for b in blocks
    ).replace(" ", "")
    still_removed = {(b.line_start, b.text) for b in found.removed}
    given_back = [  # bylines the layout had set aside
        replace(b, kind="byline")
        for b in blocks
        if b.removed and (b.line_start, b.text) not in still_removed
    ]
    kept = sorted([*(b for b in blocks if not b.removed), *given_back], key=lambda b: b.line_start)
    kept_conserved(kept, docs, found.set_aside)
    assert blocks == given_blocks, "the given blocks are left as they were"
    starts = [d.line_start for d in docs]
    assert starts == sorted(starts)
    for doc in docs:
        assert doc.blocks and doc.doc_type in DOC_TYPES
        assert all(b.kind in PARAGRAPH_KINDS for b in doc.blocks)
