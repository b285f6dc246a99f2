"""Batch runs: same bytes for any worker count, resume after SIGKILL, time limits, crashes, hostile inputs."""

from __future__ import annotations

import gc
import gzip
import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from pipeline.claims import ClaimStage
from pipeline.resume import ResumeState, cut_torn_line
from pipeline.runner import GC_FIRST_THRESHOLD, RunOptions, known_total, run, settle_collector, summary_text
from tests.conftest import CORPUS, ROOT, SEEDS


def _paragraph_docs(count: int) -> list[dict]:
    """Short real articles: runs of consecutive sentences of the seed articles."""
    sentences = [s + "。" for seed in SEEDS for s in seed.read_text("utf-8").split("。") if len(s.strip()) > 10]
    docs = []
    for i in range(count):
        start = (i * 6) % max(1, len(sentences) - 6)
        docs.append({"id": f"p{i:03d}", "date": "2019-02-01", "text": "".join(sentences[start:start + 6])})
    return docs


def _write_corpus(path: Path, count: int, bad_every: int = 7) -> Path:
    """JSON Lines with real text, a malformed line and an empty text now and then, and one repeat."""
    lines = []
    for i, doc in enumerate(_paragraph_docs(count)):
        lines.append(json.dumps(doc, ensure_ascii=False))
        if i % bad_every == 3:
            lines.append('{"id": "broken", "text": "未闭合')
        if i % bad_every == 5:
            lines.append(json.dumps({"id": f"empty{i}", "text": "  "}))
    lines.append(lines[0])  # the same document twice: written twice, by any run, resumed or not
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _run(tmp_path: Path, name: str, paths: list[str], **options) -> tuple[bytes, bytes, object]:
    out, err = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.err.jsonl"
    summary = run(paths, RunOptions(output=str(out), errors=str(err), quiet=True, **options))
    return out.read_bytes(), err.read_bytes(), summary


def _ids(data: bytes) -> list[str]:
    return [json.loads(line)["doc_id"] for line in data.splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl", 24)


def test_output_bytes_do_not_depend_on_worker_count(tmp_path, corpus):
    paths = [str(corpus), str(CORPUS)]
    one_out, one_err, one = _run(tmp_path, "one", paths, workers=1)
    two_out, two_err, two = _run(tmp_path, "two", paths, workers=2, chunk_docs=3)
    assert one_out == two_out and one_err == two_err
    assert one.documents == two.documents == 24 + 1 + 5
    assert one.failed == two.failed == 3 + 3  # malformed lines, empty texts
    assert _ids(one_out)[:2] == ["p000", "p001"] and _ids(one_out)[-6:] == ["p000"] + [s.stem for s in SEEDS]


def test_summary_counts_records_and_errors_by_kind(tmp_path, corpus):
    out, _, summary = _run(tmp_path, "s", [str(corpus)], workers=1)
    claims = sum(len(json.loads(line)["claims"]) for line in out.splitlines())
    assert summary.records["claims"] == claims
    assert dict(summary.error_reasons) == {"ingest": 6}
    text = summary_text(summary)
    assert "25 documents written, 6 failed (6 ingest)" in text and "chars/s" in text


def test_total_is_known_only_for_single_document_files(corpus):
    assert known_total([str(s) for s in SEEDS]) == 5
    assert known_total([str(CORPUS)]) is None  # a folder is never pre-scanned
    assert known_total([str(corpus)]) is None  # nor a JSON Lines archive


# --- resume -------------------------------------------------------------------------------------

def _cli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", *args, "--quiet"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_settle_collector_freezes_what_is_loaded_and_collects_less_often():
    before = gc.get_threshold()
    try:
        settle_collector()
        assert gc.get_threshold() == (GC_FIRST_THRESHOLD, *before[1:])
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_resume_after_sigkill_gives_the_uninterrupted_output(tmp_path):
    corpus = _write_corpus(tmp_path / "news.jsonl", 60, bad_every=5)
    full, full_err = tmp_path / "full.jsonl", tmp_path / "full.err.jsonl"
    assert _cli(str(corpus), "-o", str(full), "--errors", str(full_err), "--workers", "1").wait() == 1

    out, err = tmp_path / "out.jsonl", tmp_path / "out.err.jsonl"
    victim = _cli(str(corpus), "-o", str(out), "--errors", str(err), "--workers", "1")
    deadline = time.monotonic() + 30
    while _lines(out) < 8 and time.monotonic() < deadline and victim.poll() is None:
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    written = _lines(out)
    assert 8 <= written < _lines(full), "the run must be killed mid-way"

    assert _cli(str(corpus), "-o", str(out), "--errors", str(err), "--workers", "1", "--resume").wait() == 1
    for resumed, reference in ((out, full), (err, full_err)):
        got, want = resumed.read_text("utf-8").splitlines(), reference.read_text("utf-8").splitlines()
        assert sorted(got) == sorted(want)  # none missing, none extra
        assert len(set(got)) == len(got)  # no duplicate (the repeated document differs by its line number)
        assert got == want  # and even in the same order


def test_resume_cuts_a_torn_last_line_and_skips_what_is_written(tmp_path, corpus):
    full, full_err, _ = _run(tmp_path, "full", [str(corpus)], workers=1)
    lines = full.splitlines(keepends=True)
    out, err = tmp_path / "r.jsonl", tmp_path / "r.err.jsonl"
    out.write_bytes(b"".join(lines[:10]) + lines[10][:77])  # killed while writing line 11
    err.write_bytes(full_err.splitlines(keepends=True)[0])
    summary = run([str(corpus)], RunOptions(output=str(out), errors=str(err), quiet=True, resume=True))
    assert out.read_bytes() == full and err.read_bytes() == full_err
    assert summary.skipped == 11 and summary.documents == len(lines) - 10


def test_resume_counts_repeated_documents(tmp_path, corpus):
    full, _, _ = _run(tmp_path, "full", [str(corpus)], workers=1)
    out = tmp_path / "r.jsonl"
    out.write_bytes(full.splitlines(keepends=True)[0])  # p000 once; the corpus holds it twice
    run([str(corpus)], RunOptions(output=str(out), errors=str(tmp_path / "e.jsonl"), quiet=True, resume=True))
    assert _ids(out.read_bytes()).count("p000") == 2 and out.read_bytes() == full


def test_cut_torn_line(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"a":1}\n{"b":2}\n{"c":')
    assert cut_torn_line(str(path)) == 5 and path.read_bytes() == b'{"a":1}\n{"b":2}\n'
    path.write_bytes(b'{"c":')
    assert cut_torn_line(str(path)) == 5 and path.read_bytes() == b""


def test_resume_refuses_a_file_that_is_not_zhfacts_output(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text("hello\n", "utf-8")
    with pytest.raises(Exception, match="is not a JSON record"):
        ResumeState.open(str(path), None)


# --- time limits and crashes --------------------------------------------------------------------

def _misbehave_on(doc_id: str, action):
    original = ClaimStage.__call__

    def call(self, doc):
        if doc.doc_id == doc_id:
            action()
        return original(self, doc)

    return call


def _hang_without_alarm():
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # native code that never checks signals
    time.sleep(30)


@pytest.mark.parametrize("workers", [1, 2])
def test_slow_document_times_out_and_the_run_goes_on(tmp_path, corpus, monkeypatch, workers):
    monkeypatch.setattr(ClaimStage, "__call__", _misbehave_on("p002", lambda: time.sleep(30)))
    out, err, summary = _run(tmp_path, "t", [str(corpus)], workers=workers, doc_timeout=0.5, chunk_docs=4)
    assert "p002" not in _ids(out) and len(_ids(out)) == 24
    timeouts = [json.loads(line) for line in err.splitlines() if b'"timeout"' in line]
    assert [(t["doc_id"], t["stage"]) for t in timeouts] == [("p002", "timeout")]
    assert "0.5 s limit" in timeouts[0]["error"]


def test_hung_worker_is_killed_and_replaced(tmp_path, corpus, monkeypatch):
    from pipeline.parallel import ProcessEngine

    monkeypatch.setattr(ClaimStage, "__call__", _misbehave_on("p004", _hang_without_alarm))
    monkeypatch.setattr(ProcessEngine, "grace", 1.0)  # the alarm is blocked: this backstop acts
    started = time.monotonic()
    out, err, _ = _run(tmp_path, "h", [str(corpus)], workers=2, doc_timeout=0.3, chunk_docs=2)
    assert time.monotonic() - started < 25
    assert "p004" not in _ids(out) and len(_ids(out)) == 24
    assert [json.loads(line)["stage"] for line in err.splitlines() if b'"p004"' in line] == ["timeout"]


def test_worker_crash_is_isolated_to_its_document(tmp_path, corpus, monkeypatch):
    expected, _, _ = _run(tmp_path, "ref", [str(corpus)], workers=1)
    monkeypatch.setattr(ClaimStage, "__call__", _misbehave_on("p006", lambda: os._exit(3)))
    out, err, summary = _run(tmp_path, "c", [str(corpus)], workers=2, chunk_docs=3)
    assert [i for i in _ids(expected) if i != "p006"] == _ids(out)
    crashes = [json.loads(line) for line in err.splitlines() if b'"crash"' in line]
    assert [(c["doc_id"], c["error"]) for c in crashes] == [("p006", "worker process died on this document")]


def test_exception_in_a_stage_becomes_an_error_record(tmp_path, corpus, monkeypatch):
    def boom():
        raise ValueError("bad figure")

    monkeypatch.setattr(ClaimStage, "__call__", _misbehave_on("p001", boom))
    out, err, summary = _run(tmp_path, "x", [str(corpus)], workers=1)
    record = [json.loads(line) for line in err.splitlines() if b'"p001"' in line]
    assert record == [{"path": str(corpus), "line": 2, "doc_id": "p001", "stage": "claims",
                       "error": "ValueError: bad figure"}]


# --- hostile inputs -----------------------------------------------------------------------------

def _gzip_bomb(path: Path, megabytes: int) -> None:
    """A .jsonl.gz that inflates ~1000x: written a megabyte at a time, never held in memory."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    block = b"0" * (1 << 20)
    with open(path, "wb") as fh:
        fh.write(packer.compress(b'{"id": "bomb", "text": "'))
        for _ in range(megabytes):
            fh.write(packer.compress(block))
        fh.write(packer.compress(b'"}\n'))
        fh.write(packer.flush())


def _sparse(path: Path, head: bytes, size: int, tail: bytes) -> None:
    """A file of `size` bytes that takes no disk and no memory to make (a hole in the middle)."""
    with open(path, "wb") as fh:
        fh.write(head)
        fh.seek(size - len(tail))
        fh.write(tail)


def test_hostile_archive_is_refused_with_bounded_memory(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _gzip_bomb(inputs / "a_bomb.jsonl.gz", 60)
    _sparse(inputs / "b_huge.txt", "标题\n".encode(), 300 << 20, b"\n")
    _sparse(inputs / "c_huge_line.jsonl", b'{"id": "huge", "text": "', 300 << 20,
            b'"}\n' + json.dumps({"id": "after", "text": SEEDS[0].read_text("utf-8")[:800]}).encode() + b"\n")
    (inputs / "d_deep.jsonl").write_text('{"id": "deep", "text": "x", "n": ' + "[" * 50_000 + "]" * 50_000 + "}\n")
    (inputs / "e_ok.txt").write_text(SEEDS[1].read_text("utf-8")[:1000], "utf-8")
    out, err = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    probe = ("import resource, subprocess, sys; "
             "code = subprocess.call(sys.argv[1:]); "
             "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "pipeline.cli", "extract",
                             str(inputs), "-o", str(out), "--errors", str(err), "--quiet", "--workers", "2"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    code, peak_kb = map(int, result.stdout.split())
    assert code == 1  # some input failed
    assert _ids(out.read_bytes()) == ["after", "e_ok"]
    reasons = {Path(e["path"]).name: e["error"] for e in map(json.loads, err.read_text("utf-8").splitlines())}
    assert reasons["a_bomb.jsonl.gz"].startswith("gzip bomb refused")
    assert reasons["b_huge.txt"].startswith("document too large: 314572800 bytes")
    assert reasons["c_huge_line.jsonl"].startswith("line too long")
    assert reasons["d_deep.jsonl"].startswith("JSON nested too deeply")
    assert peak_kb < 400_000, f"peak RSS {peak_kb // 1024} MB: a hostile input was held in memory"


def _in_thread(body):
    """Run `body` in a worker thread (as Dask does) and return what it raised, or None."""
    import threading

    caught = []

    def target():
        try:
            body()
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            caught.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    return caught[0] if caught else None


def test_time_limit_interrupts_a_worker_thread():
    from pipeline.errors import DocumentTimeout
    from pipeline.runner import time_limit

    def busy():
        started = time.monotonic()
        with time_limit(0.2):
            while time.monotonic() - started < 5:  # pure Python: interruptible between instructions
                pass

    started = time.monotonic()
    exc = _in_thread(busy)
    assert isinstance(exc, DocumentTimeout) and "0.2 s limit" in str(exc)
    assert time.monotonic() - started < 2


def test_time_limit_in_a_thread_catches_a_stage_that_swallows_it():
    from pipeline.errors import DocumentTimeout
    from pipeline.runner import time_limit

    def stubborn():
        started = time.monotonic()
        with time_limit(0.1):
            while time.monotonic() - started < 5:
                try:
                    while time.monotonic() - started < 5:
                        pass
                except Exception:  # noqa: BLE001 - a careless stage
                    continue

    assert isinstance(_in_thread(stubborn), DocumentTimeout)


def test_time_limit_in_a_thread_leaves_nothing_behind():
    from pipeline.runner import time_limit

    def quick():
        for _ in range(200):
            with time_limit(0.05):
                pass  # done long before the deadline: its timer must be cancelled
        started = time.monotonic()
        while time.monotonic() - started < 0.3:  # Python running past every deadline: nothing arrives
            pass

    assert _in_thread(quick) is None
