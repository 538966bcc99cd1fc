"""A short place name read across two words (隆重|庆祝 holds 重庆, 加大|连续 holds 大连).

A two-character place is a string of two characters that also ends one word and starts the
next: the gazetteer scan, which knows no words, takes it. The place is no place when the
character before it and its first character form a common word and its last character and
the one after it form another (jieba's dictionary as the segmenter loads it, at least `MIN_FREQ` occurrences): 隆重庆祝
is 隆重 + 庆祝, not 隆 + 重庆 + 祝. 在重庆举行 (在重, 庆举: no words) keeps its place.
"""

from __future__ import annotations

#: How common both neighbouring words must be (jieba counts): rare entries are no evidence.
MIN_FREQ = 100


def straddled(folded: str, s: int, e: int) -> bool:
    """Whether the two-character place at s:e is read across two words of the sentence."""
    if e - s != 2 or s == 0 or e >= len(folded):
        return False
    from ..segment import get_segmenter

    frequency = get_segmenter().frequency  # the build's segmenter: no second dictionary
    before, after = folded[s - 1 : s + 1], folded[e - 1 : e + 1]
    return frequency(before) >= MIN_FREQ and frequency(after) >= MIN_FREQ
