"""Split a source's blocks into its real documents, and read each one's metadata.

A source file may hold one notice, a report and a speech, a newspaper page of articles,
or a whole magazine issue. The stage is the ordered tuple `DOCUMENT_PASSES` (see
`stage.py`): it reads the contents page and the source's labels, gives back bylines the
layout set aside, splits titles glued to paragraphs, finds where documents start
(`starts.START_RULES`), cuts them, and reads each one's metadata (title, subtitle,
byline, rubric, issuer, date, type). Every kept block lands in exactly one document, in
order; text before the first start is a document of its own.

Metadata comes from the document's own lines (title, subtitle, byline, signature,
dateline); a magazine's table of contents only confirms titles, authors and rubrics that
the article pages print themselves.
"""

from .stage import DOCUMENT_PASSES, Documents, run_documents, split_documents

__all__ = ["DOCUMENT_PASSES", "Documents", "run_documents", "split_documents"]
