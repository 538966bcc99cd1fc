"""Durations in Chinese numerals: no quantity.

The annotation conventions leave durations printed in Chinese numerals unmarked (为期三天, 两年,
近十年), while the same in digits are quantities (40年, 1小时). A Chinese numeral below ten is
already no count (amounts.py); from ten on, a number in Chinese numerals before a unit of time
(分钟, 小时, 秒, 天, 周, 个月) without a scale word is a duration, no quantity: `十分钟`, `二十天`,
`四十八小时`. 年 is left to its own rules (years of a plan, recent years, anniversaries).
"""

from __future__ import annotations

#: Units of time whose count in Chinese numerals is a duration, not a quantity.
SPANS_OF_TIME = frozenset({"分钟", "小时", "秒", "秒钟", "天", "周", "个月"})
#: The characters a number in Chinese numerals starts with (also read by amounts.py).
CN_START = frozenset("零〇一二两三四五六七八九十百千")


def chinese_duration(number: str, scale: str | None, unit: str | None) -> bool:
    """Whether `number` (as printed) before `unit` is a duration in Chinese numerals (十分钟)."""
    return not scale and unit in SPANS_OF_TIME and number[:1] in CN_START
