"""Evaluation gate: the seed-gold scores never fall below the floors in eval_baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, load_gold
from pipeline.ingest import read_documents
from pipeline.pipeline import Pipeline
from tests.conftest import GOLD, SEEDS

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict:
    pipeline = Pipeline()
    output = {}
    for seed in SEEDS:
        (doc,) = read_documents(str(seed))
        output[seed.stem] = pipeline.process(doc).model_dump(mode="json")
    return evaluate(load_gold(GOLD), output)


def _score(scores: dict, key: str) -> float:
    kind, metric = key.split(".")
    return scores[kind][metric]


@pytest.mark.parametrize("key", sorted(BASELINE["floors"]))
def test_seed_score_holds_its_floor(scores, key):
    floor = BASELINE["floors"][key]
    assert _score(scores, key) >= floor, f"{key} fell to {_score(scores, key):.3f}, below its floor {floor}"


@pytest.mark.parametrize("key", sorted(BASELINE["targets"]))
def test_a_met_target_becomes_the_floor(scores, key):
    """Once the code meets an issue's target, the floor must be raised to it so it cannot slip back."""
    target, floor = BASELINE["targets"][key], BASELINE["floors"][key]
    if _score(scores, key) >= target:
        assert floor >= target, f"{key} meets its target {target}: raise its floor from {floor}"
