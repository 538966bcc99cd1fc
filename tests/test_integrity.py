"""The integrity checks (`pipelines/contract/integrity.py`): met on a hand-made consistent dataset and
on the dataset built from the seeds; each kind of corruption fails the expectation meant to
catch it, with the right severity and the failing row named."""

import hashlib
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import dagster as dg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.build import build
from pipelines.contract.conservation import conservation_diff
from pipelines.contract.integrity import DEPENDS_ON, ISO_DATE
from pipelines.contract.memory import (
    expectation_catalogue,
    validate_all_integrity,
    validate_integrity,
    validate_table,
)
from pipelines.contract.outcomes import ERROR, WARN, ValidationReport
from pipelines.contract.report import render_html, results, summary_markdown
from pipelines.paths import SEEDS_DIR
from pipelines.schema import TABLES, to_arrow
from pipelines.text.normalize import NormalizationStats
from pipelines.text.tables import source_id_for

Tables = dict[str, pa.Table]

# ---------------------------------------------------------------------------------------------
# a small, consistent, hand-made dataset: one source, one document, a removed pull-quote

LINES = [
    "关于做好防汛工作的通知",
    "■要切实做好防汛工作。",
    "各单位：",
    "要切实做好防汛工作。2020年增长3%。",
]


def tiny_dataset(folder: Path) -> Tables:
    """The tables of one source written to `folder`/a.txt, consistent in every respect."""
    name = "a.txt"
    data = ("\n".join(LINES) + "\n").encode("utf-8")
    (folder / name).write_bytes(data)
    sid = source_id_for(name)
    doc = f"{sid}-001"
    paras = [("heading", LINES[0], 1), ("body", LINES[2], 3), ("body", LINES[3], 4)]
    doc_text = "\n".join(p[1] for p in paras)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["sources"].append(
        dict(
            source_id=sid,
            file_name=name,
            sha256=hashlib.sha256(data).hexdigest(),
            bytes=len(data),
            encoding="utf-8",
            line_count=4,
            char_count=sum(len(line) for line in LINES),
            status="ok",
            error=None,
            document_count=1,
            paragraph_count=3,
            removed_count=1,
            file_name_bytes=None,
            **NormalizationStats().columns(),
            warnings=[],
            **dict.fromkeys(("publication", "issue", "published", "url", "licence", "extraction")),
        )
    )
    rows["documents"].append(
        dict(
            doc_id=doc,
            source_id=sid,
            file_name=name,
            ordinal=1,
            title=LINES[0],
            subtitle=None,
            authors=[],
            author_roles=[],
            issuer=None,
            rubric=None,
            doc_type="notice",
            publish_date=date(2020, 7, 1),
            date_inferred=False,
            date_source="signature",
            line_start=1,
            line_end=4,
            char_count=len(doc_text),
            paragraph_count=3,
            start_rule="documents.starts.first",
            continues_doc_id=None,
            text=doc_text,
        )
    )
    rows["sections"].append(
        dict(
            section_id=f"{doc}-s001",
            doc_id=doc,
            parent_id=None,
            level=1,
            ordinal=1,
            label=None,
            title="各单位",
            line_start=3,
            kind="subhead",
        )
    )
    for i, (kind, text, line) in enumerate(paras, start=1):
        pid = f"{doc}-p{i:04d}"
        rows["paragraphs"].append(
            dict(
                para_id=pid,
                doc_id=doc,
                source_id=sid,
                section_id=f"{doc}-s001" if i > 1 else None,
                ordinal=i,
                kind=kind,
                text=text,
                char_count=len(text),
                line_start=line,
                line_end=line,
                char_start=0,
                char_end=len(text),
                text_simplified=None,
                text_md5=hashlib.md5(text.encode("utf-8")).hexdigest(),
                tokens=[text],
                near_dup_of=None,
            )
        )
        cuts = [(0, len(text))] if i < 3 else [(0, 10), (10, len(text))]
        for k, (s, e) in enumerate(cuts, start=1):
            rows["sentences"].append(
                dict(
                    sent_id=f"{pid}-s{k:03d}",
                    para_id=pid,
                    doc_id=doc,
                    ordinal=k,
                    text=text[s:e],
                    start=s,
                    end=e,
                    char_count=e - s,
                    tokens=[text[s:e]],
                    pos=["x"],
                )
            )
    p3 = f"{doc}-p0003"
    fact = dict(doc_id=doc, para_id=p3, sent_id=f"{p3}-s002", unit=None, value_date=None)
    rows["facts"] += [
        dict(
            fact,
            fact_id=f"{p3}-f001",
            type="date",
            text="2020年",
            start=10,
            end=15,
            value_num=None,
            normalized="2020",
            qualifier=None,
            direction=None,
            canonical=None,
            division_code=None,
            cited_doc_id=None,
            extractor="date.absolute",
            confidence=0.9,
        ),
        dict(
            fact,
            fact_id=f"{p3}-f002",
            type="percent",
            text="3%",
            start=17,
            end=19,
            value_num=0.03,
            normalized="0.03",
            qualifier="增长",
            direction=None,
            canonical=None,
            division_code=None,
            cited_doc_id=None,
            extractor="percent",
            confidence=0.9,
        ),
        dict(
            fact,
            fact_id=f"{p3}-f003",
            type="formula",
            text="防汛工作",
            start=5,
            end=9,
            value_num=None,
            normalized="防汛工作",
            qualifier=None,
            direction=None,
            canonical=None,
            division_code=None,
            cited_doc_id=None,
            extractor="formula",
            confidence=0.5,
            sent_id=f"{p3}-s001",
        ),
    ]
    rows["removed"].append(
        dict(
            removed_id=f"{sid}-r0001",
            source_id=sid,
            file_name=name,
            ordinal=1,
            line_start=2,
            line_end=2,
            kind="pull_quote",
            text=LINES[1],
            reason="pull-quote repeating the body",
            rule="layout.lines.pull_quote",
        )
    )
    rows["keywords"].append(dict(doc_id=doc, method="tfidf", rank=1, word="防汛", weight=1.0))
    rows["formulas"].append(
        dict(
            formula="防汛工作",
            count=1,
            doc_count=1,
            first_date=date(2020, 7, 1),
            last_date=date(2020, 7, 1),
            doc_ids=[doc],
        )
    )
    return {t: to_arrow(t, r) for t, r in rows.items()}


def edit(tables: Tables, table: str, change: Callable[[list[dict[str, Any]]], None]) -> Tables:
    """A copy of the tables with `change` applied to the rows of one table."""
    rows = tables[table].to_pylist()
    change(rows)
    return {**tables, table: to_arrow(table, rows)}


def failed(report: ValidationReport, meaning: str) -> list[Any]:
    """The failure whose description contains `meaning` (asserting there is one)."""
    hits = [f for f in report.failures if meaning in f.description]
    assert hits, f"{meaning!r} not among {[f.describe() for f in report.failures]}"
    return hits


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> tuple[Tables, Path]:
    folder = tmp_path_factory.mktemp("tiny")
    return tiny_dataset(folder), folder


def test_a_consistent_dataset_meets_every_expectation(tiny):
    tables, folder = tiny
    for table, data in tables.items():
        assert validate_table(table, data).success, table
    for table, report in validate_all_integrity(tables, folder).items():
        assert report.failures == [], (table, [f.describe() for f in report.failures])
        assert report.evaluated == len(report.outcomes) > 0


def _first(rows, **match):
    return next(r for r in rows if all(r[k] == v for k, v in match.items()))


def _pull_quote_as_body(rows):
    rows[1]["text"] = LINES[1]


def _gap(rows):
    rows[-1]["ordinal"] += 1


CORRUPTIONS = [
    # (table edited, change, table whose integrity fails, meaning, severity)
    (
        "sentences",
        lambda r: r[0].update(para_id="nope"),
        "sentences",
        "para_id is a paragraph",
        ERROR,
    ),
    (
        "facts",
        lambda r: _first(r, type="date").update(text="2021年"),
        "facts",
        "text == paragraphs.text",
        ERROR,
    ),
    (
        "facts",
        lambda r: _first(r, type="date").update(end=99),
        "facts",
        "end is inside the paragraph",
        ERROR,
    ),
    (
        "facts",
        lambda r: _first(r, type="date").update(sent_id="x-s009"),
        "facts",
        "sent_id is a sentence",
        ERROR,
    ),
    (
        "facts",
        lambda r: _first(r, type="date").update(start=0, end=4, text="要切实做"),
        "facts",
        "at or after its sentence's start",
        ERROR,
    ),
    ("sentences", lambda r: r[1].update(text="X"), "sentences", "text == paragraphs.text", ERROR),
    ("sentences", lambda r: r[3].update(start=5), "sentences", "do not overlap", ERROR),
    ("paragraphs", _gap, "paragraphs", "runs 1..n", ERROR),
    ("paragraphs", _pull_quote_as_body, "paragraphs", "equals a removed pull-quote", ERROR),
    ("paragraphs", lambda r: r[0].update(line_end=9), "paragraphs", "inside the source", ERROR),
    (
        "paragraphs",
        lambda r: r[1].update(section_id="x-s001"),
        "paragraphs",
        "section_id is a section",
        ERROR,
    ),
    ("paragraphs", lambda r: r[1].update(text_md5="0" * 32), "paragraphs", "MD5", ERROR),
    (
        "paragraphs",
        lambda r: r[2].update(text=r[2]["text"][:-1] + "，"),
        "sources",
        "non-space characters of the normalised",
        ERROR,
    ),
    ("removed", lambda r: r.clear(), "sources", "removed_count equals", ERROR),
    ("removed", lambda r: r[0].update(line_end=5), "removed", "inside the source", ERROR),
    (
        "sections",
        lambda r: r[0].update(parent_id="ghost"),
        "sections",
        "parent_id is a section",
        ERROR,
    ),
    (
        "documents",
        lambda r: r[0].update(paragraph_count=2),
        "documents",
        "paragraph_count equals",
        ERROR,
    ),
    ("documents", lambda r: r[0].update(text="x"), "documents", "joined by newlines", ERROR),
    ("documents", lambda r: r[0].update(source_id="f" * 16), "documents", "ingested source", ERROR),
    ("documents", lambda r: r[0].update(ordinal=2), "documents", "doc_id has the form", ERROR),
    (
        "documents",
        lambda r: r[0].update(continues_doc_id="nope"),
        "documents",
        "continues_doc_id is a document",
        ERROR,
    ),
    (
        "documents",
        lambda r: r[0].update(continues_doc_id=r[0]["doc_id"]),
        "documents",
        "comes after the part it continues",
        ERROR,
    ),
    ("sources", lambda r: r[0].update(status="rejected"), "documents", "ingested source", ERROR),
    ("keywords", lambda r: r[0].update(rank=2), "keywords", "rank runs 1..n", ERROR),
    ("formulas", lambda r: r[0].update(doc_ids=["nope"]), "formulas", "doc_ids entry", ERROR),
    (
        "facts",
        lambda r: _first(r, type="date").update(normalized="1850"),
        "facts",
        "date facts fall in",
        WARN,
    ),
    (
        "facts",
        lambda r: _first(r, type="percent").update(value_num=30.0),
        "facts",
        "percent values",
        WARN,
    ),
    (
        "facts",
        lambda r: _first(r, type="percent").update(value_num=None),
        "facts",
        "carry value_num",
        WARN,
    ),
    (
        "documents",
        lambda r: r[0].update(publish_date=date(2150, 1, 1)),
        "documents",
        "publish_date in",
        WARN,
    ),
]


@pytest.mark.parametrize(
    ("table", "change", "checked", "meaning", "severity"),
    CORRUPTIONS,
    ids=[f"{c[0]}:{c[3]}" for c in CORRUPTIONS],
)
def test_each_corruption_fails_its_expectation(tiny, table, change, checked, meaning, severity):
    tables, folder = tiny
    report = validate_integrity(checked, edit(tables, table, change), folder)
    hits = failed(report, meaning)
    assert {f.severity for f in hits} == {severity}
    assert report.success is (severity == WARN and not report.errors)
    assert all(f.sample for f in hits), "failing rows are named"


def test_conservation_names_the_lost_characters(tiny):
    tables, folder = tiny
    broken = edit(tables, "removed", lambda r: r.clear())
    [failure] = failed(validate_integrity("sources", broken, folder), "are missing from")
    assert "■" in json.dumps(failure.sample, ensure_ascii=False)
    lost, added = conservation_diff(["甲 乙\u3000丙"], ["甲乙"])
    assert (dict(lost), dict(added)) == ({"丙": 1}, {})


@pytest.mark.parametrize(
    "source, kept, lost, added",
    [
        (["一、甲乙", "丙"], ["丙\n一、", "乙甲"], {}, {}),  # reordered, split: conserved
        (["甲乙乙"], ["甲乙丙"], {"乙": 1}, {"丙": 1}),  # same length, one swapped
        (["甲\ud800"], ["甲"], {"\ud800": 1}, {}),  # a lone surrogate is a character too
    ],
)
def test_conservation_compares_multisets_whatever_the_order(source, kept, lost, added):
    assert tuple(map(dict, conservation_diff(source, kept))) == (lost, added)


def test_a_changed_input_file_is_flagged(tiny, tmp_path):
    tables, folder = tiny
    (tmp_path / "a.txt").write_bytes((folder / "a.txt").read_bytes() + "补".encode())
    failed(validate_integrity("sources", tables, tmp_path), "SHA-256 recorded")
    # without an input folder conservation is not evaluated, the rest still is
    report = validate_integrity("sources", tables, None)
    assert report.success and not any("SHA-256" in o.description for o in report.outcomes)


def test_empty_tables_and_a_rejected_source_are_fine(tmp_path):
    rows = {t: [] for t in TABLES}
    rows["sources"] = [
        dict(
            source_id="0" * 16,
            file_name="bad.txt",
            sha256="0" * 64,
            bytes=3,
            encoding=None,
            line_count=0,
            char_count=0,
            status="rejected",
            error="bad.txt: binary content",
            document_count=0,
            paragraph_count=0,
            removed_count=0,
            file_name_bytes=None,
            **NormalizationStats().columns(),
            warnings=[],
            **dict.fromkeys(("publication", "issue", "published", "url", "licence", "extraction")),
        )
    ]
    tables = {t: to_arrow(t, r) for t, r in rows.items()}
    for table, report in validate_all_integrity(tables, tmp_path).items():
        assert report.failures == [], table


def test_every_expectation_has_a_severity_and_a_meaning():
    catalogue = expectation_catalogue()
    assert {t for t, _, _ in catalogue} == set(DEPENDS_ON)
    assert all(sev in (ERROR, WARN) and meaning for _, sev, meaning in catalogue)
    assert {sev for _, sev, _ in catalogue} == {ERROR, WARN}


def test_the_report_page_is_deterministic_and_lists_failing_rows(tiny):
    tables, folder = tiny
    broken = edit(tables, "facts", lambda r: _first(r, type="date").update(normalized="1850"))
    reports = [
        validate_table("facts", broken["facts"]),
        validate_integrity("facts", broken, folder),
    ]
    data = results(reports)
    assert data["summary"]["warnings"] == 1 and data["summary"]["errors"] == 0
    page = render_html(data)
    assert page == render_html(results(reports))
    assert "date facts fall in" in page and "-f001" in page and "WARN" in page
    assert "1 warnings" in summary_markdown(data)


# ---------------------------------------------------------------------------------------------
# the dataset built from the seeds (one build for the module)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    with dg.instance_for_test() as instance:
        build(SEEDS_DIR, out, instance=instance, log=lambda *_: None)
    return out


@pytest.fixture(scope="module")
def seed_tables(built) -> Tables:
    return {t: pq.read_table(built / "parquet" / f"{t}.parquet") for t in TABLES}


@pytest.mark.slow
def test_the_seeds_meet_every_error_expectation_and_the_report_is_published(built, seed_tables):
    for table, report in validate_all_integrity(seed_tables, SEEDS_DIR).items():
        assert report.errors == [], (table, [f.describe() for f in report.errors])
    page = (built / "validation" / "index.html").read_text(encoding="utf-8")
    data = json.loads((built / "validation" / "results.json").read_text(encoding="utf-8"))
    assert data["summary"]["errors"] == 0 and set(data["tables"]) == set(TABLES)
    assert all(set(entry["suites"]) >= {"schema"} for entry in data["tables"].values())
    assert "conservation" not in page or "normalised source lines" in page
    assert "validation/index.html" in (built / "README.md").read_text(encoding="utf-8")


def _dup_para(rows):
    rows.append(dict(rows[0]))


def _dangling_sentence(rows):
    rows[len(rows) // 2]["para_id"] += "x"


def _bad_char_count(rows):
    _first(rows, kind="body")["char_count"] += 1


def _fact_off_slice(rows):
    rows[0]["start"] += 1


def _gap_in_removed(rows):
    rows[-1]["ordinal"] += 1


def _pull_quote_in_body(tables: Tables) -> Tables:
    body = _first(tables["paragraphs"].to_pylist(), kind="body")

    def add(rows):
        mine = [r for r in rows if r["source_id"] == body["source_id"]]
        n = max((r["ordinal"] for r in mine), default=0) + 1
        rows.append(
            dict(
                removed_id=f"{body['source_id']}-r{n:04d}",
                source_id=body["source_id"],
                file_name=_first(tables["sources"].to_pylist(), source_id=body["source_id"])[
                    "file_name"
                ],
                ordinal=n,
                line_start=body["line_start"],
                line_end=body["line_start"],
                kind="pull_quote",
                text="■" + body["text"],
                reason="pull-quote",
                rule="layout.lines.pull_quote",
            )
        )

    return edit(tables, "removed", add)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "corrupt", "suite", "checked", "meaning"),
    [
        ("duplicate para_id", ("paragraphs", _dup_para), "schema", "paragraphs", "unique"),
        (
            "dangling para_id",
            ("sentences", _dangling_sentence),
            "integrity",
            "sentences",
            "para_id is a paragraph",
        ),
        (
            "wrong char_count",
            ("paragraphs", _bad_char_count),
            "schema",
            "paragraphs",
            "char_count == len(text)",
        ),
        (
            "fact off its slice",
            ("facts", _fact_off_slice),
            "integrity",
            "facts",
            "text == paragraphs.text",
        ),
        (
            "gap in removed ordinals",
            ("removed", _gap_in_removed),
            "integrity",
            "removed",
            "runs 1..n",
        ),
        (
            "pull-quote left as body",
            _pull_quote_in_body,
            "integrity",
            "paragraphs",
            "equals a removed pull-quote",
        ),
        (
            "a source miscounts its documents",
            ("sources", lambda r: r[0].update(document_count=r[0]["document_count"] + 1)),
            "integrity",
            "sources",
            "document_count equals its rows",
        ),
        (
            "documents overlap",
            ("documents", lambda r: r[1].update(line_start=r[0]["line_start"])),
            "integrity",
            "documents",
            "without overlapping lines",
        ),
        (
            "a section deeper than nothing",
            ("sections", lambda r: _first(r, level=2).update(level=1)),
            "integrity",
            "sections",
            "deeper than its parent",
        ),
        (
            "a keyword of no document",
            ("keywords", lambda r: r[0].update(doc_id="nope")),
            "integrity",
            "keywords",
            "doc_id is a document",
        ),
        (
            "a formula miscounted",
            ("formulas", lambda r: r[0].update(count=r[0]["count"] + 1)),
            "integrity",
            "formulas",
            "count equals the formula facts",
        ),
    ],
)
def test_a_corrupted_seed_table_fails_the_right_check(
    seed_tables, name, corrupt, suite, checked, meaning
):
    tables = corrupt(seed_tables) if callable(corrupt) else edit(seed_tables, *corrupt)
    if suite == "schema":
        report = validate_table(checked, tables[checked])
    else:
        report = validate_integrity(checked, tables, SEEDS_DIR)
    hits = failed(report, meaning)
    assert not report.success and all(f.severity == ERROR for f in hits), name


@pytest.mark.parametrize(
    "normalized, iso",
    [
        ("2020", True),
        ("2020-03-29", True),
        ("--04", True),  # 4月 in a document whose year is not known
        ("--02-28", True),
        ("---31", True),
        ("2016/2020", True),
        ("--02-28/--03-05", True),
        ("2020-3-29", False),
        ("-04", False),
        ("二〇二〇", False),
    ],
)
def test_the_date_check_accepts_every_iso_form_the_date_extractors_write(normalized, iso):
    assert (re.fullmatch(ISO_DATE, normalized) is not None) is iso
