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

# --- memos ------------------------------------------------------------------------------

#: Texts whose plain, flattened and title forms the documents stage remembers (a block's
#: text is read by many rules: ten times on average in the seeds): about the blocks of a
#: long source, a few megabytes at most.
TEXT_MEMO_ENTRIES = 2048

# --- layout: lines -----------------------------------------------------------------------

#: Longest paragraph (characters) that can be an obvious title or heading by its shape.
HEADING_MAX_CHARS = 80
#: Widest paragraph (ems) that can be an obvious title or heading by its shape.
HEADING_MAX_WIDTH = 70
#: A ■ line longer than this (characters, spaces left out) is a pull-quote; a shorter one
#: is an author line (`■杨 晨`).
PULL_QUOTE_MIN_CHARS = 12

# --- layout: regions ---------------------------------------------------------------------

#: Toolbar words one a line (打印 / 全屏 / 【字号：) in a run at least this long are a web
#: page's toolbar; one or two such words may be text.
CHROME_RUN_MIN = 3
#: Metadata lines of a web page (`来源：浙江日报`) are at most this wide; a wider line is
#: the article's text.
PAGE_META_MAX_WIDTH = 40
#: A caption line read twice is at least this long (characters): shorter doubled lines
#: are title art.
DOUBLED_CAPTION_MIN_CHARS = 12
#: Chinese characters of a doubled caption with its credit (`… 许 旭 摄`).
DOUBLED_CAPTION_MIN_CJK_WITH_CREDIT = 8
#: Chinese characters of a doubled caption without a credit: a description that long; the
#: title lines a magazine prints in such art are shorter.
DOUBLED_CAPTION_MIN_CJK = 12
#: Longest token searched for doubled runs: no caption line is longer, and the search
#: stays shallow.
DOUBLED_MAX_CHARS = 300
#: Widest table-of-contents entry (`26 湖州市：…/张志炜`, ems): a contents page is narrow.
TOC_ENTRY_MAX_WIDTH = 34
#: Widest line between two contents entries that stays in the contents (a rubric, an
#: author line).
TOC_GAP_LINE_MAX_WIDTH = 26
#: Lines between two contents entries that still belong to the same contents page.
TOC_MAX_LINES_BETWEEN = 3
#: Entries a table of contents needs (one with an author `/…`): two numbered lines are
#: often a list.
TOC_MIN_ENTRIES = 3
#: Entries of a run-in contents line (`1.…；2.…；3.…`) that the headings must confirm, and
#: the share of its entries that must open a heading of the source.
INLINE_TOC_MIN_FOUND = 3
INLINE_TOC_MIN_SHARE = 0.6
#: Widest line of a sponsor list (one or two organisation names, ems).
SPONSOR_LINE_MAX_WIDTH = 24
#: Organisation lines in a row that make a sponsor list: fewer are a signature.
SPONSOR_RUN_MIN = 4
#: Characters of the k-grams that look a pull-quote's line up in the body text.
REPEAT_GRAM_CHARS = 6
#: Characters scanned by `str.find`, in multiples of the source's length, before the
#: pull-quote lookups build the k-gram index instead: a magazine's few boxes are looked up
#: faster by scanning the source (in C) than by indexing it (in Python); a source of many
#: boxes gets the index, so that the work stays linear in the source.
REPEAT_SCAN_BUDGET = 64
#: A pull-quote box line at least this wide (ems) belongs to the box: wider than any column.
PULL_QUOTE_WIDE_LINE = 30
#: A short line printed this many times or more is a running head.
RUNNING_HEAD_MIN_COUNT = 3
#: Widest running head (ems).
RUNNING_HEAD_MAX_WIDTH = 24
#: Widest caption closed by an unbracketed credit (ems; characters in a collapsed scrape):
#: a longer text ending with a credit is a photo story.
CREDIT_CAPTION_MAX_WIDTH = 100
#: A line before a credit caption this narrow without a comma or full stop is a title or
#: byline (the caption opens after it).
CAPTION_OPENER_MAX_WIDTH = 30
#: A caption line before a caption at least this wide (ems) runs across the page: part of
#: the caption.
WIDE_CAPTION_LINE = 30

# --- layout: reflow ----------------------------------------------------------------------

#: Text lines on each side of a line that make its neighbourhood (about a printed column):
#: the local column width is their median.
LOCAL_WINDOW_RADIUS = 12
#: Wider than any printed column (magazine 14–18 ems, newspaper up to ~30): a long line.
LONG_LINE_WIDTH = 40
#: Long lines a file (or a neighbourhood) needs before it can be one paragraph per line.
PER_LINE_MIN_LONG = 3
#: Share of the long lines that must end a sentence (or a colon) for one paragraph per line.
PER_LINE_MIN_SHARE = 0.75
#: Below this share of text lines that directly follow another, a file is blank-line
#: interleaved (a blank line after every text line is no paragraph break).
INTERLEAVED_MAX_SHARE = 0.4
#: A column this narrow or narrower (ems) is a magazine or newspaper column.
NARROW_COLUMN = 30
#: Ems under the column by which a line is short: the two-em indent a first line lost, and
#: one and a half for the punctuation a line may end without.
SHORT_LINE_MARGIN = 3.5
#: Ems under the column within which a line is full (a paragraph's last line is shorter).
FULL_LINE_MARGIN = 1.5
#: Ems under the column within which a line that does not end its sentence is open: the
#: paragraph must go on.
OPEN_LINE_MARGIN = 2
#: Ems over the column a line may run (justified punctuation) and still be of the column.
COLUMN_TOLERANCE = 1
#: Ems over a narrow column from which a line without punctuation is a title set wide.
WIDE_TITLE_MARGIN = 4
#: A title wraps over lines at most this wide (ems), each no more than TITLE_WRAP_GROWTH
#: wider than the line before.
TITLE_WRAP_MAX_WIDTH = 30
TITLE_WRAP_GROWTH = 2
#: After a sentence end, a line at most this share of the column without punctuation is a
#: label or a title.
LABEL_MAX_SHARE = 0.5
#: A line that ends no sentence nor clause and is at most this share of the column ends
#: its paragraph (a cut line of a column is longer).
CUT_LINE_MAX_SHARE = 0.65
#: Spaces from which a short line is justified text (a space between every character),
#: not a title set in a cut paragraph.
JUSTIFIED_MIN_SPACES = 3
#: Lines looked at after a cut paragraph for the line where it goes on, and the most of
#: them that may be titles, labels or captions the page set in its middle.
RESUME_LOOKAHEAD = 9
MAX_INSERTED_LINES = 3
#: A title over a place label has at least this many Chinese characters; the label follows
#: within TITLE_LABEL_LOOKAHEAD lines (a caption or glyph between).
TITLE_OVER_LABEL_MIN_CJK = 6
TITLE_LABEL_LOOKAHEAD = 3
#: A short line printed twice or more (characters, layout spaces left out) is a label of
#: the layout (a running rubric, a column named in the contents).
PRINTED_LABEL_MAX_CHARS = 6

# --- documents ---------------------------------------------------------------------------

#: Longest title line (characters, spaces left out): a longer line is a paragraph.
TITLE_MAX_CHARS = 90
#: Title lines (and labels between them) a title block holds at most when the start scanner
#: reads it; a longer run of short lines is a list.
TITLE_GROUP_MAX_LINES = 6
#: Subtitle and label lines read after a title block before its byline.
TITLE_BLOCK_MAX_EXTRA = 3
#: A title worded like a document (…的通知) has at least this many Chinese characters.
DOC_TITLE_MIN_CJK = 6
#: A rubric label before a salutation or a title (`领导要论`) has at most this many Chinese
#: characters.
RUBRIC_MAX_CJK = 8
#: Blocks after the title block searched for an office-and-name line or a delivery line
#: (`浙江省省长 王 浩`, printed after a long preamble in a report); a subtitle is searched in
#: the first LATE_SUBTITLE_BLOCKS of them only.
LATE_METADATA_BLOCKS = 400
LATE_SUBTITLE_BLOCKS = 40
#: Raw lines under a title within which a place label (`湖州市`) marks it as the title of a
#: magazine article printed inside its text.
PLACE_LABEL_LINES = 6
#: A page banner (`防控疫情` / `劳动者风采`) is at most this many headings, each of at most
#: BANNER_MAX_CJK Chinese characters, with no text under them.
BANNER_MAX_HEADINGS = 3
BANNER_MAX_CJK = 12
#: A paragraph at least this long (characters) that stops between two characters was cut
#: by the page (a photo, a box): what follows it is no new document.
CUT_PARAGRAPH_MIN_CHARS = 40
#: Blocks after a start (or after the title block) in which a byline still counts as the
#: document's (magazine articles print it under the first paragraphs).
BYLINE_LOOKAHEAD = 4
#: Longest byline line (characters): a longer line is a sentence.
BYLINE_MAX_CHARS = 40
#: Paragraphs a boxed notice dropped into an article holds at most, before its title.
BOXED_NOTICE_MAX_PARAGRAPHS = 8
#: Blocks at a document's start searched for a news dateline (`新华社北京1月30日电`).
DATELINE_BLOCKS = 6
#: Years a printed date of a document may have (the People's Republic to the far future):
#: other years are numbers, not dates.
DATE_MIN_YEAR = 1949
DATE_MAX_YEAR = 2100
#: Untitled numbered items (`1. …`) that make a document a plan.
PLAN_MIN_ITEMS = 3
#: A line printed twice or more of at most this many characters, all Chinese, is a running
#: label of the source (`本期关注`).
REPEATED_LABEL_MAX_CHARS = 4
#: Longest organisation line (characters) that can sign a notice.
ORG_LINE_MAX_CHARS = 30
#: Single characters in a column that make a heading printed one character a line.
VERTICAL_MIN_LINES = 3

# --- sections: structure beyond numbering --------------------------------------------------

#: Longest lead sentence (characters) taken whole as the title of a run-in lead (`一是…。`)
#: or a closing; a longer one is cut at its first comma (the leads of the seeds and the
#: corpus are at most 60 characters: `二是“8+4”经济政策体系精准高效，有力发挥了…作用。`).
LEAD_TITLE_MAX_CHARS = 80
#: Longest bold lead before a dash (`强力推进三个“一号工程”——`: 12); a longer run before
#: `——` is a sentence with a dash in it.
DASH_LEAD_MAX_CHARS = 20
#: Leads of one kind a sequence needs to be real (`一是` … `二是`; two `——` leads of a
#: section): a lone `一是` is a phrase, not a list.
LEAD_MIN_RUN = 2
#: Longest unnumbered subhead line (characters, spaces left out): the magazine's are at most
#: 14 (`机制创新“打捆”审批`), the briefs of a news round-up at most 24.
SUBHEAD_MAX_CHARS = 30
#: Printed lines a subhead takes at most (`感悟思想伟力` / `锤炼理想信念`).
SUBHEAD_MAX_LINES = 2
#: Blocks under a title printed again inside an article in which the place label of a
#: feature (`杭州市`) is looked for (captions of the page's photo may sit between).
RUNNING_HEAD_PLACE_BLOCKS = 3
#: Longest line (characters, spaces left out, OCR doubling undone) taken for a running
#: head: the longest title of the seeds is 19 characters.
RUNNING_HEAD_TITLE_MAX_CHARS = 40
