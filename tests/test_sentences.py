"""Sentence splitting: hand-written cases for each rule, invariants on random text and on
every line of the seeds and the corpus."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.text.normalize import decode_bytes
from pipelines.text.sentences import LONG_QUOTE, split_sentences


def sentences(text: str, **kwargs: bool) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, **kwargs)]


def check_invariants(text: str, spans: list[tuple[int, int]]) -> None:
    """In range, ordered, non-overlapping, non-empty, stripped, covering all non-whitespace."""
    covered = [False] * len(text)
    last_end = 0
    for start, end in spans:
        assert 0 <= last_end <= start < end <= len(text), (text, spans)
        assert not text[start].isspace() and not text[end - 1].isspace(), (text, spans)
        for k in range(start, end):
            covered[k] = True
        last_end = end
    for k, ch in enumerate(text):
        assert covered[k] or ch.isspace(), (text, spans, k)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "坚持党的领导。加强党的建设！你准备好了吗？",
            ["坚持党的领导。", "加强党的建设！", "你准备好了吗？"],
        ),
        # closing quote/bracket after the end mark belongs to the sentence
        ("他说：“我们要坚持。”然后离开了。", ["他说：“我们要坚持。”", "然后离开了。"]),
        ("（这是为什么？）接下来讨论。", ["（这是为什么？）", "接下来讨论。"]),
        ("“A计划”行吗？”他问。", ["“A计划”行吗？”", "他问。"]),
        # a short quotation that continues after an inner 。 stays whole
        (
            "牢记“疫情就是命令。防控就是责任。”全力以赴。",
            ["牢记“疫情就是命令。防控就是责任。”", "全力以赴。"],
        ),
        ("要求“一确保两争取”。落实到位。", ["要求“一确保两争取”。", "落实到位。"]),
        # book titles never split, even with ？ inside
        ("读了《为什么要改革？》一书。很好！", ["读了《为什么要改革？》一书。", "很好！"]),
        # ；enumerations stay in one sentence by default
        (
            "一是加强领导；二是压实责任；三是强化保障。下一步。",
            ["一是加强领导；二是压实责任；三是强化保障。", "下一步。"],
        ),
        # ellipsis: an end unless a comma-like mark follows
        (
            "抓项目、促投资……，成效明显。他沉默了……过了很久。",
            ["抓项目、促投资……，成效明显。", "他沉默了……", "过了很久。"],
        ),
        ("“要巩固成果……”他说。", ["“要巩固成果……”", "他说。"]),
        ("真的吗？！是的。", ["真的吗？！", "是的。"]),
        # Latin text: abbreviations, initials, decimals and numbering are no ends
        (
            "Mr. Li arrived. He said 3.5 percent rose. 然后呢？",
            ["Mr. Li arrived.", "He said 3.5 percent rose.", "然后呢？"],
        ),
        ("据U.S. News报道，增长3.5%。", ["据U.S. News报道，增长3.5%。"]),
        (
            "1．慎终如始抓好疫情防控。疫情发生后，市委召开会议。",
            ["1．慎终如始抓好疫情防控。", "疫情发生后，市委召开会议。"],
        ),
        (
            "51. 提高党领导的能力水平。以政治建设为统领。",
            ["51. 提高党领导的能力水平。", "以政治建设为统领。"],
        ),
        # whitespace: stripped, line breaks are hard boundaries
        ("  开头空白。 \n 第二行没有句号 ", ["开头空白。", "第二行没有句号"]),
        # a span needs content: punctuation alone is not split off
        ("。。。", ["。。。"]),
        ("……高举旗帜。", ["……高举旗帜。"]),
        ("工作。（市委办公室 提供）", ["工作。", "（市委办公室 提供）"]),
    ],
)
def test_hand_written(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    check_invariants(text, split_sentences(text))


def test_semicolon_option() -> None:
    text = "一是加强领导；二是压实责任；三是强化保障。"
    assert sentences(text, split_semicolon=True) == [
        "一是加强领导；",
        "二是压实责任；",
        "三是强化保障。",
    ]


def test_long_quotation_is_split_inside() -> None:
    inner = "我们要坚持不懈地推进这项工作。" * (LONG_QUOTE // 10)
    text = f"他指出：“{inner}”大家要牢记。"
    got = sentences(text)
    assert len(got) > 3
    assert got[0].startswith("他指出：“") and got[-2].endswith("。”") and got[-1] == "大家要牢记。"


def test_unbalanced_quote_does_not_swallow_the_paragraph() -> None:
    assert sentences("他说：“第一句。第二句。第三句。") == [
        "他说：“第一句。",
        "第二句。",
        "第三句。",
    ]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u3000"])
def test_empty_and_blank(text: str) -> None:
    assert split_sentences(text) == []


_ALPHABET = st.sampled_from(
    list("党的领导建设发展人民中国浙江绍兴〇一二三")
    + list("。！？；，、：……⋯.!?;,:．")
    + list("“”‘’「」『』（）()【】《》〈〉\"'")
    + list("abcXYZ0123 \u3000\n\t")
)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_property_invariants(text: str) -> None:
    spans = split_sentences(text)
    check_invariants(text, spans)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_property_any_unicode(text: str) -> None:
    check_invariants(text, split_sentences(text))


def _lines(path: Path) -> list[str]:
    text, _ = decode_bytes(path.read_bytes())
    return text.splitlines()


def test_every_seed_line(seeds_dir: Path) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    assert files
    count = 0
    for path in files:
        for line in _lines(path):
            spans = split_sentences(line)
            check_invariants(line, spans)
            count += len(spans)
        # the whole file as one text (line breaks are boundaries) also works
        text = "\n".join(_lines(path))
        check_invariants(text, split_sentences(text))
    assert count > 1000


def test_every_corpus_line(corpus_dir: Path) -> None:
    for path in sorted(corpus_dir.glob("*.txt")):
        for line in _lines(path):
            check_invariants(line, split_sentences(line))
