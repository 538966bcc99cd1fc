"""What the published files say about the dataset itself: its version, licences and how to
cite it, read from the repository's `pyproject.toml`, `CITATION.cff`, `DATA_LICENSE.md` and
`CHANGELOG.md`, so that each is written once."""

import re
import tomllib
from functools import cache
from typing import Any


from ..code_version import shard_code
from ..paths import REPO_ROOT
from ..schema import SCHEMA_VERSION
from ..yaml_text import safe_load

DATA_LICENSE_FILE = "DATA_LICENSE.md"
#: Licence of what the project made (structure, annotations); the texts keep their own.
ANNOTATIONS_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (the project's structure and annotations)",
}
TEXTS_LICENCE = {
    "name": "other",
    "path": DATA_LICENSE_FILE,
    "title": "The texts: the rights of their authors and publishers, per source (sources.licence)",
}
PRETTY_NAME = "policy-corpus: Chinese party and government documents"
HOMEPAGE_NOTE = "Built by the policy-corpus pipeline (Dagster); code under MIT."


@cache
def dataset_version() -> str:
    """The dataset's (and code's) version, from pyproject.toml."""
    with open(REPO_ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def build_info(facts_tagger: str = "") -> dict[str, str]:
    """Versions stamped into every published file (deterministic: no dates, no git state); the
    fingerprint names the optional facts tagger when the build ran it (`+tagger=lac`)."""
    return {
        "version": dataset_version(),
        "schema_version": SCHEMA_VERSION,
        "code_fingerprint": shard_code(facts_tagger),
    }


@cache
def citation() -> dict[str, Any]:
    return safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def bibtex() -> str:
    """A BibTeX entry built from CITATION.cff."""
    cff = citation()
    authors = " and ".join(
        a.get("name") or f"{a.get('family-names', '')}, {a.get('given-names', '')}"
        for a in cff["authors"]
    )
    year = str(cff.get("date-released", ""))[:4]
    return "\n".join(
        [
            "@misc{policy_corpus,",
            f"  title = {{{cff['title']}}},",
            f"  author = {{{authors}}},",
            f"  year = {{{year}}},",
            f"  version = {{{cff['version']}}},",
            f"  note = {{Dataset. Licence: {cff['license']} (annotations); texts per source}}",
            "}",
        ]
    )


def data_licence_text() -> str:
    return (REPO_ROOT / DATA_LICENSE_FILE).read_text(encoding="utf-8")


def changelog_entry(version: str | None = None) -> str:
    """The CHANGELOG.md section of a version (the current one by default), without heading."""
    text = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    version = version or dataset_version()
    match = re.search(rf"^## {re.escape(version)}\b.*?$(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1).strip() if match else ""
