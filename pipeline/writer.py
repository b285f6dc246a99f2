"""Stage 7, write: one JSON line per record, byte-identical for the same input."""

from __future__ import annotations

import json

from pydantic import BaseModel


def dump_line(record: BaseModel) -> str:
    # Pydantic serialises fields in declaration order and non-ASCII as UTF-8, so the line is deterministic.
    return record.model_dump_json() + "\n"


def dump_dict(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
