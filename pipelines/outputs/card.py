"""The dataset card (outputs/README.md): a Hugging Face dataset card, written from the
schemas, the sources' provenance, the row counts and the results of queries run against the
built database.

Its YAML header (`huggingface_hub.DatasetCardData`) declares one `datasets` config per table,
so that `load_dataset(<folder>, "paragraphs")` loads the table; the prose says where the
texts come from, how they were extracted, under which rights, how far to trust them, and how
to cite them. Only aggregates are fetched from the database (a table may be gigabytes).
"""

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
from huggingface_hub import DatasetCard, DatasetCardData

from ..schema import SCHEMA_VERSION, TABLES, load_schema
from . import about
from ..store.memory import duckdb_session
from .precision import ExtractorPrecision, HeldOutFigures

#: Catalogue sections of the card: (heading, note, SQL); run against the built database.
CATALOGUE: list[tuple[str, str, str]] = [
    (
        "Documents",
        "Every document (at most 200 listed), in source order. `continues` names the first "
        "part of an article that the page interrupted.",
        """select file_name, ordinal, doc_type, coalesce(rubric, '') as rubric,
       coalesce(title, '(untitled)') as title, array_to_string(authors, '、') as authors,
       coalesce(cast(publish_date as varchar), '') || case when date_inferred then ' (inferred)' else '' end as date,
       paragraph_count as paragraphs, coalesce(continues_doc_id, '') as continues
from documents order by file_name, ordinal limit 200""",
    ),
    (
        "Facts by type",
        "How many facts of each type, in how many documents, and how many carry a "
        "normalised number or date.",
        """select type, count(*) as facts, count(distinct doc_id) as documents,
       count(value_num) as with_number, count(value_date) as with_date
from facts group by type order by facts desc, type""",
    ),
]

#: Example queries shown in the card (and run by a test); (title, SQL).
EXAMPLE_QUERIES: list[tuple[str, str]] = [
    (
        "Documents per source, with their types",
        """select file_name, count(*) as documents, string_agg(distinct doc_type, ', ' order by doc_type) as types
from documents group by file_name order by file_name""",
    ),
    (
        "The paragraphs of one document in printed order, with their section path",
        """select ordinal, kind, section_path, left(text, 30) as text
from paragraph_context
where doc_id = (select doc_id from documents order by paragraph_count desc, doc_id limit 1)
order by ordinal limit 8""",
    ),
    (
        "Every percentage target with its document and normalised value",
        """select doc_title, text, value_num, qualifier
from fact_context where type = 'percent'
order by doc_id, para_id, para_start limit 8""",
    ),
    (
        "Percentages with the nearest year printed in the same sentence (the preceding one first)",
        """select arg_min(left(y.normalized, 4), (y.para_start > p.para_start, abs(y.para_start - p.para_start))) as year, p.text as percent,
       p.value_num, p.qualifier, left(any_value(s.text), 40) as sentence
from facts p join facts y on y.sent_id = p.sent_id and y.type = 'date'
join sentences s on s.sent_id = p.sent_id
where p.type = 'percent'
group by p.fact_id, p.text, p.value_num, p.qualifier
order by year, p.fact_id limit 8""",
    ),
    (
        "A fact with the sentence it stands in and its document",
        """select type, text, normalized, left(sentence_text, 40) as sentence, doc_title
from fact_context where type = 'meeting'
order by doc_id, para_id, para_start limit 5""",
    ),
    (
        "Which documents cite which (cited titles, with the issuer when the title names one)",
        """select d.title as citing_document, f.normalized as cited, f.unit as issuer
from facts f join documents d using (doc_id)
where f.type = 'cited_document'
order by d.doc_id, f.para_id, f.para_start limit 8""",
    ),
    (
        "How often each formula occurs per year",
        """select year(d.publish_date) as year, f.normalized as formula, count(*) as occurrences
from facts f join documents d using (doc_id)
where f.type = 'formula'
group by all order by occurrences desc, year, formula limit 10""",
    ),
    (
        "The most frequent quoted political formulas",
        """select formula, count, doc_count from formulas order by count desc, formula limit 10""",
    ),
    (
        "Documents by issuer",
        """select issuer, count(*) as documents, string_agg(distinct doc_type, ', ' order by doc_type) as types
from documents where issuer is not null group by issuer order by documents desc, issuer limit 10""",
    ),
    (
        "Citations between documents of the corpus (a cited title resolved to the document it names)",
        """select d.title as citing, c.title as cited, f.unit as issuer
from facts f join documents d on d.doc_id = f.doc_id join documents c on c.doc_id = f.cited_doc_id
where f.type = 'cited_document' order by d.doc_id, f.fact_id limit 8""",
    ),
    (
        "Places by province (division codes: the first two digits name the province)",
        """select left(division_code, 2) || '0000' as province_code, canonical as place, count(*) as mentions
from facts where type = 'place' and division_code is not null
group by all order by province_code, mentions desc, place limit 10""",
    ),
    (
        "Near-duplicate paragraphs across documents (a city notice relaying a provincial one)",
        """select n.similarity, a.doc_id as doc_a, left(a.text, 24) as a_text, b.doc_id as doc_b, left(b.text, 24) as b_text
from near_duplicates n join paragraphs a on a.para_id = n.a_id join paragraphs b on b.para_id = n.b_id
where n.level = 'paragraph' order by n.similarity desc, n.a_id limit 8""",
    ),
    (
        "The tasks a report or read-out lists as run-in leads (一是…, 第一，…), with the section they are printed in",
        """select d.title as document, coalesce(p.label || p.title, '') as printed_in, s.label, s.title as lead
from sections s join documents d using (doc_id)
left join sections p on p.section_id = s.parent_id
where s.kind = 'runin' and s.label <> ''
order by s.doc_id, s.ordinal limit 10""",
    ),
    (
        "What was set aside as page furniture, table of contents or pull-quote",
        """select kind, count(*) as pieces, sum(length(text)) as characters
from removed group by kind order by pieces desc, kind""",
    ),
]


def run_examples(db_path: Path) -> list[tuple[str, str, list[str], list[tuple[Any, ...]]]]:
    with duckdb_session(None, str(db_path), read_only=True) as con:
        out = []
        for title, sql in EXAMPLE_QUERIES:
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description]
            out.append((title, sql, cols, cur.fetchall()))
        return out


def _md_table(cols: list[str], rows: list[tuple[Any, ...]]) -> str:
    def cell(v: Any) -> str:
        return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


#: Journalism as the documents stage types it; with an author line it is bylined journalism.
JOURNALISM_TYPES = ("article", "news", "commentary")
OFFICIAL_TYPES = ("notice", "report", "speech", "plan")
_SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
)
#: Rights of each category of document (DATA_LICENSE.md says the same at length).
CATEGORY_RIGHTS = {
    "bylined journalism": "© the authors and the publisher: covered neither by art. 5 nor by "
    "the project's CC BY; included for research, clear the rights before republishing",
    "unsigned journalism and wire items": "© the publisher (or the agency): as bylined "
    "journalism",
    "official documents": "documents of state organs: no copyright (PRC Copyright Law art. 5); "
    "Party documents: unsettled",
    "other": "see the source's licence",
}


def size_category(n: int) -> str:
    """Hugging Face's size category for n examples (here: documents)."""
    return next((label for bound, label in _SIZE_CATEGORIES if n < bound), "n>100M")


def card_data(documents: int) -> DatasetCardData:
    """The YAML header: a config per table (documents is the default), licence, language."""
    configs = [
        {
            "config_name": table,
            "data_files": [{"split": "train", "path": f"parquet/{table}.parquet"}],
            **({"default": True} if table == "documents" else {}),
        }
        for table in TABLES
    ]
    return DatasetCardData(
        pretty_name=about.PRETTY_NAME,
        language=["zh"],
        license="other",
        license_name="policy-corpus-mixed",
        license_link=about.DATA_LICENSE_FILE,
        annotations_creators=["machine-generated"],
        language_creators=["found"],
        multilinguality=["monolingual"],
        source_datasets=["original"],
        size_categories=[size_category(documents)],
        task_categories=["token-classification", "text-generation"],
        task_ids=["named-entity-recognition"],
        tags=["chinese", "government", "policy", "information-extraction", "duckdb", "parquet"],
        configs=configs,
    )


def render_card(
    db_path: Path,
    *,
    validation_summary: str | None = None,
    precision: Sequence[ExtractorPrecision] | None = None,
    heldout: Sequence[HeldOutFigures] | None = None,
    figures: Sequence[tuple[str, str]] = (),
    source_notes: Mapping[str, str] | None = None,
) -> str:
    """The card's text. `figures` are (path relative to the card, caption); `precision` is
    `precision.extractor_precision()` (None: not measured in this build), `heldout`
    `precision.heldout_figures()` (the same); `source_notes` the
    sidecar's notes by file name."""
    with duckdb_session(None, str(db_path), read_only=True) as con:
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
        parts = _intro(counts)
        parts += _sources(con, source_notes or {})
        parts += _licence(con)
        parts += _figures(figures)
        parts += _tables(counts)
        parts += _catalogue(con)
        parts += _section_kinds(con)
        if validation_summary:
            parts += ["## Data quality", "", validation_summary, ""]
        parts += _limitations(con, precision)
        parts += _heldout(heldout)
    parts += ["## Example queries", ""]
    for title, sql, cols, rows in run_examples(db_path):
        parts += [f"### {title}", "", "```sql", sql.strip(), "```", "", _md_table(cols, rows), ""]
    parts += _schema()
    parts += _changelog_and_citation()
    body = "\n".join(parts)
    header = card_data(counts["documents"]).to_yaml()
    return str(DatasetCard(f"---\n{header}\n---\n\n{body}"))


def _intro(counts: dict[str, int]) -> list[str]:
    return [
        f"# {about.PRETTY_NAME}",
        "",
        "An open dataset of Chinese party and government documents (plans, plenary reports, "
        "party notices, newspaper and magazine articles), built from raw text extracted from "
        "printed pages by a reproducible Dagster pipeline. Every article is its own document, "
        "every paragraph is given back as the printed page shows it, and every fact is typed, "
        "normalised and traceable to the raw lines it came from. Whatever was set aside "
        "(page furniture, tables of contents, pull-quotes, duplicates) is kept in `removed` "
        "with the reason.",
        "",
        f"Version {about.dataset_version()}, schema {SCHEMA_VERSION}: {counts['documents']} "
        f"documents, {counts['paragraphs']} paragraphs, {counts['facts']} facts from "
        f"{counts['sources']} source files.",
        "",
        "## Load it in one line",
        "",
        "```python",
        "from datasets import load_dataset",
        'paragraphs = load_dataset("<this folder or its Hub id>", "paragraphs", split="train")',
        "```",
        "",
        "```sh",
        'duckdb policy_corpus.duckdb -c "select type, text, sentence_text, doc_title from fact_context limit 5"',
        "```",
        "",
        "Every table is one Parquet file, so pandas (`pd.read_parquet('parquet/facts.parquet')`), "
        "polars (`pl.read_parquet('parquet/facts.parquet')`), Arrow, R or DuckDB "
        "(`select * from 'parquet/facts.parquet'`) read it as well. The database opens with "
        "DuckDB 1.1 or later, 2.x included, from any folder.",
        "",
        "## Motivation",
        "",
        "Chinese policy documents are studied for what they commit to (targets, dates, "
        "amounts), how their slogans (提法) travel from the centre to a county, and who speaks "
        "for whom. Most of them reach researchers as text extracted from printed pages, where "
        "column wraps, page furniture and several articles to a page make them hard to count "
        "or quote. This dataset gives each document, paragraph and sentence back as printed, "
        "with stable IDs and line numbers in the source, so that every count can be checked "
        "against the page.",
        "",
        "## Files",
        "",
        "- `parquet/<table>.parquet`: one Parquet file per table (zstd, deterministic: a "
        "rebuild gives the same bytes).",
        "- `policy_corpus.duckdb`: the same tables in DuckDB (storage format v1.0.0), with "
        "primary keys, enum types and the views `fact_context`, `paragraph_context` and "
        "`section_paths`.",
        "- `datapackage.json`: Frictionless Data Package v2 (schemas, keys, sizes, SHA-256).",
        "- `croissant.json`: Croissant 1.1 metadata (record sets from the same schemas).",
        "- `figures/`: the figures of this card (SVG).",
        "- `validation/`: the data-quality report of the build.",
        f"- `{about.DATA_LICENSE_FILE}`: the data licence.",
        "",
    ]


def _sources(con: duckdb.DuckDBPyConnection, notes: Mapping[str, str]) -> list[str]:
    cur = con.execute(
        """select file_name, coalesce(publication, 'unknown') as publication,
                  coalesce(issue, 'unknown') as issue, coalesce(published, 'unknown') as published,
                  coalesce(url, 'unknown') as url, document_count as documents,
                  status, coalesce(error, '') as error
           from sources order by file_name"""
    )
    cols = [d[0] for d in cur.description]
    sources = cur.fetchall()
    extraction = con.execute(
        "select file_name, coalesce(extraction, 'unknown'), encoding, line_count, bytes "
        "from sources order by file_name"
    ).fetchall()
    parts = [
        "## Source data",
        "",
        "Each input file is text extracted from printed pages (or a transcript of them). Where "
        "it was printed, when, and under which licence comes from the input folder's provenance "
        "sidecar `sources.yaml` (the `sources` columns `publication`, `issue`, `published`, "
        "`url`, `licence`, `extraction`); `unknown` is what the sidecar says when the text "
        "itself does not tell.",
        "",
        _md_table(cols, sources),
        "",
    ]
    listed = [(name, note) for name, note in sorted(notes.items())]
    if listed:
        parts += [f"- `{name}`: {note}" for name, note in listed] + [""]
    parts += [
        "### How the text was extracted",
        "",
        _md_table(["file_name", "extraction", "encoding", "lines", "bytes"], extraction),
        "",
        "The pipeline then decodes each file (GB18030, UTF-16 and UTF-8 with or without BOM "
        "are recognised), normalises Unicode and whitespace, reflows the printed column wraps "
        "into paragraphs, sets aside page furniture, tables of contents, pull-quotes and "
        "duplicates (into `removed`, with the reason), splits the file into documents (title, "
        "byline, rubric, date), builds each document's heading tree, splits sentences, "
        "segments them with jieba (with a domain dictionary) and extracts typed facts with "
        "rules, one extractor id per rule family (`facts.extractor`).",
        "",
    ]
    return parts


def _licence(con: duckdb.DuckDBPyConnection) -> list[str]:
    journalism = ", ".join(f"'{t}'" for t in JOURNALISM_TYPES)
    official = ", ".join(f"'{t}'" for t in OFFICIAL_TYPES)
    rows = con.execute(
        f"""select case
                 when d.doc_type in ({journalism}) and len(d.authors) > 0 then 'bylined journalism'
                 when d.doc_type in ({journalism}) then 'unsigned journalism and wire items'
                 when d.doc_type in ({official}) then 'official documents'
                 else 'other' end as category,
               count(*) as documents,
               string_agg(distinct coalesce(s.publication, 'unknown'), '; '
                          order by coalesce(s.publication, 'unknown')) as publications
           from documents d join sources s on s.source_id = d.source_id
           group by 1 order by documents desc, category"""
    ).fetchall()
    total = sum(r[1] for r in rows)
    bylined = next((r[1] for r in rows if r[0] == "bylined journalism"), 0)
    table = [(c, n, pubs, CATEGORY_RIGHTS[c]) for c, n, pubs in rows]
    by_source = con.execute(
        "select file_name, coalesce(licence, 'unknown') from sources order by file_name"
    ).fetchall()
    return [
        "## Licence",
        "",
        "The project's own work (the tables' structure, IDs, segmentation, tokens, facts, "
        "keywords, the records of removed text) is released under CC BY 4.0. The texts keep "
        f"the rights of their authors and publishers; `{about.DATA_LICENSE_FILE}` says so at "
        "length, and the pipeline's code is MIT-licensed.",
        "",
        f"**{bylined} of the {total} documents are bylined journalism** (articles, news and "
        "commentary printed with an author line). The statement usually made for official "
        "documents (no copyright, art. 5 of the PRC Copyright Law) does not cover them.",
        "",
        _md_table(["category", "documents", "publications", "rights"], table),
        "",
        "Licence of each source, as its provenance gives it:",
        "",
        _md_table(["file_name", "licence"], by_source),
        "",
    ]


def _figures(figures: Sequence[tuple[str, str]]) -> list[str]:
    if not figures:
        return []
    parts = ["## Figures", ""]
    for path, caption in figures:
        parts += [f"![{caption}]({path})", "", f"*{caption}*", ""]
    return parts


def _tables(counts: dict[str, int]) -> list[str]:
    return [
        "## Tables",
        "",
        _md_table(
            ["table", "rows", "what it holds"],
            [(t, counts[t], load_schema(t).description) for t in TABLES],
        ),
        "",
    ]


def _catalogue(con: duckdb.DuckDBPyConnection) -> list[str]:
    parts: list[str] = []
    for heading, note, sql in CATALOGUE:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description]
        parts += [f"## {heading}", "", note, "", _md_table(cols, cur.fetchall()), ""]
    return parts


def _section_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What the kinds of `sections` are, with their counts in this build."""
    cur = con.execute("select kind, count(*) as sections from sections group by kind order by kind")
    cols = [d[0] for d in cur.description]
    return [
        "## Section kinds",
        "",
        "`sections.kind` says what a heading is, so that a query can take the numbered "
        "outline of a report, or the tasks it lists, or leave the closing words out: "
        "`numbered` (`一、` `（一）` `1．` as printed in `label`), `runin` (a lead that opens "
        "its paragraph: `一是…` `第一，…` `首先…`, or a bold lead run in with `——`; its "
        "`title` is the lead sentence, the paragraph stays whole, and it sits under the "
        "section it is printed in), `bullet` (`●` subheads of a magazine), `subhead` (an "
        "unnumbered heading line, empty `label`), `markdown` (`##`), `closing` (the part "
        "after the last item that a report or speech opens with `各位代表、同志们…`, "
        "`最后，我…` or `让我们…`: under the part it closes, at the top for the document's "
        "own). Example: the run-in leads of every document, in the Example queries below.",
        "",
        _md_table(cols, cur.fetchall()),
        "",
    ]


def _heldout(groups: Sequence[HeldOutFigures] | None) -> list[str]:
    """Precision and recall per type on texts annotated before the extractors ran on them:
    the fairer measure of what a user meets on texts of their own."""
    if not groups:
        return []
    cols = ["type"]
    for g in groups:
        cols += [f"{g.group} expected", f"{g.group} P", f"{g.group} R"]

    def fmt(x: float | None) -> str:
        return "" if x is None else f"{x:.3f}"

    rows = []
    for t in groups[0].per_type:
        row: list[Any] = [t]
        for g in groups:
            r = g.per_type[t]
            row += [r["expected"], fmt(r["precision"]), fmt(r["recall"])]
        rows.append(tuple(row))
    total: list[Any] = ["all types"]
    for g in groups:
        total += [sum(r["expected"] for r in g.per_type.values()), fmt(g.precision), fmt(g.recall)]
    rows.append(tuple(total))
    described = "; ".join(f"{g.group}: {', '.join(f'`{s}`' for s in g.sources)}" for g in groups)
    return [
        "### Precision and recall on held-out texts",
        "",
        "Facts of texts annotated by hand before the extractors were run on them "
        "(`tests/fixtures/facts/heldout/`), extracted again in this build. The development "
        "texts have since been read to find categories of error (never to copy their "
        "strings); the blind ones never: their figures are what to expect on texts of the "
        "same kinds. Every text follows one written guideline "
        "(`tests/fixtures/facts/CONVENTIONS.md`), and a check that runs no extractor "
        "(`python -m pipelines.evaluation.conventions`) finds a string marked in one text and "
        f"left bare in another before a new text is measured. {described}.",
        "",
        _md_table(cols, rows),
        "",
    ]


def _limitations(
    con: duckdb.DuckDBPyConnection, precision: Sequence[ExtractorPrecision] | None
) -> list[str]:
    inferred, dated, total = con.execute(
        "select count(*) filter (where date_inferred), count(publish_date), count(*) from documents"
    ).fetchone()
    parts = [
        "## Limitations",
        "",
        f"- **Inferred dates.** {inferred} of the {total} documents carry a `publish_date` "
        "that is not printed in the document itself but inferred from the source (the date "
        "the file prints for itself, else the latest date its documents print as their "
        "own: the issue is no older), or a dateline that prints no year; `date_inferred` "
        "marks them, and `date_source` says how every date was found (printed, delivery, "
        f"signature, print_line, source). Documents without any date: {total - dated}.",
        "- **Rule-based extraction.** Facts, document boundaries and headings come from "
        "rules tuned on the seeds and a small vendored corpus; texts of another layout or "
        "genre will have more errors than measured here.",
        f"- **Source coverage.** {con.execute('select count(*) from sources').fetchone()[0]} "
        "source files: the counts describe these files, not Chinese policy writing at large.",
        "",
    ]
    if precision is None:
        parts += [
            "Extractor precision was not measured in this build (the hand-written fixtures "
            "under `tests/fixtures/facts/` were not available).",
            "",
        ]
        return parts
    rows = [
        (
            p.extractor,
            p.predicted,
            p.right,
            f"{p.precision:.3f}" if p.predicted else "",
            f"{p.blind_right}/{p.blind_predicted}" if p.blind_predicted else "",
        )
        for p in precision
    ]
    predicted = sum(p.predicted for p in precision)
    blind = sum(p.blind_predicted for p in precision)
    parts += [
        "### Extractor precision on the fixtures",
        "",
        f"Facts extracted from the hand-annotated fixture clauses ({predicted} facts, of which "
        f"{blind} on held-out clauses annotated before the rules were run on them), and how "
        "many an annotator also marked with the same type and span. The fixtures were used to "
        "tune the rules, so precision on them is an upper bound; the held-out column is the "
        "fairer, if small, measure. Recall is reported by `make eval`.",
        "",
        _md_table(["extractor", "extracted", "right", "precision", "held-out right"], rows),
        "",
    ]
    return parts


def _schema() -> list[str]:
    parts = ["## Schema", ""]
    for table in TABLES:
        schema = load_schema(table)
        keys = f"Primary key: ({', '.join(schema.primary_key)})."
        refs = "; ".join(f"`{k.column}` → `{k.table}.{k.ref_column}`" for k in schema.foreign_keys)
        parts += [f"### `{table}`", "", schema.description, "", keys]
        if refs:
            parts += ["", f"References: {refs}."]
        rows = [
            (
                f"`{c.name}`",
                c.type,
                "yes" if c.nullable else "no",
                c.description
                + (f" One of: {', '.join(c.allowed)}." if c.allowed else "")
                + (f" Form: `{c.id_format}`." if c.id_format else ""),
            )
            for c in schema.columns
        ]
        parts += ["", _md_table(["column", "type", "nullable", "description"], rows), ""]
    return parts


def _changelog_and_citation() -> list[str]:
    return [
        "## Changelog",
        "",
        f"### {about.dataset_version()} (schema {SCHEMA_VERSION})",
        "",
        about.changelog_entry(),
        "",
        "Earlier versions: `CHANGELOG.md` in the code repository.",
        "",
        "## Citation",
        "",
        "```bibtex",
        about.bibtex(),
        "```",
        "",
    ]
