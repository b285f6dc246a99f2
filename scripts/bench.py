"""Benchmark: end-to-end `zhfacts extract` throughput and peak memory, against segmenter peers.

    .venv/bin/python scripts/bench.py [--size-mb 20] [--big-mb 100] [--sample-chars 700000]

Builds a corpus of real news text (the People's Daily month in ../shared/data when present, else the
bundled corpus, repeated under distinct ids) into out/bench/ (never committed), runs zhfacts once on
a few documents unmeasured (a fresh checkout compiles the CRF decoder's cache then), and measures:
- `zhfacts extract` wall-clock characters/s with 1 worker and with every core, peak RSS;
- on a sample of the same text, one core: jieba.cut, jieba.posseg.cut, spaCy `zh` (jieba segmenter);
- peak RSS at a second, larger corpus size (2 workers), to show memory does not grow with size;
- CPU seconds per pipeline stage on the same sample, in-process: where the time goes.
Peak RSS is the largest single process (getrusage RUSAGE_CHILDREN) and, when psutil is importable,
the sampled sum over the whole process tree (parent and workers). Writes out/bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RMRB = ROOT.parent / "shared" / "data" / "rmrb-2019-02.jsonl"
OUT = ROOT / "out" / "bench"
ZHFACTS = [sys.executable, "-m", "pipeline.cli"]
# Runs the command and prints its exit status and the peak RSS (KB) of the largest process in its tree.
PROBE = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
         "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def source_lines() -> tuple[list[dict], str]:
    if RMRB.exists():
        with open(RMRB, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()], str(RMRB)
    corpus = sorted((ROOT / "corpus").glob("*.txt"))
    return [{"id": p.stem, "text": p.read_text("utf-8")} for p in corpus], "corpus/"


def build_corpus(megabytes: int) -> tuple[Path, int, int, str]:
    """JSON Lines of at least `megabytes` MB: the source repeated, each copy with distinct ids."""
    records, origin = source_lines()
    path = OUT / f"news-{megabytes}mb.jsonl"
    target = megabytes * 1_000_000
    size = chars = docs = 0
    with open(path, "w", encoding="utf-8") as fh:
        copy = 0
        while size < target:
            for record in records:
                line = json.dumps({**record, "id": f"{record['id']}-r{copy}"}, ensure_ascii=False) + "\n"
                fh.write(line)
                size += len(line.encode("utf-8"))
                chars += len(record["text"])
                docs += 1
            copy += 1
    return path, chars, docs, origin


class TreeMemory:
    """Sum of RSS over a process and its descendants, sampled (psutil when installed)."""

    def __init__(self, pid: int) -> None:
        try:
            import psutil
        except ImportError:
            self.peak = None
            return
        self.peak = 0
        self._root = psutil.Process(pid)
        self._psutil = psutil
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self._root, *self._root.children(recursive=True)]
                total = 0
                for proc in procs:
                    try:
                        total += proc.memory_info().rss
                    except self._psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except self._psutil.Error:
                return
            self._stop.wait(0.1)

    def stop(self) -> int | None:
        if self.peak is not None:
            self._stop.set()
            self._thread.join()
        return self.peak


def extract(corpus: Path, workers: int, chars: int) -> dict:
    out = OUT / f"out-{corpus.stem}-w{workers}.jsonl"
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", PROBE, *ZHFACTS, "extract", str(corpus), "-o", str(out),
                             "--errors", str(out) + ".err", "--workers", str(workers), "--quiet"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tree = TreeMemory(proc.pid)
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - started
    tree_peak = tree.stop()
    code, single_peak_kb = map(int, stdout.split()[-2:])
    return {
        "corpus": corpus.name, "workers": workers, "chars": chars, "elapsed_s": round(elapsed, 2),
        "chars_per_s": round(chars / elapsed), "exit": code,
        "peak_rss_mb_largest_process": round(single_peak_kb / 1024),
        "peak_rss_mb_process_tree": round(tree_peak / 2**20) if tree_peak else None,
        "summary": stderr.strip().splitlines()[-2:] if stderr.strip() else [],
    }


def warm_up(corpus: Path, docs: int = 20) -> None:
    """Run zhfacts once on a few documents, unmeasured: the first run in a fresh checkout compiles the
    CRF decoder's numba functions into their cache (about 5 s once), which is no part of throughput."""
    sample = OUT / "warm-up.jsonl"
    with open(corpus, encoding="utf-8") as source, open(sample, "w", encoding="utf-8") as fh:
        for _, line in zip(range(docs), source):
            fh.write(line)
    subprocess.run([*ZHFACTS, "extract", str(sample), "-o", os.devnull, "--workers", "1", "--quiet"],
                   cwd=ROOT, check=True, capture_output=True)
    sample.unlink()


def sample_text(corpus: Path, limit: int) -> str:
    parts, total = [], 0
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text)
            if total >= limit:
                break
    return "\n".join(parts)


def peers(text: str) -> dict:
    """Characters/s of the peer segmenters on one core, loading time excluded."""
    import jieba
    import jieba.posseg
    import spacy

    jieba.setLogLevel(60)
    jieba.initialize()
    results = {}
    paragraphs = text.split("\n")

    def timed(name: str, work) -> None:
        started = time.perf_counter()
        work()
        results[name] = round(len(text) / (time.perf_counter() - started))

    timed("jieba.cut", lambda: [list(jieba.cut(p)) for p in paragraphs])
    timed("jieba.posseg", lambda: [list(jieba.posseg.cut(p)) for p in paragraphs])
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    timed("spacy zh (jieba)", lambda: list(nlp.pipe(paragraphs, batch_size=256)))
    try:
        import rjieba

        timed("rjieba.cut", lambda: [rjieba.cut(p) for p in paragraphs])
    except ImportError:
        pass
    return results


def stage_split(corpus: Path, limit: int) -> dict:
    """CPU seconds per pipeline stage over the first `limit` characters of the corpus, in this
    process (one core): where the end-to-end time goes, for the next person profiling."""
    sys.path.insert(0, str(ROOT))
    from pipeline.ingest import iter_documents
    from pipeline.pipeline import Pipeline

    started = time.process_time()
    pipeline = Pipeline()
    documents = iter_documents([str(corpus)])
    pipeline.process(next(documents))  # warm-up: the compiled CRF decoder loads on its first call
    startup = time.process_time() - started
    seconds = {stage.name: 0.0 for stage in pipeline.stages}
    chars = 0
    for doc in documents:
        if chars >= limit:
            break
        chars += len(doc.raw)
        for stage in pipeline.stages:
            begun = time.process_time()
            doc = stage(doc)
            seconds[stage.name] += time.process_time() - begun
    total = sum(seconds.values())
    return {"chars": chars, "startup_s": round(startup, 2), "cpu_s": round(total, 2),
            "chars_per_cpu_s": round(chars / total) if total else 0,
            "stages": {name: {"cpu_s": round(t, 3), "share": round(t / total, 3)} for name, t in seconds.items()}}


def table(report: dict) -> str:
    rows = ["run                              chars/s   elapsed  peak RSS (largest / tree, MB)"]
    for run in report["extract"]:
        label = f"zhfacts {run['corpus']} x{run['workers']}"
        rows.append(f"{label:32s} {run['chars_per_s']:>9,} {run['elapsed_s']:>8}s  "
                    f"{run['peak_rss_mb_largest_process']} / {run['peak_rss_mb_process_tree']}")
    for name, rate in report["peers"].items():
        rows.append(f"{name:32s} {rate:>9,}")
    rows.append(f"speed-up all cores vs 1 worker: {report['speedup']}x")
    split = report["stage_split"]
    rows.append(f"stages, CPU s over {split['chars']:,} chars (start-up {split['startup_s']} s): "
                + ", ".join(f"{name} {t['cpu_s']} ({t['share']:.0%})" for name, t in split["stages"].items()))
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=20, help="main corpus size (MB of JSON Lines)")
    parser.add_argument("--big-mb", type=int, default=100, help="second corpus size for the memory check (0: skip)")
    parser.add_argument("--sample-chars", type=int, default=700_000, help="characters for the peer segmenters")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="'all cores' run")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    corpus, chars, docs, origin = build_corpus(args.size_mb)
    report = {"source": origin, "corpus": {"path": str(corpus.relative_to(ROOT)), "chars": chars, "docs": docs,
                                          "bytes": corpus.stat().st_size},
              "cores": os.cpu_count(), "extract": []}
    print(f"corpus {corpus.name}: {docs} docs, {chars:,} chars from {origin}", file=sys.stderr)
    warm_up(corpus)
    one = extract(corpus, 1, chars)
    report["extract"].append(one)
    many = extract(corpus, args.workers, chars)
    report["extract"].append(many)
    report["speedup"] = round(many["chars_per_s"] / one["chars_per_s"], 2)
    report["peers"] = peers(sample_text(corpus, args.sample_chars))
    report["peer_sample_chars"] = args.sample_chars
    report["stage_split"] = stage_split(corpus, args.sample_chars)
    if args.big_mb:
        big, big_chars, big_docs, _ = build_corpus(args.big_mb)
        report["extract"].append(extract(big, min(2, args.workers), big_chars))
        big.unlink()
    report["targets"] = {"one_worker_chars_per_s": 500_000, "speedup": 1.7, "peak_rss_mb": 1024}
    (ROOT / "out" / "bench.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(table(report))


if __name__ == "__main__":
    main()
