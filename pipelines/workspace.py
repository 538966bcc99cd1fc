"""The work folder of per-source tables (one Parquet file per table and source) and the
manifest that says from which bytes and code each was built."""

import json
from pathlib import Path
from typing import Any

import pyarrow as pa

from .parquet_io import read_parquet, write_parquet


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = root

    def table_path(self, table: str, file_name: str) -> Path:
        return self.root / table / f"{file_name}.parquet"

    def manifest_path(self, file_name: str) -> Path:
        return self.root / "_manifest" / f"{file_name}.json"

    def write(self, file_name: str, tables: dict[str, pa.Table], manifest: dict[str, Any]) -> None:
        # the manifest goes last: a source counts as built only when all its tables are
        self.manifest_path(file_name).unlink(missing_ok=True)
        for table, data in tables.items():
            write_parquet(data, self.table_path(table, file_name))
        path = self.manifest_path(file_name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, sort_keys=True, indent=1), encoding="utf-8")

    def manifest(self, file_name: str) -> dict[str, Any] | None:
        path = self.manifest_path(file_name)
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8"))

    def is_current(self, file_name: str, sha256: str, fingerprint: str) -> bool:
        m = self.manifest(file_name)
        return bool(m) and m.get("sha256") == sha256 and m.get("code") == fingerprint

    def gather(self, table: str, file_names: list[str]) -> list[pa.Table]:
        missing = [f for f in file_names if self.manifest(f) is None]
        if missing:
            raise FileNotFoundError(
                f"sources not yet processed (materialise their per_source partitions first): {missing}"
            )
        return [read_parquet(self.table_path(table, f)) for f in file_names]
