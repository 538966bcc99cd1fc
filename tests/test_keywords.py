"""Document keywords: shape, determinism, stop list and domain dictionary in effect; the
weights are jieba.analyse's on the same tokens; the build cuts the text only once."""

from collections.abc import Iterator
from pathlib import Path

import jieba.analyse
import pytest

from pipelines.text.keywords import (
    ALLOW_POS,
    STOPWORDS,
    document_keywords,
    document_stream,
    get_extractor,
    keywords_from_tokens,
    load_stopwords,
)
from pipelines.text.segment import get_segmenter
from pipelines.text.tables import build_source_tables

TEXT = (
    "持续推动“八八战略”走深走实，坚持和加强党的全面领导。"
    "绍兴要在高质量发展建设共同富裕示范区中走在前列，加快推进柯桥区、越城区、上虞区协同发展。"
    "深入实施“八八战略”，推进共同富裕示范区建设，坚持人民至上，加强基层治理。"
    "中共绍兴市委要求各级党组织坚持问题导向，推进“八八战略”在绍兴落地见效，"
    "加强共同富裕示范区建设，展望二〇三五年远景目标，2023年完成各项任务。"
)


def test_shape_and_order() -> None:
    got = document_keywords(TEXT, top_k=8)
    methods = [m for _, _, m in got]
    assert set(methods) == {"tfidf", "textrank"}
    assert methods == sorted(methods, key=("tfidf", "textrank").index)  # tfidf block first
    for method in ("tfidf", "textrank"):
        ranked = [(w, x) for w, x, m in got if m == method]
        assert 0 < len(ranked) <= 8
        assert ranked == sorted(ranked, key=lambda item: (-item[1], item[0]))
        assert len({w for w, _ in ranked}) == len(ranked)
        assert all(round(x, 6) == x and x > 0 for _, x in ranked)


def test_deterministic() -> None:
    assert document_keywords(TEXT) == document_keywords(TEXT)


def test_domain_terms_whole_and_stopwords_out() -> None:
    got = document_keywords(TEXT, top_k=20)
    words = {w for w, _, _ in got}
    assert "八八战略" in words and "共同富裕示范区" in words
    assert not words & {"坚持", "推进", "加强", "加快", "的", "要"}
    assert "2023" not in words


def test_empty_and_degenerate() -> None:
    assert document_keywords("") == []
    assert document_keywords("  \n ") == []
    assert document_keywords(TEXT, top_k=0) == []
    assert document_keywords("。，、！") == []
    assert document_keywords("的了在是") == []


def test_stopword_file() -> None:
    words = load_stopwords()
    assert {"坚持", "推进", "加强", "的", "和"} <= words
    assert not any(w.startswith("#") for w in words)
    assert not words & {"改革", "创新", "八八战略"}


def test_load_stopwords_ignores_comments(tmp_path: Path) -> None:
    path = tmp_path / "stop.txt"
    path.write_text("# heading\n的  # inline\n\nABC\n", encoding="utf-8")
    assert load_stopwords(path) == frozenset({"的", "abc"})
    assert STOPWORDS.is_file()


def test_seed_document(seeds_dir: Path) -> None:
    text = (seeds_dir / sorted(p.name for p in seeds_dir.glob("*.txt"))[2]).read_text(
        encoding="utf-8"
    )
    got = document_keywords(text, top_k=10)
    assert len(got) == 20
    assert "疫情防控" in {w for w, _, _ in got}


class _Pair:
    """What jieba.posseg yields: a word and its flag."""

    def __init__(self, word: str, flag: str) -> None:
        self.word, self.flag = word, flag


class _Replay:
    """A posseg tokenizer that yields a given (word, tag) stream whatever text it is given."""

    def __init__(self, words: list[str], tags: list[str]) -> None:
        self.pairs = [_Pair(w, t) for w, t in zip(words, tags, strict=True)]

    def cut(self, _text: str) -> Iterator[_Pair]:
        return iter(self.pairs)


def _jieba_weights(words: list[str], tags: list[str]) -> tuple[dict, dict]:
    """jieba.analyse's own TF-IDF and TextRank run on the stream (all words, unrounded)."""
    extractor = get_extractor()
    tfidf = jieba.analyse.TFIDF()
    textrank = jieba.analyse.TextRank()
    for method in (tfidf, textrank):
        method.tokenizer = method.postokenizer = _Replay(words, tags)
        method.stop_words = set(extractor.stop_words)
    return (
        dict(tfidf.extract_tags("", topK=None, withWeight=True, allowPOS=ALLOW_POS)),
        dict(textrank.textrank("", topK=None, withWeight=True, allowPOS=ALLOW_POS)),
    )


def _seed_streams(seeds_dir: Path) -> list[tuple[list[str], list[str]]]:
    tables = build_source_tables("s.txt", sorted(seeds_dir.glob("*.txt"))[1].read_bytes()).tables
    by_para: dict[str, list] = {}
    for row in tables["sentences"]:
        by_para.setdefault(row["para_id"], []).append((row["tokens"], row["pos"]))
    by_doc: dict[str, list] = {}
    for row in tables["paragraphs"]:
        by_doc.setdefault(row["doc_id"], []).append(by_para.get(row["para_id"], []))
    return [document_stream(paragraphs) for paragraphs in by_doc.values()]


def test_weights_equal_jieba_analyse_on_the_same_tokens(seeds_dir: Path) -> None:
    extractor = get_extractor()
    streams = _seed_streams(seeds_dir)
    assert len(streams) >= 2
    for words, tags in streams:
        candidate = extractor.candidates(words, tags)
        tfidf, textrank = _jieba_weights(words, tags)
        assert extractor.tfidf(words, candidate) == tfidf
        assert extractor.textrank(words, candidate) == textrank
        assert len(tfidf) > 20


def test_a_paragraph_break_sits_between_paragraphs_in_the_stream() -> None:
    words, tags = document_stream([[(["发展"], ["vn"]), (["改革"], ["vn"])], [(["创新"], ["vn"])]])
    assert words == ["发展", "改革", "\n", "创新"]
    assert tags == ["vn", "vn", "x", "vn"]
    assert document_stream([]) == ([], [])


def test_numbers_tagged_m_are_no_candidates() -> None:
    words = ["增长", "2023", "改革", "3.5", "GDP"]
    tags = ["v", "m", "vn", "m", "eng"]
    assert get_extractor().candidates(words, tags) == [True, False, True, False, True]
    got = keywords_from_tokens(words, tags)
    assert {w for w, _, _ in got} == {"增长", "改革", "GDP"}


def test_the_build_cuts_each_sentence_once_and_never_a_whole_document(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    segmenter = get_segmenter()
    seen: list[str] = []
    original = segmenter.cut

    def recording_cut(text: str) -> tuple[list[str], list[str]]:
        seen.append(text)
        return original(text)

    monkeypatch.setattr(segmenter, "cut", recording_cut)
    monkeypatch.setattr(segmenter, "tokens", None)  # the plain cut is not used at all
    tables = build_source_tables("s.txt", sorted(seeds_dir.glob("*.txt"))[0].read_bytes()).tables
    sentences = [row["text"] for row in tables["sentences"]]
    # The fact rules cut short windows around a candidate (a name and a few characters on
    # each side, cached per window); every other cut is a sentence, each once, in order.
    windows, matched = [], 0
    for text in seen:
        if matched < len(sentences) and text == sentences[matched]:
            matched += 1
        else:
            windows.append(text)
    assert matched == len(sentences)
    assert all(len(window) <= _FACT_WINDOW_MAX for window in windows), windows
    assert len(tables["keywords"]) >= 20


#: The longest window a fact rule cuts (a four-character name and four characters each side,
#: a title's few characters): a cut longer than this and no sentence would be a re-segmentation.
_FACT_WINDOW_MAX = 16


def test_the_top_words_are_those_of_a_full_sort_by_rounded_weight_then_word() -> None:
    """Only the words that can make the list are rounded and sorted: the same list as
    sorting every word, with weights equal once rounded (ties by word) and numbers out."""
    import random

    from pipelines.text.keywords import _top

    rng = random.Random(7)
    words = [f"{a}{b}" for a in "改革创新发展共同富裕" for b in "区市省县乡镇村"] + ["2023", "15"]
    for _ in range(200):
        ranked = [(w, rng.choice([0.5, 0.25, 1.0, rng.random()]) + rng.random() * 1e-7)
                  for w in rng.sample(words, rng.randint(0, len(words)))]  # fmt: skip
        top_k = rng.randint(1, 25)
        everything = sorted((-round(w, 6), word) for word, w in ranked)
        expected = [(word, -n) for n, word in everything if any(map(str.isalpha, word))]
        assert _top(ranked, top_k) == expected[:top_k]
