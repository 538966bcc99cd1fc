"""jieba wrapper: domain words stay whole, nothing but whitespace is lost, the cache stays in
the project, the dictionary file is well formed."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.paths import CACHE_DIR
from pipelines.text.segment import (
    DOMAIN_DICT,
    Segmenter,
    chinese_numeral_years,
    get_segmenter,
    read_places,
)


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return get_segmenter()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("持续推动“八八战略”走深走实。", "八八战略"),
        ("高质量发展建设共同富裕示范区。", "共同富裕示范区"),
        ("中共绍兴市委关于加强党的领导的通知", "中共绍兴市委"),
        ("柯桥区、越城区、上虞区党委", "柯桥区"),
        ("实现“十四五”规划和二〇三五年远景目标", "二〇三五年"),
        ("二〇二〇年七月十七日印发", "二〇二〇年"),
        ("增强“四个意识”、坚定“四个自信”、做到“两个维护”", "两个维护"),
        ("深化“最多跑一次”改革", "最多跑一次"),
        ("下面，我代表市委常委会，向全会报告工作。", "市委常委会"),
        ("诸暨市、嵊州市、新昌县", "嵊州市"),
    ],
)
def test_domain_words_stay_whole(seg: Segmenter, text: str, word: str) -> None:
    tokens, pos = seg.cut(text)
    assert word in tokens, tokens
    assert word in seg.tokens(text)
    assert len(tokens) == len(pos)


def test_pos_tags_of_domain_words(seg: Segmenter) -> None:
    tokens, pos = seg.cut("中共绍兴市委在柯桥区部署八八战略，展望二〇三五年。")
    tags = dict(zip(tokens, pos, strict=True))
    assert tags["中共绍兴市委"] == "nt"
    assert tags["柯桥区"] == "ns"
    assert tags["八八战略"] == "nz"
    assert tags["二〇三五年"] == "t"


def test_whitespace_dropped_and_nothing_else(seg: Segmenter) -> None:
    text = "马卫光 同志在\u3000市委八届八次全体会议上讲话。\nMr. Li 说：增长3.5%！"
    tokens, pos = seg.cut(text)
    assert "".join(tokens) == re.sub(r"\s", "", text)
    assert all(t.strip() == t and t for t in tokens)
    assert "3.5" in tokens and pos[tokens.index("3.5")] == "m"
    assert seg.tokens(text) == tokens


def test_deterministic_and_singleton(seg: Segmenter) -> None:
    text = "坚持和完善党的全面领导，推进全面从严治党，建设清廉浙江。"
    assert seg.cut(text) == seg.cut(text)
    assert get_segmenter() is seg


def test_empty(seg: Segmenter) -> None:
    assert seg.cut("") == ([], [])
    assert seg.tokens(" \n ") == []


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        st.sampled_from(list("党的领导二〇三五年八八战略柯桥区。，“”（） \n3.5abc%")), max_size=60
    )
)
def test_property_concatenation(text: str) -> None:
    tokens, pos = get_segmenter().cut(text)
    assert len(tokens) == len(pos)
    assert "".join(tokens) == "".join(ch for ch in text if not ch.isspace())


def test_cache_inside_project_cache_dir(seg: Segmenter) -> None:
    cache = Path(seg.tokenizer.tmp_dir)
    assert cache.resolve().is_relative_to(CACHE_DIR.resolve())


def test_places_file_is_loaded_as_ns(tmp_path: Path) -> None:
    places = tmp_path / "places.txt"
    places.write_text("# comment\n稽东镇\n\n王坛镇\n浙江\n有 空格\n", encoding="utf-8")
    assert read_places(places) == ["稽东镇", "王坛镇", "浙江"]
    seg = Segmenter(places=places)
    assert seg.places == ["稽东镇", "王坛镇"]  # 浙江 is known already: left as jieba has it
    tokens, pos = seg.cut("柯桥区稽东镇和王坛镇")
    assert ("稽东镇", "ns") in zip(tokens, pos, strict=True)
    assert ("王坛镇", "ns") in zip(tokens, pos, strict=True)
    assert read_places(tmp_path / "missing.txt") == []


def test_chinese_numeral_years() -> None:
    years = chinese_numeral_years()
    assert "二〇三五年" in years and "一九四九年" in years and len(years) == len(set(years))


def test_domain_dictionary_file() -> None:
    lines = DOMAIN_DICT.read_text(encoding="utf-8").splitlines()
    words = []
    for line in lines:
        assert re.fullmatch(r"\S+ [1-9][0-9]* [a-z]+", line), line
        words.append(line.split()[0])
    assert len(words) == len(set(words)), "duplicate entries"
    required = {
        "八八战略", "四个意识", "四个自信", "两个维护", "两个确立", "最多跑一次",
        "共同富裕示范区", "重要窗口", "六稳", "六保", "十四五", "全面从严治党",
        "中共绍兴市委", "市委常委会", "省委", "省政府", "纪委监委", "人大常委会",
        "柯桥区", "越城区", "上虞区", "诸暨市", "嵊州市", "新昌县", "二〇三五年",
    }  # fmt: skip
    assert required <= set(words)
    cities = {"杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市",
              "金华市", "衢州市", "舟山市", "台州市", "丽水市"}  # fmt: skip
    assert cities <= set(words)
