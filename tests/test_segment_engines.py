"""The two segmentation engines give the same tokens and tags: jieba (the reference) and
jieba-rs with jieba's dictionary copied in (the hot path), on every sentence the build
publishes from the seeds and the test corpus, and on the edge cases where their character
classes or tag rules differ."""

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.text.segment import ENGINE_VARIABLE, Segmenter, default_engine, get_segmenter
from pipelines.text.segment_rjieba import MirroredCutter
from pipelines.text.tables import build_source_tables


@lru_cache(maxsize=1)
def _reference() -> Segmenter:
    return Segmenter(engine="jieba")


@pytest.fixture(scope="module")
def reference() -> Segmenter:
    return _reference()


@pytest.fixture(scope="module")
def fast() -> Segmenter:
    return get_segmenter()


@pytest.fixture(scope="module")
def published_sentences(seeds_dir: Path, corpus_dir: Path) -> list[dict]:
    """The sentence rows the build makes from every file of seeds/ and tests/corpus/."""
    rows = []
    for path in sorted(seeds_dir.glob("*.txt")) + sorted(corpus_dir.glob("*.txt")):
        rows.extend(build_source_tables(path.name, path.read_bytes()).tables["sentences"])
    return rows


def test_the_default_engine_is_jieba_rs_with_jieba_as_fallback() -> None:
    seg = get_segmenter()
    assert seg.engine == "rjieba"
    assert seg._fast is not None
    assert not seg._fast.needs_reference("实现十四五规划，增长3.5%。")
    assert seg._fast.needs_reference("二〇三五年远景目标")


def test_engines_agree_on_every_published_sentence(
    published_sentences: list[dict], reference: Segmenter, fast: Segmenter
) -> None:
    assert len(published_sentences) > 5_000
    cut_by_rust = 0
    for row in published_sentences:
        text = row["text"]
        expected = reference.cut(text)
        assert fast.cut(text) == expected, text
        assert (row["tokens"], row["pos"]) == expected, text
        assert fast.tokens(text) == reference.tokens(text), text
        cut_by_rust += not fast._fast.needs_reference(text)
    assert cut_by_rust > 0.99 * len(published_sentences)  # the fallback stays rare


@pytest.mark.parametrize(
    "text",
    [
        "实现“十四五”规划和二〇三五年远景目标",  # 〇 inside a word: jieba cuts it
        "从二〇二〇年到二〇三五年，一〇〇个项目",
        "增长3.5%，达到1.25万亿元，下降0.8个百分点。",
        "全年ＧＤＰ增长６．５％，第１季度",  # full-width digits and Latin letters
        "推进5G、C++和AT&T合作，A股和T恤，GDP增长",  # ASCII words, dictionary words with ASCII
        "Mr. Li 说：U.S. economy grew 2.3% in 2019-2020。",
        "人民群众😀点赞👍，发展🇨🇳",  # emoji, flags
        "党的 领导\u3000全面\t从严\r\n治党\n\n  ",  # every kind of whitespace
        "豈有此理，𠀀𪚥𠮷野家，鿏鿐，㐀㐁",  # compatibility ideographs, extensions A and B
        "龘靐齉，丨丶丿乀乁",  # characters outside jieba's dictionary
        "第一条—第三条，～……·《》「」【】",
        "x-y_z+#&.%",
        "",
        "   ",
    ],
)
def test_engines_agree_on_edge_cases(text: str, reference: Segmenter, fast: Segmenter) -> None:
    assert fast.cut(text) == reference.cut(text)
    assert fast.tokens(text) == reference.tokens(text)


def test_a_numeral_year_stays_one_token_on_the_default_engine() -> None:
    tokens, pos = get_segmenter().cut("展望二〇三五年，增长3.5%")
    assert ("二〇三五年", "t") in zip(tokens, pos, strict=True)
    assert ("3.5", "m") in zip(tokens, pos, strict=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"党的领导二〇三五年八八战略柯桥区。，“”（） \n\u30003.5abcX%-+#&_．０ＡＢ豈𠀀龘😀é",
                *["十四五", "2023", "GDP", "5G", "C++", "AT&T", "A股", "T恤", "...", "—", "～"],
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_engines_agree_on_random_text(text: str) -> None:
    reference, fast = _reference(), get_segmenter()
    assert fast.cut(text) == reference.cut(text)
    assert fast.tokens(text) == reference.tokens(text)


def test_the_engine_is_chosen_by_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENGINE_VARIABLE, "jieba")
    assert default_engine() == "jieba"
    monkeypatch.setenv(ENGINE_VARIABLE, "RJIEBA")
    assert default_engine() == "rjieba"
    monkeypatch.setenv(ENGINE_VARIABLE, "thulac")
    with pytest.raises(ValueError, match="thulac"):
        default_engine()
    monkeypatch.delenv(ENGINE_VARIABLE)
    assert default_engine() == "rjieba"


def test_jieba_engine_and_hmm_never_use_jieba_rs(reference: Segmenter) -> None:
    assert reference._fast is None
    assert Segmenter(hmm=True)._fast is None
    with pytest.raises(ValueError, match="engine"):
        Segmenter(engine="pkuseg")


def test_the_copied_dictionary_keeps_jiebas_total() -> None:
    """jieba counts a re-added word twice in its total; the copy adds the difference."""
    freq = {"发展": 10, "发": 0, "展": 3}
    cutter = MirroredCutter(freq, total=20, word_tags={"发展": "vn", "展": "v"})
    assert cutter.engine.has_word("total balance")
    assert cutter.tag("发展展") == [("发展", "vn"), ("展", "v")]
    assert cutter.tag("龘") == [("龘", "x")]  # unknown: jieba's `x`, not jieba-rs's guess
    with pytest.raises(ValueError, match="total"):
        MirroredCutter(freq, total=5, word_tags={})
