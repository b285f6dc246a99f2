"""Normalise: column breaks rejoined, structure kept, chrome dropped, offsets exact."""

from __future__ import annotations

import pytest

from pipeline.normalise import FULLWIDTH_FOLD, translator
from pipeline.numbers import _FOLD

from tests.conftest import SEEDS

# A column of a real report (Chongqing Daily layout) around each case keeps the width estimate honest.
COLUMN = "近年来，学校认真落实全\n面从严治党主体责任，强\n化干部政治责任、探索党\n建工作新机制，成效明显。\n"


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a word broken by the column
        (COLUMN + "作为成长的加速器，北碚教师进\n修学院以研修为抓手。", "北碚教师进修学院以研修为抓手。"),
        # broken across a blank line: a dictionary word straddles the break
        (COLUMN + "2018年6月，荣昌区与华东师\n\n大基教所正式启动合作项目。", "荣昌区与华东师大基教所正式启动"),
        # a line ending with a clause comma continues
        ("近期，重庆市教育科学\n研究院公布了遴选结果。", "近期，重庆市教育科学研究院公布了遴选结果。"),
        # a sentence end is a paragraph end
        (COLUMN + "办好人民满意教育。\n荣昌区教师进修学校将自觉行动。", "办好人民满意教育。\n荣昌区教师进修学校"),
        # a short headline stays its own paragraph
        (COLUMN + "专业引领\n研训融合带来质变\n\n教师是立校之本，兴校之\n源，加强师资队伍建设。",
         "\n专业引领\n研训融合带来质变\n教师是立校之本，兴校之源，"),
        # wide layout (one paragraph a line): a line without end punctuation is a headline
        ("江北 汇聚新动能 构建教育高质量发展新生态\n学校开展科技活动\n党建领航，激发教育新活力，奏响育人育心最强音。",
         "江北 汇聚新动能 构建教育高质量发展新生态\n学校开展科技活动\n党建领航"),
    ],
)
def test_column_breaks(make_doc, raw, expected):
    assert expected in make_doc(raw).text


@pytest.mark.parametrize(
    "raw, expected",
    [
        # People's Daily: every paragraph one indented line; a summary line with a clause comma and
        # no full stop still ends where the next indented line begins
        ("标题\n\u3000\u3000核心阅读\n\u3000\u3000全国博物馆举办展览超过2万个，近10亿人次走进博物馆\n"
         "\u3000\u3000博物馆高质量发展亟须提升；让文物活起来",
         "近10亿人次走进博物馆\n博物馆高质量发展"),
        # a column whose paragraphs open indented: the break inside the word still rejoins
        (COLUMN + "\u3000\u3000作为成长的加速器，北碚教师进\n修学院以研修为抓手。", "北碚教师进修学院以研修"),
        # a text copied with a margin on every line: the margin is not indentation
        ("\u3000近期，重庆市教育科学\n\u3000研究院公布了遴选结果。", "近期，重庆市教育科学研究院公布了"),
    ],
)
def test_indented_line_opens_a_paragraph(make_doc, raw, expected):
    assert expected in make_doc(raw).text


def test_vertical_label_and_sidebar_stay_apart(make_doc):
    raw = "——重庆市巴南区教师进修学校校长\n何远疆\n 校\n长\n思\n想\n力>\n\n数说>>>\n近年来，荣昌区涌现出名师1人。"
    text = make_doc(raw).text
    assert text.split("\n") == ["——重庆市巴南区教师进修学校校长", "何远疆", "校长思想力>", "数说>>>",
                                "近年来，荣昌区涌现出名师1人。"]


@pytest.mark.parametrize(
    "chrome",
    ["上一版 下一版 ", "3上一篇  下一篇4  ", "2023 年 12 月 01 日 星期 放大 缩小 默认 ",
     "版权所有 重庆日报报业集团 未经书面授权禁止使用", "Copyright © 2023 cqrb.cn",
     "南方日报报业集团主办", "人民日报 | 人民日报海外版 | 环球时报"],
)
def test_page_chrome_is_removed(make_doc, chrome):
    doc = make_doc(f"潼南区教师进修学院\n{chrome}\n作为区域性的教师研训机构，学院肩负使命。")
    assert doc.text == "潼南区教师进修学院\n作为区域性的教师研训机构，学院肩负使命。"


def test_fullwidth_folded_for_matching_only(make_doc):
    doc = make_doc("合格率达１００％，共ＡＢＣ三所。")
    assert doc.text == "合格率达１００％，共ＡＢＣ三所。"
    assert doc.fold == "合格率达100%，共ABC三所。"
    assert len(doc.fold) == len(doc.text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_clean_character_maps_to_the_same_raw_character(make_doc, seed):
    raw = seed.read_text("utf-8")
    doc = make_doc(raw)
    assert len(doc.offsets) == len(doc.text) + 1
    for i, ch in enumerate(doc.text):
        if ch != "\n":
            assert raw[doc.offsets[i]] == ch, (i, ch)
    assert list(doc.offsets[:-1]) == sorted(doc.offsets[:-1])  # order preserved
    assert "\n\n" not in doc.text and not doc.text.startswith("\n")


def test_a_prose_line_about_an_organiser_is_kept(make_doc):
    doc = make_doc("本次大赛由市教委主办，共有300名教师参赛。")
    assert doc.text == "本次大赛由市教委主办，共有300名教师参赛。"


@pytest.mark.parametrize("table", [FULLWIDTH_FOLD, _FOLD])
def test_translator_is_str_translate(table):
    texts = ["", "北碚区", "ＧＤＰ增长６．５％，达到１２３４５亿元（同比）！", "ＡＢ　ｃｄ：", "１，２３４", "\uff5f\uff00末尾ｚ"]
    every = "".join(map(chr, range(0xFEE0, 0xFF70))) + "\u3000 a１"
    for text in [*texts, every]:
        assert translator(table)(text) == text.translate(table)
