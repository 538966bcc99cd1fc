"""The validation report of a built dataset: `validation/index.html` and
`validation/results.json`, one page listing every table, every expectation (schema suite and
integrity suite), its severity, its result and its failing rows.

Written by us rather than by GX Data Docs because Data Docs stamp run times and random IDs
into every page: this page must be byte-identical when the same input is rebuilt. Pure
functions, no Dagster; results are cached per process by the stats of the files they read,
so the asset checks and the report asset of one run validate each table once.
"""

import hashlib
import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .integrity import DEPENDS_ON, validate_integrity
from .parquet_io import read_parquet
from .schema import TABLES, load_schema
from .validation import ERROR, WARN, ValidationReport, validate_table

REPORT_DIR = "validation"
INDEX = "index.html"
RESULTS = "results.json"
SUITES = ("schema", "integrity")

_cache: dict[tuple[Any, ...], ValidationReport] = {}


def _stat(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return (str(path), st.st_size, st.st_mtime_ns)


def _inputs_key(input_dir: Path | None) -> tuple[Any, ...]:
    if input_dir is None or not input_dir.is_dir():
        return ()
    return tuple(_stat(p) for p in sorted(input_dir.iterdir()) if p.is_file())


def table_report(
    parquet_dir: Path, table: str, suite: str, input_dir: Path | None = None
) -> ValidationReport:
    """The schema or integrity report of one table of a Parquet folder (cached)."""
    needed = (table,) if suite == "schema" else DEPENDS_ON[table]
    paths = {t: parquet_dir / f"{t}.parquet" for t in needed}
    key = (
        suite,
        table,
        tuple(_stat(p) for p in paths.values()),
        _inputs_key(input_dir) if suite == "integrity" and table == "sources" else (),
    )
    if key not in _cache:
        if len(_cache) > 64:
            _cache.clear()
        tables = {t: read_parquet(p) for t, p in paths.items()}
        _cache[key] = (
            validate_table(table, tables[table])
            if suite == "schema"
            else validate_integrity(table, tables, input_dir)
        )
    return _cache[key]


def dataset_reports(
    parquet_dir: Path, input_dir: Path | None = None, *, partial: bool = False
) -> list[ValidationReport]:
    """Schema and integrity reports of every table, in publication order. With `partial`
    (the report of a failed build), tables not written, or whose suite needs a table not
    written, are left out instead of raising."""
    reports = []
    present = {t for t in TABLES if (parquet_dir / f"{t}.parquet").exists()}
    for table in TABLES:
        if partial and table not in present:
            continue
        reports.append(table_report(parquet_dir, table, "schema"))
        if table in DEPENDS_ON and (not partial or set(DEPENDS_ON[table]) <= present):
            reports.append(table_report(parquet_dir, table, "integrity", input_dir))
    return reports


def results(reports: Iterable[ValidationReport], parquet_dir: Path | None = None) -> dict:
    """The plain, deterministic content of results.json."""
    tables: dict[str, Any] = {}
    for r in reports:
        entry = tables.setdefault(r.table, {"suites": {}})
        if parquet_dir is not None and "sha256" not in entry:
            path = parquet_dir / f"{r.table}.parquet"
            if path.exists():
                entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        entry["suites"][r.suite] = [
            {
                "expectation": o.expectation,
                "column": o.column,
                "description": o.description,
                "severity": o.severity,
                "success": o.success,
                "unexpected_count": o.unexpected_count,
                "element_count": o.element_count,
                "failing_rows": o.sample,
            }
            for o in r.outcomes
        ]
    outcomes = [o for t in tables.values() for s in t["suites"].values() for o in s]
    return {
        "summary": {
            "tables": len(tables),
            "expectations": len(outcomes),
            "passed": sum(o["success"] for o in outcomes),
            "errors": sum(not o["success"] and o["severity"] == ERROR for o in outcomes),
            "warnings": sum(not o["success"] and o["severity"] == WARN for o in outcomes),
        },
        "tables": tables,
    }


def write_report(
    reports: Iterable[ValidationReport], folder: Path, parquet_dir: Path | None = None
) -> dict:
    """Write index.html and results.json into `folder`; returns the results."""
    data = results(reports, parquet_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RESULTS).write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    (folder / INDEX).write_text(render_html(data), encoding="utf-8")
    return data


def summary_markdown(data: dict, link: str = f"{REPORT_DIR}/{INDEX}") -> str:
    """A few lines for the dataset card."""
    s = data["summary"]
    lines = [
        f"Every table is validated by two Great Expectations suites: one derived from its schema "
        f"(columns, types, nulls, unique IDs, allowed values) and an integrity suite (references "
        f"between tables, contiguous ordinals, line ranges, offsets and text slices, character "
        f"conservation against the input files, plausible dates and percents). "
        f"This build: {s['expectations']} expectations over {s['tables']} tables, "
        f"{s['passed']} met, {s['errors']} blocking failures, {s['warnings']} warnings.",
        "",
        f"Full report (every expectation, its severity, result and failing rows): "
        f"[`{link}`]({link}), machine-readable in `{REPORT_DIR}/{RESULTS}`.",
    ]
    failed = [
        (table, o)
        for table, entry in data["tables"].items()
        for suite in entry["suites"].values()
        for o in suite
        if not o["success"]
    ]
    if failed:
        lines += ["", "Expectations not met:", ""]
        lines += [
            f"- `{table}` ({o['severity']}): {o['description'] or o['expectation']} "
            f"— {o['unexpected_count']} row(s)"
            for table, o in failed
        ]
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:0.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:0.25em 0.5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}.ok{color:#176b2c}.error{color:#b00020;font-weight:bold}
.warn{color:#a15c00;font-weight:bold}code{font-size:0.9em}
td.rows{max-width:40em;font-family:monospace;font-size:0.8em;white-space:pre-wrap}
"""


def render_html(data: dict) -> str:
    """One static page; no timestamps, so that it changes only when the results do."""
    e = html.escape
    s = data["summary"]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>policy-corpus: validation report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>policy-corpus: validation report</h1>",
        f"<p>{s['expectations']} expectations over {s['tables']} tables: "
        f"<span class=ok>{s['passed']} met</span>, "
        f"<span class=error>{s['errors']} blocking failures (ERROR)</span>, "
        f"<span class=warn>{s['warnings']} warnings (WARN)</span>. "
        "A failed ERROR expectation stops publication; a failed WARN one is reported here. "
        "Suites: <em>schema</em> (from <code>schemas/&lt;table&gt;.yaml</code>) and "
        "<em>integrity</em> (across tables and against the input files, "
        "<code>pipelines/integrity.py</code>).</p>",
        "<table><tr><th>table</th><th>rows</th><th>expectations</th><th>met</th>"
        "<th>ERROR failed</th><th>WARN failed</th><th>Parquet SHA-256</th></tr>",
    ]
    for table, entry in data["tables"].items():
        outcomes = [o for suite in entry["suites"].values() for o in suite]
        rows = max((o["element_count"] for o in outcomes), default=0)
        err = sum(not o["success"] and o["severity"] == ERROR for o in outcomes)
        warn = sum(not o["success"] and o["severity"] == WARN for o in outcomes)
        out.append(
            f'<tr><td><a href="#{e(table)}">{e(table)}</a></td><td>{rows}</td>'
            f"<td>{len(outcomes)}</td><td>{sum(o['success'] for o in outcomes)}</td>"
            f"<td{' class=error' if err else ''}>{err}</td>"
            f"<td{' class=warn' if warn else ''}>{warn}</td>"
            f"<td><code>{e(entry.get('sha256', '')[:16])}</code></td></tr>"
        )
    out.append("</table>")
    for table, entry in data["tables"].items():
        description = load_schema(table).description if table in TABLES else ""
        out += [
            f'<h2 id="{e(table)}">{e(table)}</h2>',
            f"<p>{e(description)}</p>",
            "<table><tr><th>#</th><th>suite</th><th>expectation</th><th>column</th>"
            "<th>meaning</th><th>severity</th><th>result</th><th>unexpected / rows</th>"
            "<th>failing rows (sample)</th></tr>",
        ]
        n = 0
        for suite, outcomes in entry["suites"].items():
            for o in outcomes:
                n += 1
                if o["success"]:
                    result = "<span class=ok>met</span>"
                elif o["severity"] == ERROR:
                    result = "<span class=error>FAILED</span>"
                else:
                    result = "<span class=warn>not met</span>"
                sample = (
                    "\n".join(
                        json.dumps(r, ensure_ascii=False, sort_keys=True) for r in o["failing_rows"]
                    )
                    if o["failing_rows"]
                    else ""
                )
                out.append(
                    f"<tr><td>{n}</td><td>{e(suite)}</td><td><code>{e(o['expectation'])}</code></td>"
                    f"<td><code>{e(o['column'] or '')}</code></td><td>{e(o['description'])}</td>"
                    f"<td>{e(o['severity'])}</td><td>{result}</td>"
                    f"<td>{o['unexpected_count']} / {o['element_count']}</td>"
                    f"<td class=rows>{e(sample)}</td></tr>"
                )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
