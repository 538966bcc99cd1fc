"""`checksums.sha256`: the SHA-256 of every file of a published dataset, in the format of
`sha256sum` (so `cd outputs && sha256sum -c checksums.sha256` checks it without this project).
Written into the staged dataset last, published with it, read by `make verify`."""

from pathlib import Path

from .parquet import file_sha256

NAME = "checksums.sha256"
#: Entries of a dataset folder that are not published files.
_NOT_PUBLISHED = {".lock", ".work", ".staging", ".previous", ".dagster", "_links", NAME}


def published_files(folder: Path) -> list[Path]:
    """Every published file below `folder` (relative paths, sorted)."""
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if rel.parts[0] in _NOT_PUBLISHED or rel.name.startswith(".") or not path.is_file():
            continue
        out.append(rel)
    return out


def write_checksums(folder: Path) -> Path:
    lines = [f"{file_sha256(folder / rel)}  {rel.as_posix()}" for rel in published_files(folder)]
    path = folder / NAME
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_checksums(folder: Path) -> dict[str, str]:
    """Relative path -> recorded SHA-256."""
    out = {}
    for line in (folder / NAME).read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, rel = line.split("  ", 1)
            out[rel] = digest
    return out


def check_files(folder: Path) -> list[tuple[str, str]]:
    """(file, problem) for every published file that is missing, changed or not listed."""
    if not (folder / NAME).is_file():
        return [(NAME, "missing: the dataset has no checksums to verify against")]
    recorded = read_checksums(folder)
    problems = []
    for rel, digest in sorted(recorded.items()):
        path = folder / rel
        if not path.is_file():
            problems.append((rel, "missing"))
        elif file_sha256(path) != digest:
            problems.append(
                (rel, f"changed (SHA-256 differs from {NAME}; {path.stat().st_size} bytes)")
            )
    for rel in published_files(folder):
        if rel.as_posix() not in recorded:
            problems.append((rel.as_posix(), f"not listed in {NAME}"))
    return problems
