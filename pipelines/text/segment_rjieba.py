"""jieba's cut and POS tags, HMM off, reproduced with jieba-rs (`rjieba`): on the sentences
of the seeds and the test corpus, `Segmenter.cut` runs ~8x faster (0.18 s against 1.5 s).

jieba-rs runs jieba's algorithm (prefix DAG, max-probability route, ASCII runs grouped) in
Rust; what it cannot copy by itself is the state of our jieba tokenizer. So the Rust
tokenizer is built empty and filled from the Python one:

- **Same dictionary, same tags, same total.** Every word with a frequency in the reference
  `jieba.Tokenizer.FREQ` (main dictionary, domain dictionary, places, numeral years) is added
  with that frequency and the tag `jieba.posseg` would give it. jieba's total counts every
  `add_word` (a re-added word counts twice); jieba-rs counts the final frequencies: one
  balancing entry that no text can reach (it holds a space) makes the totals, hence the
  log-probabilities of every route, equal.
- **Same blocks.** jieba cuts each run of "Han" characters on its own. The classes differ:
  jieba-rs also counts `%`, `-` (posseg only), CJK compatibility ideographs (`豈`) and
  extensions B+ (`𠀀`) as Han, so text is split at those characters here first and each is a
  one-character token tagged `x`, as jieba makes it. jieba-rs does not count `〇` (U+3007) as
  Han, which our widened jieba does (`二〇三五年` is one word): such text is left to jieba
  (`needs_reference`).
- **Same tags for unknown words.** jieba tags `x` every character outside its dictionary
  and every character outside its Han class (punctuation); jieba-rs guesses a tag for an
  unknown CJK character with its POS HMM (`丽` -> `nr` on an empty dictionary): a single
  character that is not a dictionary word (nor an ASCII letter or digit) is tagged `x`. ASCII runs are `eng` in jieba and `eng`/`m` in jieba-rs; the segmenter
  tags ASCII numbers `m` afterwards in both cases.

`tests/test_segment_engines.py` proves the two engines equal on every sentence of the seeds
and of the test corpus, and on edge cases.
"""

import re
import string
from typing import Any

import rjieba

#: Characters jieba-rs cuts inside Han blocks but jieba.posseg (with our widened regex) does
#: not: split there, emit them alone. Whitespace and the rest are non-Han in both.
_POSSEG_SPLIT = re.compile("([%\\-\uf900-\ufaff\U00020000-\U0010ffff])")
#: The same for plain cuts (jieba's default regex has `%` and `-` too).
_PLAIN_SPLIT = re.compile("([\uf900-\ufaff\U00020000-\U0010ffff])")
#: Han for our jieba, not for jieba-rs.
_REFERENCE_ONLY = re.compile("[\u3007]")
_ASCII_WORD = re.compile("[A-Za-z0-9]+")
#: One character of a jieba.posseg Han block (our widened regex).
_POSSEG_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\u3007A-Za-z0-9+#&._]")
#: Holds a space, so no Han block ever contains it: it only adds to the total.
_BALANCE_WORD = "total balance"


class MirroredCutter:
    """A jieba-rs tokenizer holding exactly the state of a configured jieba tokenizer."""

    def __init__(self, freq: dict[str, int], total: int, word_tags: dict[str, str]) -> None:
        """`freq` and `total`: `jieba.Tokenizer.FREQ` and `.total`; `word_tags`: the tags of
        `jieba.posseg.POSTokenizer.word_tag_tab` (user tags merged)."""
        engine = rjieba.Jieba.empty()
        known_chars = set()
        added = 0
        ascii_words = False
        for word, count in freq.items():
            if not count:
                continue  # a prefix entry of jieba's, not a word
            engine.add_word(word, count, word_tags.get(word, "x"))
            added += count
            if len(word) == 1 and _POSSEG_HAN.match(word):
                known_chars.add(word)
            ascii_words = ascii_words or bool(_ASCII_WORD.fullmatch(word))
        if total < added:
            raise ValueError(f"jieba total {total} below the sum of its frequencies {added}")
        if total > added:
            engine.add_word(_BALANCE_WORD, total - added, "x")
        self.engine = engine
        # single characters whose jieba-rs tag is jieba's: dictionary words, ASCII letters/digits
        self.known_chars = frozenset(known_chars) | frozenset(string.ascii_letters + string.digits)
        # jieba tags a run of ASCII characters `eng` even where the run is a dictionary word;
        # jieba-rs would give the word's tag. The main dictionary has no such word.
        self._reference = re.compile("[\u3007A-Za-z0-9]") if ascii_words else _REFERENCE_ONLY

    def needs_reference(self, text: str) -> bool:
        """Whether this text must be cut by jieba itself (it holds `〇`)."""
        return self._reference.search(text) is not None

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, tag) pairs as `jieba.posseg.POSTokenizer.lcut(text, HMM=False)` gives them
        (whitespace included). Only for text where `needs_reference` is False."""
        if not _POSSEG_SPLIT.search(text):
            return self._tag_block(text)
        pairs: list[tuple[str, str]] = []
        for i, piece in enumerate(_POSSEG_SPLIT.split(text)):
            if i % 2:
                pairs.append((piece, "x"))
            elif piece:
                pairs.extend(self._tag_block(piece))
        return pairs

    def _tag_block(self, text: str) -> list[tuple[str, str]]:
        known = self.known_chars
        return [
            (word, tag if len(word) > 1 or word in known else "x")
            for word, tag in self.engine.tag(text, False)
        ]

    def cut(self, text: str) -> list[str]:
        """Words as `jieba.Tokenizer.lcut(text, HMM=False)` gives them (whitespace included).
        Only for text where `needs_reference` is False."""
        if not _PLAIN_SPLIT.search(text):
            return self.engine.cut(text, False)
        words: list[str] = []
        for i, piece in enumerate(_PLAIN_SPLIT.split(text)):
            if i % 2:
                words.append(piece)
            elif piece:
                words.extend(self.engine.cut(piece, False))
        return words


def mirror_of(tokenizer: Any, word_tags: dict[str, str]) -> MirroredCutter:
    """The jieba-rs copy of an initialised `jieba.Tokenizer` and its posseg tag table."""
    return MirroredCutter(tokenizer.FREQ, tokenizer.total, word_tags)
