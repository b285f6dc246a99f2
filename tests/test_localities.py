"""Townships, villages and communities read from the text (localities.py), and the figures they own."""

from __future__ import annotations

import pytest

from pipeline.claims import ClaimStage
from pipeline.lexicon import Lexicons
from pipeline.localities import LocalityLexicon, find_localities


@pytest.fixture(scope="module")
def localities(resources, make_doc):
    lex = LocalityLexicon.from_lexicons(resources.lexicons)
    counties = [row[0] for row in resources.lexicons["places"].rows if row[1] in ("county", "prefecture", "province")]

    def run(text: str) -> list[str]:
        doc = make_doc(text)
        anchors = [span for name in counties for span in _spans(doc.text, name)]
        return [name for _, name in find_localities(doc, anchors, lex, resources.word_tags)]

    return run


def _spans(text: str, name: str):
    from pipeline.document import Span

    start = text.find(name)
    while start >= 0:
        yield Span(start, start + len(name))
        start = text.find(name, start + len(name))


FOUND = [
    # after a county, and after the township the village is in (each anchors the next)
    ("兰考县杜寨村的大棚有470多座。", ["杜寨村"]),
    ("贵州平坝区乐平镇塘约村人均收入1.1万元。", ["乐平镇", "塘约村"]),
    ("重庆市沙坪坝区石井坡街道团结坝社区有2000户居民。", ["石井坡街道", "团结坝社区"]),
    ("河南省郸城县宁平镇竹园新村。", ["宁平镇", "竹园新村"]),
    ("内蒙古四子王旗乌拉嘎查的牧民。", ["乌拉嘎查"]),
    # a township named by a common noun (大庙, 杏花), read where a village of it follows
    ("内蒙古自治区赤峰市松山区大庙镇小庙子村，依然热闹。", ["大庙镇", "小庙子村"]),
    ("湖北省红安县杏花乡高升村老支书吴成实说。", ["杏花乡", "高升村"]),
    # one place word of the segmenter's, with no county before it; and named again later
    ("我们来到塘约村。塘约村变了样。", ["塘约村", "塘约村"]),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_localities_found(localities, text, expected):
    assert localities(text) == expected


TRAPS = [
    # sorts of places, not one place
    "兰考县贫困村全部出列。",
    "浙江省特色小镇有20个。",
    "湖南省示范村有30个。",
    "湖南省重点镇村庄整治。",  # a common noun before a suffix, with no village of it after
    "河北省农村面貌一新。",
    # a clause after the county, or a word that runs over a second area
    "兰考县实施强村工程。",
    "重庆市将农村垃圾集中处理。",
    "省各乡镇共有40所学校。",
    "贵州省平塘县的学校。",
    "知识青年上山下乡。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_localities(localities, text):
    assert localities(text) == []


def test_a_village_owns_the_figures_told_about_it(resources, make_doc):
    stage = ClaimStage(resources)
    doc = stage(make_doc("河南兰考县很美。兰考县杜寨村蜜瓜大棚已有470多座。村里69户贫困户脱贫。"))
    assert {claim.subject for claim in doc.claims} == {"杜寨村"}


def test_the_lexicon_is_loaded_with_both_levels():
    lex = LocalityLexicon.from_lexicons(Lexicons.load())
    assert {"镇", "乡", "街道", "村", "社区", "嘎查"} <= set(lex.suffixes)
    assert lex.suffixes.index("街道") < lex.suffixes.index("镇")  # longest first
