"""Traditional vs simplified characters: the printed text is kept as is; a simplified form
is offered beside it (OpenCC `t2s`) for search and counting across both scripts."""

from functools import cache


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified_form(text: str) -> str | None:
    """The simplified form of text, or None when it is already simplified."""
    converted = _converter().convert(text)
    return converted if converted != text else None
