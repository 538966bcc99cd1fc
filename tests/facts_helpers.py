"""One helper shared by the fact tests that are grouped by concept."""

from pipelines.text.facts import extract_facts


def texts(text: str, type_: str, year: int | None = 2020) -> list[str]:
    """The printed text of every fact of one type that the extractors find in `text`."""
    return [f.text for f in extract_facts(text, doc_year=year) if f.type == type_]
