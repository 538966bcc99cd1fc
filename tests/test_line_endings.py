"""Raw line numbers: line N as we number it is line N of the raw file as Python's universal
newlines read it (and as VS Code, Notepad++ or Notepad show it), for every mix of line ends
and every encoding we decode."""

import codecs
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipelines.text.normalize import load_lines, normalize_line, split_lines
from pipelines.text.tables import build_source_tables

CORPUS = Path(__file__).parent / "corpus"

#: how a test encodes a text -> (codec Python reads it back with, what `sources.encoding` says)
ENCODINGS = {
    "utf-8": ("utf-8", "utf-8"),
    "utf-8 (BOM)": ("utf-8-sig", "utf-8 (BOM)"),
    "gb18030": ("gb18030", "gb18030"),
    "utf-16-le (BOM)": ("utf-16", "utf-16 (BOM)"),
    "utf-16-be (BOM)": ("utf-16", "utf-16 (BOM)"),
    "utf-16-le": ("utf-16-le", "utf-16-le"),
    "utf-16-be": ("utf-16-be", "utf-16-be"),
}
LINE_ENDS = ["\n", "\r\n", "\r", "\r\r\n", "\n\r"]
TITLE = "关于进一步加强基层党组织建设的通知"
WORDS = [
    "各县（市、区）委组织部：",
    "为深入贯彻落实党的二十大精神",
    "，",
    "。",
    "一、提高政治站位",
    "（二）",
    "2023年底前完成全面排查",
    "整改率达到95%以上",
    "中共某某市委组织部",
    "　　",
    " ",
    "\t",
    "abc",
    "第一章",
]


def encode(text: str, how: str) -> bytes:
    if how == "utf-8 (BOM)":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if how == "utf-16-le (BOM)":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if how == "utf-16-be (BOM)":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(how)


def reference_lines(data: bytes, codec: str) -> list[str]:
    """The lines of the raw bytes as Python's universal newlines read them."""
    with io.TextIOWrapper(io.BytesIO(data), encoding=codec, newline=None) as f:
        return [line.removesuffix("\n") for line in f]


body_line = st.lists(st.sampled_from(WORDS), max_size=5).map("".join)
texts = st.builds(
    lambda body, last_end: TITLE + "".join(end + line for end, line in body) + last_end,
    st.lists(st.tuples(st.sampled_from(LINE_ENDS), body_line), min_size=1, max_size=12),
    st.sampled_from(["", *LINE_ENDS]),  # the last line with or without its end
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(sorted(ENCODINGS)))
@example("甲\r\r\n\r乙\r\n\r\n丙\r", "utf-8")  # mixed CR and CRLF: the blank lines count
@example(TITLE + "\r\r\n\r\r\n" + TITLE, "gb18030")  # the `\r\r\n` of GBK web scrapes
@example(TITLE + "\n\r" + TITLE + "\n", "utf-16-be")
@example(  # short and repetitive: charset-normalizer names no encoding for its GB18030 bytes
    TITLE
    + "\n" * 4
    + "\n"
    + "各县（市、区）委组织部：" * 2
    + "（二）\n"
    + "各县（市、区）委组织部：" * 3
    + "（二）各县（市、区）委组织部：",
    "gb18030",
)
def test_line_n_as_numbered_is_line_n_of_the_raw_bytes(text, how):
    data = encode(text, how)
    codec, recorded = ENCODINGS[how]
    expected = reference_lines(data, codec)
    lines, encoding = load_lines(data, file_name="mixed.txt")
    assert encoding == recorded
    assert [line.number for line in lines] == list(range(1, len(expected) + 1))
    assert [line.text for line in lines] == [normalize_line(raw) for raw in expected]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("a甲 \r\n\x0b\x0c\x85\u2028\u2029\t"), max_size=40))
def test_only_cr_lf_and_crlf_end_a_line_as_in_universal_newlines(text):
    # VT, FF, NEL and U+2028/U+2029 stay inside their line, as Python's file reading keeps them
    expected = reference_lines(text.encode("utf-8"), "utf-8") or [""]
    assert split_lines(text) == expected


def test_a_blank_line_between_cr_and_crlf_ends_is_kept():
    text = "标题\r\r\n第一段\r\n\r第二段\r"
    assert split_lines(text) == ["标题", "", "第一段", "", "第二段"]
    assert split_lines("甲\n") == split_lines("甲") == ["甲"]
    assert split_lines("甲\n\n") == ["甲", ""]


def test_paragraph_line_ranges_point_at_their_raw_lines_with_mixed_line_ends():
    paragraphs = [
        "各县（市、区）委组织部：",
        "　　为深入贯彻落实党的二十大精神，切实加强基层党组织建设，现就有关事项通知如下。",
        "　　一、提高政治站位。各级党组织要把基层党建工作摆在突出位置，确保各项任务落到实处。",
        "　　二、强化责任落实。要建立健全责任体系，2023年底前完成全面排查，整改率达到95%以上。",
    ]
    text = TITLE + "\r\r\n" + "\r\n\r".join(paragraphs) + "\r\n"
    data = text.encode("utf-8")
    raw = reference_lines(data, "utf-8")
    rows = build_source_tables("mixed.txt", data).tables["paragraphs"]
    assert len(rows) == len(paragraphs) + 1
    for row in rows:
        first = "".join(raw[row["line_start"] - 1].split())
        last = "".join(raw[row["line_end"] - 1].split())
        assert first.startswith(row["text"][:6]) and last.endswith(row["text"][-6:]), row


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in CORPUS.glob("*.txt")),
)
def test_corpus_files_are_numbered_like_universal_newlines(name):
    data = (CORPUS / name).read_bytes()
    lines, encoding = load_lines(data, file_name=name)
    codec = "utf-8-sig" if encoding == "utf-8 (BOM)" else encoding
    expected = reference_lines(data, codec)
    assert [line.text for line in lines] == [normalize_line(raw) for raw in expected]


def test_the_cr_cr_lf_scrape_has_a_blank_line_at_each_cr():
    data = (CORPUS / "ext_gov_report_2014_scraped.txt").read_bytes()
    lines, _ = load_lines(data, file_name="scraped.txt")
    assert data.count(b"\r\r\n") == 6 and len(lines) == 13
    assert all(not lines[i].text for i in range(1, 13, 2))
    rows = build_source_tables("scraped.txt", data).tables["paragraphs"]
    raw = reference_lines(data, "utf-8")
    for row in rows:  # the scrape's `<U+00A0>` escapes are spaces in the rows
        line = "".join(raw[row["line_start"] - 1].replace("<U+00A0>", " ").split())
        assert "".join(row["text"].split())[:10] in line, row
