"""The input folder as the build sees it: which entries are sources, which are skipped and why.

Nothing is skipped silently. Only regular `*.txt` files at the top of the folder are sources;
a subfolder, another suffix, a dangling symlink or a symlink loop is skipped with a reason the
build prints. A second path to the same bytes (a symlink to a source, or a byte-identical
copy) is a duplicate input: it is listed (rejected, naming the file it repeats) but never
ingested twice, so its documents do not appear twice in the dataset.

File names are whatever bytes the file system holds: a GBK name from a Chinese Windows archive
is not valid UTF-8 and comes back from the OS with surrogate escapes. `display_name` gives a
readable form (decoded as GB18030 when that fits, else with `\\xNN` escapes) and `raw_name`
the bytes in hex, so the name is never lost and never breaks a UTF-8 writer.
"""

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Files of the input folder that are sources (others, like README or SOURCES.md, are not).
SOURCE_SUFFIXES = (".txt",)
#: The provenance sidecar of an input folder is read by the build, not ingested.
SIDECARS = ("sources.yaml",)


@dataclass(frozen=True)
class InputFile:
    """A source file of the input folder."""

    name: str  # as the OS gives it (surrogate escapes for undecodable bytes)
    path: Path
    size: int
    sha256: str | None  # None when the file could not be read
    read_error: str | None = None
    duplicate_of: str | None = None  # the name of the earlier file with the same bytes

    @property
    def display_name(self) -> str:
        return display_name(self.name)

    @property
    def raw_name(self) -> str | None:
        return raw_name(self.name)


@dataclass
class InputScan:
    files: list[InputFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (display name, reason)


def display_name(name: str) -> str:
    """A readable, valid-Unicode form of a file name.

    >>> display_name(os.fsdecode("通知.txt".encode("gbk")))
    '通知.txt'
    """
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace")


def raw_name(name: str) -> str | None:
    """The file name's bytes in hex when they are not valid UTF-8 (else None)."""
    raw = os.fsencode(name)
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError:
        return raw.hex()


def scan_inputs(folder: Path, hash_cache: Path | None = None, *, hashed: bool = True) -> InputScan:
    """The sources of `folder` (sorted by name) and every other entry with its reason.

    Every source is hashed (to find duplicates and changed files); with `hash_cache`, a
    file whose size and modification time are unchanged reuses its recorded SHA-256, so a
    rebuild of ten thousand unchanged files reads none of them. `hashed=False` only lists
    the sources with their sizes (all the shard plan needs)."""
    if not folder.is_dir():
        raise FileNotFoundError(f"input folder {folder} does not exist or is not a folder")
    cache = _HashCache(hash_cache)
    scan = InputScan()
    seen: dict[tuple[int, int], str] = {}  # (device, inode) -> name: symlinks to one file
    by_hash: dict[str, str] = {}
    for entry in sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name)):
        name = entry.name
        reason = _skip_reason(entry)
        if reason:
            scan.skipped.append((display_name(name), reason))
            continue
        path = Path(entry.path)
        st = path.stat()
        if not hashed:
            scan.files.append(InputFile(name, path, st.st_size, None))
            continue
        source = cache.get(name, path, st) or _read(name, path, st.st_size)
        cache.put(name, st, source)
        same_inode = seen.get((st.st_dev, st.st_ino))
        same_bytes = by_hash.get(source.sha256) if source.sha256 else None
        original = same_inode or same_bytes
        if original is not None:
            source = InputFile(name, path, st.st_size, source.sha256, duplicate_of=original)
        else:
            seen[(st.st_dev, st.st_ino)] = name
            if source.sha256:
                by_hash[source.sha256] = name
        scan.files.append(source)
    cache.save()
    return scan


class _HashCache:
    """SHA-256 of input files by (name, size, mtime_ns), kept in the work folder."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.old: dict[str, list[Any]] = {}
        self.new: dict[str, list[Any]] = {}
        if path is not None and path.is_file():
            try:
                self.old = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                self.old = {}

    def get(self, name: str, path: Path, st: os.stat_result) -> "InputFile | None":
        entry = self.old.get(os.fsencode(name).hex())
        if entry and entry[0] == st.st_size and entry[1] == st.st_mtime_ns:
            return InputFile(name, path, st.st_size, entry[2])
        return None

    def put(self, name: str, st: os.stat_result, source: "InputFile") -> None:
        if source.sha256:
            self.new[os.fsencode(name).hex()] = [st.st_size, st.st_mtime_ns, source.sha256]

    def save(self) -> None:
        if self.path is None or self.new == self.old:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.new, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)


def _skip_reason(entry: os.DirEntry) -> str | None:
    name = entry.name
    if name.startswith("."):
        return "hidden file"
    if name in SIDECARS:
        return "provenance sidecar (read, not ingested)"
    try:
        target = os.stat(entry.path)  # follows symlinks
    except FileNotFoundError:
        return "dangling symlink" if entry.is_symlink() else "vanished while scanning"
    except OSError as exc:  # ELOOP: a symlink loop; EACCES on the path
        return f"cannot follow ({exc.strerror or exc})"
    if stat.S_ISDIR(target.st_mode):
        return "subfolder (only the files at the top of the input folder are sources)"
    if not stat.S_ISREG(target.st_mode):
        return "not a regular file"
    if not name.lower().endswith(SOURCE_SUFFIXES):
        return f"not a source file (sources end in {', '.join(SOURCE_SUFFIXES)})"
    return None


def _read(name: str, path: Path, size: int) -> InputFile:
    """Hash the file; an unreadable one is kept with its error (it will be rejected)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        return InputFile(name, path, size, None, read_error=f"cannot be read ({exc.strerror})")
    return InputFile(name, path, size, digest.hexdigest())
