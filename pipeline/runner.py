"""Batch runs: stream inputs through a pipeline, write records and errors, keep a summary.

One loop writes every run, whatever executes the documents: in this process, in worker processes
(`pipeline.parallel`) or on a Dask cluster (`pipeline.cluster`). Each engine turns the input stream
into `Outcome`s in input order, so the output bytes do not depend on the engine or the worker count.

The library never prints except through the progress bar it is asked for; the CLI turns the
returned `Summary` into text and an exit status.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import IO, Iterable, Iterator

from tqdm import tqdm

from .document import Doc
from .errors import DocumentTimeout, ZhfactsError
from .ingest import IngestFailure, InputWalker, Limits, input_format, iter_documents
from .resume import ResumeState
from .writer import dump_dict, dump_line

KINDS = ("institutions", "people", "programs", "claims")
Item = Doc | IngestFailure
# A document's work makes tens of thousands of short-lived containers (tokens, spans, findings) and
# next to no reference cycles. At CPython's default first threshold (700 new containers) the
# collector runs about once per article and walks its token lists each time: 4% of a run's CPU.
GC_FIRST_THRESHOLD = 10_000


@dataclass
class RunOptions:
    output: str = "-"
    errors: str | None = None
    quiet: bool = False
    limits: Limits = field(default_factory=Limits)
    exclude_dirs: tuple[str, ...] = ("gold",)
    workers: int = 1  # 1: in this process; more: that many worker processes
    resume: bool = False  # skip documents already in `output`/`errors`, append the rest
    doc_timeout: float | None = 60.0  # seconds per document; None: no limit
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # dask scheduler address; None: start a LocalCluster
    chunk_docs: int = 16  # documents shipped to a worker at once
    partition_docs: int = 256  # documents per Dask partition (one part file each)


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    skipped: int = 0  # already written by an earlier run (--resume)
    characters: int = 0
    records: Counter = field(default_factory=Counter)
    elapsed: float = 0.0
    error_reasons: Counter = field(default_factory=Counter)
    workers: int = 1
    engine: str = "local"

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "failed": self.failed,
            "skipped": self.skipped,
            "characters": self.characters,
            "records": {k: self.records[k] for k in KINDS},
            "errors": dict(sorted(self.error_reasons.items())),
            "elapsed_s": round(self.elapsed, 3),
            "docs_per_s": round((self.documents + self.failed) / self.elapsed, 1) if self.elapsed else 0.0,
            "chars_per_s": round(self.characters / self.elapsed) if self.elapsed else 0,
            "workers": self.workers,
            "engine": self.engine,
        }


@dataclass
class Outcome:
    """What processing one document gave: a JSON line, or an error record."""

    line: str | None = None
    error: dict | None = None
    characters: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def process_document(pipeline, doc: Doc) -> Outcome:
    """Stages 2-7 on one document; any failure becomes an error record naming its stage."""
    try:
        article = pipeline.process(doc)
        line = dump_line(article)
    except ZhfactsError as exc:
        return Outcome(error=_error(doc, exc.stage, str(exc)), characters=len(doc.raw))
    except Exception as exc:  # outside any stage (record building, serialising): still one document only
        return Outcome(error=_error(doc, "pipeline", f"{type(exc).__name__}: {exc}"), characters=len(doc.raw))
    counts = {kind: len(getattr(article, kind)) for kind in KINDS}
    return Outcome(line=line, characters=len(doc.raw), counts=counts)


def _error(doc: Doc, stage: str, message: str) -> dict:
    return {"path": doc.source.path, "line": doc.source.line, "doc_id": doc.doc_id, "stage": stage,
            "error": message}


def failure_record(failure: IngestFailure) -> dict:
    return failure.as_record()


def settle_collector() -> None:
    """For a process that has loaded its pipeline and now runs documents: move what it loaded
    (lexicons, models: long-lived, never garbage) out of the collector's scans, and collect young
    objects less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])


def outcome_of(pipeline, item: Item, timeout: float | None) -> Outcome:
    """The per-document function every engine runs: an ingested item to an `Outcome`."""
    if isinstance(item, IngestFailure):
        return Outcome(error=failure_record(item))
    try:
        with time_limit(timeout):
            return process_document(pipeline, item)
    except DocumentTimeout as exc:  # raised between stages, where no stage could swallow it
        return Outcome(error=_error(item, exc.stage, str(exc)), characters=len(item.raw))


@contextmanager
def time_limit(seconds: float | None):
    """Raise `DocumentTimeout` inside the body once `seconds` have passed.

    In the main thread (local engine) a SIGALRM interrupts even a blocking call; in another thread
    (Dask runs tasks in worker threads) a timer thread raises the exception asynchronously in this
    one, which takes effect at its next Python instruction. Either way the exception re-fires every
    50 ms until the body ends, so a stage that swallows the first one with a broad `except` is
    interrupted again; a result finished after the deadline is discarded as a timeout too, so what a
    late document gives never depends on where it was cut.
    """
    if not seconds:
        yield
        return
    message = f"document took longer than the {seconds:g} s limit (--doc-timeout)"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM"):
        limit = _alarm_limit
    else:
        limit = _thread_limit
    with limit(seconds, message):
        yield


REFIRE_SECONDS = 0.05


@contextmanager
def _alarm_limit(seconds: float, message: str):
    state = {"active": True, "expired": False}

    def on_alarm(signum, frame):
        if not state["active"]:
            return
        state["expired"] = True
        signal.setitimer(signal.ITIMER_REAL, REFIRE_SECONDS)
        raise DocumentTimeout(message)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        while True:  # the alarm may fire during clean-up itself: retry until it is switched off
            try:
                state["active"] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except DocumentTimeout:
                continue
    if state["expired"]:
        raise DocumentTimeout(message)


def _raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> None:
    """Schedule `exception` in another thread (None clears a pending one): CPython's
    PyThreadState_SetAsyncExc, the only way to interrupt a thread from outside."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


@contextmanager
def _thread_limit(seconds: float, message: str):
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "expired": False, "timer": None}

    def fire():
        with lock:
            if not state["active"]:
                return
            state["expired"] = True
            _raise_in_thread(target, DocumentTimeout)
            state["timer"] = _start_timer(REFIRE_SECONDS, fire)

    state["timer"] = _start_timer(seconds, fire)
    try:
        yield
    except DocumentTimeout:
        if not state["expired"]:
            raise  # not ours: a stage raised it
    finally:
        while True:  # the exception may arrive during clean-up itself: retry until switched off
            try:
                with lock:
                    state["active"] = False
                    state["timer"].cancel()
                    _raise_in_thread(target, None)  # drop one scheduled but not yet delivered
                break
            except DocumentTimeout:
                continue
    if state["expired"]:
        raise DocumentTimeout(message)


def _start_timer(seconds: float, callback) -> threading.Timer:
    timer = threading.Timer(seconds, callback)
    timer.daemon = True
    timer.start()
    return timer


class SequentialEngine:
    """Documents one after another in this process (--workers 1)."""

    def __init__(self, config, options: RunOptions) -> None:
        from .pipeline import Pipeline

        self.pipeline = Pipeline(config)
        self.timeout = options.doc_timeout
        settle_collector()

    def map(self, items: Iterable[Item]) -> Iterator[Outcome]:
        for item in items:
            yield outcome_of(self.pipeline, item, self.timeout)

    def close(self) -> None:
        pass


def make_engine(config, options: RunOptions):
    if options.engine == "dask":
        from .cluster import DaskEngine

        return DaskEngine(config, options)
    if options.engine != "local":
        raise ZhfactsError(f"unknown engine {options.engine!r} (local, dask)")
    if options.workers > 1:
        from .parallel import ProcessEngine

        return ProcessEngine(config, options)
    return SequentialEngine(config, options)


def _open(path: str, stack: ExitStack, default: IO[str], append: bool = False) -> IO[str]:
    if path == "-":
        return default
    return stack.enter_context(open(path, "a" if append else "w", encoding="utf-8", newline="\n"))


def known_total(paths: list[str]) -> int | None:
    """The number of documents when it costs nothing to know: only single-document files given."""
    if all(p != "-" and os.path.isfile(p) and input_format(p) in ("txt", "html") for p in paths):
        return len(paths)
    return None


class Run:
    """One batch run: owns the output streams and the summary."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.summary = Summary(workers=options.workers, engine=options.engine)

    def documents(self, paths: list[str]) -> Iterator[Item]:
        walker = InputWalker(exclude_dirs=self.options.exclude_dirs)
        return iter_documents(paths, self.options.limits, walker)

    def record(self, outcome: Outcome, out: IO[str], err: IO[str]) -> None:
        if outcome.line is not None:
            out.write(outcome.line)
            self.summary.documents += 1
            self.summary.records.update(outcome.counts)
        else:
            self.fail(outcome.error, err)
        self.summary.characters += outcome.characters

    def fail(self, error: dict, err: IO[str]) -> None:
        err.write(dump_dict(error))
        self.summary.failed += 1
        self.summary.error_reasons[error["stage"]] += 1


class Progress:
    """tqdm on stderr: documents/s from tqdm, characters/s and errors in the postfix."""

    def __init__(self, stack: ExitStack, quiet: bool, total: int | None, started: float) -> None:
        self.bar = stack.enter_context(tqdm(
            total=total, disable=quiet, unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5))
        self.started = started
        self.last = 0.0

    def update(self, summary: Summary) -> None:
        self.bar.update(1)
        now = time.perf_counter()
        if now - self.last >= 0.5:  # formatting the postfix every document would cost more than tqdm
            self.last = now
            self._postfix(summary, now, refresh=False)

    def finish(self, summary: Summary) -> None:
        self._postfix(summary, time.perf_counter(), refresh=True)

    def _postfix(self, summary: Summary, now: float, refresh: bool) -> None:
        rate = summary.characters / max(now - self.started, 1e-9)
        self.bar.set_postfix_str(f"{rate / 1000:,.0f}k chars/s, errors={summary.failed}", refresh=refresh)


def run(paths: list[str], options: RunOptions, config=None) -> Summary:
    """Process every input with the engine the options choose; output in input order."""
    if config is None:
        from .pipeline import PipelineConfig

        config = PipelineConfig()
    batch = Run(options)
    started = time.perf_counter()
    resume = ResumeState.open(options.output, options.errors) if options.resume else None
    engine = make_engine(config, options)  # before any thread starts: worker processes fork cleanly
    try:
        with ExitStack() as stack:
            out = _open(options.output, stack, sys.stdout, append=resume is not None)
            err = _open(options.errors, stack, sys.stderr, append=resume is not None) if options.errors else sys.stderr
            items: Iterator[Item] = batch.documents(paths)
            total = known_total(paths)
            if resume is not None:
                items = resume.filter(items)
            progress = Progress(stack, options.quiet, total, started)
            for outcome in engine.map(items):
                batch.record(outcome, out, err)
                progress.update(batch.summary)
            progress.finish(batch.summary)
            if resume is not None:
                batch.summary.skipped = resume.skipped
    finally:
        engine.close()
    batch.summary.elapsed = time.perf_counter() - started
    return batch.summary


def summary_text(summary: Summary) -> str:
    data = summary.as_dict()
    records = ", ".join(f"{data['records'][k]} {k}" for k in KINDS)
    skipped = f", {data['skipped']} already done (resume)" if data["skipped"] else ""
    reasons = ""
    if data["errors"]:
        reasons = " (" + ", ".join(f"{n} {stage}" for stage, n in data["errors"].items()) + ")"
    return (f"zhfacts: {data['documents']} documents written, {data['failed']} failed{reasons}{skipped}; "
            f"{records}; {data['elapsed_s']} s, {data['docs_per_s']} docs/s, {data['chars_per_s']} chars/s "
            f"({data['engine']}, {data['workers']} worker(s))")
