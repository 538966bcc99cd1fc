"""Near-duplicate paragraphs and documents across the corpus (MinHash LSH).

A city notice often copies whole paragraphs of the provincial notice it relays, with a
word changed (全省 -> 全市); a scraped page repeats a report. Exact MD5s miss those.

1. Per source (`minhash_rows`, run in the per-source pass so the work cache keeps it): each
   paragraph of at least MIN_CHARS characters, and each document, gets the MinHash
   signature (datasketch's, NUM_PERM permutations, fixed SEED) of its character SHINGLE-grams
   (whitespace and punctuation removed), and BANDS band keys (a 64-bit hash of each band of
   ROWS values and the band number). Rows of the internal `minhash` table (schemas/
   minhash.yaml; not published). The values are datasketch's `MinHash` (SHA-1 of each
   shingle, its `affine32` permutations), computed for a whole source at once: its
   shingles as one numpy stream, each distinct one hashed once (by DuckDB's `sha1`), a
   document signed from its paragraphs' segments (tests hold them equal to datasketch's).
2. Corpus-wide (`near_dup_pairs.py`): the pairs that share a band key and reach THRESHOLD,
   and each paragraph's earliest near-duplicate.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
from datasketch import MinHash

try:  # CPython's own SHA-1: the same digest as OpenSSL's, half the cost on a 9-byte input
    from _sha1 import sha1 as _sha1
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha1 as _sha1

#: Permutations of the signature: the estimate's standard error is about 0.04 at 0.8.
NUM_PERM = 128
#: Bands x rows = NUM_PERM; with 32 bands of 4 rows a pair at similarity 0.5 shares a band
#: with probability 1 - (1 - 0.5**4)**32 = 0.87, at 0.6 with 0.99, at 0.3 with 0.23.
BANDS, ROWS = 32, 4
#: Character n-grams compared: 3 characters (a word and a half), so that a paragraph relayed
#: with its phrases reordered and its words changed (全省 -> 全市) still shares its shingles.
SHINGLE = 3
#: Least estimated Jaccard similarity of a near-duplicate pair. The city notice of seed 002
#: rewrites the six numbered paragraphs of the provincial notice of seed 003 (五、广大党员要
#: 发挥不畏艰险…的先锋模范带头作用 -> 五、充分发挥广大党员干部不畏艰险…的先锋模范作用): their
#: 3-gram similarity is 0.50-0.66, while the most similar of 20,000 random pairs of
#: paragraphs of different documents of seeds and tests/corpus reach 0.41.
THRESHOLD = 0.5
#: Paragraphs shorter than this are not compared: headings and short formulas repeat
#: everywhere (“一、总体要求”) without being copies.
MIN_CHARS = 50
#: Seed of the permutations: fixed, so signatures (and the table) are the same on every run.
SEED = 1
_DROP_RE = re.compile(r"[\s\W_]+")
#: Shingles permuted at once (bounds the temporary matrix to CHUNK x NUM_PERM values).
CHUNK = 4096
_EMPTY = 0xFFFFFFFF  # the value of a permutation that saw no shingle (datasketch's too)
#: A band as hashed: its number and its ROWS values, packed (`struct` format "<I4Q").
_BAND_RECORD = np.dtype([("band", "<u4"), ("values", "<u8", (ROWS,))])


def shingles(text: str) -> set[str]:
    """The character SHINGLE-grams of `text` without whitespace and punctuation."""
    return _grams(_DROP_RE.sub("", text))


def _grams(core: str) -> set[str]:
    return {core[i : i + SHINGLE] for i in range(len(core) - SHINGLE + 1)}


class ShingleHashes:
    """The 32-bit hash of each shingle that datasketch's `MinHash.update` takes by default
    (`sha1_hash32` of its UTF-8 bytes), each distinct shingle hashed once: a source prints
    发展的 and 高质量 in most of its paragraphs, and its documents repeat them all."""

    def __init__(self) -> None:
        self._known: dict[str, int] = {}

    def __call__(self, grams: set[str]) -> np.ndarray:
        known = self._known
        new = [g for g in grams if g not in known]
        if new:
            # the first 4 of each 20-byte digest, little-endian (`sha1_hash32`)
            digests = b"".join([_sha1(g.encode()).digest() for g in new])
            first_words = np.frombuffer(digests, dtype="<u4")[::5]
            known.update(zip(new, first_words.tolist(), strict=True))
        return np.fromiter(map(known.__getitem__, grams), dtype=np.uint32, count=len(grams))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine permutations (a, b) for NUM_PERM and SEED, as rows."""
    a, b = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
    return a.reshape(1, -1), b.reshape(1, -1)


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch's `affine32` scheme applies to each
    hash before permuting it (uint32 arithmetic wraps: the modulo is part of it)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature_of_hashes(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature of a set of shingle hashes: for each permutation a*h + b (mod
    2**32) of the mixed hash, its least value; the same values as datasketch's
    `MinHash(NUM_PERM, seed=SEED).update_batch(...)`, without a Python call per shingle."""
    a, b = _permutations()
    least = np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    for start in range(0, len(hashes), CHUNK):
        mixed = _fmix32(hashes[start : start + CHUNK]).reshape(-1, 1)
        np.minimum(least, (mixed * a + b).min(axis=0), out=least)
    return least


def signature(text: str, hashes: ShingleHashes | None = None) -> list[int]:
    """The MinHash signature of a text (NUM_PERM unsigned 32-bit values)."""
    return signature_of_hashes((hashes or ShingleHashes())(shingles(text))).tolist()


def band_keys(signatures: np.ndarray) -> np.ndarray:
    """One signed 64-bit key per band of each signature (rows of NUM_PERM values): the
    first 8 bytes of the BLAKE2b of the band number and its ROWS values, packed as
    `struct.pack("<I4Q", band, *values)`; the records of all bands are packed at once."""
    signatures = np.asarray(signatures, dtype=np.uint64).reshape(-1, BANDS, ROWS)
    records = np.empty(signatures.shape[:2], dtype=_BAND_RECORD)
    records["band"] = np.arange(BANDS, dtype=np.uint32)
    records["values"] = signatures
    packed = memoryview(records.tobytes())
    size = _BAND_RECORD.itemsize
    blake2b = hashlib.blake2b
    digests = b"".join(
        [
            blake2b(packed[at : at + size], digest_size=8).digest()
            for at in range(0, len(packed), size)
        ]
    )
    return np.frombuffer(digests, dtype="<i8").reshape(-1, BANDS)


@dataclass(frozen=True)
class _Stream:
    """A source's paragraph cores (text without whitespace and punctuation) laid end to end,
    document by document, and the shingles that start in each paragraph, in two segments:
    its own (all 3 characters inside it) and those that cross into the next paragraphs of
    its document (`…的作用。` + `二、…`: 作用二 and 用二X). A document's shingles are then
    exactly its paragraphs' segments, and no shingle is taken across two documents."""

    text: str  # the cores joined, in `order`
    order: list[int]  # paragraph indexes, grouped by document
    group_starts: np.ndarray  # where each document's paragraphs start in `order`
    sizes: np.ndarray  # shingles of each segment: own of order[0], crossing of order[0], …
    positions: np.ndarray  # where each shingle of each segment starts in `text`, in order


def _stream(cores: list[str], groups: list[list[int]]) -> _Stream:
    order = [i for group in groups for i in group]
    lengths = np.fromiter((len(cores[i]) for i in order), dtype=np.int64, count=len(order))
    ends = np.cumsum(lengths)
    starts = ends - lengths
    group_sizes = np.fromiter(map(len, groups), dtype=np.int64, count=len(groups))
    group_starts = np.cumsum(group_sizes) - group_sizes
    document_end = np.repeat(ends[group_starts + group_sizes - 1], group_sizes)
    own_end = np.maximum(starts, ends - (SHINGLE - 1))
    crossing_end = np.maximum(own_end, np.minimum(ends, document_end - (SHINGLE - 1)))
    sizes = np.column_stack([own_end - starts, crossing_end - own_end]).reshape(-1)
    covered = crossing_end - starts
    skipped = starts - (np.cumsum(covered) - covered)  # characters before a paragraph's first
    positions = np.arange(int(covered.sum())) + np.repeat(skipped, covered)
    text = "".join([cores[i] for i in order])
    return _Stream(text, order, group_starts, sizes, positions)


def _mixed_hashes(stream: _Stream) -> np.ndarray:
    """`_fmix32` of the `sha1_hash32` of the shingle at each of the stream's positions; each
    distinct shingle hashed once (found by its three code points packed in one integer)."""
    points = np.frombuffer(stream.text.encode("utf-32-le"), dtype="<u4").astype(np.int64)
    at = stream.positions
    keys = (points[at] << 42) | (points[at + 1] << 21) | points[at + 2]
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return _fmix32(_sha1_words(stream.text, points, at[first]))[inverse.reshape(-1)]


@cache
def _hashing_connection(pid: int) -> duckdb.DuckDBPyConnection:
    """A one-thread DuckDB connection of this process (a forked worker opens its own)."""
    return duckdb.connect(config={"threads": 1})


def _sha1_words(text: str, points: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """datasketch's `sha1_hash32` (the first 4 bytes of the SHA-1 of the UTF-8 bytes, read
    little-endian) of the shingle at each of `starts`, all at once: the shingles' bytes are
    gathered into one Arrow string array and hashed by DuckDB's `sha1` (in C, not a Python
    call per shingle), which gives the hex digest; its first 8 digits read as a big-endian
    number, byte-swapped."""
    if not len(starts):
        return np.empty(0, dtype=np.uint32)
    widths = 1 + (points >= 0x80) + (points >= 0x800) + (points >= 0x10000)
    byte_at = np.concatenate([[0], np.cumsum(widths)])
    begin = byte_at[starts]
    lengths = byte_at[starts + SHINGLE] - begin
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    utf8 = np.frombuffer(text.encode(), dtype=np.uint8)
    gathered = utf8[np.repeat(begin - offsets[:-1], lengths) + np.arange(offsets[-1])]
    grams = pa.LargeStringArray.from_buffers(
        len(starts), pa.py_buffer(offsets), pa.py_buffer(gathered)
    )
    relation = _hashing_connection(os.getpid()).from_arrow(pa.table({"shingle": grams}))
    first_word = relation.project("('0x' || left(sha1(shingle), 8))::UINTEGER AS word")
    return first_word.fetchnumpy()["word"].astype(np.uint32).byteswap()


def _segment_minima(mixed: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The signature of each run of `sizes` consecutive mixed hashes (rows; an empty run's
    is all _EMPTY): the permutations applied CHUNK hashes at a time (a permutation a row, so
    that `np.minimum.reduceat` runs along memory), each run's minimum taken within a chunk,
    then over the chunks it spans."""
    out = np.full((len(sizes), NUM_PERM), _EMPTY, dtype=np.uint32)
    filled = np.flatnonzero(sizes)
    if not len(filled):
        return out
    a, b = (column.reshape(-1, 1) for column in _permutations())
    starts = (np.cumsum(sizes) - sizes)[filled]
    cuts = np.union1d(starts, np.arange(0, len(mixed), CHUNK))
    permuted = np.empty((NUM_PERM, CHUNK), dtype=np.uint32)
    pieces = []
    for begin in range(0, len(mixed), CHUNK):
        chunk = mixed[begin : begin + CHUNK]
        block = permuted[:, : len(chunk)]
        np.add(np.multiply(a, chunk, out=block), b, out=block)  # uint32: wraps mod 2**32
        low, high = np.searchsorted(cuts, [begin, begin + CHUNK])
        pieces.append(np.minimum.reduceat(block, cuts[low:high] - begin, axis=1).T)
    owner = np.searchsorted(starts, cuts, side="right") - 1  # the run each piece is part of
    firsts = np.flatnonzero(np.diff(owner, prepend=-1))
    out[filled] = np.minimum.reduceat(np.concatenate(pieces), firsts, axis=0)
    return out


def minhash_rows(
    paragraph_rows: Iterable[dict[str, Any]], document_rows: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Rows of the internal `minhash` table for one source's paragraphs and documents.

    All shingles of the source are hashed and permuted at once (`_Stream`), each distinct
    one hashed once; a document whose text is its paragraphs joined by line breaks (as the
    build writes it) is signed from its paragraphs' segments (a minimum over a union is the
    minimum of the minima), without cutting the document again."""
    paragraphs = list(paragraph_rows)
    by_doc: dict[str, list[int]] = {}
    for k, p in enumerate(paragraphs):
        by_doc.setdefault(p["doc_id"], []).append(k)
    stream = _stream([_DROP_RE.sub("", p["text"]) for p in paragraphs], list(by_doc.values()))
    segments = _segment_minima(_mixed_hashes(stream), stream.sizes)
    own = np.empty((len(paragraphs), NUM_PERM), dtype=np.uint32)
    own[stream.order] = segments[0::2]
    has_own = np.zeros(len(paragraphs), dtype=bool)
    has_own[stream.order] = stream.sizes[0::2] > 0
    whole = np.minimum.reduceat(segments, 2 * stream.group_starts, axis=0) if by_doc else None
    group_of = {doc_id: g for g, doc_id in enumerate(by_doc)}
    items: list[tuple[str, str, str, int]] = []  # item_id, level, doc_id, char_count
    signatures: list[np.ndarray] = []
    for k, p in enumerate(paragraphs):
        if has_own[k] and len(p["text"]) >= MIN_CHARS:
            items.append((p["para_id"], "paragraph", p["doc_id"], len(p["text"])))
            signatures.append(own[k])
    for d in document_rows:
        text = d["text"] or ""
        if len(text) >= MIN_CHARS:
            group = group_of.get(d["doc_id"], -1)
            if "\n".join(paragraphs[k]["text"] for k in by_doc.get(d["doc_id"], [])) == text:
                sig = whole[group]
            else:
                sig = signature_of_hashes(ShingleHashes()(shingles(text)))
            items.append((d["doc_id"], "document", d["doc_id"], len(text)))
            signatures.append(sig)
    return _rows(items, signatures)


def _rows(items: list[tuple[str, str, str, int]], signatures: list[np.ndarray]) -> list[dict]:
    if not items:
        return []
    matrix = np.stack(signatures)
    names = ("item_id", "level", "doc_id", "char_count", "signature", "band_keys")
    columns = zip(items, matrix.tolist(), band_keys(matrix).tolist(), strict=True)
    return [dict(zip(names, (*item, sig, keys), strict=True)) for item, sig, keys in columns]
