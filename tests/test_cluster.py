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
