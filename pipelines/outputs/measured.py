"""The card's measured figures (per-extractor precision, held-out precision and recall), kept
per code and fixtures.

Measuring them runs the fact extractors over every fixture: in the publication's fresh process
about 6 s (3 s to load the lexicons, 3 s to extract and score), paid by every build although the
numbers depend only on the code and the fixtures, never on the corpus. So they are measured once
per process and kept in `CACHE_DIR/card-figures/<key>.json`, the key a hash of the fact code
(`code_fingerprint`), the evaluation code and every fixture file: a build after a change to any
of them measures again; any other build reads the numbers it would have measured, and the card
and its figures are the same bytes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

from ..code_version import code_fingerprint
from ..paths import CACHE_DIR, REPO_ROOT
from .precision import ExtractorPrecision, HeldOutFigures, extractor_precision, heldout_figures

#: What the measured numbers depend on besides `code_fingerprint()` (the text code and its data).
_MEASURE_INPUTS = ("pipelines/evaluation", "pipelines/outputs/precision.py", "tests/fixtures/facts")
#: Bumped when the file's layout changes.
_LAYOUT = "2"


@dataclasses.dataclass(frozen=True)
class CardMeasures:
    precision: list[ExtractorPrecision] | None
    heldout: list[HeldOutFigures] | None


@cache
def card_measures(cache_dir: Path | None = None) -> CardMeasures:
    """The figures of `extractor_precision()` and `heldout_figures()`, read from the cache when
    the code and the fixtures are the ones they were measured on, else measured and kept."""
    folder = (cache_dir or CACHE_DIR) / "card-figures"
    path = folder / f"{measures_key()}.json"
    if path.is_file():
        try:
            return _decode(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError):
            pass  # a damaged file: measured again and rewritten
    measures = CardMeasures(extractor_precision(), heldout_figures())
    _write(folder, path, _encode(measures))
    return measures


def measures_key() -> str:
    """A hash of the fact code and data, the evaluation code and every fixture file."""
    digest = hashlib.sha256(f"{_LAYOUT}:{code_fingerprint()}".encode())
    files: list[Path] = []
    for name in _MEASURE_INPUTS:
        root = REPO_ROOT / name
        found = [root] if root.is_file() else root.rglob("*")
        files.extend(p for p in found if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(files):
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


def _encode(measures: CardMeasures) -> dict:
    return {
        "precision": None
        if measures.precision is None
        else [dataclasses.asdict(p) for p in measures.precision],
        "heldout": None
        if measures.heldout is None
        else [dataclasses.asdict(h) for h in measures.heldout],
    }


def _decode(data: dict) -> CardMeasures:
    precision = data["precision"]
    heldout = data["heldout"]
    return CardMeasures(
        None if precision is None else [ExtractorPrecision(**p) for p in precision],
        None
        if heldout is None
        else [HeldOutFigures(**{**h, "sources": tuple(h["sources"])}) for h in heldout],
    )


def _write(folder: Path, path: Path, data: dict) -> None:
    """Write atomically (two builds may measure at once); older keys' files are removed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False
        ) as tmp:
            json.dump(data, tmp, ensure_ascii=False)  # key order kept: the card follows it
        os.replace(tmp.name, path)
        for old in folder.glob("*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache: the numbers are measured again next time
