"""Ingest: encodings, formats and every kind of bad input gets a clear reason."""

from __future__ import annotations

import gzip
import json

import pytest

from pipeline.document import Doc
from pipeline.errors import IngestError
from pipeline.ingest import IngestFailure, Limits, decode_bytes, iter_documents, read_documents

SAMPLE = "北碚教师进修学院举办了实践活动，全院教职工参加。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf_8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf_8_sig"),
        (SAMPLE.encode("utf-16"), "utf_16"),
        (SAMPLE.encode("utf-16-le"), "utf_16_le"),
        ((SAMPLE * 3).encode("gb18030"), "gb18030"),
        ("北碚教師進修學院舉辦了實踐活動，全院教職工參加。重慶市教育委員會".encode("big5"), "big5"),
    ],
)
def test_decode_detects_encoding(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert "進修" in decoded.text or "进修" in decoded.text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (bytes(range(256)) * 8, "binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file"),
    ],
)
def test_decode_refuses_bad_bytes(data, reason):
    with pytest.raises(IngestError, match=reason):
        decode_bytes(data)


def _only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_txt_file_becomes_one_doc(tmp_path):
    path = tmp_path / "article-1.txt"
    path.write_bytes((SAMPLE * 2).encode("gb18030"))
    doc = _only(read_documents(str(path)))
    assert isinstance(doc, Doc)
    assert doc.doc_id == "article-1"
    assert doc.source.encoding == "gb18030" and doc.source.format == "txt"
    assert doc.raw == SAMPLE * 2


def test_large_single_line_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(("字" * 3_500_000).encode("utf-8"))  # 10.5 MB on one line
    failure = _only(read_documents(str(path)))
    assert isinstance(failure, IngestFailure)
    assert failure.error.startswith("document too large: 10500000 bytes")


def test_html_without_body_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>标题</title><script>var a='正文';</script></head></html>", "utf-8")
    failure = _only(read_documents(str(path)))
    assert isinstance(failure, IngestFailure) and failure.error == "HTML without a body: no text content"


def test_html_text_keeps_raw_offsets(tmp_path):
    page = ("<html><head><title>江北教育</title><style>p{}</style></head><body><nav>首页 上一版</nav>"
            "<p>重庆市江北区&nbsp;教育委员会</p><p>学校&amp;家庭</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    doc = _only(read_documents(str(path)))
    assert doc.hints["title"] == "江北教育"
    assert doc.base_text == "重庆市江北区\u00a0教育委员会\n学校&家庭"
    for i, ch in enumerate(doc.base_text):
        if ch not in "\n\u00a0&":
            assert page[doc.base_offsets[i]] == ch


def test_jsonl_lines_and_their_failures(tmp_path):
    deep = "[" * 100 + "]" * 100
    lines = [
        json.dumps({"id": "a", "text": SAMPLE, "title": "标题", "date": "2019-02-01"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "", "x": 1}),
        json.dumps({"id": "d", "text": SAMPLE, "nested": json.loads(deep)}),
        json.dumps(["a list"]),
        "",
        json.dumps({"text": SAMPLE}, ensure_ascii=False),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = list(read_documents(str(path)))
    summary = [(i.doc_id, i.source.line) if isinstance(i, Doc) else (i.line, i.error.split(":")[0])
               for i in items]
    assert summary == [
        ("a", 1),
        (2, "malformed JSON"),
        (3, 'missing string field "text"'),
        (4, "empty text"),
        (5, "JSON nested too deeply"),
        (6, "JSON line is not an object"),
        ("batch-8", 8),
    ]
    assert items[0].hints == {"title": "标题", "date": "2019-02-01"}


def test_jsonl_overlong_line_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "long.jsonl"
    big = json.dumps({"id": "big", "text": "字" * 50_000}, ensure_ascii=False)
    ok = json.dumps({"id": "ok", "text": SAMPLE}, ensure_ascii=False)
    path.write_text(big + "\n" + ok + "\n", "utf-8")
    items = list(read_documents(str(path), Limits(max_line_bytes=10_000)))
    assert isinstance(items[0], IngestFailure) and items[0].error == "line too long: more than 10000 bytes"
    assert isinstance(items[1], Doc) and items[1].doc_id == "ok" and items[1].source.line == 2


def test_gzip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        for _ in range(2000):
            fh.write(b'{"id": "x", "text": "' + b"0" * 10_000 + b'"}\n')
    items = list(read_documents(str(path), Limits(max_line_bytes=100_000, max_inflate_ratio=50)))
    assert isinstance(items[-1], IngestFailure)
    assert items[-1].error.startswith("gzip bomb refused")
    assert len(items) < 2000


def test_folder_walk_is_sorted_skips_gold_and_reports_unknown(tmp_path):
    (tmp_path / "b.txt").write_text(SAMPLE, "utf-8")
    (tmp_path / "a.txt").write_text(SAMPLE, "utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "g.jsonl").write_text("{}", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text(f"<p>{SAMPLE}</p>", "utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    items = list(iter_documents([str(tmp_path), str(tmp_path / "missing.txt")]))
    names = [i.doc_id if isinstance(i, Doc) else i.error for i in items]
    assert names == ["a", "b", "unsupported file type '.pdf'", "c", "no such file or directory"]


@pytest.fixture
def memory_archive():
    """An archive in fsspec's in-memory filesystem, standing in for s3:// or gs://."""
    import fsspec

    fs = fsspec.filesystem("memory")
    root = "/archive-test"
    fs.pipe({
        f"{root}/b/2.txt": "江北区教师进修学院成立。".encode("gb18030"),
        f"{root}/a/1.jsonl.gz": gzip.compress(json.dumps({"id": "x1", "text": SAMPLE}, ensure_ascii=False).encode()
                                             + b"\n" + b"{not json\n"),
        f"{root}/gold/skip.txt": SAMPLE.encode(),
        f"{root}/.hidden.txt": SAMPLE.encode(),
    })
    yield "memory://" + root
    fs.rm(root, recursive=True)


def test_fsspec_urls_are_walked_and_read_like_paths(memory_archive):
    items = list(iter_documents([memory_archive]))
    docs = [i for i in items if isinstance(i, Doc)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [d.doc_id for d in docs] == ["x1", "2"]  # sorted walk; gold/ and dot files skipped
    assert docs[0].raw == SAMPLE
    assert docs[1].raw == "江北区教师进修学院成立。" and docs[1].source.encoding == "gb18030"
    assert docs[1].source.path == memory_archive + "/b/2.txt"
    assert len(failures) == 1 and failures[0].line == 2 and failures[0].path.endswith("1.jsonl.gz")


def test_missing_url_and_unknown_protocol_are_reported(memory_archive):
    items = list(iter_documents([memory_archive + "/nope.txt", "nosuchproto://bucket/x.txt"]))
    assert all(isinstance(i, IngestFailure) for i in items)
    assert "no such file" in items[0].error
    assert "cannot open URL" in items[1].error
