"""Near-duplicate paragraphs and documents across the corpus (MinHash LSH).

A city notice often copies whole paragraphs of the provincial notice it relays, with a
word changed (全省 -> 全市); a scraped page repeats a report. Exact MD5s miss those.

1. Per source (`minhash_rows`, run in the per-source pass so the work cache keeps it): each
   paragraph of at least MIN_CHARS characters, and each document, gets the MinHash
   signature (datasketch, NUM_PERM permutations, fixed SEED) of its character SHINGLE-grams
   (whitespace and punctuation removed), and BANDS band keys (a 64-bit hash of each band of
   ROWS values and the band number). Rows of the internal `minhash` table (schemas/
   minhash.yaml; not published).
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
import struct
from collections.abc import Iterable
from typing import Any

import duckdb
import pyarrow as pa
from datasketch import MinHash

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


def shingles(text: str) -> set[bytes]:
    """The character SHINGLE-grams of `text` without whitespace and punctuation."""
    core = _DROP_RE.sub("", text)
    return {core[i : i + SHINGLE].encode("utf-8") for i in range(len(core) - SHINGLE + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of a text (NUM_PERM unsigned 32-bit values)."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(sorted(shingles(text)))
    return [int(v) for v in m.hashvalues]


def band_keys(sig: list[int]) -> list[int]:
    """One signed 64-bit key per band: a hash of the band number and its ROWS values."""
    keys = []
    for band in range(BANDS):
        values = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(struct.pack(f"<I{ROWS}Q", band, *values), digest_size=8)
        keys.append(struct.unpack("<q", digest.digest())[0])
    return keys


def _row(item_id: str, level: str, doc_id: str, text: str) -> dict[str, Any]:
    sig = signature(text)
    return {
        "item_id": item_id,
        "level": level,
        "doc_id": doc_id,
        "char_count": len(text),
        "signature": sig,
        "band_keys": band_keys(sig),
    }


def minhash_rows(
    paragraph_rows: Iterable[dict[str, Any]], document_rows: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Rows of the internal `minhash` table for one source's paragraphs and documents."""
    rows = [
        _row(p["para_id"], "paragraph", p["doc_id"], p["text"])
        for p in paragraph_rows
        if len(p["text"]) >= MIN_CHARS and len(shingles(p["text"])) > 0
    ]
    rows += [
        _row(d["doc_id"], "document", d["doc_id"], d["text"])
        for d in document_rows
        if len(d["text"] or "") >= MIN_CHARS
    ]
    return rows


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
