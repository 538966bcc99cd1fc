"""Decoding and normalisation: every kind of bad input gets a clear error naming the problem."""

import codecs

import pytest

from pipelines.text.normalize import (
    NormalizationStats,
    SourceError,
    decode_bytes,
    load_lines,
    load_lines_with_stats,
    normalize_line,
    to_lines,
)

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


def _normalized(text: str) -> tuple[str, NormalizationStats]:
    stats = NormalizationStats()
    return normalize_line(text, stats), stats


def test_zero_width_joiners_inside_emoji_sequences_are_kept():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧
    rainbow_flag = "\U0001f3f3\ufe0f\u200d\U0001f308"  # 🏳️‍🌈: ZWJ after a variation selector
    woman_health_worker = "\U0001f469\U0001f3fd\u200d\u2695\ufe0f"  # after a skin tone
    for sequence in (family, rainbow_flag, woman_health_worker):
        text, stats = _normalized(f"全家福{sequence}照片")
        assert text == f"全家福{sequence}照片" and stats.invisible_removed == 0


def test_zero_width_joiners_outside_emoji_sequences_are_removed_and_counted():
    text, stats = _normalized("党\u200d建\u200d引领 \U0001f468\u200d 基层\u200d\U0001f469")
    assert text == "党建引领 \U0001f468 基层\U0001f469"
    assert stats.invisible_removed == 4


def test_bidi_controls_are_removed_and_counted():
    # a right-to-left override can show `txt.exe` as `exe.txt`; it prints nothing itself
    text, stats = _normalized("附件\u202etxt.exe\u202c：\u2067名单\u2069\u200e")
    assert text == "附件txt.exe：名单"
    assert stats.bidi_removed == 5 and stats.invisible_removed == 0


def test_compatibility_ideographs_are_made_canonical_and_counted():
    # U+F9D1 is a CJK compatibility ideograph, which NFC maps to 六 (U+516D); 﨑 (U+FA11)
    # sits in the same block but is a unified ideograph, which NFC keeps
    text, stats = _normalized("第\uf9d1条 e\u0301t\u00e9 \ufa11")
    assert text == "第六条 \u00e9t\u00e9 \ufa11"
    assert stats.nfc_changed == 1 + 2


def test_hangul_jamo_composed_by_nfc_are_counted():
    text, stats = _normalized("\u1100\u1161\u11a8 한")
    assert text == "\uac01 한" and stats.nfc_changed == 3


def test_controls_and_typographic_spaces_are_counted():
    text, stats = _normalized("\t一、\x07总体\u00a0要求\u2003\x0c")
    assert text == " 一、总体 要求"
    assert (stats.control_removed, stats.space_normalized) == (2, 3)


def test_text_that_needs_nothing_counts_nothing():
    text, stats = _normalized("　　１９９８年，增长７．７％。")
    assert text == "　　１９９８年，增长７．７％。"
    assert not any(stats.columns().values())


def test_load_lines_with_stats_sums_the_counts_of_every_line():
    data = "标题\u200b\r\n第\uf9d1条\u202e\r\n\t正文\u00a0内容\r\n".encode()
    lines, encoding, stats, text = load_lines_with_stats(data, file_name="a.txt")
    assert [x.text for x in lines] == ["标题", "第六条", " 正文 内容"]
    assert encoding == "utf-8" and text == data.decode()
    assert stats.columns() == {
        "chars_nfc_changed": 1,
        "chars_invisible_removed": 1,
        "chars_bidi_removed": 1,
        "chars_control_removed": 0,
        "chars_space_normalized": 2,
    }
    assert load_lines(data, file_name="a.txt") == (lines, encoding)
