"""Input-quality warnings: mojibake, lost characters and non-Chinese files are ingested but
flagged in `sources.warnings`; real Chinese text, however odd, is not."""

from pathlib import Path

import pytest

from pipelines.text.normalize import load_lines_with_stats
from pipelines.text.quality import (
    lost_characters,
    not_chinese,
    single_byte_mojibake,
    source_warnings,
    utf8_read_as_gbk,
)
from pipelines.text.tables import build_source_tables

ROOT = Path(__file__).parent.parent
INPUTS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "corpus").glob("*.txt")])
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))


def decoded(path: Path) -> str:
    return load_lines_with_stats(path.read_bytes(), file_name=path.name).text


def sample(path: Path, size: int = 1500) -> str:
    """A piece of real text from the middle of a file (past its CSV header or metadata)."""
    text = decoded(path)
    start = len(text) // 3
    return text[start : start + size]


def read_as_windows_1252(data: bytes) -> str:
    """What a Windows program reading bytes as 'ANSI' shows: 1252, or Latin-1 for the five
    bytes 1252 leaves undefined."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def warnings_of(text: str) -> list[str]:
    """The warnings on a file holding `text` saved as UTF-8, as the build computes them."""
    return build_source_tables("sample.txt", text.encode("utf-8")).source["warnings"]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_real_inputs_get_no_warning(path):
    assert source_warnings(decoded(path)) == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_utf8_read_as_windows_1252_is_mojibake(path):
    text = read_as_windows_1252(sample(path).encode("utf-8"))
    assert "ä¸" in text or "å" in text  # `中` is E4 B8 AD: `ä¸` and a soft hyphen
    warning = single_byte_mojibake(text)
    assert warning and "UTF-8 text read as Latin-1/Windows-1252" in warning
    assert "GBK" not in warning


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_utf8_read_as_latin_1_is_mojibake(path):
    warning = single_byte_mojibake(sample(path).encode("utf-8").decode("latin-1"))
    assert warning and "UTF-8 text read as" in warning and "GBK" not in warning


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_gbk_read_as_latin_1_is_mojibake(path):
    text = sample(path).encode("gbk", errors="replace").decode("latin-1")
    warning = single_byte_mojibake(text)
    assert warning and "GBK text read as Latin-1/Windows-1252" in warning
    assert "UTF-8" not in warning


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_utf8_read_as_gbk_is_mojibake(path):
    text = sample(path).encode("utf-8").decode("gbk", errors="replace")
    warning = utf8_read_as_gbk(text)
    assert warning and "UTF-8 text read as GBK" in warning


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_gbk_read_as_utf8_leaves_replacement_characters(path):
    text = sample(path).encode("gbk", errors="replace").decode("utf-8", errors="replace")
    warning = lost_characters(text)
    assert warning and "replacement characters (U+FFFD)" in warning


def test_kun_jin_kao_is_replacement_characters_read_as_gbk():
    lost = "关于进一步加强基层党组织建设的通知".encode("gbk").decode("utf-8", errors="replace")
    text = lost.encode("utf-8").decode("gbk", errors="replace")
    assert "锟斤拷" in text
    warning = lost_characters(text)
    assert warning and "`锟斤拷`" in warning


def test_one_mojibake_paragraph_in_a_real_document_is_found():
    text = sample(CORPUS[0], 3000)
    damaged = "\n".join(
        [text[:1000], text[1000:1100].encode("utf-8").decode("gbk", "replace"), text[1100:]]
    )
    assert any("UTF-8 text read as GBK" in w for w in source_warnings(damaged))


def test_the_warnings_reach_the_sources_row_and_the_file_is_still_ingested():
    text = read_as_windows_1252(sample(CORPUS[1]).encode("utf-8"))
    result = build_source_tables("mojibake.txt", text.encode("utf-8"))
    assert result.source["status"] == "ok" and result.tables["paragraphs"]
    assert any("mojibake" in w for w in result.source["warnings"])


def test_an_english_file_is_not_chinese():
    text = (
        "Report on the Work of the Government\n"
        "Delivered at the Fifth Session of the 13th National People's Congress\n"
        "Fellow Deputies, on behalf of the State Council, I will now report to you on the "
        "work of the government and ask for your deliberation and approval.\n"
    )
    warnings = warnings_of(text)
    assert warnings == [
        "not Chinese: 0% of its 204 letters are Chinese characters; most others are Latin"
    ]


def test_a_japanese_file_is_not_chinese_however_many_kanji_it_has():
    text = "日本国憲法第九条は、戦争の放棄、戦力の不保持及び交戦権の否認を定めている。\n"
    warning = not_chinese(text)
    assert warning and "Japanese kana" in warning


def test_a_korean_file_is_not_chinese():
    warning = not_chinese("대한민국 헌법 제1조 대한민국은 민주공화국이다.\n")
    assert warning and "Hangul" in warning


@pytest.mark.parametrize(
    "text",
    [
        "德国《明镜》周刊（Der Spiegel）报道，Größe、café、naïve等词……——见第3页。",
        "气温－5°C±2°C，面积3×4米，增长7.7％，“四个意识”、‘两个维护’……",
        "中国共产党第二十次全国代表大会（the 20th National Congress of the CPC）于2022年10月16日开幕。",
        "全家福👨\u200d👩\u200d👧照片，“两会”进行时。",
        "第\uf9d1条 中华人民共和国宪法",
    ],
)
def test_odd_but_genuine_chinese_text_gets_no_warning(text):
    assert source_warnings(text) == []


def test_damaged_chinese_text_is_not_also_called_non_chinese():
    text = sample(CORPUS[2]).encode("gbk", errors="replace").decode("utf-8", errors="replace")
    assert not_chinese(text) is not None  # few Chinese characters are left…
    assert [w.split(":")[0] for w in source_warnings(text)] == ["lost text"]  # …and that is why
