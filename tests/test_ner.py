"""The shipped NER CRF loads offline, tags real sentences, and a missing model fails clearly."""

from __future__ import annotations

import pytest

from pipeline.ner import NerModelError, NerTagger, bio_to_spans, chunks


@pytest.fixture(scope="module")
def tagger(resources):
    return NerTagger(resources.lexicons)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("院长朱福荣介绍，这一模式是为改善而培训。", (2, 5, "PER")),
        ("国务院总理李克强主持召开国务院常务会议。", (5, 8, "PER")),
        ("浙商银行企业信贷部叶老桂博士则从另一个角度进行了解读。", (0, 4, "ORG")),
    ],
)
def test_tags_real_sentence(tagger, text, expected):
    assert expected in tagger.tag(text)


def test_spans_are_inside_text_and_labelled(tagger):
    text = "布鲁京斯研究所中国中心研究部主任李成说，东亚的和平与安全是核心利益。\n" * 3
    spans = tagger.tag(text)
    assert spans and all(0 <= s < e <= len(text) and label in ("PER", "ORG", "TITLE") for s, e, label in spans)


def test_missing_model_is_a_clear_error(resources, tmp_path):
    missing = tmp_path / "absent.crfsuite"
    with pytest.raises(NerModelError, match=r"absent\.crfsuite: NER model not found; build it with"):
        NerTagger(resources.lexicons, model_path=missing)


@pytest.mark.parametrize(
    "labels, spans",
    [
        (["B-PER", "I-PER", "O", "B-ORG"], [(0, 2, "PER"), (3, 4, "ORG")]),
        (["O", "I-PER", "I-PER", "B-TITLE", "I-TITLE"], [(1, 3, "PER"), (3, 5, "TITLE")]),
        (["B-PER", "I-ORG"], [(0, 1, "PER"), (1, 2, "ORG")]),
    ],
)
def test_bio_to_spans(labels, spans):
    assert bio_to_spans(labels) == spans


def test_chunks_cover_text_in_order():
    text = "第一句。第二句！" + "长" * 450
    pieces = chunks(text)
    assert pieces[0] == (0, 4) and pieces[1] == (4, 8)
    assert "".join(text[s:e] for s, e in pieces) == text and max(e - s for s, e in pieces) <= 200
