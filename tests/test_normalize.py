"""Decoding and normalisation: every kind of bad input gets a clear error naming the problem."""

import codecs

import pytest

from pipelines.text.normalize import SourceError, decode_bytes, load_lines, normalize_line, to_lines

CHINESE = "中共绍兴市委关于加强党的领导的通知\n各区、县（市）党委：\n　　一、提高政治站位。\n"


def test_utf8_plain_and_bom():
    assert decode_bytes(CHINESE.encode("utf-8")) == (CHINESE, "utf-8")
    text, enc = decode_bytes(codecs.BOM_UTF8 + CHINESE.encode("utf-8"))
    assert text == CHINESE and enc == "utf-8 (BOM)"


def test_gb18030_is_detected_and_decoded():
    text, enc = decode_bytes((CHINESE * 5).encode("gb18030"))
    assert text == CHINESE * 5
    assert enc == "gb18030"


def test_utf16_with_bom():
    text, enc = decode_bytes(CHINESE.encode("utf-16"))
    assert text == CHINESE and enc.startswith("utf-16")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"abc\x00\x00def" * 10, "NUL byte"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_bad_input_names_the_problem(data, message):
    with pytest.raises(SourceError, match=message):
        load_lines(data, file_name="bad.txt")


def test_error_names_the_file():
    with pytest.raises(SourceError, match=r"bad\.txt"):
        load_lines(b"", file_name="bad.txt")


def test_whitespace_only_file_is_rejected():
    with pytest.raises(SourceError, match="only whitespace"):
        load_lines(" \n\n\u3000\n".encode(), file_name="blank.txt")


def test_absurd_line_length_is_rejected():
    with pytest.raises(SourceError, match="line 2 has"):
        to_lines("标题\n" + "字" * 1_000_001, file_name="long.txt")


def test_line_ends_crlf_cr_lf_number_alike():
    for sep in ("\r\n", "\r", "\n"):
        lines = to_lines(sep.join(["甲", "", "乙"]) + sep)
        assert [(x.number, x.text) for x in lines] == [(1, "甲"), (2, ""), (3, "乙")]


def test_normalize_line_keeps_printed_characters():
    assert (
        normalize_line("　　１９９８年，增长７．７％。\u200b \t")
        == "　　１９９８年，增长７．７％。"
    )
    assert normalize_line("e\u0301") == "\u00e9"  # NFC
    assert normalize_line("a\u00a0b\x07") == "a b"


def test_typographic_spaces_are_layout_spaces_but_the_ideographic_space_stays():
    assert normalize_line("专\u2003记") == "专 记"
    assert normalize_line("小组办公室\u2002\u2009提供）") == "小组办公室  提供）"
    assert normalize_line("\u3000\u3000一、总体要求") == "\u3000\u3000一、总体要求"
