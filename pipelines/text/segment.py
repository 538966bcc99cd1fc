"""Word segmentation and POS tags with jieba 0.42.1, set up once per process for this genre.

Why a wrapper rather than `jieba.lcut`:

- **Domain dictionary first.** `data/domain_dict.txt` (jieba user-dict format `word freq pos`:
  political formulas `nz`, institutions `nt`, people `nr`, Zhejiang places `ns`) is loaded
  right after the tokenizer is created, before any text is cut. Frequencies of words jieba
  already knows are never lowered. If the place list `data/places.txt` (owned by the fact
  extractors, one name a line) exists, its names are added as `ns` too, but only names jieba
  does not know yet (so a common word that is also a place keeps its ordinary reading).
- **Cache inside the project.** jieba writes its prefix-dictionary cache to the system temp
  dir by default; here it goes to `CACHE_DIR/jieba`.
- **〇 stays inside words.** jieba's Han regex stops at 〇 (U+3007), so `二〇三五年` became
  `二/〇/三五年` even with the word in the dictionary. The regexes of `jieba` and `jieba.posseg`
  are widened (module globals: this only widens, it changes nothing for text without those
  characters), and years written in Chinese numerals (一九四九年–二一〇〇年) are added as `t`.
- **HMM off.** Measured on the seeds and the corpus (~320k chars, 2 cores): posseg without
  HMM ~370k chars/s, with HMM ~86k chars/s. HMM also invents junk words in this genre
  (`其过`, `为勇`, `率下`); its only gain is unknown person names, which come out as
  single characters without it. The `hmm` argument turns it back on.
- **Whitespace tokens are dropped.** Whitespace in Chinese text is layout, not a word, so
  `"".join(tokens)` equals the text with all whitespace removed (nothing else is lost).
- **Two engines, one result.** jieba is the reference. On the hot path the same cut runs in
  jieba-rs (`segment_rjieba`: the Python tokenizer's dictionary copied into it, ~20x faster);
  text it cannot cut identically (with `〇`) goes to jieba. `POLICY_CORPUS_SEGMENTER=jieba`
  (or `engine="jieba"`) turns jieba-rs off; HMM on always uses jieba.
- **Deterministic.** One private `jieba.Tokenizer` (not the global `jieba.dt`, which other
  code may have configured differently) with a fixed dictionary; jieba itself is
  deterministic for a fixed dictionary.
"""

import contextlib
import importlib.util
import logging
import os
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import jieba
import jieba.posseg

from pipelines.paths import CACHE_DIR

if TYPE_CHECKING:
    from .segment_rjieba import MirroredCutter

DATA_DIR = Path(__file__).resolve().parent / "data"
DOMAIN_DICT = DATA_DIR / "domain_dict.txt"
PLACES = DATA_DIR / "places.txt"

_EXTRA_HAN = "\u3007\u3400-\u4dbf\u9fd6-\u9fff"
_widen_lock = threading.Lock()
_DIGITS = "〇一二三四五六七八九"


def _widen_regexes() -> None:
    """Let jieba's word regexes accept 〇 and CJK extension A / late-URO characters."""
    with _widen_lock:
        if _EXTRA_HAN in jieba.re_han_default.pattern:
            return
        jieba.re_han_default = re.compile(
            f"([\u4e00-\u9fd5{_EXTRA_HAN}a-zA-Z0-9+#&\\._%\\-]+)", re.U
        )
        jieba.re_han_cut_all = re.compile(f"([\u4e00-\u9fd5{_EXTRA_HAN}]+)", re.U)
        jieba.posseg.re_han_internal = re.compile(f"([\u4e00-\u9fd5{_EXTRA_HAN}a-zA-Z0-9+#&\\._]+)")


def chinese_numeral_years(first: int = 1949, last: int = 2100) -> list[str]:
    """Years as printed digit by digit in Chinese numerals: 二〇三五年."""
    return ["".join(_DIGITS[int(d)] for d in str(y)) + "年" for y in range(first, last + 1)]


def read_places(path: Path = PLACES) -> list[str]:
    """Names from the extractors' place list (skip blanks, comments, names with spaces)."""
    if not path.is_file():
        return []
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if not name or name.startswith("#") or len(name) < 2 or any(c.isspace() for c in name):
            continue
        names.append(name)
    return names


_ASCII_NUMBER = re.compile(r"[0-9]+")
#: Environment variable choosing the engine: `jieba` or `rjieba`.
ENGINE_VARIABLE = "POLICY_CORPUS_SEGMENTER"
ENGINES = ("jieba", "rjieba")


def default_engine() -> str:
    """`POLICY_CORPUS_SEGMENTER` if set, else rjieba when it is installed, else jieba."""
    chosen = os.environ.get(ENGINE_VARIABLE, "").strip().lower()
    if chosen:
        if chosen not in ENGINES:
            raise ValueError(f"{ENGINE_VARIABLE}={chosen!r}: expected one of {ENGINES}")
        return chosen
    return "rjieba" if importlib.util.find_spec("rjieba") else "jieba"


def _merge_numbers(tokens: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
    """jieba without HMM cuts `3.5` into `3/./5` and tags digits `eng`: rejoin decimals
    (`3.5`, `1.25`) and tag ASCII numbers `m`."""
    out_t: list[str] = []
    out_p: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok, tag = tokens[i], tags[i]
        if _ASCII_NUMBER.fullmatch(tok):
            tag = "m"
            if (
                i + 2 < n
                and tokens[i + 1] in (".", "．")
                and _ASCII_NUMBER.fullmatch(tokens[i + 2])
            ):
                tok += tokens[i + 1] + tokens[i + 2]
                i += 2
        out_t.append(tok)
        out_p.append(tag)
        i += 1
    return out_t, out_p


class Segmenter:
    """A configured jieba tokenizer (one per process: building one costs ~1 s)."""

    def __init__(
        self,
        *,
        hmm: bool = False,
        cache_dir: Path | None = None,
        domain_dict: Path = DOMAIN_DICT,
        places: Path = PLACES,
        engine: str | None = None,
    ) -> None:
        _widen_regexes()
        jieba.setLogLevel(logging.WARNING)
        self.hmm = hmm
        tokenizer = jieba.Tokenizer()
        cache = (cache_dir or CACHE_DIR) / "jieba"
        with contextlib.suppress(OSError):  # jieba then only fails to write its cache (logged)
            cache.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(cache)
        tokenizer.load_userdict(str(domain_dict))  # first thing: initialises, then adds
        self.places = [p for p in read_places(places) if not tokenizer.FREQ.get(p)]
        for name in self.places:
            tokenizer.add_word(name, tag="ns")
        for year in chinese_numeral_years():
            if not tokenizer.FREQ.get(year):
                tokenizer.add_word(year, freq=3000, tag="t")
        self.tokenizer = tokenizer
        self.postokenizer = jieba.posseg.POSTokenizer(tokenizer)
        self._lock = threading.Lock()
        self.engine = engine or default_engine()
        if self.engine not in ENGINES:
            raise ValueError(f"engine {self.engine!r}: expected one of {ENGINES}")
        self._fast = self._mirror() if self.engine == "rjieba" and not hmm else None

    def _mirror(self) -> "MirroredCutter":
        from .segment_rjieba import mirror_of

        self.postokenizer.makesure_userdict_loaded()  # merge the user tags before copying
        return mirror_of(self.tokenizer, self.postokenizer.word_tag_tab)

    def cut(self, text: str) -> tuple[list[str], list[str]]:
        """Tokens and their POS tags (parallel lists), whitespace tokens dropped."""
        if not text:
            return [], []
        if self._fast is not None and not self._fast.needs_reference(text):
            pairs = self._fast.tag(text)
        else:
            with self._lock:  # POSTokenizer merges user tags lazily: not thread-safe at first
                pairs = [(p.word, p.flag) for p in self.postokenizer.lcut(text, HMM=self.hmm)]
        kept = [pair for pair in pairs if pair[0].strip()]
        tokens = [word for word, _ in kept]
        tags = [tag for _, tag in kept]
        if _ASCII_NUMBER.search(text) is None:
            return tokens, tags  # no ASCII digit: nothing to merge or retag
        return _merge_numbers(tokens, tags)

    def tokens(self, text: str) -> list[str]:
        """Plain segmentation (no POS), whitespace tokens dropped; faster than `cut`."""
        if not text:
            return []
        if self._fast is not None and not self._fast.needs_reference(text):
            cut = self._fast.cut(text)
        else:
            cut = self.tokenizer.lcut(text, HMM=self.hmm)
        words = [w for w in cut if w.strip()]
        return _merge_numbers(words, [""] * len(words))[0]

    def has_word(self, word: str) -> bool:
        """Whether the word is in the loaded dictionary (main + domain + places + years)."""
        return bool(self.tokenizer.FREQ.get(word))

    def frequency(self, word: str) -> int:
        """The word's count in the loaded dictionary, 0 when it is none (雷锋 232, 宝贵 1041):
        the fact rules tell a rare name from a common word tagged `nr` by it."""
        return self.tokenizer.FREQ.get(word) or 0


@lru_cache(maxsize=1)
def get_segmenter() -> Segmenter:
    """The process-wide segmenter (built on first use)."""
    return Segmenter()
