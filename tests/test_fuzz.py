"""Fuzzing the text stages chained (normalize -> layout -> documents -> sections -> sentences
-> facts) with random Chinese and mixed text: they never raise, never lose or invent a
character (conservation), and every offset and line number stays inside its text. Then whole
files of mixed bad input (encodings, NULs, BOMs mid-file, escapes, lone surrogates, invisible
and bidi marks, 100,000-character paragraphs, mixed line ends) through `build_source_tables`:
each is rejected with its name and a reason, or published whole."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipelines.contract.conservation import conservation_diff
from pipelines.text.normalize import SourceError, load_lines

CJK = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"
PUNCT = "，。、；：？！“”‘’《》（）—…·"
TEMPLATES = [
    "一、",
    "（一）",
    "1．",
    "2.",
    "51.",
    "第一章",
    "## ",
    "### ",
    "■",
    "PAGE",
    "— 1 —",
    "　　",
    "2020年3月5日",
    "二〇三五年",
    "增长3.5%",
    "7．7％",
    "100亿元",
    "“四个意识”",
    "《关于加强党的建设的意见》",
    "/本刊记者 杨 晨",
    "发：各区县",
    "（袁 云 摄）",
    "中共绍兴市委办公室 2020年7月17日印发",
    "26 湖州市：高质量发展/张志炜",
    "经 济",
    "关于做好防汛工作的通知",
    "各单位：",
    "abc DEF 123",
    "\t",
    "\u200b",
    "\u3000",
    " ",
    "臺灣國語",
]

piece = st.one_of(
    st.sampled_from(TEMPLATES),
    st.text(alphabet=CJK + PUNCT, min_size=1, max_size=30),
    st.text(alphabet=CJK + PUNCT + " 　0123456789abcXYZ%.-:", max_size=20),
    st.text(max_size=8),  # anything Unicode, controls and surrogates excluded by encoding below
)
line = st.lists(piece, max_size=5).map("".join)
document = st.tuples(
    st.lists(line, min_size=1, max_size=40),
    st.sampled_from(["\n", "\r\n", "\r", "\n\n"]),
)


def _chain(lines):
    """Run the stages as the build does (pipelines.text.tables: CSV unwrap, layout, wrapper
    repairs, documents and what they set aside, sections); return what they produced."""
    from pipelines.text.facts import extract_facts
    from pipelines.text.sentences import split_sentences
    from pipelines.text.tables import source_documents

    removed, documents = source_documents(lines, "fuzz.txt")
    paragraphs = []
    for doc in documents:
        year = doc.publish_date.year if doc.publish_date else None
        for block in doc.blocks:
            spans = split_sentences(block.text)
            facts = extract_facts(block.text, doc_year=year)
            paragraphs.append((doc, block, spans, facts))
    return removed, documents, paragraphs


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document)
def test_the_text_stages_never_raise_lose_characters_or_leave_their_text(doc):
    raw_lines, newline = doc
    data = newline.join(raw_lines).encode("utf-8", errors="replace")
    try:
        lines, _ = load_lines(data, file_name="fuzz.txt")
    except SourceError:
        return  # rejected with a reason (empty, only whitespace…): nothing to conserve
    n = len(lines)
    removed, documents, paragraphs = _chain(lines)

    kept = [block.text for _, block, _, _ in paragraphs]
    lost, added = conservation_diff((x.text for x in lines), kept + [b.text for b in removed])
    assert not lost and not added, (lost, added)

    for b in [*removed, *(block for _, block, _, _ in paragraphs)]:
        assert 1 <= b.line_start <= b.line_end <= n, b
    for d in documents:
        for s in d.sections:
            assert 1 <= s.line_start <= n
            assert s.parent is None or 0 <= s.parent < len(d.sections)
    for _, block, spans, facts in paragraphs:
        text = block.text
        assert text, "no empty paragraphs"
        end = 0
        for start, stop in spans:
            assert end <= start < stop <= len(text), (spans, text)
            end = stop
        for f in facts:
            assert 0 <= f.start < f.end <= len(text), f
            assert text[f.start : f.end] == f.text, f


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_are_decoded_or_rejected_never_crash(data):
    try:
        lines, encoding = load_lines(data, file_name="fuzz.bin")
    except SourceError as exc:
        assert "fuzz.bin" in str(exc)
        return
    assert encoding and lines and all("\n" not in x.text and "\r" not in x.text for x in lines)


# --- Whole files of mixed bad input through `build_source_tables` ---------------------------

#: Pieces of bad input a real folder of scraped and converted files holds.
BAD_PIECES = [
    "\x00",  # a NUL (binary, or UTF-16 read as 8-bit)
    "\ufeff",  # a BOM in the middle of the file (files concatenated)
    "<U+00A0>",  # an R encoding bug's escape
    "<U+3000><U+3000>",
    "\u200b",  # zero-width space
    "\u200d",  # a zero-width joiner outside an emoji
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # an emoji ZWJ sequence
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u200f",  # right-to-left mark
    "\x07\x1b",  # controls
    "\u00a0\u2003\t",  # typographic spaces and a tab
    "e\u0301\uf9d1",  # NFC changes
    "\ufffd",  # a replacement character
    "å…³äºŽ",  # mojibake
    "锟斤拷",
    "\ud800",  # a lone surrogate (survives only as UTF-16 bytes)
    "\u2028",  # a line separator, which ends no line
    "\x0c",  # a form feed
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
#: A paragraph of 100,000 characters without punctuation: a whole scraped page on one line.
LONG_PARAGRAPH = (CJK * (100_000 // len(CJK) + 1))[:100_000]

bad_piece = st.one_of(
    st.sampled_from(TEMPLATES),
    st.sampled_from(BAD_PIECES),
    st.text(alphabet=CJK + PUNCT, min_size=1, max_size=40),
)
bad_line = st.lists(bad_piece, max_size=6).map("".join)
bad_file = st.tuples(
    st.lists(
        st.tuples(bad_line, st.sampled_from(["\n", "\r\n", "\r", "\r\r\n", "\n\n"])),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from(ENCODINGS),
)


def _encode_file(lines: list[tuple[str, str]], encoding: str) -> bytes:
    text = "".join(line + end for line, end in lines)
    # a lone surrogate can only be written as UTF-16 (or UTF-8 with surrogatepass) bytes
    return text.encode(encoding, errors="surrogatepass" if "16" in encoding else "replace")


def _check_source(name: str, data: bytes) -> None:
    from pipelines.text.tables import build_source_tables

    result = build_source_tables(name, data)  # must never raise
    source, tables = result.source, result.tables
    if result.rejected:
        assert name in source["error"], source["error"]
        assert "pipeline failed" not in source["error"], source["error"]
        assert all(not tables[t] for t in tables if t != "sources")
        return
    lines, _ = load_lines(data, file_name=name)
    assert source["line_count"] == len(lines) and source["error"] is None
    kept = [p["text"] for p in tables["paragraphs"]] + [r["text"] for r in tables["removed"]]
    lost, added = conservation_diff((x.text for x in lines), kept)
    assert not lost and not added, (lost, added)
    for row in [*tables["paragraphs"], *tables["removed"], *tables["documents"]]:
        assert 1 <= row["line_start"] <= row["line_end"] <= len(lines), row
    for row in tables["sections"]:
        assert 1 <= row["line_start"] <= len(lines), row
    assert all(isinstance(n, int) and n >= 0 for k, n in source.items() if k.startswith("chars_"))


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(bad_file)
@example(([("关于做好防汛工作的通知", "\r\r\n"), (LONG_PARAGRAPH, "\n")], "utf-8"))
@example(([("关于做好防汛工作的通知", "\r\n"), ("各单位：\ud800", "\r")], "utf-16"))
@example(([("通知\u202e\u200d\ufeff\x00", "\r"), ("<U+00A0>内容。", "\n")], "gb18030"))
def test_bad_files_are_rejected_with_their_name_or_published_whole(case):
    lines, encoding = case
    _check_source("坏文件 bad input.txt", _encode_file(lines, encoding))
