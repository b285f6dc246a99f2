"""--workers N: documents in N worker processes, results in input order.

Each worker builds one `Pipeline` in its initializer (lexicons and segmenter load once per process,
not per document). The input stream is cut into small chunks of ingested documents (a `Doc` is the
decoded text and a few fields, cheap to pickle) and at most `window` chunks are in flight, so memory
stays flat however long the stream is; results are collected in submission order, so the output is
the same bytes for any N.

A worker that dies (a crash in native code, the OOM killer) or hangs where the in-worker alarm cannot
reach it (native code that never returns to Python) breaks the pool: the chunks in flight are then
redone one document at a time on a fresh pool, so the culprit alone is reported (stage "crash" or
"timeout") and every other document is still written.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from .errors import ZhfactsError
from .ingest import IngestFailure
from .runner import Item, Outcome, RunOptions, _error, outcome_of, settle_collector

# What one worker process holds: its pipeline and the time limit. Set once by the initializer;
# module state is the only way a process pool hands per-process objects to its tasks.
_WORKER: dict = {}


def _init_worker(config, timeout: float | None) -> None:
    from .pipeline import Pipeline

    _WORKER["timeout"] = timeout
    try:
        _WORKER["pipeline"] = Pipeline(config)
    except ZhfactsError as exc:  # a configuration error (missing lexicon): report it, as a run in-process would
        _WORKER["error"] = exc
        return
    settle_collector()


def _ready() -> ZhfactsError | None:
    time.sleep(0.05)  # long enough that each worker takes one of the start-up pings
    return _WORKER.get("error")


def _work(chunk: list[Item]) -> list[Outcome]:
    pipeline, timeout = _WORKER["pipeline"], _WORKER["timeout"]
    return [outcome_of(pipeline, item, timeout) for item in chunk]


def chunked(items: Iterable[Item], max_docs: int, max_chars: int) -> Iterator[list[Item]]:
    """Consecutive runs of items, at most `max_docs` long or `max_chars` of text."""
    chunk: list[Item] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += 0 if isinstance(item, IngestFailure) else len(item.raw)
        if len(chunk) >= max_docs or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


class ProcessEngine:
    grace = 10.0  # seconds added to the hard limit of a chunk

    def __init__(self, config, options: RunOptions, max_chunk_chars: int = 400_000) -> None:
        self.config = config
        self.workers = options.workers
        self.timeout = options.doc_timeout
        self.chunk_docs = options.chunk_docs
        self.max_chunk_chars = max_chunk_chars
        self.window = 3 * self.workers  # chunks in flight: enough to keep workers busy, bounded
        # fork: workers start in milliseconds and inherit the imported modules.
        self.context = multiprocessing.get_context("fork")
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        """A pool whose workers have loaded their pipelines, so start-up never counts against a limit."""
        pool = ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_init_worker,
                                   initargs=(self.config, self.timeout))
        for ping in [pool.submit(_ready) for _ in range(self.workers)]:
            error = ping.result()
            if error is not None:
                pool.shutdown(wait=True)
                raise error
        return pool

    def _hard_limit(self, docs: int) -> float | None:
        """A backstop for hangs the in-worker alarm cannot interrupt.

        The chunk waited on is the oldest in flight and workers take chunks in order, so it is
        already running: its documents' own limits, with room to spare, bound the wait.
        """
        return None if not self.timeout else 1.5 * self.timeout * docs + self.grace

    def map(self, items: Iterable[Item]) -> Iterator[Outcome]:
        pending: deque = deque()
        for chunk in chunked(items, self.chunk_docs, self.max_chunk_chars):
            pending.append((chunk, self._submit(chunk)))
            while len(pending) >= self.window:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)

    def _submit(self, chunk: list[Item]) -> Future:
        """Submit, or hand back an already failed future when a worker broke the pool meanwhile,
        so that the breakage is handled where results are collected (and the culprit isolated)."""
        try:
            return self.pool.submit(_work, chunk)
        except BrokenProcessPool as exc:
            failed: Future = Future()
            failed.set_exception(exc)
            return failed

    def _collect(self, pending: deque) -> list[Outcome]:
        chunk, future = pending.popleft()
        try:
            return future.result(timeout=self._hard_limit(len(chunk)))
        except (BrokenProcessPool, FutureTimeout):
            rest = [c for c, _ in pending]
            pending.clear()
            self._restart()
            outcomes = [self._isolated(item) for item in chunk]
            pending.extend((c, self._submit(c)) for c in rest)
            return outcomes

    def _isolated(self, item: Item) -> Outcome:
        """One document alone on the pool: if the pool breaks now, this document broke it."""
        future = self.pool.submit(_work, [item])
        try:
            return future.result(timeout=self._hard_limit(1))[0]
        except BrokenProcessPool:
            stage, message = "crash", "worker process died on this document"
        except FutureTimeout:
            stage, message = "timeout", f"document took longer than the {self.timeout:g} s limit; worker killed"
        self._restart()
        if isinstance(item, IngestFailure):  # cannot break a worker, but keep the types honest
            return outcome_of(None, item, None)
        return Outcome(error=_error(item, stage, message), characters=len(item.raw))

    def _restart(self) -> None:
        self._kill()
        self.pool = self._new_pool()

    def _kill(self) -> None:
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        for process in processes:  # a hung worker never ends by itself; shutdown alone would wait for it
            if process.is_alive():
                process.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
