"""Stage 1, ingest: find the inputs, read bytes, detect the encoding, decode, and turn HTML into text.

Inputs are walked lazily (a directory is listed one level at a time, sorted, so runs are
deterministic) and JSON Lines are read one line at a time, so memory does not grow with the archive.
Every input yields either a `Doc` or an `IngestFailure`; nothing is dropped silently.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator

from charset_normalizer import from_bytes

from . import remote
from .document import Doc, SourceInfo
from .errors import IngestError
from .htmltext import html_to_text

TEXT_SUFFIXES = (".txt", ".text", "")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# Encodings Chinese news archives come in; the detector chooses among these only, because on short
# texts an unrestricted detector happily calls GBK bytes cp1252 or KOI8.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16", "utf_32"]


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile inputs from exhausting memory; all documented in the README."""

    max_doc_bytes: int = 4_000_000  # one article (a file, or one JSONL line's text)
    max_line_bytes: int = 8_000_000  # one JSONL line, JSON syntax included
    max_json_depth: int = 32  # nesting of one JSONL record
    max_inflate_ratio: int = 200  # gzip: decompressed bytes per compressed byte, checked past max_line_bytes


@dataclass
class IngestFailure:
    path: str
    error: str
    stage: str = "ingest"
    line: int | None = None
    doc_id: str | None = None
    sha256: str | None = None

    def as_record(self) -> dict:
        record = {"path": self.path, "line": self.line, "stage": self.stage, "error": self.error}
        if self.doc_id is not None:
            record["doc_id"] = self.doc_id
        return record


@dataclass
class Decoded:
    text: str
    encoding: str


@dataclass
class InputWalker:
    """Yield the files under the given paths lazily, in a deterministic order."""

    exclude_dirs: tuple[str, ...] = ("gold",)
    failures: list[IngestFailure] = field(default_factory=list)

    def walk(self, paths: list[str]) -> Iterator[str | IngestFailure]:
        for given in paths:
            if given == "-":
                yield "-"
            elif remote.is_url(given):
                yield from self._walk_url(given)
            elif os.path.isdir(given):
                yield from self._walk_dir(given)
            elif os.path.exists(given):
                yield given
            else:
                yield IngestFailure(path=given, error="no such file or directory")

    def _walk_url(self, url: str) -> Iterator[str | IngestFailure]:
        try:
            if remote.isdir(url):
                yield from remote.walk(url, self.exclude_dirs)
            elif remote.exists(url):
                yield url
            else:
                yield IngestFailure(path=url, error="no such file or directory")
        except (ImportError, ValueError) as exc:  # no filesystem package for the protocol
            yield IngestFailure(path=url, error=f"cannot open URL: {exc}")
        except OSError as exc:
            yield IngestFailure(path=url, error=f"cannot read: {exc}")

    def _walk_dir(self, directory: str) -> Iterator[str]:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in self.exclude_dirs:
                    yield from self._walk_dir(entry.path)
            elif entry.is_file():
                yield entry.path


def input_format(path: str) -> str:
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    suffix = os.path.splitext(name)[1]
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    return "unsupported"


def decode_bytes(data: bytes) -> Decoded:
    """Decode article bytes: BOMs first, then strict UTF-8, then a detector limited to CJK encodings."""
    if not data.strip():
        raise IngestError("empty file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF32_LE, "utf_32"),
                          (codecs.BOM_UTF32_BE, "utf_32"), (codecs.BOM_UTF16_LE, "utf_16"),
                          (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            return Decoded(_strict(data, encoding), encoding)
    utf16 = _bomless_utf16(data)
    if utf16:
        return Decoded(_strict(data, utf16), utf16)
    if b"\x00" in data:
        raise IngestError("binary file (NUL bytes, not UTF-16 text)")
    try:
        return Decoded(data.decode("utf_8"), "utf_8")
    except UnicodeDecodeError:
        pass
    utf16 = _cjk_utf16(data)
    if utf16:
        return Decoded(data.decode(utf16), utf16)
    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise IngestError("undecodable bytes: not UTF-8, UTF-16, GB18030 or Big5")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise IngestError(f"binary file (decodes as {best.encoding} only to control characters)")
    return Decoded(text, best.encoding)


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(f"undecodable bytes: {encoding} BOM but invalid at byte {exc.start}") from None
    return text.lstrip("\ufeff")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte for ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        encoding = "utf_16_le"
    elif even_nuls > 0.3 and odd_nuls < 0.05:
        encoding = "utf_16_be"
    else:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _cjk_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16 of Chinese text has no NUL bytes; accept it when nearly every unit is Chinese.

    GB18030 or Big5 bytes read as UTF-16 scatter over the whole BMP, so fewer than half land in
    the CJK and punctuation blocks; real Chinese text lands there almost entirely.
    """
    if len(data) % 2:
        return None
    for encoding in ("utf_16_le", "utf_16_be"):
        try:
            text = data[:4096].decode(encoding)
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                        or "\uff00" <= ch <= "\uffef" or ch.isascii() and (ch.isprintable() or ch in "\r\n\t"))
        if plausible >= 0.9 * len(text):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))


def _doc_id_from_path(path: str) -> str:
    name = os.path.basename(path)
    for suffix in (".gz",):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return os.path.splitext(name)[0] or name


def read_documents(path: str, limits: Limits = Limits()) -> Iterator[Doc | IngestFailure]:
    """All documents in one input file (one for .txt/.html, one per line for JSON Lines)."""
    fmt = "jsonl" if path == "-" else input_format(path)
    if fmt == "unsupported":
        yield IngestFailure(path=path, error=f"unsupported file type {os.path.splitext(path)[1]!r}")
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, limits)
        return
    try:
        size = _size(path)
        if size > limits.max_doc_bytes:
            raise IngestError(f"document too large: {size} bytes > limit {limits.max_doc_bytes}")
        with _open_binary(path) as fh:
            data = fh.read()
        yield _file_doc(path, data, fmt)
    except IngestError as exc:
        yield IngestFailure(path=path, error=str(exc), sha256=None)
    except OSError as exc:
        yield IngestFailure(path=path, error=f"cannot read: {exc.strerror or exc}")


def _file_doc(path: str, data: bytes, fmt: str) -> Doc:
    sha = hashlib.sha256(data).hexdigest()
    decoded = decode_bytes(data)
    source = SourceInfo(path=path, sha256=sha, encoding=decoded.encoding, format=fmt)
    doc = Doc(doc_id=_doc_id_from_path(path), raw=decoded.text, source=source)
    if fmt == "html":
        converted = html_to_text(decoded.text)
        if not converted.text.strip():
            raise IngestError("HTML without a body: no text content")
        doc.base_text = converted.text
        doc.base_offsets = converted.offsets
        if converted.title:
            doc.hints["title"] = converted.title
    return doc


def _size(path: str) -> int:
    return remote.size(path) if remote.is_url(path) else os.path.getsize(path)


def _open_binary(path: str) -> BinaryIO:
    return remote.open_binary(path) if remote.is_url(path) else open(path, "rb")


def _open_jsonl(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    if path.lower().endswith(".gz"):
        if remote.is_url(path):
            return remote.open_binary(path, compression="gzip")
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return _open_binary(path)


def _read_jsonl(path: str, limits: Limits) -> Iterator[Doc | IngestFailure]:
    display = "<stdin>" if path == "-" else path
    compressed_size = _size(path) if path != "-" and path.lower().endswith(".gz") else None
    try:
        stream = _open_jsonl(path)
    except OSError as exc:
        yield IngestFailure(path=display, error=f"cannot read: {exc.strerror or exc}")
        return
    inflated = 0
    lineno = 0
    try:
        while True:
            try:
                line, overflow = _bounded_line(stream, limits.max_line_bytes)
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                yield IngestFailure(path=display, line=lineno + 1, error=f"corrupt compressed stream: {exc}")
                return
            if not line and not overflow:
                return
            lineno += 1
            inflated += len(line) + overflow
            if compressed_size is not None and inflated > limits.max_line_bytes and \
                    inflated > limits.max_inflate_ratio * max(compressed_size, 1):
                yield IngestFailure(path=display, line=lineno, error=(
                    f"gzip bomb refused: inflated past {limits.max_inflate_ratio}x its compressed size "
                    f"({compressed_size} bytes)"))
                return
            if overflow:
                yield IngestFailure(path=display, line=lineno, error=(
                    f"line too long: more than {limits.max_line_bytes} bytes"))
                continue
            if not line.strip():
                continue
            yield _jsonl_doc(display, lineno, line, limits)
    finally:
        if path != "-":
            stream.close()


def _bounded_line(stream: BinaryIO, limit: int) -> tuple[bytes, int]:
    """Read one line of at most `limit` bytes; past it, skip to the newline and report how much."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, 0
    skipped = len(line)
    while True:
        chunk = stream.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return b"", skipped


def _jsonl_doc(path: str, lineno: int, line: bytes, limits: Limits) -> Doc | IngestFailure:
    sha = hashlib.sha256(line.rstrip(b"\r\n")).hexdigest()
    try:
        text_line = line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return IngestFailure(path=path, line=lineno, error=f"line is not UTF-8 (byte {exc.start})", sha256=sha)
    # Only lines with many brackets can be deep; scanning every line would cost a pass per document.
    if text_line.count("[") + text_line.count("{") > limits.max_json_depth and \
            _json_depth(text_line) > limits.max_json_depth:
        return IngestFailure(path=path, line=lineno, sha256=sha,
                             error=f"JSON nested too deeply: depth over {limits.max_json_depth}")
    try:
        record = json.loads(text_line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return IngestFailure(path=path, line=lineno, error=f"malformed JSON: {exc}", sha256=sha)
    if not isinstance(record, dict):
        return IngestFailure(path=path, line=lineno, error="JSON line is not an object", sha256=sha)
    text = record.get("text")
    doc_id = record.get("id")
    if not isinstance(text, str):
        return IngestFailure(path=path, line=lineno, error='missing string field "text"', sha256=sha,
                             doc_id=str(doc_id) if doc_id is not None else None)
    if doc_id is None or str(doc_id).strip() == "":
        doc_id = f"{_doc_id_from_path(path)}-{lineno}"
    if len(text.encode("utf-8")) > limits.max_doc_bytes:
        return IngestFailure(path=path, line=lineno, sha256=sha, doc_id=str(doc_id),
                             error=f"document too large: text over {limits.max_doc_bytes} bytes")
    if not text.strip():
        return IngestFailure(path=path, line=lineno, error="empty text", sha256=sha, doc_id=str(doc_id))
    source = SourceInfo(path=path, sha256=sha, encoding="utf_8", format="jsonl", line=lineno)
    doc = Doc(doc_id=str(doc_id), raw=text, source=source)
    for key in ("title", "date", "newspaper", "source", "page", "author", "authors"):
        value = record.get(key)
        if value is not None and not isinstance(value, (dict, list)):
            doc.hints[key] = str(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            doc.hints[key] = " ".join(value)
    return doc


def _json_depth(text: str) -> int:
    """Maximum bracket nesting outside strings, found without building the object."""
    depth = best = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > best:
                best = depth
        elif ch in "]}":
            depth -= 1
    return best


def iter_documents(paths: list[str], limits: Limits = Limits(),
                   walker: InputWalker | None = None) -> Iterator[Doc | IngestFailure]:
    walker = walker or InputWalker()
    for item in walker.walk(paths):
        if isinstance(item, IngestFailure):
            yield item
        else:
            yield from read_documents(item, limits)

