"""Inputs named by fsspec URLs (s3://bucket/archive/, gs://…, az://…, memory://…): walked and read
like local paths, streamed the same way.

Only the protocol's filesystem package is needed (s3fs for s3://, gcsfs for gs://, adlfs for az://);
fsspec itself ships with zhfacts. Credentials come from the usual places (environment, config
files, instance roles) as that package reads them.
"""

from __future__ import annotations

import posixpath
from typing import BinaryIO, Iterator

URL_MARK = "://"


def is_url(path: str) -> bool:
    return URL_MARK in path


def _fs(url: str):
    import fsspec.core

    return fsspec.core.url_to_fs(url)


def exists(url: str) -> bool:
    fs, path = _fs(url)
    return fs.exists(path)


def isdir(url: str) -> bool:
    fs, path = _fs(url)
    return fs.isdir(path)


def size(url: str) -> int:
    fs, path = _fs(url)
    return int(fs.size(path))


def open_binary(url: str, compression: str | None = None) -> BinaryIO:
    fs, path = _fs(url)
    return fs.open(path, "rb", compression=compression)


def walk(url: str, exclude_dirs: tuple[str, ...]) -> Iterator[str]:
    """Files under a directory URL, sorted, one directory listed at a time (no list of the archive)."""
    fs, root = _fs(url)
    for directory, dirs, files in fs.walk(root, detail=False):
        # fs.walk descends into `dirs` after this yield: prune and order them in place
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in exclude_dirs)
        for name in sorted(f for f in files if not f.startswith(".")):
            yield fs.unstrip_protocol(posixpath.join(directory, name))
