"""The whole path on the seed corpus: five articles, all four kinds, every span traceable, deterministic."""

from __future__ import annotations

import json

import pytest

from pipeline.ingest import read_documents
from pipeline.pipeline import Pipeline
from pipeline.writer import dump_line
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def articles(pipeline):
    out = {}
    for seed in SEEDS:
        (doc,) = read_documents(str(seed))
        out[seed.stem] = (doc.raw, pipeline.process(doc))
    return out


def _spans(article):
    for group in (article.institutions, article.people, article.programs):
        for record in group:
            for mention in record.mentions:
                yield mention
    for claim in article.claims:
        yield claim


def _squash(text: str) -> str:
    return "".join(text.split())


def test_every_seed_has_all_four_kinds(articles):
    assert len(articles) == 5
    for doc_id, (_, article) in articles.items():
        counts = {k: len(getattr(article, k)) for k in ("institutions", "people", "programs", "claims")}
        assert all(counts.values()), (doc_id, counts)


def test_every_span_points_at_its_text_in_clean_and_raw(articles):
    checked = 0
    for doc_id, (raw, article) in articles.items():
        for span in _spans(article):
            clean = article.text[span.start : span.end]
            assert clean, (doc_id, span)
            # raw offsets cover the same characters, line breaks (removed column breaks) aside
            assert _squash(raw[span.raw_start : span.raw_end]) == _squash(clean), (doc_id, span)
            checked += 1
        for claim in article.claims:
            assert article.text[claim.start : claim.end] == claim.quote
    assert checked > 300


def test_mention_texts_match_their_records(articles):
    for _, (_, article) in articles.items():
        for inst in article.institutions:
            names = set(inst.aliases) | {inst.canonical}
            for m in inst.mentions:
                surface = article.text[m.start : m.end]
                assert surface in names or surface in inst.canonical, (surface, inst.canonical)
        for person in article.people:
            for m in person.mentions:
                assert article.text[m.start : m.end] == person.name


def test_output_is_deterministic(pipeline):
    seed = SEEDS[0]
    lines = []
    for _ in range(2):
        (doc,) = read_documents(str(seed))
        lines.append(dump_line(pipeline.process(doc)))
    assert lines[0] == lines[1]
    record = json.loads(lines[0])
    assert record["doc_id"] == seed.stem and record["source"]["format"] == "txt"


def test_institution_ids_are_equal_across_articles(articles):
    ids: dict[str, set[str]] = {}
    for _, (_, article) in articles.items():
        for inst in article.institutions:
            ids.setdefault(inst.canonical, set()).add(inst.id)
    assert all(len(v) == 1 for v in ids.values())


def test_jsonl_raw_offsets_point_into_the_line_text(pipeline, tmp_path):
    text = "华东师范大学基础教学改革研究所（以下简称华东师大基教所）与重庆市江北区教育委员会合作。\n学校共有教师6800多名。"
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "x1", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    (doc,) = read_documents(str(path))
    article = pipeline.process(doc)
    assert article.doc_id == "x1" and article.source.line == 1
    for span in _spans(article):
        assert text[span.raw_start : span.raw_end] == article.text[span.start : span.end]
