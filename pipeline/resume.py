"""--resume: find what an interrupted run already wrote, so a rerun appends only the rest.

A document is recognised by its `doc_id` and the sha256 of its source (a JSONL line or a file's
bytes), read back from the output; a failed input by its path and line in the errors file (the
error record has no hash: its schema is `{path, line, doc_id, stage, error}`). A killed run can leave a half-written last line:
it is cut off before anything is appended, so no line is ever duplicated or torn.

Keys are counted, not merely collected, so an archive that holds the same document twice gets it
twice, exactly as an uninterrupted run would write it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Iterable, Iterator

from .document import Doc
from .errors import ZhfactsError
from .ingest import IngestFailure


def _key(*parts: object) -> bytes:
    # 16 bytes per document instead of two strings: a million documents cost tens of MB, not hundreds.
    return hashlib.blake2b("\x1f".join(str(p) for p in parts).encode("utf-8"), digest_size=16).digest()


def doc_key(doc_id: str, sha256: str) -> bytes:
    return _key("doc", doc_id, sha256)


def place_key(path: str, line: int | None) -> bytes:
    return _key("at", path, line)


def cut_torn_line(path: str) -> int:
    """Truncate the file after its last newline; return how many bytes were cut."""
    with open(path, "rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        pos, block = size, 1 << 16
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                end = start + newline + 1
                break
            pos = start
        else:
            end = 0
        if end < size:
            fh.truncate(end)
        return size - end


def _records(path: str) -> Iterator[tuple[int, dict]]:
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ZhfactsError(f"--resume: {path}:{lineno} is not a JSON record ({exc.msg}); "
                                   "is this the output of an earlier run?") from None


class ResumeState:
    def __init__(self) -> None:
        self.written: Counter = Counter()
        self.failed: Counter = Counter()
        self.skipped = 0
        self.torn_bytes = 0

    @classmethod
    def open(cls, output: str, errors: str | None) -> "ResumeState":
        if output == "-":
            raise ZhfactsError("--resume needs an output file, not standard output")
        state = cls()
        if os.path.exists(output):
            state.torn_bytes += cut_torn_line(output)
            for lineno, record in _records(output):
                try:
                    state.written[doc_key(record["doc_id"], record["source"]["sha256"])] += 1
                except (KeyError, TypeError):
                    raise ZhfactsError(f"--resume: {output}:{lineno} has no doc_id/source.sha256") from None
        if errors and errors != "-" and os.path.exists(errors):
            state.torn_bytes += cut_torn_line(errors)
            for _, record in _records(errors):
                state.failed[place_key(record.get("path"), record.get("line"))] += 1
        return state

    def _seen(self, counter: Counter, key: bytes) -> bool:
        if counter[key] > 0:
            counter[key] -= 1
            self.skipped += 1
            return True
        return False

    def filter(self, items: Iterable[Doc | IngestFailure]) -> Iterator[Doc | IngestFailure]:
        """The items no earlier run finished, in their order."""
        for item in items:
            if isinstance(item, IngestFailure):
                done = self._seen(self.failed, place_key(item.path, item.line))
            else:
                done = self._seen(self.written, doc_key(item.doc_id, item.source.sha256)) or \
                    self._seen(self.failed, place_key(item.source.path, item.source.line))
            if not done:
                yield item
