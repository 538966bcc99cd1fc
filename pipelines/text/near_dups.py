"""Near-duplicate paragraphs and documents across the corpus (MinHash LSH).

A city notice often copies whole paragraphs of the provincial notice it relays, with a
word changed (全省 -> 全市); a scraped page repeats a report. Exact MD5s miss those.

1. Per source (`minhash_rows`, run in the per-source pass so the work cache keeps it): each
   paragraph of at least MIN_CHARS characters, and each document, gets the MinHash
   signature (datasketch's, NUM_PERM permutations, fixed SEED) of its character SHINGLE-grams
   (whitespace and punctuation removed), and BANDS band keys (a 64-bit hash of each band of
   ROWS values and the band number). Rows of the internal `minhash` table (schemas/
   minhash.yaml; not published). The values are datasketch's `MinHash` (SHA-1 of each
   shingle, its `affine32` permutations), computed over numpy arrays with each distinct
   shingle of a source hashed once (a test holds them equal to datasketch's own).
2. Corpus-wide (`near_duplicate_pairs`): candidate pairs share a band key (DuckDB, out of
   core), each item paired with the first item of its bucket from another document (so the
   pairs grow with the corpus, not with the square of a group of copies); a candidate is kept
   when the estimated Jaccard similarity (the share of equal signature values) reaches
   THRESHOLD. Paragraph pairs are taken only across documents. Rows of the
   `near_duplicates` table: a_id < b_id, ordered by level, a_id, b_id.
3. `near_dup_of`: for every paragraph with near-duplicates printed earlier in another
   document, the earliest of them (publish_date, then para_id); the original has none.
"""

from __future__ import annotations

import hashlib
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
class _Part:
    """A paragraph of a document as signed: its text, its text without whitespace and
    punctuation, its shingles' hashes, and its signature if it has a row of its own."""

    text: str
    core: str
    hashed: np.ndarray
    signature: np.ndarray | None


def minhash_rows(
    paragraph_rows: Iterable[dict[str, Any]], document_rows: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Rows of the internal `minhash` table for one source's paragraphs and documents.

    Each distinct shingle of the source is hashed once (`ShingleHashes`); a document whose
    text is its paragraphs joined by line breaks (as the build writes it) is signed from
    its paragraphs (`_joined_signature`), without cutting the document again."""
    hashes = ShingleHashes()
    items: list[tuple[str, str, str, int]] = []  # item_id, level, doc_id, char_count
    signatures: list[np.ndarray] = []
    by_doc: dict[str, list[_Part]] = {}
    for p in paragraph_rows:
        text = p["text"]
        core = _DROP_RE.sub("", text)
        hashed = hashes(_grams(core))
        sig = signature_of_hashes(hashed) if len(text) >= MIN_CHARS and len(hashed) else None
        by_doc.setdefault(p["doc_id"], []).append(_Part(text, core, hashed, sig))
        if sig is not None:
            items.append((p["para_id"], "paragraph", p["doc_id"], len(text)))
            signatures.append(sig)
    for d in document_rows:
        text = d["text"] or ""
        if len(text) >= MIN_CHARS:
            parts = by_doc.get(d["doc_id"], [])
            if "\n".join(part.text for part in parts) == text:
                sig = _joined_signature(parts, hashes)
            else:
                sig = signature_of_hashes(hashes(shingles(text)))
            items.append((d["doc_id"], "document", d["doc_id"], len(text)))
            signatures.append(sig)
    if not items:
        return []
    keys = band_keys(np.stack(signatures)).tolist()
    return [
        {
            "item_id": item_id,
            "level": level,
            "doc_id": doc_id,
            "char_count": chars,
            "signature": sig.tolist(),
            "band_keys": item_keys,
        }
        for (item_id, level, doc_id, chars), sig, item_keys in zip(
            items, signatures, keys, strict=True
        )
    ]


def _joined_signature(parts: list[_Part], hashes: ShingleHashes) -> np.ndarray:
    """The signature of texts joined by line breaks, from theirs: the shingles of the joined
    text are the texts' own and those that cross a break (a break is dropped with the
    punctuation, so `…的作用。` + `二、…` also holds 作用二 and 用二X), and a minimum over
    a union is the minimum of the minima (of the signatures already computed, and of the
    shingles of the short paragraphs and of the breaks)."""
    joined = "".join(part.core for part in parts)
    starts: set[int] = set()
    end = 0
    for part in parts[:-1]:
        end += len(part.core)
        starts.update(i for i in (end - 2, end - 1) if 0 <= i <= len(joined) - SHINGLE)
    crossing = hashes({joined[i : i + SHINGLE] for i in starts})
    unsigned = [part.hashed for part in parts if part.signature is None]
    rest = signature_of_hashes(np.concatenate([crossing, *unsigned]))
    return np.minimum.reduce(
        [rest, *(part.signature for part in parts if part.signature is not None)]
    )


def near_duplicate_pairs(
    con: duckdb.DuckDBPyConnection, minhash: str, threshold: float = THRESHOLD
) -> pa.Table:
    """Rows of `near_duplicates` (a_id, b_id, level, similarity) from the `minhash` relation.

    Bounded by the number of items, never by the square of a group of copies: in each LSH
    bucket (items sharing a band key) every item is paired only with the bucket's first item
    (smallest ID) of another document, so a paragraph printed 2,000 times gives about 2,000
    candidate pairs (each copy with the first one), not two million. Every copy still links
    to its group, and `near_dup_of` finds the earliest printed one among them."""
    sql = f"""
    with keys as (
        select item_id, level, doc_id, unnest(band_keys) as key from {minhash}
    ),
    buckets as (
        select level, key, min(item_id) as first from keys
        group by level, key having count(*) > 1
    ),
    firsts as (
        select b.level, b.key, b.first, k.doc_id as first_doc
        from buckets b join keys k on k.level = b.level and k.key = b.key and k.item_id = b.first
    ),
    others as (
        select f.level, f.key, min(k.item_id) as other
        from firsts f join keys k on k.level = f.level and k.key = f.key and k.doc_id <> f.first_doc
        group by f.level, f.key
    ),
    linked as (
        select k.item_id, k.level,
               case when k.doc_id <> f.first_doc then f.first else o.other end as rep
        from keys k join firsts f on f.level = k.level and f.key = k.key
        left join others o on o.level = k.level and o.key = k.key
    ),
    candidates as (
        select distinct least(item_id, rep) as a_id, greatest(item_id, rep) as b_id, level
        from linked where rep is not null and rep <> item_id
    ),
    scored as (
        select c.a_id, c.b_id, c.level,
               len(list_filter(range(1, len(a.signature) + 1),
                               lambda i: a.signature[i] = b.signature[i]))
               / len(a.signature) as similarity
        from candidates c
        join {minhash} a on a.item_id = c.a_id
        join {minhash} b on b.item_id = c.b_id
    )
    select a_id, b_id, level, similarity from scored
    where similarity >= {float(threshold)}
    order by level, a_id, b_id
    """
    return con.sql(sql).to_arrow_table()


def near_dup_of(
    con: duckdb.DuckDBPyConnection, pairs: str, paragraphs: str, documents: str
) -> pa.Table:
    """(para_id, near_dup_of) for every paragraph with a near-duplicate printed earlier in
    another document: the earliest of them (publish_date of its document, then the most similar, then para_id;
    undated documents last). The first of a group of copies has none: it is the original."""
    sql = f"""
    with links as (
        select a_id as para_id, b_id as other, similarity from {pairs} where level = 'paragraph'
        union all
        select b_id, a_id, similarity from {pairs} where level = 'paragraph'
    ),
    dated as (
        select l.para_id, l.other, l.similarity, od.publish_date as other_date, ds.publish_date as own_date
        from links l
        join {paragraphs} po on po.para_id = l.other
        join {documents} od on od.doc_id = po.doc_id
        join {paragraphs} ps on ps.para_id = l.para_id
        join {documents} ds on ds.doc_id = ps.doc_id
    ),
    earlier as (
        select * from dated
        where coalesce(other_date, date '9999-12-31') < coalesce(own_date, date '9999-12-31')
           or (coalesce(other_date, date '9999-12-31') = coalesce(own_date, date '9999-12-31')
               and other < para_id)
    )
    select para_id, other as near_dup_of from (
        select para_id, other,
               row_number() over (
                   partition by para_id order by other_date nulls last, similarity desc, other
               )
                   as rank
        from earlier
    ) where rank = 1
    order by para_id
    """
    return con.sql(sql).to_arrow_table()
