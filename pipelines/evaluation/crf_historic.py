"""The CRF of `crf_tagger` on a development text with the rules as they were when it was blind.

Leave-one-text-out over the development texts flatters the stacked CRF: its `rule=` features
come from rules already fixed on every one of those texts (~0.98 on each), so the CRF learns to
trust them and adds nothing. The honest question is what the CRF does where the rules have NOT
been fitted. For a development text whose fixture was committed before its round's fixes, the
rules of that commit are the rules as they were when the text was blind: they run here (the
commit's `pipelines/` unpacked with `git archive` into a temporary folder, run in a subprocess
with this environment), the CRF is trained on every OTHER development text and the main
fixtures (with today's rules, as `--blind` trains), and the text is measured: `rules` (then),
`crf`, `rules+crf`, and the same CRF without the rules' features (`crf-norules`,
`rules+crf-norules`).

`--oof` does it for every development text (the commit that added its fixture, a
fixture-only commit: `blind_commit`) and stacks on these out-of-fold rules: leave-one-text-out
with the blind-time rules in training and test (the honest estimate), and with `--blind`, once,
trained on all of them and measured on the blind group with today's rules (figures only).

    PYTHONPATH="$CRF_DIR":. .venv/bin/python -m pipelines.evaluation.crf_historic \\
        heldout/ext_xwlb_20190521_blind.yaml@5bf1351 heldout/ext_xwlb_20181106_blind.yaml@1aedea0
    PYTHONPATH="$CRF_DIR":. .venv/bin/python -m pipelines.evaluation.crf_historic --oof [--blind]

Results (code of round 19), P/R per type: organization, place, person, meeting, formula; all.
Leave-one-text-out, 17 development texts, each with its blind-time rules (`--oof`):

    rules              .842 .708  .783 .816  .931 .646  .826 .644  .881 .759   .839 .729
    crf                .899 .777  .856 .861  .883 .725  .793 .672  .885 .786   .873 .785
    rules+crf          .843 .765  .781 .864  .881 .727  .809 .695  .868 .806   .829 .786
    crf-norules        .888 .767  .829 .857  .868 .688  .613 .475  .773 .670   .833 .744
    rules+crf-norules  .845 .767  .778 .868  .874 .777  .775 .701  .819 .816   .819 .800

BLIND group (the blind pair and round 19, then; 113/101/29/42/141 expected), measured once
(`--oof --blind`; the stacked CRF on today's rules, `crf_tagger --blind`: .941/.862 alone):

    rules              .927 .894  .921 .921  .926 .862  .897 .833  .955 .901   .932 .894
    crf                .856 .788  .913 .832  .833 .862  .921 .833  .962 .901   .909 .845
    rules+crf          .871 .894  .921 .921  .833 .862  .897 .833  .948 .908   .907 .897
    crf-norules        .792 .708  .875 .832  .514 .655  .868 .786  .786 .624   .792 .714
    rules+crf-norules  .871 .894  .903 .921  .788 .897  .902 .881  .901 .908   .885 .904

Against the rules as they were when blind, the CRF helps (+3 P, +6 R); against today's rules on
texts they never saw it does not: the rules have outgrown what 90k annotated characters teach a
CRF. The union buys a point of recall (persons, meetings) for 3 to 5 of precision.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from pipelines.evaluation.crf_tagger import (
    ROOT,
    Counts,
    Sentence,
    combine,
    load_sentences,
    print_table,
    score,
    tag,
    train,
    without_rules,
)

FIXTURES = "tests/fixtures/facts"
#: Run in the old tree: the rules on each case, read per document as `make eval` reads them.
_OLD_RULES = """
import json, sys
from pipelines.text import facts as F
out = {}
for d in json.load(sys.stdin):
    texts, year = d["texts"], d["doc_year"]
    if d["doc"] and hasattr(F, "extract_document_facts"):  # older rules read paragraphs alone
        per = F.extract_document_facts(texts, doc_year=year)
    else:
        per = [F.extract_facts(t, doc_year=year) for t in texts]
    for i, facts in zip(d["idx"], per):
        out[i] = [(f.type, f.start, f.end) for f in facts]
json.dump(out, sys.stdout)
"""


def old_rule_facts(fixture: str, commit: str) -> list[list[Any]]:
    """The facts the rules of `commit` find in each case of `fixture` (today's fixture file)."""
    from pipelines.evaluation.facts import documents, load_cases

    cases = load_cases(fixture)
    docs = [
        {
            "idx": group,
            "texts": [cases[i]["context"] for i in group],
            "doc_year": cases[group[0]].get("doc_year"),
            "doc": cases[group[0]]["kind"] == "cases",
        }
        for group in documents(cases)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "pipelines"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        run = subprocess.run(
            [sys.executable, "-c", _OLD_RULES],
            input=json.dumps(docs, ensure_ascii=False),
            capture_output=True,
            text=True,
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
            check=False,
        )
    if run.returncode:
        raise RuntimeError(f"the rules of {commit} failed: {run.stderr[-2000:]}")
    found = json.loads(run.stdout)
    return [
        [SimpleNamespace(type=t, start=s, end=e) for t, s, e in found.get(str(i), [])]
        for i in range(len(cases))
    ]


def score_both(counts: Counts, test: list[Sentence], stacked: Any, alone: Any) -> None:
    """The five variants: the stacked CRF's three, and the CRF without the rules' features
    alone and added to the rules."""
    for s, bare in zip(test, without_rules(test), strict=True):
        variants = combine(s, tag(stacked, s.features))
        for name, spans in combine(s, tag(alone, bare.features)).items():
            if name != "rules":
                variants[f"{name}-norules"] = spans
        score(counts, s, variants)


def measure_text(fixture: str, commit: str, train_on: list[Any]) -> Counts:
    """The five variants on one development text, the rules of `commit`."""
    test = load_sentences(fixture, old_rule_facts(fixture, commit))
    others = [s for s in train_on if s.group != Path(fixture).name]
    counts: Counts = {}
    score_both(counts, test, train(others), train(without_rules(others)))
    return counts


def blind_commit(fixture: str) -> str:
    """The commit that added a fixture (fixture-only commits: the rules before its fixes)."""
    log = subprocess.run(
        [
            "git",
            "-C",
            str(ROOT),
            "log",
            "--diff-filter=A",
            "--format=%h",
            "--",
            f"{FIXTURES}/{fixture}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return log[-1]


def out_of_fold(fixtures: tuple[str, ...]) -> list[Sentence]:
    """Every development text with the rules of the commit that added it: the rules' features
    as they are on a text they were never fixed on (stacking on out-of-fold predictions)."""
    out: list[Sentence] = []
    for fixture in fixtures:
        commit = blind_commit(fixture)
        out += load_sentences(fixture, old_rule_facts(fixture, commit))
        print(f"  {fixture}: rules of {commit}", file=sys.stderr)
    return out


def oof_leave_one_out(oof: list[Sentence], main: list[Sentence]) -> Counts:
    """Leave-one-text-out, every text with its blind-time rules, in training and in test (the
    CRF without the rules' features also learns from the main fixtures)."""
    counts: Counts = {}
    for group in sorted({s.group for s in oof}):
        others = [s for s in oof if s.group != group]
        test = [s for s in oof if s.group == group]
        score_both(counts, test, train(others), train(without_rules(main + others)))
        print(f"  fold {group}", file=sys.stderr)
    return counts


def main(argv: list[str] | None = None) -> None:
    from pipelines.evaluation.facts import HELDOUT_BLIND, HELDOUT_BLIND_ROUND25, HELDOUT_DEVELOPMENT

    argv = sys.argv[1:] if argv is None else argv
    if "--oof" in argv:
        oof = out_of_fold(HELDOUT_DEVELOPMENT)
        if "--blind" in argv:  # once, at the end: figures only
            blind = load_sentences(HELDOUT_BLIND + HELDOUT_BLIND_ROUND25)
            counts: Counts = {}
            alone = train(without_rules(load_sentences("*.yaml") + oof))
            score_both(counts, blind, train(oof), alone)
            print("\nBLIND group, CRF stacked on blind-time rules (figures only):")
            print_table(counts)
            return
        print("\nleave-one-text-out, each text with the rules of its blind time:")
        print_table(oof_leave_one_out(oof, load_sentences("*.yaml")))
        return
    train_on = load_sentences("*.yaml") + load_sentences(HELDOUT_DEVELOPMENT)
    for arg in argv:
        fixture, commit = arg.split("@", 1)
        print(f"\n{fixture}, rules of {commit} (before its round's fixes):")
        print_table(measure_text(fixture, commit, train_on))


if __name__ == "__main__":
    main()
