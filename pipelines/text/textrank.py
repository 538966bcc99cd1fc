"""TextRank over a document's candidate words: jieba's graph and ranking, on integer arrays.

jieba.analyse ranks keywords with `UndirectWeightedGraph`: an undirected graph whose edges
join two candidates at most SPAN - 1 tokens apart, weighted by how often they co-occur
(八八战略 and 共同富裕 printed side by side three times: weight 3), then ITERATIONS in-place
sweeps over the words in sorted order (each word's rank becomes (1 - d) + d x the sum of its
neighbours' ranks, each shared by the neighbour's total edge weight), and the ranks scaled so
that the top word is 1.0. It keeps the graph as dicts of tuples and recomputes each share
in every sweep, in pure Python: most of the time of the keywords stage.

Here the graph is built with numpy (`co_occurrences`: the pairs of candidates counted at
once) and `rank_graph` computes the shares once; the sweeps stay sequential, as jieba's, and
do the same arithmetic in the same order (the neighbours of a word in the order jieba adds
its edges, each share computed as jieba computes it), so the weights are jieba's to the
last bit (`tests/test_keywords.py` holds them equal).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, pairwise

import numpy as np

#: jieba.analyse.TextRank.span: candidates at most SPAN - 1 tokens apart are linked.
SPAN = 5
#: jieba's UndirectWeightedGraph.d and its number of sweeps.
DAMPING = 0.85
ITERATIONS = 10


@dataclass(frozen=True)
class Graph:
    """The co-occurrence graph: its words, and its edges (word index, word index, weight)
    as arrays, in the order jieba adds them (by the first token, then by the second)."""

    words: list[str]
    first: np.ndarray
    second: np.ndarray
    weight: np.ndarray


def co_occurrences(words: Sequence[str], candidate: Sequence[bool]) -> Graph:
    """The co-occurrence graph of the candidates: an edge for each ordered pair of words
    found at most SPAN - 1 tokens apart, counted; words without an edge are left out."""
    kept = list(compress(words, candidate))
    index = {word: k for k, word in enumerate(dict.fromkeys(kept))}  # by first appearance
    ids = np.fromiter(map(index.__getitem__, kept), dtype=np.int64, count=len(kept))
    at = np.flatnonzero(np.fromiter(candidate, dtype=bool, count=len(candidate)))
    firsts, seconds, order = [], [], []
    for gap in range(1, SPAN):  # the k-th candidate and the (k + gap)-th, if near enough
        near = np.flatnonzero(at[gap:] - at[:-gap] < SPAN)
        firsts.append(ids[near])
        seconds.append(ids[near + gap])
        order.append(near * SPAN + gap)
    size = max(len(index), 1)
    pairs = np.concatenate(firsts) * size + np.concatenate(seconds)
    pairs = pairs[np.argsort(np.concatenate(order), kind="stable")]  # jieba's order
    distinct, seen_at, counts = np.unique(pairs, return_index=True, return_counts=True)
    by_first_seen = np.argsort(seen_at, kind="stable")
    distinct, counts = distinct[by_first_seen], counts[by_first_seen]
    used, graph_ids = np.unique(
        np.concatenate([distinct // size, distinct % size]), return_inverse=True
    )
    names = list(index)
    edges = len(distinct)
    return Graph([names[k] for k in used.tolist()], graph_ids[:edges], graph_ids[edges:], counts)


def _shares(graph: Graph) -> list[tuple[list[int], list[float]]]:
    """For each word, its neighbours in the order jieba lists them (edge by edge, the first
    end's entry before the second's) with the share of each: weight / its total weight."""
    edges = len(graph.weight)
    node = np.concatenate([graph.first, graph.second])
    neighbour = np.concatenate([graph.second, graph.first])
    weight = np.concatenate([graph.weight, graph.weight]).astype(np.float64)
    listed = np.concatenate([np.arange(edges) * 2, np.arange(edges) * 2 + 1])
    ordered = np.lexsort((listed, node))
    node, neighbour, weight = node[ordered], neighbour[ordered], weight[ordered]
    # integer weights summed as floats: exact, in any order
    out_sum = np.bincount(node, weights=weight, minlength=len(graph.words))
    share = (weight / out_sum[neighbour]).tolist()
    neighbour_list = neighbour.tolist()
    bounds = np.concatenate([[0], np.cumsum(np.bincount(node, minlength=len(graph.words)))])
    return [(neighbour_list[s:e], share[s:e]) for s, e in pairwise(bounds.tolist())]


def rank_graph(graph: Graph) -> dict[str, float]:
    """jieba's `UndirectWeightedGraph.rank` of the graph: word -> weight, top word 1.0."""
    words = graph.words
    if not words:
        return {}
    shares = _shares(graph)
    ranks = [1.0 / len(words)] * len(words)
    order = sorted(range(len(words)), key=words.__getitem__)
    swept = [(node, list(zip(*shares[node]))) for node in order]  # noqa: B905 (one length)
    for _ in range(ITERATIONS):
        for node, pairs in swept:
            total = 0.0
            for m, share in pairs:
                total += share * ranks[m]
            ranks[node] = (1 - DAMPING) + DAMPING * total
    low, high = min(ranks), max(ranks)
    return {
        word: (r - low / 10.0) / (high - low / 10.0) for word, r in zip(words, ranks, strict=True)
    }
