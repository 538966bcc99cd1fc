"""Would a CRF trained on our own annotations help the entity facts generalise?

Why: rules fixed on one development text reach ~0.99 there and move the next blind text by ~0;
an off-the-shelf tagger (LAC, `pipelines.evaluation.tagger`) follows other conventions. A
tagger TRAINED on the development annotations learns our conventions; does it help on texts it
never saw?

What: a character-level linear-chain CRF (BIO tags, `python-crfsuite`) for the entity types
organization, place, person, meeting and formula (numbers and dates stay with the rules).
Features of a character: itself and its neighbours (+-2), bigrams, its class (digit,
punctuation, quote, Latin, Han), the word jieba puts it in (the project's segmenter: the word,
its POS tag, the character's B/I/E/S position in it), the longest gazetteer hit covering it
(`gazetteer.scan`: kind and position) and the RULES' own BIO tag for it (`extract_facts` read
per document as `make eval` reads it): stacking, the CRF learns when to trust or extend the
rules. Training data: the `context` strings and facts of the development held-out texts and of
the main fixtures' cases without a `types:` restriction. Variants, exact span match per type:
`rules` (what the pipeline publishes), `crf` alone, `rules+crf` (the rules, plus CRF spans
overlapping no rule fact of any type).

How: leave-one-text-out over the development held-out texts (train on all others and the main
fixtures, test on the one left out; totals across folds), then `--blind` trains on all of them
and measures the blind group once (figures only, its misses are never printed). Speed:
characters per second on `seeds/*.txt` lines against `jieba.lcut` in the same run.

    uv pip install --target "$CRF_DIR" python-crfsuite     # NOT a project dependency
    PYTHONPATH="$CRF_DIR":. .venv/bin/python -m pipelines.evaluation.crf_tagger [--blind] [--no-speed]

Results (code of round 19; P/R of the five types together; per type in `crf_historic`):
leave-one-text-out, 17 development texts: rules 0.986/0.977, crf 0.990/0.948, rules+crf
0.986/0.978 - the stacked CRF copies rules already fixed on every text (without the `rule=`
features: crf 0.833/0.744). With each text's rules as they were when it was blind
(`crf_historic --oof`): rules 0.839/0.729, crf 0.873/0.785, rules+crf 0.829/0.786. BLIND group,
once: rules 0.932/0.894; crf 0.941/0.862 (stacked on today's rules), 0.909/0.845 (stacked on
blind-time rules), 0.792/0.714 (no rule features); rules+crf 0.932/0.894, 0.907/0.897,
0.885/0.904. Today's rules beat every CRF on texts they never saw: not wired in. Training ~15 s
on 90k characters; tagging 170k chars/s, features 59k chars/s, rules 80k, jieba.lcut 166k.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ENTITY_TYPES = ("organization", "place", "person", "meeting", "formula")
ROOT = Path(__file__).resolve().parents[2]
Span = tuple[str, int, int]  # (type, start, end)
QUOTES = set("“”‘’「」『』《》〈〉\"'")
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}


def crfsuite_available() -> bool:
    """Whether the optional `python-crfsuite` package is importable."""
    return importlib.util.find_spec("pycrfsuite") is not None


def _crfsuite() -> Any:
    if not crfsuite_available():
        raise RuntimeError(
            "python-crfsuite is not installed (not a project dependency): "
            "uv pip install --target DIR python-crfsuite (any folder outside the project), then PYTHONPATH=DIR"
        )
    import pycrfsuite

    return pycrfsuite


# --- pure functions: BIO tags and features (no crfsuite needed) -------------------------------


def bio_tags(n: int, spans: Iterable[Span]) -> list[str]:
    """BIO tags of `n` characters; longer spans first, a span overlapping a tagged one dropped."""
    tags = ["O"] * n
    for kind, start, end in sorted(spans, key=lambda s: (s[1] - s[2], s[1])):
        if start < 0 or end > n or start >= end or any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = f"B-{kind}"
        for i in range(start + 1, end):
            tags[i] = f"I-{kind}"
    return tags


def spans_from_bio(tags: Sequence[str]) -> list[Span]:
    """The spans of a BIO sequence; an I- without its B- (or of another type) starts a span."""
    spans: list[Span] = []
    kind, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == kind
        if kind is not None and not inside:
            spans.append((kind, start, i))
            kind = None
        if tag != "O" and not inside:
            kind, start = tag[2:], i
    return spans


def char_class(ch: str) -> str:
    """digit, quote, punct, space, latin, han or other."""
    if ch.isdigit() or ch in "〇零一二三四五六七八九十百千万亿":
        return "digit" if ch.isdigit() else "cnum"
    if ch in QUOTES:
        return "quote"
    if ch.isspace():
        return "space"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if "\u4e00" <= ch <= "\u9fff":
        return "han"
    return "punct" if not ch.isalnum() else "other"


def word_positions(text: str, tokens: Sequence[str], pos: Sequence[str]) -> list[tuple[str, ...]]:
    """Per character (word, POS, B/I/E/S position); characters no token covers get ('', '', 'O')."""
    out: list[tuple[str, ...]] = [("", "", "O")] * len(text)
    at = 0
    for word, tag in zip(tokens, pos, strict=True):
        start = text.find(word, at)
        if start < 0:
            continue
        at = start + len(word)
        for i in range(start, at):
            where = "S" if len(word) == 1 else "B" if i == start else "E" if i == at - 1 else "I"
            out[i] = (word if len(word) <= 6 else "<long>", tag, where)
    return out


def hit_positions(n: int, hits: Iterable[tuple[int, int, str]]) -> list[str]:
    """Per character the gazetteer hit covering it (longest first): 'B-kind', 'I-kind' or 'O'."""
    return bio_tags(n, ((kind, start, end) for start, end, kind in hits))


def char_features(
    text: str,
    words: Sequence[tuple[str, ...]],
    gazetteer: Sequence[str],
    rules: Sequence[str],
) -> list[list[str]]:
    """The feature strings of each character (crfsuite's attribute lists)."""
    n = len(text)
    padded = f"^^{text}$$"
    feats: list[list[str]] = []
    for i in range(n):
        c = i + 2
        word, tag, where = words[i]
        f = [f"c{k}={padded[c + k]}" for k in (-2, -1, 0, 1, 2)]
        f += [f"b{k}={padded[c + k : c + k + 2]}" for k in (-2, -1, 0, 1)]
        f += [f"cls={char_class(text[i])}", f"cls-1={char_class(padded[c - 1])}"]
        f += [f"cls+1={char_class(padded[c + 1])}", f"w={word}", f"pos={tag}"]
        f += [f"wpos={where}", f"pos_where={tag}|{where}", f"gaz={gazetteer[i]}"]
        f += [f"rule={rules[i]}", f"rule_gaz={rules[i]}|{gazetteer[i]}"]
        f += [
            f"rule-1={rules[i - 1] if i else '^'}",
            f"rule+1={rules[i + 1] if i + 1 < n else '$'}",
        ]
        feats.append(f)
    return feats


# --- data ---------------------------------------------------------------------------------------


@dataclass
class Sentence:
    """One case: its text, features, gold spans and the rules' facts."""

    group: str  # the fixture it comes from (a held-out text, or a main fixture)
    text: str
    features: list[list[str]]
    gold: set[Span]
    rules: set[Span]  # the rules' entity facts
    rule_ranges: list[tuple[int, int]] = field(default_factory=list)  # every rule fact


def features_of(text: str, facts: Iterable[Any]) -> list[list[str]]:
    """The features of a paragraph given the rules' facts on it (segmenter and gazetteer here)."""
    from pipelines.text.facts._common import fold
    from pipelines.text.facts.gazetteer import scan
    from pipelines.text.segment import get_segmenter

    tokens, pos = get_segmenter().cut(text)
    words = word_positions(text, tokens, pos)
    gaz = hit_positions(len(text), ((h.start, h.end, h.kind) for h in scan(fold(text))))
    rules = bio_tags(len(text), ((f.type, f.start, f.end) for f in facts))
    return char_features(text, words, gaz, rules)


def gold_spans(case: dict[str, Any]) -> set[Span]:
    """The case's expected entity facts, located in its context."""
    from pipelines.evaluation.facts import locate

    out = set()
    for exp in case.get("facts") or []:
        span = locate(case["context"], exp["text"], exp.get("occurrence", 1))
        if exp["type"] in ENTITY_TYPES and span is not None:
            out.add((exp["type"], *span))
    return out


def load_sentences(
    fixtures: str | tuple[str, ...], rule_facts: list[list[Any]] | None = None
) -> list[Sentence]:
    """The fixtures' cases without a `types:` restriction, with features and the rules' facts
    (read per document as `make eval` reads them, or `rule_facts`: one list a case)."""
    from pipelines.evaluation.facts import _case_facts, load_cases

    cases = load_cases(fixtures)
    out = []
    for case, facts in zip(cases, rule_facts or _case_facts(cases), strict=True):
        if case["kind"] != "cases" or case.get("types"):
            continue
        text = case["context"]
        out.append(
            Sentence(
                group=case["fixture"],
                text=text,
                features=features_of(text, facts),
                gold=gold_spans(case),
                rules={(f.type, f.start, f.end) for f in facts if f.type in ENTITY_TYPES},
                rule_ranges=[(f.start, f.end) for f in facts],
            )
        )
    return out


# --- training, tagging, scoring -----------------------------------------------------------------


def train(sentences: Sequence[Sentence], params: dict[str, Any] | None = None) -> Any:
    """A crfsuite Tagger trained on the sentences (model in a temporary file, kept open)."""
    crfsuite = _crfsuite()
    trainer = crfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(s.features, bio_tags(len(s.text), s.gold))
    trainer.set_params(params or PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "crf.model")
        trainer.train(path)
        tagger = crfsuite.Tagger()
        tagger.open(path)  # crfsuite reads the whole model into memory
    return tagger


def tag(tagger: Any, features: list[list[str]]) -> list[Span]:
    """The CRF's entity spans of one paragraph."""
    return spans_from_bio(tagger.tag(features)) if features else []


def without_rules(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The same sentences with the rules' features dropped: the CRF on its own evidence."""
    return [
        replace(s, features=[[f for f in fs if not f.startswith("rule")] for fs in s.features])
        for s in sentences
    ]


def combine(s: Sentence, crf: Iterable[Span]) -> dict[str, set[Span]]:
    """The three variants: rules, crf alone, rules plus CRF spans overlapping no rule fact."""
    crf = set(crf)
    added = {t for t in crf if all(t[2] <= a or t[1] >= b for a, b in s.rule_ranges)}
    return {"rules": set(s.rules), "crf": crf, "rules+crf": s.rules | added}


Counts = dict[str, dict[str, list[int]]]  # variant -> type -> [tp, predicted, expected]


def score(counts: Counts, s: Sentence, variants: dict[str, set[Span]]) -> None:
    """Add one sentence's variants to the counts."""
    for variant, predicted in variants.items():
        row = counts.setdefault(variant, {t: [0, 0, 0] for t in ENTITY_TYPES})
        for t in ENTITY_TYPES:
            row[t][0] += sum(1 for x in predicted & s.gold if x[0] == t)
            row[t][1] += sum(1 for x in predicted if x[0] == t)
            row[t][2] += sum(1 for x in s.gold if x[0] == t)


def leave_one_out(dev: list[Sentence], main: list[Sentence]) -> tuple[Counts, float, float]:
    """Totals across folds, one development text left out each; seconds training and tagging."""
    counts: Counts = {}
    groups = sorted({s.group for s in dev})
    t_train = t_tag = 0.0
    for group in groups:
        t0 = time.perf_counter()
        tagger = train(main + [s for s in dev if s.group != group])
        t1 = time.perf_counter()
        for s in (s for s in dev if s.group == group):
            score(counts, s, combine(s, tag(tagger, s.features)))
        t_train, t_tag = t_train + t1 - t0, t_tag + time.perf_counter() - t1
        print(f"  fold {group}: trained in {t1 - t0:.1f}s", file=sys.stderr)
    return counts, t_train, t_tag


def measure(tagger: Any, sentences: Iterable[Sentence]) -> Counts:
    """The variants' counts on sentences the tagger never saw."""
    counts: Counts = {}
    for s in sentences:
        score(counts, s, combine(s, tag(tagger, s.features)))
    return counts


def _fmt(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  -  "


def print_table(counts: Counts) -> None:
    """One row a variant: P/R per type, then all five types together."""
    head = "".join(f"{t[:12]:>13} P/R  " for t in (*ENTITY_TYPES, "all"))
    print(f"{'variant':10}{head}")
    for variant, by_type in counts.items():
        cells = [by_type[t] for t in ENTITY_TYPES]
        cells.append([sum(c[k] for c in cells) for k in range(3)])
        row = "".join(f"  {_fmt(tp, pred):>6} {_fmt(tp, exp):>6}  " for tp, pred, exp in cells)
        print(f"{variant:10}{row}")
    exp = {t: by_type[t][2] for t in ENTITY_TYPES}
    print(f"expected: {exp}")


def speed(tagger: Any, limit: int = 0, without: bool = False) -> dict[str, float]:
    """Characters per second on the seeds' non-blank lines: jieba.lcut, the rules, the features
    (segmenter, gazetteer, BIO of the rules) and the CRF's tagging."""
    import jieba

    from pipelines.text.facts import extract_facts

    lines = [
        line.strip()
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][: limit or None]
    n = sum(len(x) for x in lines)
    jieba.lcut(lines[0])
    rates: dict[str, float] = {}
    t0 = time.perf_counter()
    for line in lines:
        jieba.lcut(line)
    rates["jieba.lcut"] = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    facts = [extract_facts(line) for line in lines]
    rates["rules (extract_facts)"] = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    feats = [features_of(line, f) for line, f in zip(lines, facts, strict=True)]
    if without:
        feats = [[[x for x in fs if not x.startswith("rule")] for fs in f] for f in feats]
    rates["features (given rules)"] = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for f in feats:
        tag(tagger, f)
    rates["crf tagging"] = n / (time.perf_counter() - t0)
    return rates


def main(argv: list[str] | None = None) -> None:
    from pipelines.evaluation.facts import HELDOUT_BLIND, HELDOUT_BLIND_ROUND25, HELDOUT_DEVELOPMENT

    argv = sys.argv[1:] if argv is None else argv
    _crfsuite()
    main_fixtures = load_sentences("*.yaml")
    dev = load_sentences(HELDOUT_DEVELOPMENT)
    if "--no-rules-feature" in argv:
        main_fixtures, dev = without_rules(main_fixtures), without_rules(dev)
        print("features: without the rules' BIO tags")
    chars = sum(len(s.text) for s in dev + main_fixtures)
    print(f"training data: {len(dev)} development cases + {len(main_fixtures)} main; {chars} chars")
    if "--blind" in argv or "--speed" in argv:
        t0 = time.perf_counter()
        tagger = train(main_fixtures + dev)
        print(f"trained on all development texts in {time.perf_counter() - t0:.1f}s")
    if "--speed" in argv:
        print("\nspeed on seeds/*.txt (characters/second, line by line):")
        for name, rate in speed(tagger, without="--no-rules-feature" in argv).items():
            print(f"  {name:24} {rate:10.0f}")
    elif "--blind" in argv:  # once, at the end: figures only, the misses are never printed
        blind = load_sentences(HELDOUT_BLIND + HELDOUT_BLIND_ROUND25)
        print("\nBLIND group (figures only):")
        print_table(
            measure(tagger, without_rules(blind) if "--no-rules-feature" in argv else blind)
        )
    else:
        counts, t_train, t_tag = leave_one_out(dev, main_fixtures)
        n_dev = len({s.group for s in dev})
        print(f"\nleave-one-text-out over {n_dev} development texts (totals across folds):")
        print_table(counts)
        dev_chars = sum(len(s.text) for s in dev)
        print(f"training {t_train / n_dev:.1f}s a fold; tagging {dev_chars / t_tag:.0f} chars/s")


if __name__ == "__main__":
    main()
