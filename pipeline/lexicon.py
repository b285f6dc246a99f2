"""Load the plain-text lexicons under `lexicons/`: UTF-8 TSV files with a `#` header.

Format, one file per resource:

    # what: <one line on what the list is>
    # source: <where it comes from>
    # licence: <its licence>
    # columns: term<TAB>attr...
    王\t1

The header keys `what`, `source` and `columns` are required; rows are tab separated with at most as
many fields as `columns` names. An empty or malformed file is refused with file and line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LexiconError

REQUIRED_HEADER = ("what", "source", "columns")
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "lexicons"


@dataclass(frozen=True)
class Lexicon:
    name: str
    header: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def terms(self) -> frozenset[str]:
        return frozenset(row[0] for row in self.rows)

    def values(self, column: int) -> frozenset[str]:
        """The non-blank entries of `column` (places.tsv's short forms: 北碚, 唐山)."""
        return frozenset(row[column] for row in self.rows if column < len(row) and row[column])

    def mapping(self, column: int = 1, default: str = "") -> dict[str, str]:
        """term -> value of `column` (first occurrence wins, so earlier rows take precedence)."""
        out: dict[str, str] = {}
        for row in self.rows:
            out.setdefault(row[0], row[column] if column < len(row) else default)
        return out


def parse_lexicon(path: Path) -> Lexicon:
    header: dict[str, str] = {}
    rows: list[tuple[str, ...]] = []
    columns: tuple[str, ...] = ()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file not found") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and not rows:
                header[key.strip().lower()] = value.strip()
                if key.strip().lower() == "columns":
                    columns = tuple(c.strip() for c in value.split("\t") if c.strip())
            continue
        missing = [k for k in REQUIRED_HEADER if k not in header]
        if missing:
            raise LexiconError(f"{path}:{lineno}: header lacks {', '.join(missing)} before the first row")
        fields = tuple(f.strip() for f in line.split("\t"))
        if not fields[0]:
            raise LexiconError(f"{path}:{lineno}: empty term")
        if len(fields) > len(columns):
            raise LexiconError(
                f"{path}:{lineno}: {len(fields)} fields but the header declares {len(columns)} columns"
            )
        rows.append(fields)
    if not rows:
        raise LexiconError(f"{path}: lexicon has no entries")
    return Lexicon(name=path.stem, header=header, columns=columns, rows=tuple(rows))


@dataclass
class Lexicons:
    """All lexicons of a directory, loaded once per pipeline (and so once per worker)."""

    directory: Path
    tables: dict[str, Lexicon] = field(default_factory=dict)
    digest: str = ""

    @classmethod
    def load(cls, directory: Path | str | None = None) -> "Lexicons":
        directory = Path(directory) if directory else DEFAULT_DIR
        if not directory.is_dir():
            raise LexiconError(f"{directory}: lexicon directory not found")
        sha = hashlib.sha256()
        tables: dict[str, Lexicon] = {}
        for path in sorted(directory.glob("*.tsv")):
            sha.update(path.name.encode() + b"\0" + path.read_bytes())
            tables[path.stem] = parse_lexicon(path)
        return cls(directory=directory, tables=tables, digest="sha256:" + sha.hexdigest()[:16])

    def __getitem__(self, name: str) -> Lexicon:
        try:
            return self.tables[name]
        except KeyError:
            raise LexiconError(f"{self.directory}: no lexicon named {name!r} ({name}.tsv)") from None

    def __contains__(self, name: str) -> bool:
        return name in self.tables
