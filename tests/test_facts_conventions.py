"""The fact fixtures keep one decision per string (pipelines.evaluation.conventions)."""

from pipelines.evaluation.conventions import (
    bare_occurrences,
    enclosed,
    find_conflicts,
    load_accepted,
    open_conflicts,
)


def test_bare_occurrence_is_a_word_outside_every_mark() -> None:
    context = "在西安召开会议，西安人很高兴，《西安之歌》发布，西安市也参加。"
    spans = [("place", 1, 3)]
    found = bare_occurrences(context, "西安", spans)
    # the marked 西安, 西安人 (people), the title and 西安市 (one word) are not bare
    assert found == []
    assert bare_occurrences("他说西安很好", "西安", []) == [2]


def test_quoted_whole_text_counts_but_inside_a_title_does_not() -> None:
    assert enclosed("《论共同富裕》和“共同富裕”") == [(1, 6), (9, 13)]
    assert bare_occurrences("推进“共同富裕”", "共同富裕", []) == [3]
    assert bare_occurrences("推进《论共同富裕》", "共同富裕", []) == []


def test_no_open_conflict_between_fixtures() -> None:
    open_ = open_conflicts()
    assert not open_, "\n".join(c.line() for c in open_)


def test_every_accepted_conflict_still_exists() -> None:
    """An accepted entry whose conflict is gone (a fixture settled it) must leave the list."""
    found = {(c.kind, c.type, c.text) for c in find_conflicts()}
    stale = [key for key in load_accepted() if key not in found]
    assert not stale, stale
