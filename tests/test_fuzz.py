"""Fuzzing the text stages chained (normalize -> layout -> documents -> sections -> sentences
-> facts) with random Chinese and mixed text: they never raise, never lose or invent a
character (conservation), and every offset and line number stays inside its text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pipelines.integrity import conservation_diff

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
