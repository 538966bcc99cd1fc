"""Photo credits and captions glued to a paragraph's last line."""

from pipelines.text.layout import check_conservation, recover_layout
from pipelines.text.model import Line


def _lines(text: str) -> list[Line]:
    return [Line(i, t.rstrip()) for i, t in enumerate(text.split("\n"), 1)]


_COL = [
    "主题教育开展以来全市上下紧扣",
    "总要求，深入开展调查研究活动，",
    "推动各项工作取得了明显的成效，",
]


def test_a_photo_credit_at_the_end_of_a_paragraph_is_a_caption_of_its_line() -> None:
    text = (
        "“小红车”是公共交通工具，每天对车把、车凳进行消\n\n毒，确保市民安全出行。 记者张某某 摄\n"
    )
    blocks = recover_layout(_lines(text))
    assert [(b.kind, b.text) for b in blocks] == [
        ("body", "“小红车”是公共交通工具，每天对车把、车凳进行消毒，确保市民安全出行。"),
        ("caption", "记者张某某 摄"),
    ]
    assert blocks[1].lines == (3,) and blocks[0].line_end == 3
    assert check_conservation(_lines(text), blocks) == []


def test_a_bold_caption_read_twice_after_the_last_sentence_is_split_off() -> None:
    line = "低于18%。某某市某某中心认知障碍照护专区怀旧室某某市某某中心认知障碍照护专区怀旧室"
    lines = _lines("\n".join([*_COL, line]))
    blocks = recover_layout(lines)
    assert [b.text for b in blocks if b.kind == "caption"] == [
        "某某市某某中心认知障碍照护专区怀旧室"
    ]
    assert [b.removed_kind for b in blocks if b.removed] == ["duplicate"]
    assert any(b.kind == "body" and b.text.endswith("低于18%。") for b in blocks)
    assert check_conservation(lines, blocks) == []
