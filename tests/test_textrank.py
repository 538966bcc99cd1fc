"""TextRank on arrays (pipelines/text/textrank.py): jieba's graph and ranks, to the bit."""

from jieba.analyse.textrank import UndirectWeightedGraph

from pipelines.text.textrank import SPAN, co_occurrences, rank_graph

# 改革 printed twice within the window (an edge from a word to itself), 示范区 far from every
# other candidate (no edge: not in the graph), a non-candidate (的) between candidates.
WORDS = ["改革", "创新", "的", "改革", "发展", "共同富裕", "x", "x", "x", "x", "x", "示范区"]
CANDIDATE = [w not in {"的", "x"} for w in WORDS]


def _jieba_pairs(words: list[str], candidate: list[bool]) -> dict[tuple[str, str], int]:
    """The pairs jieba.analyse.TextRank.textrank counts, in its order."""
    pairs: dict[tuple[str, str], int] = {}
    for i, keep in enumerate(candidate):
        if not keep:
            continue
        for j in range(i + 1, min(i + SPAN, len(words))):
            if candidate[j]:
                pairs[(words[i], words[j])] = pairs.get((words[i], words[j]), 0) + 1
    return pairs


def _edges(words: list[str], candidate: list[bool]) -> dict[tuple[str, str], int]:
    graph = co_occurrences(words, candidate)
    ends = zip(graph.first.tolist(), graph.second.tolist(), graph.weight.tolist(), strict=True)
    return {(graph.words[a], graph.words[b]): w for a, b, w in ends}


def test_the_graph_has_jiebas_pairs_in_jiebas_order_and_no_lone_word() -> None:
    edges = _edges(WORDS, CANDIDATE)
    assert list(edges.items()) == list(_jieba_pairs(WORDS, CANDIDATE).items())
    assert edges[("改革", "改革")] == 1
    assert "示范区" not in co_occurrences(WORDS, CANDIDATE).words


def test_ranks_are_jiebas_to_the_last_bit() -> None:
    words = WORDS * 3 + ["协同", "发展", "改革", "创新", "改革"]
    candidate = [w not in {"的", "x"} for w in words]
    jieba_graph = UndirectWeightedGraph()
    for (a, b), weight in _jieba_pairs(words, candidate).items():
        jieba_graph.addEdge(a, b, weight)
    ranked = rank_graph(co_occurrences(words, candidate))
    assert ranked == dict(jieba_graph.rank())
    assert max(ranked.values()) == 1.0


def test_no_pair_no_rank() -> None:
    assert rank_graph(co_occurrences([], [])) == {}
    apart = ["改革", "x", "x", "x", "x", "创新"]  # two candidates SPAN tokens apart
    assert rank_graph(co_occurrences(apart, [w != "x" for w in apart])) == {}


def test_a_large_graph_swept_a_level_at_a_time_has_jiebas_ranks_to_the_last_bit() -> None:
    import random

    from pipelines.text.textrank import LEVELLED_EDGES

    rng = random.Random(3)
    vocabulary = [a + b for a in "改革创新发展共同富裕示范区" for b in "党政市省县乡镇村企业"]
    vocabulary += [w + "化" for w in vocabulary[:40]]  # a long tail of rarer words
    words = [rng.choice(vocabulary[: rng.choice([20, 60, len(vocabulary)])]) for _ in range(6000)]
    candidate = [rng.random() < 0.8 for _ in words]
    graph = co_occurrences(words, candidate)
    assert len(graph.weight) >= LEVELLED_EDGES
    jieba_graph = UndirectWeightedGraph()
    for (a, b), weight in _jieba_pairs(words, candidate).items():
        jieba_graph.addEdge(a, b, weight)
    assert rank_graph(graph) == dict(jieba_graph.rank())
