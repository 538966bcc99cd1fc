"""The work cache: each shard's per-source tables, kept between builds so that only shards
whose files or code changed are processed again.

Layout (hive-partitioned, so DuckDB, Arrow or any engine reads a table across shards with one
glob): `<root>/<table>/shard=<key>/part-0.parquet`, and `<root>/_manifests/<key>.json` saying
from which files (names, SHA-256) and which code the shard was built, the SHA-256 and rows of
each part, the validation of the shard and the sources it quarantined. The manifest is written
last: a shard counts as built only when all its parts are there.

A cached shard is reused only if its manifest matches the files and the code, and every part
still has the SHA-256 the manifest records: a truncated, edited or missing part (a crash, a
full disk, a hand edit) makes the shard be built again, never published.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .parquet import file_sha256

MANIFESTS = "_manifests"


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = root

    def part_path(self, table: str, key: str) -> Path:
        return self.root / table / f"shard={key}" / "part-0.parquet"

    def manifest_path(self, key: str) -> Path:
        return self.root / MANIFESTS / f"{key}.json"

    def manifest(self, key: str) -> dict[str, Any] | None:
        path = self.manifest_path(key)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def write_manifest(self, key: str, manifest: dict[str, Any]) -> None:
        path = self.manifest_path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, sort_keys=True, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def invalidate(self, key: str) -> None:
        """Forget a shard before rebuilding it (its parts are replaced one by one)."""
        self.manifest_path(key).unlink(missing_ok=True)

    def stale_reason(self, key: str, files: list[dict[str, Any]], code: str) -> str | None:
        """Why the cached shard cannot be reused (None when it can)."""
        manifest = self.manifest(key)
        if manifest is None:
            return "not built yet"
        if manifest.get("code") != code:
            return "the code changed"
        if manifest.get("files") != files:
            return "its files changed"
        for table, part in (manifest.get("parts") or {}).items():
            path = self.part_path(table, key)
            if not path.is_file():
                return f"work cache: {table} part missing"
            if path.stat().st_size != part["bytes"] or file_sha256(path) != part["sha256"]:
                return f"work cache: {table} part fails its checksum"
        return None

    def keys(self) -> set[str]:
        """Every shard with a manifest or a part in the cache."""
        found = {p.stem for p in (self.root / MANIFESTS).glob("*.json")}
        for shard_dir in self.root.glob("*/shard=*"):
            found.add(shard_dir.name.split("=", 1)[1])
        return found

    def prune(self, keep: set[str]) -> list[str]:
        """Remove the shards not in `keep` (files gone from the input folder, shards split)."""
        gone = sorted(self.keys() - keep)
        for key in gone:
            self.invalidate(key)
            for shard_dir in self.root.glob(f"*/shard={key}"):
                shutil.rmtree(shard_dir, ignore_errors=True)
        return gone

    def parts(self, table: str, keys: list[str]) -> list[Path]:
        return [self.part_path(table, key) for key in keys]
