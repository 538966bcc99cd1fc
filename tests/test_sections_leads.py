"""Run-in leads: lists that open their paragraphs (`一是…`, `第一，…`, `首先…`) and bold leads
run in with a dash, as sections of kind `runin` under the section they are printed in."""

from sections_helpers import BODY, blk, doc_of

from pipelines.text.model import DocumentSpan
from pipelines.text.sections.leads import lead_title


def outline(doc: DocumentSpan) -> list[tuple[str | None, str, int, str]]:
    return [(s.label, s.title, s.level, s.kind) for s in doc.sections]


def test_the_lead_sentence_is_the_title_and_a_long_one_is_cut_at_its_comma():
    assert lead_title("推进农业结构调整。通过政策支持，引导农民调整结构。") == "推进农业结构调整"
    long = "坚持稳中求进工作总基调，" + "统筹推进各项工作" * 12 + "。"
    assert lead_title(long) == "坚持稳中求进工作总基调"
    assert lead_title("这是一个没有标点的很长的句子" * 8) is None


def test_enumeration_leads_nest_under_the_numbered_section_they_are_printed_in():
    doc = doc_of(
        "一、过去一年的工作",
        "一年来，我们主要做了以下工作。",
        "一是稳增长。全年经济保持平稳运行，主要指标好于预期。",
        "二是促改革。重点领域改革取得新突破。",
        "二、今年的安排",
        BODY,
    )
    assert outline(doc) == [
        ("一、", "过去一年的工作", 1, "numbered"),
        ("一是", "稳增长", 2, "runin"),
        ("二是", "促改革", 2, "runin"),
        ("二、", "今年的安排", 1, "numbered"),
    ]
    assert [s.parent for s in doc.sections] == [None, 0, 0, None]
    assert doc.blocks[2].text.startswith("一是稳增长。") and doc.blocks[2].kind == "body"


def test_a_lone_lead_or_one_run_on_inside_a_sentence_is_no_list():
    doc = doc_of(
        BODY,
        "一是一、二是二，他这样形容实事求是的作风。",
        "这项工作有两个重点：一是抓落实，二是抓督查。",
        "三是这句话前面没有二是。",
    )
    assert doc.sections == []


def test_a_list_does_not_run_on_across_another_section():
    doc = doc_of(
        "（一）农业", "一是稳定粮食生产。要抓好春耕。", "（二）工业", "二是发展制造业。要抓项目。"
    )
    assert [s.kind for s in doc.sections] == ["numbered", "numbered"]


def test_an_item_takes_the_paragraphs_up_to_the_next_and_the_last_its_own_only():
    doc = doc_of(
        "一、主要工作",
        "一是扩大内需。要稳定消费。",
        "积极扩大有效投资。这一段仍属第一项。",
        "二是扩大开放。要稳住外贸。",
        "同时，我们也清醒看到，发展中还存在不少困难。",
    )
    names = [doc.sections[k].title if k is not None else None for k in doc.block_section]
    assert names == ["主要工作", "扩大内需", "扩大内需", "扩大开放", "主要工作"]


def test_ordinal_and_sequence_leads_are_lists_in_their_order():
    doc = doc_of(
        BODY,
        "第一，关于发展的主题。建议稿提出以推动高质量发展为主题。",
        "第二，关于发展的格局。建议稿提出加快构建新发展格局。",
        "首先，要坚定信心。当前经济运行稳中向好。",
        "最后，要守牢底线。安全生产一刻也不能放松。",
    )
    assert outline(doc) == [
        ("第一，", "关于发展的主题", 1, "runin"),
        ("第二，", "关于发展的格局", 1, "runin"),
        ("首先", "要坚定信心", 1, "runin"),
        ("最后", "要守牢底线", 1, "runin"),
    ]


def test_bold_dash_leads_are_a_list_of_two_or_more_under_their_subhead():
    doc = doc_of(
        BODY,
        "●学深悟透",
        "系统“深学”——各地举办读书班，组织党员干部原原本本学习。",
        "在这个过程中，各地还组织了专题研讨。",
        "联系“实学”——结合本地实际，开展现场教学。",
        "●干字当头",
        "数据显示——今年以来共举办读书班一千余期。",
    )
    assert outline(doc) == [
        ("●", "学深悟透", 1, "bullet"),
        ("", "系统“深学”", 2, "runin"),
        ("", "联系“实学”", 2, "runin"),
        ("●", "干字当头", 1, "bullet"),
    ]
    # a magazine's bold lead takes the paragraphs up to the next heading
    assert doc.block_section[3] == 1 and doc.sections[3].block_index == 5


def test_no_sections_pass_changes_the_document_it_was_given():
    from pipelines.text.passes import Counters
    from pipelines.text.sections import SECTION_PASSES
    from pipelines.text.sections.state import SectionState

    doc = DocumentSpan(
        ordinal=1,
        title="题",
        blocks=[
            blk("一、主要工作", 1),
            blk("一是扩大内需。要稳定消费。", 2),
            blk("二是扩大开放。要稳住外贸。", 3),
            blk("同志们，让我们一起努力！", 4),
        ],
    )
    state = SectionState(doc)
    for step in SECTION_PASSES:
        before = (repr(state.doc), [repr(b) for b in state.doc.blocks], state.heads)
        after = step.run(state, Counters())
        assert (repr(state.doc), [repr(b) for b in state.doc.blocks], state.heads) == before
        state = after
    assert [s.kind for s in state.doc.sections] == ["numbered", "runin", "runin", "closing"]
    assert doc.blocks[0].kind == "body" and state.doc.blocks[0].kind == "heading"
