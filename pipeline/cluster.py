"""--engine dask: the same per-document function on a Dask cluster, merged into the same output.

The client streams the input, cuts it into partitions of `partition_docs` documents and submits a
bounded number of them at a time (distributed futures, so an archive is never listed in memory).
Each partition task runs `runner.outcome_of` on its documents with a pipeline cached per worker
thread, writes its record lines to a part file and returns only the small per-document outcomes;
the client copies part files into the output in partition order, so the bytes equal a local run's.

Part files live in a folder next to the output (`OUTPUT.parts-XXXX/`), which must be visible to the
workers: on a cluster, put the output on a shared file system. Without `--scheduler` a LocalCluster
is started (threads in this process for one worker, processes for more).

Dask runs tasks in worker threads, where no SIGALRM reaches: `--doc-timeout` is enforced there by a
timer thread that raises the timeout in the task's thread (runner.time_limit). It interrupts Python
code; a document stuck inside one long native call is interrupted when that call returns.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections import deque
from typing import Iterable, Iterator

from .parallel import chunked
from .runner import Item, Outcome, RunOptions, outcome_of

# Per worker thread: the pipeline it built, keyed by its config. Threads of one Dask worker share
# the process, and a pipeline's segmenter is not documented as thread-safe, so each thread owns one.
_LOCAL = threading.local()


def _pipeline_for(config):
    cache = getattr(_LOCAL, "pipelines", None)
    if cache is None:
        cache = _LOCAL.pipelines = {}
    if config not in cache:
        from .pipeline import Pipeline

        cache[config] = Pipeline(config)
    return cache[config]


def run_partition(config, timeout: float | None, items: list[Item], part_path: str) -> list[tuple]:
    """One partition on a worker: record lines to `part_path`, small outcomes back to the client."""
    pipeline = _pipeline_for(config)
    results = []
    tmp = part_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for item in items:
            outcome = outcome_of(pipeline, item, timeout)
            if outcome.line is not None:
                fh.write(outcome.line)
                results.append(("ok", outcome.characters, outcome.counts))
            else:
                results.append(("error", outcome.characters, outcome.error))
    os.replace(tmp, part_path)  # a part file exists only once complete
    return results


class DaskEngine:
    def __init__(self, config, options: RunOptions) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            from .errors import ZhfactsError

            raise ZhfactsError("--engine dask needs dask.distributed: pip install 'zhfacts[cluster]'") from exc
        logging.getLogger("distributed").setLevel(logging.ERROR)
        self.config = config
        self.timeout = options.doc_timeout
        self.partition_docs = options.partition_docs
        self.cluster = None
        if options.scheduler:
            self.client = Client(options.scheduler)
        else:
            workers = max(1, options.workers)
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=workers > 1,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.window = 2 * max(1, len(self.client.scheduler_info().get("workers", {})))
        where = os.path.dirname(os.path.abspath(options.output)) if options.output != "-" else None
        stem = os.path.basename(options.output) if options.output != "-" else "stdout"
        self.parts_dir = tempfile.mkdtemp(prefix=f"{stem}.parts-", dir=where)

    def map(self, items: Iterable[Item]) -> Iterator[Outcome]:
        pending: deque = deque()
        for index, partition in enumerate(chunked(items, self.partition_docs, 8_000_000)):
            path = os.path.join(self.parts_dir, f"part-{index:06d}.jsonl")
            future = self.client.submit(run_partition, self.config, self.timeout, partition, path, pure=False)
            pending.append((path, future))
            while len(pending) >= self.window:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def _collect(self, path: str, future) -> Iterator[Outcome]:
        results = future.result()
        with open(path, encoding="utf-8", newline="\n") as lines:
            for status, characters, payload in results:
                if status == "ok":
                    yield Outcome(line=lines.readline(), characters=characters, counts=payload)
                else:
                    yield Outcome(error=payload, characters=characters)
        os.remove(path)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        shutil.rmtree(self.parts_dir, ignore_errors=True)
