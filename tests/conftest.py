"""Shared fixtures: one loaded pipeline per test session, and a Doc built from a string."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.document import Doc, SourceInfo
from pipeline.lexicon import Lexicons
from pipeline.metadata import MetadataStage
from pipeline.normalise import NormaliseStage
from pipeline.segment import SegmentStage, make_segmenter
from pipeline.stage import Resources

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold" / "seeds.jsonl"
SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def resources() -> Resources:
    lexicons = Lexicons.load()
    return Resources(lexicons=lexicons, segmenter=make_segmenter("rjieba", lexicons))


@pytest.fixture(scope="session")
def make_doc(resources):
    """Doc for `text` after normalise, metadata and segment (no extractor has run)."""
    stages = [NormaliseStage(resources), MetadataStage(resources), SegmentStage(resources)]

    def build(text: str, doc_id: str = "t", **hints: str) -> Doc:
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        doc = Doc(doc_id=doc_id, raw=text, source=SourceInfo("test", sha, "utf_8", "txt"), hints=dict(hints))
        for stage in stages:
            doc = stage(doc)
        return doc

    return build
