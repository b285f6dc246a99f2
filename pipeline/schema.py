"""JSON Schema files generated from the Pydantic models, and the check that they are current."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import SchemaDriftError
from .models import MODELS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def render() -> dict[str, str]:
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in MODELS.items()
    }


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def check(directory: Path = SCHEMA_DIR) -> None:
    stale = [name for name, text in render().items()
             if not (directory / name).exists() or (directory / name).read_text(encoding="utf-8") != text]
    if stale:
        raise SchemaDriftError(f"schemas out of date: {', '.join(stale)}; run `zhfacts schema` and commit")
