"""TextRank over a document's candidate words: jieba's graph and ranking, on integer arrays.

jieba.analyse ranks keywords with `UndirectWeightedGraph`: an undirected graph whose edges
join two candidates at most SPAN - 1 tokens apart, weighted by how often they co-occur
(八八战略 and 共同富裕 printed side by side three times: weight 3), then ITERATIONS in-place
sweeps over the words in sorted order (each word's rank becomes (1 - d) + d x the sum of its
neighbours' ranks, each shared by the neighbour's total edge weight), and the ranks scaled so
that the top word is 1.0. It keeps the graph as dicts of tuples and recomputes each share
in every sweep, in pure Python: most of the time of the keywords stage.

Here the graph is built with numpy (`co_occurrences`: the pairs of candidates counted at
once) and `rank_graph` computes the shares once. The sweeps do jieba's arithmetic in jieba's
order (the neighbours of a word in the order jieba adds its edges, each share computed as
jieba computes it), so the weights are jieba's to the last bit (`tests/test_keywords.py`,
`tests/test_textrank.py`): word by word for a small graph, and for a large one a level of
words at a time on arrays (the words of a level read no rank updated in the same sweep).
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
#: Edges from which a graph is swept a level at a time (below, word by word is faster).
LEVELLED_EDGES = 400


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


def _entries(graph: Graph) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each word's neighbours in the order jieba lists them (edge by edge, the first end's
    entry before the second's), as (word, neighbour, share) arrays sorted by word; the share
    of a neighbour is the edge's weight / the neighbour's total weight."""
    edges = len(graph.weight)
    node = np.concatenate([graph.first, graph.second])
    neighbour = np.concatenate([graph.second, graph.first])
    weight = np.concatenate([graph.weight, graph.weight]).astype(np.float64)
    listed = np.concatenate([np.arange(edges) * 2, np.arange(edges) * 2 + 1])
    ordered = np.lexsort((listed, node))
    node, neighbour, weight = node[ordered], neighbour[ordered], weight[ordered]
    # integer weights summed as floats: exact, in any order
    out_sum = np.bincount(node, weights=weight, minlength=len(graph.words))
    return node, neighbour, weight / out_sum[neighbour]


def _shares(graph: Graph) -> list[tuple[list[int], list[float]]]:
    """For each word, its neighbours in jieba's order and the share of each (`_entries`)."""
    node, neighbour, share = _entries(graph)
    bounds = np.concatenate([[0], np.cumsum(np.bincount(node, minlength=len(graph.words)))])
    neighbour_list, share_list = neighbour.tolist(), share.tolist()
    return [(neighbour_list[s:e], share_list[s:e]) for s, e in pairwise(bounds.tolist())]


def rank_graph(graph: Graph) -> dict[str, float]:
    """jieba's `UndirectWeightedGraph.rank` of the graph: word -> weight, top word 1.0.
    A large graph is swept a level at a time on arrays (`_ranks_by_level`), a small one
    word by word (numpy's cost a call would outweigh what it saves)."""
    words = graph.words
    if not words:
        return {}
    order = sorted(range(len(words)), key=words.__getitem__)
    if len(graph.weight) >= LEVELLED_EDGES:
        ranks = _ranks_by_level(graph, order)
    else:
        ranks = _ranks_by_word(graph, order)
    low, high = min(ranks), max(ranks)
    return {
        word: (r - low / 10.0) / (high - low / 10.0) for word, r in zip(words, ranks, strict=True)
    }


def _ranks_by_word(graph: Graph, order: list[int]) -> list[float]:
    """jieba's sweeps as jieba runs them: each word in `order`, its rank (1 - d) + d x the
    sum, neighbour by neighbour, of share x the neighbour's latest rank."""
    shares = _shares(graph)
    ranks = [1.0 / len(graph.words)] * len(graph.words)
    swept = [(node, list(zip(*shares[node]))) for node in order]  # noqa: B905 (one length)
    for _ in range(ITERATIONS):
        for node, pairs in swept:
            total = 0.0
            for m, share in pairs:
                total += share * ranks[m]
            ranks[node] = (1 - DAMPING) + DAMPING * total
    return ranks


def _levels(node: np.ndarray, neighbour: np.ndarray, before: np.ndarray, n: int) -> np.ndarray:
    """Each word's level: 0 if no neighbour comes before it in the sweep, else one more
    than the highest level of those that do. Words of a level read no rank of their level
    that is updated in the sweep: they can be updated together. (The entries are sorted by
    word and every word has one: a maximum over each word's run of entries.)"""
    runs = np.flatnonzero(np.diff(node, prepend=-1))
    level = np.zeros(n, dtype=np.int64)
    while True:
        deeper = np.maximum.reduceat(np.where(before, level[neighbour] + 1, 0), runs)
        if np.array_equal(deeper, level):
            return level
        level = deeper


def _level_steps(graph: Graph, order: list[int]) -> list[tuple[np.ndarray, ...]]:
    """Per level: its words (as slots n + word), and (depth x words) matrices of where each
    neighbour's rank is read (its slot n + m if it comes before the word in the sweep,
    already updated; else m, last sweep's) and its share, in jieba's order down a column,
    padded with share 0.0 (adding 0.0 to a rank changes no bit)."""
    n = len(graph.words)
    node, neighbour, share = _entries(graph)
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    before = position[neighbour] < position[node]
    level = _levels(node, neighbour, before, n)
    by_level = np.argsort(level[node], kind="stable")  # each word's entries stay in order
    node, source, share = node[by_level], (neighbour + n * before)[by_level], share[by_level]
    starts = np.flatnonzero(np.diff(node, prepend=-1))  # each word's first entry
    run_lengths = np.diff(np.append(starts, len(node)))
    column = np.arange(len(node)) - np.repeat(starts, run_lengths)
    run_of_entry = np.repeat(np.arange(len(starts)), run_lengths)
    run_level = level[node[starts]]
    bounds = [*np.flatnonzero(np.diff(run_level, prepend=-1)).tolist(), len(starts)]
    steps = []
    for low, high in pairwise(bounds):
        entries = slice(starts[low], starts[high] if high < len(starts) else len(node))
        cells = (column[entries], run_of_entry[entries] - low)
        where = np.zeros((int(cells[0].max()) + 1, high - low), dtype=np.int64)
        shares = np.zeros(where.shape, dtype=np.float64)
        where[cells], shares[cells] = source[entries], share[entries]
        steps.append((node[starts[low:high]] + n, where, shares))
    return steps


def _ranks_by_level(graph: Graph, order: list[int]) -> list[float]:
    """jieba's sweeps, a level of words at a time (`_levels`): the same sums in the same
    order (`np.add.accumulate` down a column adds one term at a time, never pairwise), so
    the same ranks to the bit. Slots [0, n) hold last sweep's ranks, [n, 2n) this sweep's."""
    n = len(graph.words)
    steps = _level_steps(graph, order)
    ranks = np.full(2 * n, 1.0 / n)
    for _ in range(ITERATIONS):
        for slots, where, shares in steps:
            sums = np.add.accumulate(ranks[where] * shares, axis=0)[-1]
            ranks[slots] = (1 - DAMPING) + DAMPING * sums
        ranks[:n] = ranks[n:]
    return ranks[:n].tolist()
