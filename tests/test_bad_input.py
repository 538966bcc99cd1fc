"""Bad input: every odd file is either decoded (its encoding recorded in `sources.encoding`)
or rejected with a clear error, and never stops the rest of the corpus from building."""

import codecs
import random
from pathlib import Path

import dagster as dg
import pyarrow.parquet as pq
import pytest

from pipelines.build import build
from pipelines.contract.memory import validate_all_integrity
from pipelines.schema import TABLES
from pipelines.text.tables import build_source_tables

NOTICE = (
    "关于进一步加强基层党组织建设的通知\n"
    "各县（市、区）委组织部：\n"
    "为深入贯彻落实党的二十大精神，切实加强基层党组织建设，现就有关事项通知如下。\n"
    "一、提高政治站位。各级党组织要把基层党建工作摆在突出位置，确保各项任务落到实处。\n"
    "二、强化责任落实。要建立健全责任体系，2023年底前完成全面排查，整改率达到95%以上。\n"
    "中共某某市委组织部\n"
    "2023年3月1日\n"
)
TRADITIONAL = (
    "關於進一步加強基層黨組織建設的通知\n"
    "各縣（市、區）委組織部：\n"
    "為深入貫徹落實黨的二十大精神，切實加強基層黨組織建設，現就有關事項通知如下。\n"
    "一、提高政治站位。各級黨組織要把基層黨建工作擺在突出位置，確保各項任務落到實處。\n"
)


ENGLISH = (
    "Report on the Work of the Government\n"
    "Fellow Deputies, on behalf of the State Council, I will now report to you on the work "
    "of the government and ask for your deliberation and approval.\n"
)


def _mixed_line_ends(text: str) -> str:
    """Lines ended by CR and CRLF in turn, a blank line after each: `\r\r\n` and `\r\n\r`."""
    lines = text.splitlines()
    return "".join(line + ("\r\r\n" if i % 2 else "\r\n\r") for i, line in enumerate(lines))


def _read_as_windows_1252(data: bytes) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def _binary() -> bytes:
    rnd = random.Random(42)
    return b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(1, 256) for _ in range(4096))


#: file name -> bytes; the files of the bad-input folder.
FILES: dict[str, bytes] = {
    "good.txt": NOTICE.encode("utf-8"),
    "gbk.txt": NOTICE.encode("gbk"),
    "gb18030.txt": NOTICE.replace("落到实处", "落到实处𠀀字").encode("gb18030"),
    "utf16_bom.txt": NOTICE.encode("utf-16"),
    "utf16le_no_bom.txt": NOTICE.encode("utf-16-le"),
    "utf8_bom.txt": codecs.BOM_UTF8 + NOTICE.encode("utf-8"),
    "crlf.txt": NOTICE.replace("\n", "\r\n").encode("utf-8"),
    "cr.txt": NOTICE.replace("\n", "\r").encode("utf-8"),
    "traditional.txt": TRADITIONAL.encode("utf-8"),
    "empty.txt": b"",
    "blank.txt": " \n\u3000\n\n".encode(),
    "binary.txt": _binary(),
    "nul.txt": NOTICE.encode("utf-8").replace("。".encode(), "。".encode() + b"\x00"),
    "long_line.txt": ("字" * (5 * 1024 * 1024 // 3)).encode("utf-8"),
    "mixed_cr_crlf.txt": _mixed_line_ends(NOTICE).encode("utf-8"),
    "marks.txt": NOTICE.replace("基层", "基\u200d层\u202e")
    .replace("\n二、", "\n\ufeff二、")
    .encode(),
    "mojibake.txt": _read_as_windows_1252(NOTICE.encode("utf-8")).encode("utf-8"),
    "english.txt": ENGLISH.encode("utf-8"),
    "utf16_lone_surrogate.txt": NOTICE.replace("通知", "通\ud800知").encode(
        "utf-16", errors="surrogatepass"
    ),
}

#: file name -> (status, encoding or a piece of the error)
EXPECTED = {
    "good.txt": ("ok", "utf-8"),
    "gbk.txt": ("ok", "gb18030"),
    "gb18030.txt": ("ok", "gb18030"),
    "utf16_bom.txt": ("ok", "utf-16 (BOM)"),
    "utf16le_no_bom.txt": ("ok", "utf-16-le"),
    "utf8_bom.txt": ("ok", "utf-8 (BOM)"),
    "crlf.txt": ("ok", "utf-8"),
    "cr.txt": ("ok", "utf-8"),
    "traditional.txt": ("ok", "utf-8"),
    "empty.txt": ("rejected", "empty file (0 bytes)"),
    "blank.txt": ("rejected", "no text (only whitespace)"),
    "binary.txt": ("rejected", "binary or corrupted"),
    "nul.txt": ("rejected", "NUL byte"),
    "long_line.txt": ("rejected", "line 1 has 1,747,626 characters"),
    "mixed_cr_crlf.txt": ("ok", "utf-8"),
    "marks.txt": ("ok", "utf-8"),
    "mojibake.txt": ("ok", "utf-8"),
    "english.txt": ("ok", "utf-8"),
    "utf16_lone_surrogate.txt": ("rejected", "has a utf-16 BOM but does not decode"),
}
#: file name -> a piece of its one warning (every other ingested file has none)
WARNINGS = {
    "mojibake.txt": "mojibake: ",
    "english.txt": "not Chinese: 0% of its ",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_is_decoded_or_rejected_with_a_clear_error(name):
    result = build_source_tables(name, FILES[name])
    source = result.source
    status, detail = EXPECTED[name]
    assert source["status"] == status, source["error"]
    if status == "ok":
        assert source["encoding"] == detail and source["error"] is None
        assert result.tables["paragraphs"], "the text is kept"
    else:
        assert source["encoding"] is None
        assert detail in source["error"] and name in source["error"]
        assert all(not result.tables[t] for t in result.tables if t != "sources")


def _paragraph_texts(name: str) -> list[str]:
    return [p["text"] for p in build_source_tables(name, FILES[name]).tables["paragraphs"]]


def test_every_decodable_encoding_and_line_end_gives_the_same_paragraphs():
    expected = _paragraph_texts("good.txt")
    assert "".join(expected).count("。") == NOTICE.count("。")
    for name in (
        "gbk.txt",
        "utf16_bom.txt",
        "utf16le_no_bom.txt",
        "utf8_bom.txt",
        "crlf.txt",
        "cr.txt",
        "mixed_cr_crlf.txt",
        "marks.txt",
    ):
        assert _paragraph_texts(name) == expected, name
    lf = build_source_tables("good.txt", FILES["good.txt"]).source
    for name in ("crlf.txt", "cr.txt"):
        source = build_source_tables(name, FILES[name]).source
        assert source["line_count"] == lf["line_count"] == NOTICE.count("\n"), name
    mixed = build_source_tables("mixed_cr_crlf.txt", FILES["mixed_cr_crlf.txt"]).source
    assert mixed["line_count"] == 2 * NOTICE.count("\n")  # a blank line after each


def test_each_ingested_file_warns_only_about_what_is_wrong_with_it():
    for name, (status, _) in EXPECTED.items():
        warnings = build_source_tables(name, FILES[name]).source["warnings"]
        if name in WARNINGS:
            assert len(warnings) == 1 and warnings[0].startswith(WARNINGS[name]), (name, warnings)
        else:
            assert warnings == [], (name, status)


def test_invisible_and_bidi_marks_are_counted_in_sources():
    source = build_source_tables("marks.txt", FILES["marks.txt"]).source
    assert source["chars_invisible_removed"] == NOTICE.count("基层") + 1
    assert source["chars_bidi_removed"] == NOTICE.count("基层")


def test_a_traditional_document_is_kept_as_printed():
    text = "".join(_paragraph_texts("traditional.txt"))
    assert "關於進一步加強基層黨組織建設" in text and "关于" not in text
    rows = build_source_tables("traditional.txt", FILES["traditional.txt"]).tables["paragraphs"]
    simplified = "".join(p["text_simplified"] or "" for p in rows)
    assert "关于进一步加强基层党组织建设" in simplified


def test_gb18030_characters_outside_gbk_survive():
    assert "𠀀字" in "".join(_paragraph_texts("gb18030.txt"))


@pytest.mark.slow
def test_a_folder_of_bad_files_builds_the_good_ones_and_names_the_rejected(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, data in FILES.items():
        (inputs / name).write_bytes(data)
    out = tmp_path / "out"
    log: list[str] = []
    with dg.instance_for_test() as instance:
        build(inputs, out, instance=instance, log=lambda *a: log.append(" ".join(map(str, a))))
    sources = {
        r["file_name"]: r for r in pq.read_table(out / "parquet" / "sources.parquet").to_pylist()
    }
    assert set(sources) == set(FILES)
    for name, (status, detail) in EXPECTED.items():
        row = sources[name]
        assert row["status"] == status, name
        assert detail in (row["encoding"] if status == "ok" else row["error"]), name
        # the folder has no provenance sidecar: every ingested file says so (a WARN)
        quality = [w for w in row["warnings"] if not w.startswith("no provenance")]
        assert (WARNINGS[name] in " ".join(quality)) if name in WARNINGS else not quality
        if status == "ok":
            assert any("has no sources.yaml sidecar" in w for w in row["warnings"]), name
        if status == "rejected":
            assert any(
                line.strip().startswith(f"REJECTED {name}: ") and detail in line for line in log
            ), (
                name,
                log,
            )
    tables = {t: pq.read_table(out / "parquet" / f"{t}.parquet") for t in TABLES}
    for table, report in validate_all_integrity(tables, inputs).items():
        assert report.errors == [], (table, [f.describe() for f in report.errors])
    assert (out / "validation" / "index.html").exists()


def test_the_5_mb_line_is_rejected_quickly():
    import time

    started = time.perf_counter()
    result = build_source_tables("long_line.txt", FILES["long_line.txt"])
    assert result.rejected and time.perf_counter() - started < 5


def test_rejected_files_have_no_rows_anywhere(tmp_path: Path):
    for name in ("empty.txt", "binary.txt", "nul.txt"):
        tables = build_source_tables(name, FILES[name]).tables
        assert sum(len(rows) for rows in tables.values()) == 1
