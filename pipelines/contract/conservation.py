"""Character conservation: nothing of a source is lost or invented on its way to the tables.

Per source, the multiset of non-whitespace characters of the normalised input lines
(`normalize.load_lines`) must equal that of its paragraphs' text plus its removed text. The
check is measured where the lines are at hand (the worker that processed the source, or a
verification that reads the input folder again) and stored as a `source_checks` row, which
the integrity check of `sources` reads.
"""

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import numpy as np


def non_whitespace(texts: Iterable[str]) -> str:
    """The non-whitespace characters of some texts, end to end (what conservation compares)."""
    return "".join("".join(text.split()) for text in texts)


def conservation_diff(
    source_texts: Iterable[str], kept_texts: Iterable[str]
) -> tuple[Counter, Counter]:
    """(characters lost, characters added) from the source's texts to the kept ones.

    Equal multisets (every source that passes) are recognised by sorting the code points,
    which costs a third of counting them; only a difference is counted, to describe it."""
    source_text, kept_text = non_whitespace(source_texts), non_whitespace(kept_texts)
    if len(source_text) == len(kept_text) and np.array_equal(
        _sorted_points(source_text), _sorted_points(kept_text)
    ):
        return Counter(), Counter()
    source, kept = Counter(source_text), Counter(kept_text)
    return source - kept, kept - source


def _sorted_points(text: str) -> np.ndarray:
    return np.sort(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4"))


def describe_diff(lost: Counter, added: Counter, limit: int = 10) -> str:
    """A short human-readable account of a conservation failure."""

    def part(name: str, c: Counter) -> str:
        common = ", ".join(
            f"{ch!r}×{n}" for ch, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:limit]
        )
        return f"{name} {sum(c.values())} ({common})"

    return "; ".join(part(n, c) for n, c in (("lost", lost), ("added", added)) if c)


def check_row(
    source_id: str, input_sha256: str | None, lines: Iterable[str] | None, kept: Iterable[str]
) -> dict[str, Any]:
    """The `source_checks` row of one source (lines None: the input no longer decodes)."""
    if lines is None:
        return {
            "source_id": source_id,
            "input_sha256": input_sha256,
            "chars_lost": -1,
            "chars_added": -1,
            "detail": "the input file does not decode any more",
        }
    lost, added = conservation_diff(lines, kept)
    return {
        "source_id": source_id,
        "input_sha256": input_sha256,
        "chars_lost": sum(lost.values()),
        "chars_added": sum(added.values()),
        "detail": describe_diff(lost, added) or None,
    }


def checks_from_inputs(con: duckdb.DuckDBPyConnection, input_dir: Path) -> list[dict[str, Any]]:
    """`source_checks` rows for every ok source of the `sources` relation, reading the input
    folder again (for validation outside the build: tests, `make verify`). The kept texts are
    streamed in source order, so memory holds one source at a time."""
    from ..text.normalize import SourceError, load_lines

    files = dict(
        con.execute("select source_id, file_name from sources where status = 'ok'").fetchall()
    )
    rows = []
    for source_id, kept in _kept_by_source(con, set(files)):
        path = input_dir / files[source_id]
        data = path.read_bytes() if path.is_file() else None
        if data is None:
            rows.append(
                {
                    "source_id": source_id,
                    "input_sha256": None,
                    "chars_lost": None,
                    "chars_added": None,
                    "detail": "input file missing",
                }
            )
            continue
        sha = hashlib.sha256(data).hexdigest()
        try:
            lines = [line.text for line in load_lines(data, file_name=files[source_id])[0]]
        except SourceError:
            lines = None
        rows.append(check_row(source_id, sha, lines, kept))
    return rows


def _kept_by_source(
    con: duckdb.DuckDBPyConnection, sources: set[str]
) -> Iterator[tuple[str, list[str]]]:
    cursor = con.execute(
        """select source_id, text from (
             select source_id, text from paragraphs union all select source_id, text from removed)
           order by source_id"""
    )
    current, texts = None, []
    done = set()
    while batch := cursor.fetchmany(10_000):
        for source_id, text in batch:
            if source_id != current:
                if current in sources:
                    yield current, texts
                    done.add(current)
                current, texts = source_id, []
            texts.append(text)
    if current in sources:
        yield current, texts
        done.add(current)
    for source_id in sorted(sources - done):
        yield source_id, []
