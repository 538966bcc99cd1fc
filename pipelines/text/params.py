"""Named thresholds of the text stages, each with why it has its value.

Kept apart from the code (PUDL's transform params) so that a threshold is read, reviewed
and changed in one place. Widths are printed widths in ems (`layout.shape.width`: a CJK
character 1, a digit or Latin letter one half); lengths are characters.
"""

# --- repair: CSV exports, collapsed scrapes, repeated pages ------------------------------

#: Columns a CSV header must name before we take a file for a one-row export: two would
#: also match a `key,value` line of ordinary text.
CSV_MIN_COLUMNS = 3
#: Texts shorter than this are one paragraph as they stand. The longest real paragraph of
#: the seeds and the test corpus after layout recovery is 1,340 characters; collapsed
#: scrapes run to many thousands.
RUN_IN_MIN_CHARS = 1500
#: The shortest item of an `一是…二是…` enumeration whose items are paragraphs of their own
#: in a collapsed scrape; the enumerations that run on inside a paragraph are shorter.
ENUM_ITEM_MIN_CHARS = 300
#: Paragraphs in a row that must repeat an earlier run to be a page scraped again: one or
#: two equal paragraphs are a slogan or a quotation.
REPEAT_MIN_RUN = 3
#: Non-whitespace characters a paragraph needs to take part in the repeat comparison:
#: shorter ones (`各位代表！`, a heading) repeat legitimately.
REPEAT_MIN_CHARS = 20
#: Earlier positions tried as the original of a repeated run: bounds the work on a page
#: copied thousands of times (the earliest candidates are the ones kept).
REPEAT_MAX_CANDIDATES = 64
