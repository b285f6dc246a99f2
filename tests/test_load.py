"""`zhfacts load`: the same tests against SQLite and a real PostgreSQL server (started by tests/pg.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline import db
from pipeline.cli import main
from pipeline.errors import DatabaseError, LoadInputError
from tests.factsamples import COUNCIL, SCHOOL, article, corpus, expected_counts, write_jsonl
from tests.pg import postgres_server, postgres_url  # noqa: F401  (fixtures)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'facts.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture()
def records() -> list:
    return corpus()


@pytest.fixture()
def jsonl(tmp_path, records) -> Path:
    return write_jsonl(tmp_path / "facts.jsonl", records)


def dump(url: str) -> dict[str, list[tuple]]:
    engine = db.connect(url)
    try:
        with engine.connect() as conn:
            return db.dump_tables(conn)
    finally:
        engine.dispose()


def query(url: str, statement) -> list[tuple]:
    engine = db.connect(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(statement)]
    finally:
        engine.dispose()


def modified(records: list) -> list:
    """A re-extraction: article 1 loses a claim and the council; article 2's figure changes; article 3 is gone."""
    first, second, _ = records
    text1 = first.text
    reextracted_first = first.model_copy(update={
        "claims": first.claims[:2],
        "institutions": [i for i in first.institutions if i.canonical != COUNCIL],
    })
    changed_claim = second.claims[0].model_copy(update={"value": 1600, "qualifier": "approx"})
    reextracted_second = second.model_copy(update={"claims": [changed_claim, *second.claims[1:]]})
    assert reextracted_first.text == text1
    return [reextracted_first, reextracted_second]


def test_row_counts_equal_the_records(db_url, jsonl, records):
    result = db.load_jsonl(str(jsonl), db_url)
    assert (result.read, result.inserted, result.updated, result.unchanged) == (3, 3, 0, 0)
    assert result.totals == expected_counts(records)
    assert expected_counts(records) == {
        "articles": 3, "institutions": 3, "article_institutions": 5, "institution_aliases": 6,
        "institution_mentions": 7, "people": 2, "person_mentions": 2, "programs": 1, "program_mentions": 2,
        "claims": 6,
    }


def test_claims_join_their_subject_institution(db_url, jsonl):
    db.load_jsonl(str(jsonl), db_url)
    c, i = db.claims, db.institutions
    rows = query(db_url, sa.select(c.c.doc_id, i.c.canonical, c.c.value, c.c.unit, c.c.quote)
                 .join(i, c.c.subject_id == i.c.id).where(c.c.unit == "名").order_by(c.c.value))
    assert rows == [
        ("hd-2019-01", SCHOOL, 1200.0, "名", "1200余名"),
        ("hd-2019-02", SCHOOL, 1500.0, "名", "1500名"),
    ]
    people = query(db_url, sa.select(db.people.c.name, i.c.canonical)
                   .join(i, db.people.c.affiliation_id == i.c.id).order_by(db.people.c.name))
    assert people == [("张华", COUNCIL), ("李明", SCHOOL)]


def test_second_load_changes_nothing(db_url, jsonl):
    db.load_jsonl(str(jsonl), db_url)
    before = dump(db_url)
    again = db.load_jsonl(str(jsonl), db_url)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    assert dump(db_url) == before


def test_reloading_rewritten_but_equal_records_changes_nothing(db_url, tmp_path, jsonl, records):
    # Forcing the delete-and-insert path (different line bytes, same records) must also leave the same rows.
    db.load_jsonl(str(jsonl), db_url)
    before = dump(db_url)
    spaced = tmp_path / "spaced.jsonl"
    spaced.write_text("".join(json.dumps(r.model_dump(), ensure_ascii=True) + "\n" for r in records), encoding="utf-8")
    again = db.load_jsonl(str(spaced), db_url)
    assert again.updated == 3
    strip_hash = {name: rows for name, rows in before.items() if name != "articles"}
    after = dump(db_url)
    assert {name: rows for name, rows in after.items() if name != "articles"} == strip_hash
    assert [row[:1] + row[2:] for row in after["articles"]] == [row[:1] + row[2:] for row in before["articles"]]


def test_reextracted_file_updates_changed_records(db_url, tmp_path, jsonl, records):
    db.load_jsonl(str(jsonl), db_url)
    changed = write_jsonl(tmp_path / "changed.jsonl", modified(records))
    result = db.load_jsonl(str(changed), db_url)
    assert (result.inserted, result.updated, result.unchanged) == (0, 2, 0)
    c = db.claims
    assert query(db_url, sa.select(c.c.doc_id, c.c.value, c.c.qualifier).where(c.c.unit == "名").order_by(c.c.doc_id)) \
        == [("hd-2019-01", 1200.0, "more_than"), ("hd-2019-02", 1600.0, "approx")]
    assert query(db_url, sa.select(c.c.quote).where(c.c.doc_id == "hd-2019-01").order_by(c.c.start)) \
        == [("1200余名",), ("45所",)]
    ai = db.article_institutions
    assert query(db_url, sa.select(ai.c.doc_id).where(ai.c.institution_id == db.institutions.c.id,
                                                      db.institutions.c.canonical == COUNCIL)) == [("hd-2019-02",)]
    # The article missing from the file is kept (no --prune), so the result equals a fresh load of both files.
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    db.load_jsonl(str(write_jsonl(tmp_path / "both.jsonl", [*modified(records), records[2]])), fresh)
    assert _without_hashes(dump(db_url)) == _without_hashes(dump(fresh))


def _without_hashes(tables: dict) -> dict:
    # Column 1 of articles is the record hash, which depends on the line's bytes only.
    return {**tables, "articles": sorted((row[:1] + row[2:] for row in tables["articles"]), key=repr)}


def test_prune_removes_vanished_articles_and_unused_institutions(db_url, tmp_path, jsonl, records):
    db.load_jsonl(str(jsonl), db_url)
    result = db.load_jsonl(str(write_jsonl(tmp_path / "two.jsonl", records[:2])), db_url, prune=True)
    assert result.pruned == 1
    assert result.totals == expected_counts(records[:2])
    assert query(db_url, sa.select(db.institutions.c.canonical).order_by(db.institutions.c.canonical)) \
        == sorted([(COUNCIL,), (SCHOOL,)])


def test_failed_article_leaves_no_trace_and_the_old_version_intact(db_url, tmp_path, jsonl, records, monkeypatch):
    db.load_jsonl(str(jsonl), db_url, batch_size=1)
    before = dump(db_url)
    real_insert = db._insert_article

    def failing_insert(conn, rows, written):
        real_insert(conn, rows, written)  # every row of the article is written, then the batch fails
        if rows[db.articles][0]["doc_id"] == "hd-2019-02":
            raise RuntimeError("disk full")

    monkeypatch.setattr(db, "_insert_article", failing_insert)
    changed = write_jsonl(tmp_path / "changed.jsonl", modified(records))
    with pytest.raises(RuntimeError, match="disk full"):
        db.load_jsonl(str(changed), db_url, batch_size=1)
    after = dump(db_url)
    second_before = {name: [r for r in rows if "hd-2019-02" in r] for name, rows in before.items()}
    second_after = {name: [r for r in rows if "hd-2019-02" in r] for name, rows in after.items()}
    assert second_after == second_before  # the replacement rolled back, old rows are back
    assert query(db_url, sa.select(db.claims.c.quote).where(db.claims.c.doc_id == "hd-2019-01")
                 .order_by(db.claims.c.start)) == [("1200余名",), ("45所",)]  # the batch before it committed


def test_new_article_failing_midway_is_absent(db_url, tmp_path, records, monkeypatch):
    real_insert = db._insert_article

    def failing_insert(conn, rows, written):
        real_insert(conn, rows, written)
        if rows[db.articles][0]["doc_id"] == "hd-2019-02":
            raise RuntimeError("boom")

    monkeypatch.setattr(db, "_insert_article", failing_insert)
    with pytest.raises(RuntimeError):
        db.load_jsonl(str(write_jsonl(tmp_path / "f.jsonl", records)), db_url, batch_size=1)
    tables = dump(db_url)
    assert [row[0] for row in tables["articles"]] == ["hd-2019-01"]
    assert not [row for rows in tables.values() for row in rows if "hd-2019-02" in row]


def test_hostile_text_is_stored_verbatim(db_url, jsonl, records):
    # Bound parameters: quotes, semicolons and markup in doc_id and text go in and come out unchanged.
    db.load_jsonl(str(jsonl), db_url)
    hostile = records[2]
    rows = query(db_url, sa.select(db.articles.c.doc_id, db.articles.c.text, db.articles.c.title)
                 .where(db.articles.c.doc_id == hostile.doc_id))
    assert rows == [(hostile.doc_id, hostile.text, hostile.meta.title)]
    assert query(db_url, sa.select(sa.func.count()).select_from(db.claims)) == [(6,)]


def test_repeated_doc_id_later_line_wins(tmp_path, records):
    first, second, _ = records
    renamed = second.model_copy(update={"doc_id": first.doc_id})
    url = f"sqlite:///{tmp_path / 'dup.db'}"
    result = db.load_jsonl(str(write_jsonl(tmp_path / "dup.jsonl", [first, renamed])), url)
    assert result.duplicates == [first.doc_id]
    assert query(url, sa.select(db.articles.c.title)) == [(second.meta.title,)]


@pytest.mark.parametrize("given, expected", [
    ("out/facts.db", "sqlite:///out/facts.db"),
    ("sqlite:///out/facts.db", "sqlite:///out/facts.db"),
    ("postgresql://editor@127.0.0.1:5432/facts", "postgresql+psycopg://editor@127.0.0.1:5432/facts"),
    ("postgres://editor@db/facts", "postgresql+psycopg://editor@db/facts"),
])
def test_database_url(given, expected):
    assert db.database_url(given).render_as_string() == expected


def test_bad_line_names_file_and_line(tmp_path, records):
    path = tmp_path / "bad.jsonl"
    path.write_text(records[0].model_dump_json() + "\n" + '{"doc_id": "x"}\n', encoding="utf-8")
    with pytest.raises(LoadInputError, match=r"bad\.jsonl:2: source: Field required"):
        db.load_jsonl(str(path), f"sqlite:///{tmp_path / 'x.db'}")
    assert main(["load", str(path), "--db", str(tmp_path / "x.db")]) == 1


@pytest.mark.parametrize("url, message", [
    ("nosuchdialect://x/y", "cannot use nosuchdialect://x/y"),
    ("postgresql://editor:secret@127.0.0.1:1/facts", "postgresql+psycopg://editor:***@127.0.0.1:1/facts: "),
])
def test_unusable_database_is_one_clean_error(tmp_path, jsonl, url, message, capsys):
    with pytest.raises(DatabaseError) as caught:
        db.load_jsonl(str(jsonl), url)
    assert str(caught.value).startswith(message)
    assert "secret" not in str(caught.value) and "\n" not in str(caught.value)
    assert main(["load", str(jsonl), "--db", url]) == 2
    assert capsys.readouterr().err.startswith("zhfacts: error: ")


def test_cli_load_prints_counts_and_joined_claims(tmp_path, jsonl, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["load", str(jsonl), "--show", "2"]) == 0  # default database: out/facts.db
    out = capsys.readouterr().out.splitlines()
    assert (tmp_path / "out" / "facts.db").exists()
    assert out[0] == "loaded 3 article(s) into sqlite:///out/facts.db: 3 new, 0 updated, 0 unchanged"
    assert out[1].startswith("rows now: articles 3, institutions 3, article_institutions 5,")
    assert out[2:] == [
        "claims joined to their subject institution:",
        "doc_id\tsubject\tmeasure\tqualifier\tvalue\tvalue_max\tunit\tperiod\tquote",
        f"hd-2019-01\t{SCHOOL}\t培训教师\tmore_than\t1200\t\t名\t近3年来\t1200余名",
        f"hd-2019-01\t{SCHOOL}\t覆盖学校\texact\t45\t\t所\t\t45所",
    ]


def test_reference_to_unlisted_institution_gets_a_shared_row(tmp_path):
    # A claim may name a subject the article's institution list does not carry; the foreign key still holds.
    lone = article("lone", "全市共有中小学320所。", institutions=(("某市教育局", "government"),),
                   claims=(dict(quote="320所", value=320, unit="所", measure="中小学", subject="某市教育局"),))
    orphan_claim = lone.claims[0]
    stripped = lone.model_copy(update={"institutions": [], "claims": [orphan_claim]})
    url = f"sqlite:///{tmp_path / 'lone.db'}"
    db.load_jsonl(str(write_jsonl(tmp_path / "lone.jsonl", [stripped])), url)
    assert query(url, sa.select(db.institutions.c.id, db.institutions.c.canonical)) \
        == [(orphan_claim.subject_id, "某市教育局")]
