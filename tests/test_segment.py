"""Segmenters share one interface; every token's offsets point at its characters."""

from __future__ import annotations

import pytest

from pipeline.errors import PipelineConfigError
from pipeline.document import Token
from pipeline.segment import _aligned, make_segmenter, sentence_spans

TEXT = "北碚区教师进修学院院长朱福荣介绍，学院培训教师6800多名。"


@pytest.mark.parametrize("name", ["rjieba", "jieba", "spacy"])
def test_segmenters_align_tokens_to_the_text(resources, name):
    segmenter = make_segmenter(name, resources.lexicons)
    for method in (segmenter.cut, segmenter.tag):
        tokens = method(TEXT)
        assert "".join(t.text for t in tokens) == TEXT
        assert all(TEXT[t.start : t.end] == t.text for t in tokens)
    assert "北碚区" in {t.text for t in segmenter.cut(TEXT)}  # the place lexicon is a user dictionary


def test_aligned_tokens_are_tokens_whether_the_pieces_tile_the_text_or_not():
    tiled = _aligned("朱福荣介绍", [("朱福荣", "nr"), ("介绍", "v")])
    assert tiled == [Token("朱福荣", 0, 3, "nr"), Token("介绍", 3, 5, "v")]
    assert all(type(t) is Token for t in tiled) and tiled[1].pos == "v"
    searched = _aligned("朱福荣 介绍", [("朱福荣", "nr"), ("介绍", "v")])  # a segmenter that dropped the space
    assert searched == [Token("朱福荣", 0, 3, "nr"), Token("介绍", 4, 6, "v")]
    assert _aligned("", []) == []


@pytest.mark.parametrize("name", ["rjieba", "jieba"])
@pytest.mark.parametrize("text, words", [
    # a filler entry of jieba's dictionary that fuses a head and a post is cut in two
    ("规划建设局局长张玉鑫表示。", ["建设局", "局长"]),
    ("县工会主席李明说。", ["工会", "主席"]),
    # ... but not where the cut makes an everyday word across it (处处), nor a post listed whole
    ("基础处处长来现余介绍。", ["处处长"]),
    ("村支部书记赵伟说。", ["支部书记"]),
])
def test_a_fused_head_and_post_is_cut(resources, name, text, words):
    segmenter = resources.segmenter if name == "rjieba" else make_segmenter(name, resources.lexicons)
    tokens = [t.text for t in segmenter.tag(text)]
    assert all(word in tokens for word in words), tokens


def test_posseg_tags_come_with_rjieba(resources):
    tags = {t.text: t.pos for t in resources.segmenter.tag(TEXT)}
    assert tags["朱福荣"].startswith("nr")


def test_unknown_segmenter_and_missing_pkuseg_model(resources):
    with pytest.raises(PipelineConfigError, match="unknown segmenter 'lac'"):
        make_segmenter("lac", resources.lexicons)
    with pytest.raises(PipelineConfigError, match="pkuseg model not found: /nope"):
        make_segmenter("spacy", resources.lexicons, pkuseg_model="/nope")


@pytest.mark.parametrize(
    "text, sentences",
    [("学校有教师20名。学生300人！“好”。\n标题行", ["学校有教师20名。", "学生300人！", "“好”。", "标题行"]),
     ("他说：“办好教育。”然后离开", ["他说：“办好教育。”", "然后离开"])],
)
def test_sentence_spans(text, sentences):
    assert [text[s.start : s.end] for s in sentence_spans(text)] == sentences


def test_jieba_dictionary_is_read_once_with_frequencies():
    from pipeline.segment import jieba_dictionary

    words = jieba_dictionary()
    assert words is jieba_dictionary()  # one copy per process, shared by the stages
    assert words["古老"] > 1000 > words["吴先生"]  # an everyday word vs. a name jieba also tags nr
    assert "江北区培新小学校" not in words


def test_jieba_dictionary_holds_every_line_of_jiebas_file():
    """Read as one split of the file, it equals a line-by-line reading: every line is
    'word frequency tag' and no word holds white space."""
    from importlib.util import find_spec
    from pathlib import Path

    from pipeline.segment import jieba_dictionary

    by_line = {}
    with open(Path(find_spec("jieba").origin).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, freq, _ = line.split(" ", 2)
            by_line[word] = int(freq)
    assert jieba_dictionary() == by_line
