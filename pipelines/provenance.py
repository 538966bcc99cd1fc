"""Where each input file comes from: the provenance sidecar `<input folder>/sources.yaml`.

The input files are text extracted from printed pages, named by hash; nothing in a file says
which publication, issue or date it was printed in, under which licence, or how its text was
extracted. The user who adds a file says so in the sidecar, one entry per file name:

    004_a0cbd14df70c814b.txt:
      publication: 今日浙江
      issue: unknown
      published: 2024-01            # ISO 8601 at the precision printed: 2024, 2024-01, 2024-01-23
      url: unknown                  # a URL, or isbn:978-…
      licence: © the publisher and the authors (bylined journalism)
      extraction: text layer of the printed issue; narrow columns, one line per printed line
      note: optional free text

Every entry gives the six keys, `unknown` where the user does not know (so that a blank is a
statement, not an oversight); `unknown` becomes null in the `sources` table. A missing sidecar,
or a file without an entry, is no error: the build warns and publishes the file with null
provenance. A malformed sidecar is an error naming the file and the key.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .yaml_text import safe_load

SIDECAR_NAME = "sources.yaml"

#: The provenance columns of `sources` (DESIGN.md, contract v2), in schema order.
PROVENANCE_COLUMNS = ("publication", "issue", "published", "url", "licence", "extraction")
#: Keys an entry may carry besides the columns (shown in the card, not published as columns).
OPTIONAL_KEYS = ("note",)
UNKNOWN = "unknown"

_ISO_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_URL = re.compile(r"(https?://\S+|isbn:[0-9Xx-]{10,17})")


class ProvenanceError(ValueError):
    """A malformed sidecar; the message names the file and the key."""


@dataclass(frozen=True)
class Provenance:
    """Where one input file comes from; None where the sidecar says `unknown`."""

    publication: str | None
    issue: str | None
    published: str | None
    url: str | None
    licence: str | None
    extraction: str | None
    note: str | None = None

    def columns(self) -> dict[str, str | None]:
        """The values of the provenance columns of the file's `sources` row."""
        return {name: getattr(self, name) for name in PROVENANCE_COLUMNS}


def provenance_columns(entry: Provenance | None) -> dict[str, str | None]:
    """The provenance columns for a file: its entry's values, or nulls without an entry."""
    return entry.columns() if entry else dict.fromkeys(PROVENANCE_COLUMNS)


def load_provenance(input_dir: Path) -> dict[str, Provenance]:
    """The sidecar of an input folder, by file name; empty when the folder has none."""
    path = Path(input_dir) / SIDECAR_NAME
    return read_sidecar(path) if path.exists() else {}


def read_sidecar(path: Path) -> dict[str, Provenance]:
    """Parse and check a sidecar file. Raises ProvenanceError naming the file and key."""
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ProvenanceError(f"{path}: not readable as YAML ({exc})") from exc
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ProvenanceError(f"{path}: expected a mapping of file names to entries")
    return {str(name): _entry(path, str(name), value) for name, value in raw.items()}


def _entry(path: Path, name: str, value: Any) -> Provenance:
    if not isinstance(value, Mapping):
        raise ProvenanceError(f"{path}: {name}: expected a mapping of provenance keys")
    unknown = sorted(set(map(str, value)) - set(PROVENANCE_COLUMNS) - set(OPTIONAL_KEYS))
    if unknown:
        raise ProvenanceError(
            f"{path}: {name}: unknown key {unknown[0]!r} "
            f"(keys: {', '.join(PROVENANCE_COLUMNS + OPTIONAL_KEYS)})"
        )
    values: dict[str, str | None] = {}
    for key in PROVENANCE_COLUMNS + OPTIONAL_KEYS:
        if key not in value:
            if key in OPTIONAL_KEYS:
                values[key] = None
                continue
            raise ProvenanceError(f"{path}: {name}: missing key {key!r} (write `{UNKNOWN}`)")
        values[key] = _value(path, name, key, value[key])
    return Provenance(**values)


def _value(path: Path, name: str, key: str, raw: Any) -> str | None:
    # YAML reads an unquoted 2024-01-23 as a date and 2024 as an int: take them as printed
    text = raw.isoformat() if hasattr(raw, "isoformat") else raw
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str) or not text.strip():
        raise ProvenanceError(f"{path}: {name}: {key} must be text (or `{UNKNOWN}`)")
    text = text.strip()
    if text.lower() == UNKNOWN:
        return None
    if key == "published" and not _ISO_DATE.fullmatch(text):
        raise ProvenanceError(
            f"{path}: {name}: published {text!r} is no ISO 8601 date (2024, 2024-01 or 2024-01-23)"
        )
    if key == "url" and not _URL.fullmatch(text):
        raise ProvenanceError(f"{path}: {name}: url {text!r} is neither http(s):// nor isbn:…")
    return text


def files_without_provenance(provenance: Mapping[str, Any], file_names: Iterable[str]) -> list[str]:
    """The input files the sidecar has no entry for (a WARN: they publish with nulls)."""
    return sorted(name for name in file_names if name not in provenance)


def unknown_file_names(provenance: Mapping[str, Any], file_names: Iterable[str]) -> list[str]:
    """Sidecar entries that name no input file (a typo, or a file since removed)."""
    return sorted(set(provenance) - set(file_names))
