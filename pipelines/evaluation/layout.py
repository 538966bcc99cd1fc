"""Evaluation of the layout stage against hand-written fixtures.

The fixtures in `tests/fixtures/layout/` were written by reading the raw texts: whole
expected paragraphs (reflowed, layout spaces removed) and expected removals. This module
measures how many paragraphs come out exactly, how well removals are found, and whether
any pull-quote or table-of-contents line is left in the body text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pipelines.paths import CORPUS_DIR, REPO_ROOT, SEEDS_DIR
from pipelines.text.model import Block
from pipelines.text.normalize import load_lines
from pipelines.text.passes import Stats
from pipelines.text.tables import source_blocks
from pipelines.yaml_text import safe_load

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "layout"


def _nows(text: str) -> str:
    return "".join(text.split())


def load_fixtures() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(paragraph fixtures, removal fixtures) from every YAML file of the fixture folder."""
    paragraphs: list[dict[str, Any]] = []
    removals: list[dict[str, Any]] = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = safe_load(path.read_text(encoding="utf-8")) or {}
        paragraphs += data.get("paragraphs", [])
        removals += data.get("removals", [])
    return paragraphs, removals


def source_path(fixture: dict[str, Any]) -> Path:
    """Where a fixture's source file lives (seeds, or the external corpus)."""
    return (CORPUS_DIR if fixture.get("corpus") else SEEDS_DIR) / fixture["source"]


@cache
def _run(path: Path) -> tuple[tuple[Block, ...], Stats]:
    lines, _ = load_lines(path.read_bytes(), file_name=path.name)
    stats: Stats = {}
    return tuple(source_blocks(lines, stats)[0]), stats


def blocks_for(path: Path) -> tuple[Block, ...]:
    """The layout blocks of one source file as the build makes them (CSV export unwrapped,
    collapsed paragraphs split, repeated pages set aside; cached: fixtures share sources)."""
    return _run(path)[0]


def stats_for(paths: list[Path]) -> Stats:
    """The layout stage's per-pass counters, summed over the given sources."""
    total: Stats = {}
    for path in paths:
        for pass_id, counters in _run(path)[1].items():
            mine = total.setdefault(pass_id, {})
            for name, value in counters.items():
                mine[name] = mine.get(name, 0) + value
    return total


def print_stats(stats: Stats, title: str) -> None:
    """Per-pass counters, one pass a line, in stage order: blocks touched, then how often
    each rule fired (sorted by id)."""
    print(title)
    for pass_id, counters in stats.items():
        rules = ", ".join(f"{k} {v}" for k, v in sorted(counters.items()) if k != "touched")
        print(
            f"  {pass_id:44} touched {counters.get('touched', 0):>5}"
            + (f"  {rules}" if rules else "")
        )


def evaluate() -> dict[str, Any]:
    """Measure the layout stage on the fixtures; returns figures and the failures."""
    paragraphs, removals = load_fixtures()
    exact = kind_ok = 0
    para_fail: list[dict[str, Any]] = []
    checked_p = 0
    for fx in paragraphs:
        path = source_path(fx)
        if not path.is_file():
            continue
        checked_p += 1
        kept = [b for b in blocks_for(path) if not b.removed]
        hit = [b for b in kept if b.text == fx["text"]]
        if hit:
            exact += 1
            kind_ok += any(b.kind == fx["kind"] for b in hit)
            if fx.get("md_level") is not None and all(b.md_level != fx["md_level"] for b in hit):
                para_fail.append({**fx, "problem": "md_level"})
        else:
            want = _nows(fx["text"])
            near = [
                f"{b.text} ({b.kind}, {b.rule})"
                for b in kept
                if want[:12] and want[:12] in _nows(b.text)
            ]
            para_fail.append({**fx, "got": near[:2]})
    found = kind_right = 0
    rem_fail: list[dict[str, Any]] = []
    checked_r = 0
    for fx in removals:
        path = source_path(fx)
        if not path.is_file():
            continue
        checked_r += 1
        want = _nows(fx["text"])
        hits = [b for b in blocks_for(path) if b.removed and want in _nows(b.text)]
        if hits:
            found += 1
            if any(b.removed_kind == fx["removed_kind"] for b in hits):
                kind_right += 1
            else:
                rem_fail.append({**fx, "got_kind": hits[0].removed_kind, "rule": hits[0].rule})
        else:
            rem_fail.append({**fx, "got_kind": None})
    # precision over the removed blocks that touch fixture text: a true positive holds an
    # expected removal; a false positive holds text of an expected paragraph that the kept
    # text lacks (the removal took text the body needed). A removed second copy of kept
    # text (a repeated running head, a TOC rubric, a page scraped again, a caption read
    # twice) touches an expected paragraph but loses nothing: it counts neither way.
    tp = fp = 0
    sources = {source_path(fx) for fx in paragraphs + removals if source_path(fx).is_file()}
    for path in sources:
        want_removed = [_nows(fx["text"]) for fx in removals if source_path(fx) == path]
        want_kept = [_nows(fx["text"]) for fx in paragraphs if source_path(fx) == path]
        kept_text = "\n".join(_nows(b.text) for b in blocks_for(path) if not b.removed)
        for b in blocks_for(path):
            t = _nows(b.text)
            if not b.removed or len(t) < 2:
                continue
            if any(w in t or t in w for w in want_removed):
                tp += 1
            elif any(t in w for w in want_kept) and t not in kept_text:
                fp += 1
    leaks = _leaks(removals)
    return {
        "paragraph_fixtures": checked_p,
        "paragraphs_exact": exact,
        "paragraph_exact_rate": exact / checked_p if checked_p else 0.0,
        "paragraph_kind_rate": kind_ok / exact if exact else 0.0,
        "removal_fixtures": checked_r,
        "removal_recall": found / checked_r if checked_r else 0.0,
        "removal_kind_accuracy": kind_right / found if found else 0.0,
        "removal_precision": tp / (tp + fp) if tp + fp else 1.0,
        "removal_false_positives": fp,
        "pull_quote_or_toc_lines_in_body": leaks,
        "paragraph_failures": para_fail,
        "removal_failures": rem_fail,
        "stats": stats_for(sorted(sources)),
    }


def _leaks(removals: list[dict[str, Any]]) -> int:
    """Pull-quote (■…) and table-of-contents fixture lines found inside kept body text.

    Only TOC entries with their page number count: a subtitle printed in the contents is
    legitimately kept again where the article itself prints it."""
    n = 0
    for fx in removals:
        if fx["removed_kind"] not in ("pull_quote", "toc"):
            continue
        path = source_path(fx)
        if not path.is_file():
            continue
        want = _nows(fx["text"])
        n += sum(
            1
            for b in blocks_for(path)
            if not b.removed and want in _nows(b.text) and fx["text"][:1] in "■0123456789"
        )
    # every long ■ line (a pull-quote, not a short ■author line) of every seed must be out
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace").split("\n")
        for b in blocks_for(path):
            if b.removed:
                continue
            for num in b.lines:
                line = _nows(raw[num - 1]) if 0 < num <= len(raw) else ""
                if line.startswith("■") and len(line) > 12:
                    n += 1
    return n


def main() -> None:
    """Print a readable report."""
    r = evaluate()
    print("layout evaluation")
    print(
        f"  paragraphs: {r['paragraphs_exact']}/{r['paragraph_fixtures']} exact "
        f"({r['paragraph_exact_rate']:.1%}), kind right in {r['paragraph_kind_rate']:.1%}"
    )
    print(
        f"  removals: recall {r['removal_recall']:.1%} of {r['removal_fixtures']}, "
        f"kind accuracy {r['removal_kind_accuracy']:.1%}, precision {r['removal_precision']:.1%} "
        f"({r['removal_false_positives']} false positives)"
    )
    print(f"  pull-quote / TOC lines left in body text: {r['pull_quote_or_toc_lines_in_body']}")
    for f in r["paragraph_failures"]:
        print(
            f"  MISS paragraph [{f['source']}] {f['text'][:60]!r} got {f.get('got') or f.get('problem')}"
        )
    for f in r["removal_failures"]:
        print(
            f"  MISS removal [{f['source']}] {f['text'][:40]!r} ({f['removed_kind']}), got {f['got_kind']}"
            + (f" by {f['rule']}" if f.get("rule") else "")
        )
    print_stats(r["stats"], "  per-pass counters of the layout stage (fixture sources):")


if __name__ == "__main__":
    main()
