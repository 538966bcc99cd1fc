"""Where documents start: the start rules of the scanner, one small input each."""

from datetime import date

from documents_helpers import BODY, blk, kept_conserved, removed, split


def test_markdown_headings_split_and_subtitle():
    blocks = [
        blk("第一条新闻", 1, "heading", md=2),
        blk(BODY, 2),
        blk("德清电力全力支持防疫", 3, "heading", md=2),
        blk("7小时火速通电保障医疗企业开工", 4, "heading", md=3),
        blk("本报讯 通讯员陈海龙报道 “锅炉配电柜内电压合格。”1月28日下午，工程完工。", 5),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == ["第一条新闻", "德清电力全力支持防疫"]
    assert docs[1].subtitle == "7小时火速通电保障医疗企业开工"
    assert docs[1].authors == ["陈海龙"] and docs[1].author_roles == ["通讯员"]
    assert [b.kind for b in docs[1].blocks] == ["heading", "heading", "byline", "body"]
    assert docs[1].doc_type == "news"
    assert docs[1].line_start == 3 and docs[1].line_end == 5


def test_text_before_first_title_is_its_own_document():
    blocks = [
        blk("强国防动员和后备力量建设，巩固军政军民团结。", 1),
        blk("第一条新闻", 2, "heading", md=2),
        blk(BODY, 3),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == [None, "第一条新闻"]
    kept_conserved(blocks, docs)


def test_editor_note_belongs_to_the_document_after_it():
    blocks = [
        blk("按：7月9日，市委召开全体会议。现将报告予以印发。", 1, "note"),
        blk("张三同志在市委全体会议上的报告", 2),
        blk(BODY, 3),
        blk("张三同志在全会结束时的讲话摘要", 4),
        blk(BODY, 5),
    ]
    docs = split(blocks)
    assert len(docs) == 2
    assert docs[0].blocks[0].kind == "note"
    assert docs[0].title == "张三同志在市委全体会议上的报告"
    assert docs[0].authors == ["张三"]
    assert docs[0].doc_type == "report"
    assert docs[1].doc_type == "speech"


def test_byline_opens_an_article_whose_title_is_printed_later():
    blocks = [
        blk(BODY, 1),
        blk("■张志炜", 2),
        blk(BODY, 3),
        blk("深学细悟见实效 实干争先促发展", 4),
        blk("长兴县小浦镇开展活动", 5, "caption"),
        blk("湖州市", 6),
        blk(BODY, 7),
        blk("■杨永昌 樊昕旖", 8),
        blk(BODY, 9),
    ]
    toc = [removed("26 湖州市：深学细悟见实效 实干争先促发展/张志炜", 0, "toc")]
    aside: list = []
    docs = split(toc + blocks, aside)
    assert len(docs) == 3
    assert docs[1].title == "深学细悟见实效 实干争先促发展"
    assert docs[1].authors == ["张志炜"]
    # the title line its pages print (the contents page names it) is a running head
    assert [b.text for b in aside] == ["深学细悟见实效 实干争先促发展"]
    assert [b.kind for b in docs[1].blocks] == ["byline", "body", "caption", "body", "body"]
    assert docs[2].authors == ["杨永昌", "樊昕旖"]
    assert all(not b.removed for d in docs for b in d.blocks)


def test_salutation_opens_a_report_after_a_rubric_label():
    blocks = [
        blk("习近平在中共中央政治局第十一次集体学习时强调", 1),
        blk("加快发展新质生产力 扎实推进高质量发展", 2),
        blk(BODY, 3),
        blk("领导要论", 4),
        blk("各位代表：", 5),
        blk(BODY, 6),
        blk("浙江省省长 王 浩", 7),
        blk("政府工作报告", 8),
        blk("2024年 1月23日在浙江省第十四届人民代表大会第二次会议上", 9),
        blk(BODY, 10),
    ]
    docs = split(blocks)
    assert len(docs) == 2
    assert docs[0].title == "加快发展新质生产力 扎实推进高质量发展"
    assert docs[0].subtitle == "习近平在中共中央政治局第十一次集体学习时强调"
    report = docs[1]
    assert report.title == "政府工作报告"
    assert report.authors == ["王浩"] and report.author_roles == ["浙江省省长"]
    assert report.publish_date == date(2024, 1, 23) and not report.date_inferred
    assert report.doc_type == "report"


def test_chronicle_page_inside_an_article_is_a_document():
    blocks = [
        blk("绍兴市抗击新冠肺炎疫情纪实", 1),
        blk(BODY, 2),
        blk("1 月", 3),
        blk("1 日 《绍兴市大运河世界文化遗产保护条例》施行。", 4),
        blk("同日 越城区富盛镇城市供水管网延伸工程竣工。", 5),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == ["绍兴市抗击新冠肺炎疫情纪实", None]


def test_a_speech_that_addresses_its_audience_again_stays_one_document():
    blocks = [
        blk("某某省人民政府工作报告", 1, "heading"),
        blk("各位代表：", 2),
        blk(BODY, 3),
        blk("各位代表！", 4),
        blk(BODY, 5),
    ]
    docs = split(blocks)
    assert [d.title for d in docs] == ["某某省人民政府工作报告"]
    kept_conserved(blocks, docs)
