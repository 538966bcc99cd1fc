"""The provenance sidecar: read, checked with errors that name the file and the key, and
carried into the `sources` row."""

import pytest

from pipelines.provenance import (
    PROVENANCE_COLUMNS,
    SIDECAR_NAME,
    ProvenanceError,
    files_without_provenance,
    load_provenance,
    provenance_columns,
    unknown_file_names,
)
from pipelines.schema import load_schema, to_arrow
from pipelines.text.tables import build_source_tables

ENTRY = """\
a.txt:
  publication: 今日浙江
  issue: 2024年第2期
  published: 2024-01
  url: https://example.org/issue
  licence: © the publisher
  extraction: text layer of the printed issue
"""


def write(folder, text):
    (folder / SIDECAR_NAME).write_text(text, encoding="utf-8")
    return folder


def test_the_seeds_sidecar_covers_every_seed_and_reads_unknown_as_null(seeds_dir):
    provenance = load_provenance(seeds_dir)
    names = [p.name for p in seeds_dir.glob("*.txt")]
    assert files_without_provenance(provenance, names) == []
    assert unknown_file_names(provenance, names) == []
    assert all(p.extraction for p in provenance.values())
    assert any(p.publication is None for p in provenance.values())


def test_a_full_entry_gives_the_six_columns(tmp_path):
    entry = load_provenance(write(tmp_path, ENTRY))["a.txt"]
    assert entry.columns() == {
        "publication": "今日浙江",
        "issue": "2024年第2期",
        "published": "2024-01",
        "url": "https://example.org/issue",
        "licence": "© the publisher",
        "extraction": "text layer of the printed issue",
    }
    assert tuple(entry.columns()) == PROVENANCE_COLUMNS


def test_an_unquoted_yaml_date_is_kept_at_its_printed_precision(tmp_path):
    text = ENTRY.replace("published: 2024-01", "published: 2024-01-23")
    assert load_provenance(write(tmp_path, text))["a.txt"].published == "2024-01-23"
    text = ENTRY.replace("published: 2024-01", "published: 2024")
    assert load_provenance(write(tmp_path, text))["a.txt"].published == "2024"


def test_a_folder_without_sidecar_has_no_provenance_and_every_file_is_listed(tmp_path):
    assert load_provenance(tmp_path) == {}
    assert files_without_provenance({}, ["b.txt", "a.txt"]) == ["a.txt", "b.txt"]
    assert provenance_columns(None) == dict.fromkeys(PROVENANCE_COLUMNS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            ENTRY.replace("  licence: © the publisher\n", ""),
            r"sources.yaml: a.txt: missing key 'licence'",
        ),
        (ENTRY.replace("  issue:", "  isue:"), r"sources.yaml: a.txt: unknown key 'isue'"),
        (ENTRY.replace("2024-01", "January 2024"), r"a.txt: published 'January 2024'"),
        (ENTRY.replace("https://example.org/issue", "example.org"), r"a.txt: url 'example.org'"),
        (ENTRY.replace(" 2024年第2期", ""), r"a.txt: issue must be text"),
        ("a.txt: [1, 2]\n", r"sources.yaml: a.txt: expected a mapping"),
        ("a.txt: {publication: [unclosed\n", r"sources.yaml: not readable as YAML"),
    ],
)
def test_a_malformed_sidecar_names_the_file_and_the_key(tmp_path, text, message):
    with pytest.raises(ProvenanceError, match=message):
        load_provenance(write(tmp_path, text))


def test_a_sidecar_entry_for_a_missing_file_is_reported(tmp_path):
    provenance = load_provenance(write(tmp_path, ENTRY))
    assert unknown_file_names(provenance, ["b.txt"]) == ["a.txt"]
    assert files_without_provenance(provenance, ["a.txt", "b.txt"]) == ["b.txt"]


def test_the_sources_row_carries_the_provenance_and_nulls_without_it(tmp_path):
    entry = load_provenance(write(tmp_path, ENTRY))["a.txt"]
    data = "中共绍兴市委关于做好防汛工作的通知\n各单位：\n请做好防汛工作。\n".encode()
    row = build_source_tables("a.txt", data, provenance=entry.columns()).source
    assert row["publication"] == "今日浙江" and row["published"] == "2024-01"
    bare = build_source_tables("a.txt", data).source
    assert all(bare[name] is None for name in PROVENANCE_COLUMNS)
    table = to_arrow("sources", [row])
    assert table.column_names == load_schema("sources").column_names
    rejected = build_source_tables("a.txt", b"", provenance=entry.columns()).source
    assert rejected["status"] == "rejected" and rejected["licence"] == "© the publisher"
