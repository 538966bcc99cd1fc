"""A fingerprint of everything that decides a per-source table: the text code, its data
files, the schemas and the lock. A source whose bytes and fingerprint are unchanged since its
last build is not processed again."""

import hashlib
from functools import cache

from .paths import REPO_ROOT

#: What decides a shard's cached tables and their validation: the text code and its data,
#: the per-file task, the shard builder, the checks, the schemas.
_INPUTS = (
    "pipelines/text",
    "pipelines/executor",
    "pipelines/contract",
    "pipelines/shard.py",
    "schemas",
)


def shard_code(facts_tagger: str = "") -> str:
    """The fingerprint a build's shards and published files carry: the code's, and the optional
    facts tagger when one is on (`+tagger=lac`), so a cache built without it is never reused with
    it, nor the other way round (pipelines/text/facts/tagged.py)."""
    from .text.facts.tagged import tagger_name

    name = tagger_name(facts_tagger)
    return code_fingerprint() + (f"+tagger={name}" if name else "")


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256()
    files = [REPO_ROOT / "uv.lock"]
    for name in _INPUTS:
        path = REPO_ROOT / name
        found = [path] if path.is_file() else path.rglob("*")
        files.extend(p for p in found if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(files):
        if path.exists():
            digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
