"""The contents page: its entries, and what it confirms of the articles."""

from documents_helpers import BODY, blk, removed, split


def test_toc_entries_with_rubrics_and_wrapped_authors():
    from pipelines.text.documents.toc import parse_toc

    toc = parse_toc(
        [
            removed("26 湖州市：深学细悟见实效 实干争先促发展/张志炜", 1, "toc"),
            removed("42 温州大学：以实干担当谱写高水平大学建设新篇章", 2, "toc"),
            removed("/今 哲 李祖祥 项炳池", 3, "toc"),
            removed(">>特别报道", 4, "toc"),
            removed("46 为勇当先行者谱写新篇章汇聚强大合力", 5, "toc"),
            removed("——聚焦2024年浙江省两会", 6, "toc"),
            removed("/本刊记者 杨 晨 沈佳薇 亓惠洁", 7, "toc"),
            removed("经 济", 8, "toc"),
            removed("50 标准化创新发展的先行探索/夏 燕 唐建辉", 9, "toc"),
        ]
    )
    assert [e.page for e in toc] == [26, 42, 46, 50]
    assert toc[0].label == "湖州市" and toc[0].title == "深学细悟见实效 实干争先促发展"
    assert toc[1].authors == ["今哲", "李祖祥", "项炳池"]
    assert toc[2].rubric == "特别报道" and toc[2].subtitle == "——聚焦2024年浙江省两会"
    assert toc[2].authors == ["杨晨", "沈佳薇", "亓惠洁"]
    assert toc[3].rubric == "经济" and toc[3].authors == ["夏燕", "唐建辉"]


def test_toc_confirms_rubric_printed_near_the_title():
    toc = [removed("经 济\n50 标准化创新发展的先行探索/夏 燕 唐建辉", 0, "toc")]
    blocks = [
        blk(BODY, 1),
        blk("■夏 燕 唐建辉", 2),
        blk(BODY, 3),
        removed("经 济", 4, "page_furniture"),
        blk("标准化创新发展的先行探索先行探索", 5),
        blk(BODY, 6),
    ]
    doc = split(toc + blocks)[1]
    assert doc.title == "标准化创新发展的先行探索"
    assert doc.authors == ["夏燕", "唐建辉"]
    assert doc.rubric == "经济"
