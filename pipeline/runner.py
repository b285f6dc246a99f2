"""Batch runs: stream inputs through a pipeline, write records and errors, keep a summary.

The library never prints except through the progress bar it is asked for; the CLI turns the
returned `Summary` into text and an exit status.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import IO, Iterator

from tqdm import tqdm

from .document import Doc
from .errors import ZhfactsError
from .ingest import IngestFailure, InputWalker, Limits, iter_documents
from .pipeline import Pipeline, PipelineConfig
from .writer import dump_dict, dump_line

KINDS = ("institutions", "people", "programs", "claims")


@dataclass
class RunOptions:
    output: str = "-"
    errors: str | None = None
    quiet: bool = False
    limits: Limits = field(default_factory=Limits)
    exclude_dirs: tuple[str, ...] = ("gold",)


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    characters: int = 0
    records: Counter = field(default_factory=Counter)
    elapsed: float = 0.0
    error_reasons: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "failed": self.failed,
            "characters": self.characters,
            "records": {k: self.records[k] for k in KINDS},
            "elapsed_s": round(self.elapsed, 3),
            "docs_per_s": round(self.documents / self.elapsed, 1) if self.elapsed else 0.0,
            "chars_per_s": round(self.characters / self.elapsed) if self.elapsed else 0,
        }


@dataclass
class Outcome:
    """What processing one document gave: a JSON line, or an error record."""

    line: str | None = None
    error: dict | None = None
    characters: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def process_document(pipeline: Pipeline, doc: Doc) -> Outcome:
    try:
        article = pipeline.process(doc)
    except ZhfactsError as exc:
        return Outcome(error=_error(doc, exc.stage, str(exc)), characters=len(doc.raw))
    counts = {kind: len(getattr(article, kind)) for kind in KINDS}
    return Outcome(line=dump_line(article), characters=len(doc.raw), counts=counts)


def _error(doc: Doc, stage: str, message: str) -> dict:
    return {"path": doc.source.path, "line": doc.source.line, "doc_id": doc.doc_id, "stage": stage,
            "error": message}


def failure_record(failure: IngestFailure) -> dict:
    return failure.as_record()


def _open(path: str, stack: ExitStack, default: IO[str]) -> IO[str]:
    if path == "-":
        return default
    return stack.enter_context(open(path, "w", encoding="utf-8", newline="\n"))


class Run:
    """One batch run: owns the output streams and the summary."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.summary = Summary()

    def documents(self, paths: list[str]) -> Iterator[Doc | IngestFailure]:
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


def run(paths: list[str], options: RunOptions, config: PipelineConfig = PipelineConfig()) -> Summary:
    """Process every input sequentially in this process."""
    pipeline = Pipeline(config)
    batch = Run(options)
    started = time.perf_counter()
    with ExitStack() as stack:
        out = _open(options.output, stack, sys.stdout)
        err = _open(options.errors, stack, sys.stderr) if options.errors else sys.stderr
        progress = stack.enter_context(tqdm(
            disable=options.quiet, unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5))
        for item in batch.documents(paths):
            if isinstance(item, IngestFailure):
                batch.fail(failure_record(item), err)
            else:
                batch.record(process_document(pipeline, item), out, err)
            progress.update(1)
            progress.set_postfix(errors=batch.summary.failed, refresh=False)
    batch.summary.elapsed = time.perf_counter() - started
    return batch.summary


def summary_text(summary: Summary) -> str:
    data = summary.as_dict()
    records = ", ".join(f"{data['records'][k]} {k}" for k in KINDS)
    return (f"zhfacts: {data['documents']} documents written, {data['failed']} failed; {records}; "
            f"{data['elapsed_s']} s, {data['chars_per_s']} chars/s")

