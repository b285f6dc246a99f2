"""The CLI: exact exit codes and messages, end to end on real files."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.cli import main
from tests.conftest import GOLD, SEEDS


def _lines(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_extract_folder_with_bad_inputs(tmp_path, capsys):
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(SEEDS[1], corpus / SEEDS[1].name)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "bad.jsonl").write_text('{"id": "ok", "text": "学校有教师20名。"}\n{oops\n', "utf-8")
    (corpus / "nobody.html").write_text("<html><head><title>t</title></head><body></body></html>", "utf-8")
    out, err = tmp_path / "facts.jsonl", tmp_path / "errors.jsonl"
    status = main(["extract", str(corpus), "-o", str(out), "--errors", str(err), "--quiet"])
    assert status == 1
    assert [r["doc_id"] for r in _lines(out)] == [SEEDS[1].stem, "ok"]
    errors = {(r["path"].split("/")[-1], r["line"]): r["error"] for r in _lines(err)}
    assert errors == {
        ("bad.jsonl", 2): errors[("bad.jsonl", 2)],
        ("binary.txt", None): errors[("binary.txt", None)],
        ("empty.txt", None): "empty file",
        ("nobody.html", None): "HTML without a body: no text content",
    }
    assert errors[("bad.jsonl", 2)].startswith("malformed JSON")
    assert errors[("binary.txt", None)].startswith("binary file")
    assert "2 documents written, 4 failed" in capsys.readouterr().err


def test_extract_clean_run_exits_zero_and_validates(tmp_path, capsys):
    out = tmp_path / "facts.jsonl"
    assert main(["extract", str(SEEDS[0]), "-o", str(out), "--quiet"]) == 0
    assert main(["validate", str(out)]) == 0
    assert capsys.readouterr().out.strip().endswith("1 records valid")


def test_validate_reports_first_bad_line(tmp_path, capsys):
    out = tmp_path / "facts.jsonl"
    main(["extract", str(SEEDS[0]), "-o", str(out), "--quiet"])
    record = json.loads(out.read_text("utf-8"))
    record["claims"][0]["qualifier"] = "roughly"
    out.write_text(out.read_text("utf-8") + json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    assert main(["validate", str(out)]) == 1
    assert "facts.jsonl:2: claims.0.qualifier: Input should be" in capsys.readouterr().err


def test_evaluate_json(tmp_path, capsys):
    out = tmp_path / "facts.jsonl"
    main(["extract", *map(str, SEEDS), "-o", str(out), "--quiet"])
    capsys.readouterr()
    assert main(["evaluate", "--gold", str(GOLD), str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 5 and result["missing_documents"] == []


def test_schema_check_passes_on_committed_schemas(capsys):
    assert main(["schema", "--check"]) == 0


def test_missing_lexicon_dir_is_a_usage_error(tmp_path, capsys):
    status = main(["extract", str(SEEDS[0]), "-o", str(tmp_path / "o.jsonl"), "--lexicons", str(tmp_path / "nope")])
    assert status == 2
    assert capsys.readouterr().err.strip().endswith("lexicon directory not found")


def test_unknown_option_is_usage_error():
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--bogus"])
    assert exc.value.code == 2
