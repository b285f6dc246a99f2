"""The shipped NER CRF loads offline, tags real sentences, and a missing model fails clearly; its
batch features and compiled decoder give what crfsuite gives from the feature strings."""

from __future__ import annotations

import numpy as np
import pycrfsuite
import pytest

from pipeline.crf import CrfModel
from pipeline.document import Token
from pipeline.ner import (NerModelError, NerTagger, _hash_table, _look_up, bio_to_spans, chunks, sentence_features,
                          window_chunks)


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


def test_window_chunks_are_each_windows_chunks():
    text = "院长朱福荣说。第二句！\n" + "长" * 450 + "。末句"
    windows = [(0, 2), (2, 7), (3, 8), (7, 7), (8, 12), (12, 300), (12, 430), (430, len(text))]
    expected = [piece for start, end in windows for piece in chunks(text, start=start, end=end)]
    assert window_chunks(text, windows) == expected and window_chunks(text, []) == []


# Real sentences with names, organisations, titles, digits, Latin letters, spaces and punctuation
# at the edges: every feature template takes a value other than its padding somewhere.
ORACLE_SENTENCES = [
    "院长朱福荣介绍，这一模式是为改善而培训。",
    "国务院总理李克强主持召开国务院常务会议。",
    "浙商银行企业信贷部叶老桂博士则从另一个角度进行了解读。",
    "“今年1月，CPI同比上涨1.7%。”国家统计局城市司高级统计师绳国庆说",
    "欧阳修、司马光和诸葛亮 都是历史人物；记者 张骞月 摄",
    "布鲁京斯研究所中国中心研究部主任李成说，东亚的和平与安全是核心利益。",
    "我",
]


def test_batch_features_are_the_feature_strings(tagger):
    """Every character's attribute rows from the batch encoder are the rows of the strings
    sentence_features builds (which training uses), so the model sees the same evidence."""
    by_name = {name: row for row, name in enumerate(tagger.model.attributes)}
    pieces = [(text, tagger._words(text)) for text in ORACLE_SENTENCES]
    rows = tagger.encoder.rows(pieces)
    offset = 0
    for text, words in pieces:
        for i, features in enumerate(sentence_features(text, words, tagger.lex)):
            known = sorted(by_name[f] for f in features if f in by_name)
            assert sorted(r for r in rows[offset + i] if r != tagger.model.unknown) == known, (text, i)
        offset += len(text)
    assert offset == len(rows)


def test_decoder_agrees_with_crfsuite(tagger):
    """Labels and marginals of the compiled decoder against crfsuite's own tagger on the same model."""
    oracle = pycrfsuite.Tagger()
    oracle.open(str(tagger.model_path))
    pieces = [(text, tagger._words(text)) for text in ORACLE_SENTENCES]
    ids, marginals = tagger.model.decode(tagger.encoder.rows(pieces), [len(t) for t, _ in pieces])
    offset = 0
    for text, words in pieces:
        expected = oracle.tag(sentence_features(text, words, tagger.lex))
        assert [tagger.model.labels[j] for j in ids[offset : offset + len(text)]] == expected
        for i, label in enumerate(expected):
            j = tagger.model.labels.index(label)
            assert marginals[offset + i, j] == pytest.approx(oracle.marginal(label, i), abs=1e-9)
        offset += len(text)


def test_damaged_model_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"lCRF" + bytes(60))
    with pytest.raises(NerModelError, match="bad.crfsuite"):
        CrfModel.read(bad)


def test_silver_labels_from_rules(tmp_path):
    """scripts/train_ner.py labels news by rules: a name a title anchors is PER wherever it occurs in the
    month (李克强指出), title words are TITLE, and a sentence holding a name no rule explains is left out."""
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from train_ner import silver_examples

    articles = tmp_path / "news.jsonl"
    # the last article is short: words found in it say nothing of where the first article's words are
    texts = ["国务院总理李克强主持召开国务院常务会议。李克强指出，要加快发展。", "李克强强调，要稳就业。赵本山和宋丹丹演了小品。",
             "好。"]
    articles.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                                for i, t in enumerate(texts)), encoding="utf-8")
    examples = dict(silver_examples(articles))
    assert (5, 8, "PER") in examples["国务院总理李克强主持召开国务院常务会议。"]
    assert (3, 5, "TITLE") in examples["国务院总理李克强主持召开国务院常务会议。"]
    assert examples["李克强指出，要加快发展。"] == [(0, 3, "PER")]
    assert examples["李克强强调，要稳就业。"] == [(0, 3, "PER")]  # another article: no title there
    assert not any("赵本山" in text for text in examples)  # names no rule found: the sentence is left out


def test_rows_in_an_article_are_the_rows_of_its_pieces(tagger, resources):
    """Pieces read with the article's own segmentation give the rows `rows` gives each piece alone,
    also where a piece ends inside a compound surname (…欧|阳修) or a title word (…院|长)."""
    text = "北碚区教师进修学院院长朱福荣说，欧阳修和司马光都来了。记者 张骞月 摄\n国务院总理李克强主持会议。"
    cuts = {text.index("院长") + 1, text.index("欧阳") + 1}  # split words there, as a segmenter might
    tokens = []
    for token in resources.segmenter.tag(text):
        inner = sorted(c for c in cuts if token.start < c < token.end)
        for s, e in zip([token.start, *inner], [*inner, token.end]):
            tokens.append(Token(text[s:e], s, e, token.pos))
    ends = [t.end for t in tokens if t.text in ("，", "。", "\n") or t.end in cuts]
    pieces = [(s, e) for s, e in zip([0, *ends], [*ends, len(text)]) if text[s:e].strip()]
    assert len(pieces) >= 5
    rows = tagger.encoder.rows_in(text, tokens, pieces)
    alone = tagger.encoder.rows([(text[s:e], [(t.text, t.pos) for t in tokens if s <= t.start < e])
                                 for s, e in pieces])
    assert rows is not None and (rows == alone).all()


def test_look_up_finds_each_templates_rows_and_nothing_else():
    entries = [(0, 5, 10), (0, 5, 11), (0, 7, 12), (1, 5, 13), (2, (1 << 62) + 3, 14)]  # (0, 5) twice: the first
    table = _hash_table(np.array(entries, dtype=np.int64))
    values = np.array([[5, 7, 9, -1], [5, 7, 5, 0], [(1 << 62) + 3, 5, 3, 0]], dtype=np.int64)
    expected = {(t, k): r for t, k, r in reversed(entries)}
    rows = _look_up(values, table, 99)
    assert rows.shape == (4, 3)
    assert rows.T.tolist() == [[expected.get((t, int(k)), 99) for k in values[t]] for t in range(3)]
    assert (_look_up(values, _hash_table(np.empty((0, 3), dtype=np.int64)), 99) == 99).all()


def test_rows_in_declines_tokens_that_do_not_tile(tagger):
    text = "院长朱福荣说"
    assert tagger.encoder.rows_in(text, [], [(0, len(text))]) is None


def test_spans_of_all_pieces_at_once_are_each_pieces_spans(tagger):
    """Reading the labels of all pieces in one pass gives each piece's spans (bio_to_spans), also
    for a span that runs on across a piece's end."""
    import random

    labels = tagger.model.labels
    chooser = random.Random(7)
    for _ in range(300):
        lengths = [chooser.randint(1, 6) for _ in range(chooser.randint(1, 5))]
        starts = list(np.cumsum([0, *lengths[:-1]]) * 2 + 3)  # pieces with gaps between them
        pieces = [(int(s), int(s) + n) for s, n in zip(starts, lengths)]
        ids = np.array([chooser.randrange(len(labels)) for _ in range(sum(lengths))], dtype=np.intp)
        chosen = [chooser.random() for _ in ids]
        expected, offset = [], 0
        for (start, _), n in zip(pieces, lengths):
            for s, e, kind in bio_to_spans([labels[i] for i in ids[offset : offset + n]]):
                expected.append((start + s, start + e, kind, min(chosen[offset + s : offset + e])))
            offset += n
        assert tagger._spans(pieces, ids, chosen) == expected, (pieces, ids)
