"""--engine dask on a LocalCluster writes the same bytes as a local run, errors included and in order."""

from __future__ import annotations

import json
import os

import pytest

from pipeline.runner import RunOptions, run
from tests.conftest import CORPUS, SEEDS

pytest.importorskip("distributed")


def _output(tmp_path, name: str, paths: list[str], **options) -> tuple[bytes, bytes]:
    out, err = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.err.jsonl"
    run(paths, RunOptions(output=str(out), errors=str(err), quiet=True, **options))
    return out.read_bytes(), err.read_bytes()


def test_dask_engine_equals_the_local_run_byte_for_byte(tmp_path):
    archive = tmp_path / "more.jsonl"
    lines = [json.dumps({"id": f"s{i}", "text": seed.read_text("utf-8")[:600]}, ensure_ascii=False)
             for i, seed in enumerate(SEEDS)]
    lines.insert(2, '{"id": "broken"')  # an error between partitions keeps its place
    archive.write_text("\n".join(lines) + "\n", "utf-8")
    paths = [str(CORPUS), str(archive)]
    local_out, local_err = _output(tmp_path, "local", paths, workers=1)
    dask_out, dask_err = _output(tmp_path, "dask", paths, engine="dask", workers=1, partition_docs=3)
    assert local_out.count(b"\n") == 10 and local_err.count(b"\n") == 1
    assert dask_out == local_out and dask_err == local_err
    assert not [name for name in os.listdir(tmp_path) if ".parts-" in name]  # part files merged and removed


def test_slow_document_times_out_on_a_dask_worker_thread(tmp_path, monkeypatch):
    import time

    from pipeline.claims import ClaimStage

    original = ClaimStage.__call__

    def slow_on_s1(self, doc):
        if doc.doc_id == "s1":
            started = time.monotonic()
            while time.monotonic() - started < 30:  # a pathological document: pure Python, no end soon
                pass
        return original(self, doc)

    monkeypatch.setattr(ClaimStage, "__call__", slow_on_s1)
    archive = tmp_path / "slow.jsonl"
    archive.write_text("\n".join(json.dumps({"id": f"s{i}", "text": seed.read_text("utf-8")[:300]},
                                            ensure_ascii=False) for i, seed in enumerate(SEEDS)) + "\n", "utf-8")
    started = time.monotonic()
    out, err = _output(tmp_path, "dask", [str(archive)], engine="dask", workers=1, doc_timeout=0.5)
    assert time.monotonic() - started < 25
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["s0", "s2", "s3", "s4"]
    (error,) = [json.loads(line) for line in err.splitlines()]
    assert (error["doc_id"], error["stage"]) == ("s1", "timeout")
