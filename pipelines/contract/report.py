"""The validation report of a built dataset: `validation/index.html` and
`validation/results.json`, one page listing every table, every expectation (schema suite,
integrity checks, corpus-wide checks), its severity, its result, the rows it applies to and
its failing rows, and the sources quarantined by it.

Written by us rather than by GX Data Docs because Data Docs stamp run times and random IDs
into every page: this page must be byte-identical when the same input is rebuilt. Pure
functions, no Dagster.
"""

import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..schema import TABLES, load_schema
from ..store.parquet import file_sha256
from .outcomes import ERROR, SAMPLE_ROWS, WARN, Outcome, ValidationReport

REPORT_DIR = "validation"
INDEX = "index.html"
RESULTS = "results.json"
SUITES = ("schema", "integrity", "corpus")


def merge_reports(reports: Iterable[ValidationReport]) -> list[ValidationReport]:
    """One report per (table, suite) from the reports of several shards: counts summed,
    failing rows sampled across shards, failing sources united. Order: table, then suite."""
    merged: dict[tuple[str, str], dict[tuple, Outcome]] = {}
    rows: dict[tuple[str, str], int] = {}
    for report in reports:
        key = (report.table, report.suite)
        rows[key] = rows.get(key, 0) + report.rows
        outcomes = merged.setdefault(key, {})
        for o in report.outcomes:
            into = outcomes.get(o.key)
            if into is None:
                outcomes[o.key] = Outcome(**{**o.__dict__, "sample": list(o.sample)})
                outcomes[o.key].failing_sources = list(o.failing_sources)
                continue
            into.success = into.success and o.success
            into.unexpected_count += o.unexpected_count
            into.element_count += o.element_count
            into.sample = (into.sample + o.sample)[:SAMPLE_ROWS]
            into.failing_sources = sorted(set(into.failing_sources) | set(o.failing_sources))
    order = {t: i for i, t in enumerate(TABLES)}
    keys = sorted(merged, key=lambda k: (order.get(k[0], len(order)), k[0], SUITES.index(k[1])))
    return [ValidationReport.of(t, s, list(merged[(t, s)].values()), rows[(t, s)]) for t, s in keys]


def results(
    reports: Iterable[ValidationReport],
    parquet_dir: Path | None = None,
    quarantined: list[dict[str, Any]] | None = None,
) -> dict:
    """The plain, deterministic content of results.json."""
    tables: dict[str, Any] = {}
    for r in merge_reports(reports):
        entry = tables.setdefault(r.table, {"rows": r.rows, "suites": {}})
        if r.suite == "schema":
            entry["rows"] = r.rows
        if parquet_dir is not None and "sha256" not in entry:
            path = parquet_dir / f"{r.table}.parquet"
            if path.exists():
                entry["sha256"] = file_sha256(path)
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
                "failing_sources": o.failing_sources,
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
            "quarantined": len(quarantined or []),
        },
        "quarantined": quarantined or [],
        "tables": tables,
    }


def write_report(
    reports: Iterable[ValidationReport],
    folder: Path,
    parquet_dir: Path | None = None,
    quarantined: list[dict[str, Any]] | None = None,
) -> dict:
    """Write index.html and results.json into `folder`; returns the results."""
    data = results(reports, parquet_dir, quarantined)
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
        "Every table is validated by Great Expectations: a suite derived from its schema "
        "(columns and types, nulls, unique IDs, allowed values, ranges) and integrity checks "
        "(references between tables, contiguous ordinals, line ranges, offsets and text "
        "slices, character conservation against the input files, plausible dates and "
        "percents), evaluated per shard of sources; corpus-wide checks (unique IDs and "
        "references across the whole dataset) run on the assembled tables. A source whose "
        "rows fail an ERROR expectation is quarantined: listed in `sources` with "
        "`status = quarantined` and the failing expectations, none of its rows published. "
        f"This build: {s['expectations']} expectations over {s['tables']} tables, "
        f"{s['passed']} met, {s['errors']} blocking failures, {s['warnings']} warnings, "
        f"{s.get('quarantined', 0)} sources quarantined.",
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
            f"— {o['unexpected_count']} of {o['element_count']} row(s)"
            + (f" in {len(o['failing_sources'])} source(s)" if o.get("failing_sources") else "")
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


def _result_cell(o: dict) -> str:
    if o["success"]:
        return "<span class=ok>met</span>"
    if o["severity"] == ERROR:
        return "<span class=error>FAILED</span>"
    return "<span class=warn>not met</span>"


def _summary_rows(data: dict) -> list[str]:
    e = html.escape
    out = []
    for table, entry in data["tables"].items():
        outcomes = [o for suite in entry["suites"].values() for o in suite]
        err = sum(not o["success"] and o["severity"] == ERROR for o in outcomes)
        warn = sum(not o["success"] and o["severity"] == WARN for o in outcomes)
        out.append(
            f'<tr><td><a href="#{e(table)}">{e(table)}</a></td><td>{entry.get("rows", 0)}</td>'
            f"<td>{len(outcomes)}</td><td>{sum(o['success'] for o in outcomes)}</td>"
            f"<td{' class=error' if err else ''}>{err}</td>"
            f"<td{' class=warn' if warn else ''}>{warn}</td>"
            f"<td><code>{e(entry.get('sha256', '')[:16])}</code></td></tr>"
        )
    return out


def _quarantine_section(data: dict) -> list[str]:
    e = html.escape
    quarantined = data.get("quarantined") or []
    if not quarantined:
        return ["<p>No source was quarantined.</p>"]
    out = [
        "<h2 id=quarantine>Quarantined sources</h2>",
        "<p>Their rows failed an ERROR expectation: none is published; every other source is.</p>",
        "<table><tr><th>file</th><th>source_id</th><th>failed expectations</th></tr>",
    ]
    for q in quarantined:
        out.append(
            f"<tr><td>{e(q.get('file_name') or '')}</td><td><code>{e(q['source_id'])}</code></td>"
            f"<td class=rows>{e(q.get('error') or '')}</td></tr>"
        )
    out.append("</table>")
    return out


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
        f"<span class=warn>{s['warnings']} warnings (WARN)</span>, "
        f"{s.get('quarantined', 0)} sources quarantined. "
        "Suites: <em>schema</em> (from <code>schemas/&lt;table&gt;.yaml</code>), "
        "<em>integrity</em> (across tables and against the input files, "
        "<code>pipelines/contract/integrity.py</code>), both per shard of sources, and "
        "<em>corpus</em> (unique IDs and references across the whole dataset, "
        "<code>pipelines/contract/corpus.py</code>). A failed ERROR expectation quarantines "
        "the sources whose rows fail it, or, when it is corpus-wide, stops publication; a "
        "failed WARN one is reported here. <em>Rows</em> counts the rows an expectation "
        "applies to.</p>",
        "<table><tr><th>table</th><th>rows</th><th>expectations</th><th>met</th>"
        "<th>ERROR failed</th><th>WARN failed</th><th>Parquet SHA-256</th></tr>",
        *_summary_rows(data),
        "</table>",
        *_quarantine_section(data),
    ]
    for table, entry in data["tables"].items():
        description = load_schema(table).description if table in TABLES else ""
        out += [
            f'<h2 id="{e(table)}">{e(table)}</h2>',
            f"<p>{e(description)}</p>",
            "<table><tr><th>#</th><th>suite</th><th>expectation</th><th>column / check</th>"
            "<th>meaning</th><th>severity</th><th>result</th><th>unexpected / rows</th>"
            "<th>failing rows (sample)</th></tr>",
        ]
        n = 0
        for suite, outcomes in entry["suites"].items():
            for o in outcomes:
                n += 1
                sample = "\n".join(
                    json.dumps(r, ensure_ascii=False, sort_keys=True) for r in o["failing_rows"]
                )
                out.append(
                    f"<tr><td>{n}</td><td>{e(suite)}</td><td><code>{e(o['expectation'])}</code></td>"
                    f"<td><code>{e(o['column'] or '')}</code></td><td>{e(o['description'])}</td>"
                    f"<td>{e(o['severity'])}</td><td>{_result_cell(o)}</td>"
                    f"<td>{o['unexpected_count']} / {o['element_count']}</td>"
                    f"<td class=rows>{e(sample)}</td></tr>"
                )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
