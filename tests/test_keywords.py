"""Document keywords: shape, determinism, stop list and domain dictionary in effect."""

from pathlib import Path

from pipelines.text.keywords import STOPWORDS, document_keywords, load_stopwords

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
