"""A fingerprint of everything that decides a per-source table: the text code, its data
files, the schemas and the lock. A source whose bytes and fingerprint are unchanged since its
last build is not processed again."""

import hashlib
from functools import cache

from .paths import REPO_ROOT

_INPUTS = ("pipelines/text", "schemas")


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256()
    files = [REPO_ROOT / "uv.lock"]
    for folder in _INPUTS:
        files.extend(
            p
            for p in (REPO_ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        )
    for path in sorted(files):
        if path.exists():
            digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
