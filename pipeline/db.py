"""Load zhfacts JSON Lines into SQLite or PostgreSQL: normalised tables, one code path for both.

Tables (primary keys from the records' stable IDs; people, programs and claims are keyed per article):

    articles(doc_id)                        one row per JSONL line, with meta, source and clean text
    institutions(id)                        shared across articles: the ID depends on the canonical name only
    article_institutions(doc_id, institution_id)   how one article names a body (surface text, kind)
    institution_aliases(doc_id, institution_id, alias)
    people(doc_id, id)       -> institutions via affiliation_id
    programs(doc_id, id)     -> institutions via owner_id
    claims(doc_id, id)       -> institutions via subject_id
    institution_mentions / person_mentions / program_mentions(doc_id, <record>_id, start, end)

An article is replaced as a whole (its rows deleted, then inserted again) inside the transaction of
its batch, so loading the same file twice leaves the same rows, a re-extracted file replaces what
changed, and a failure leaves no half-loaded article. Articles whose record is byte-identical to the
loaded one are skipped. Every value travels as a bound parameter; no SQL is built from input text.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.dialects import postgresql, sqlite

from .errors import DatabaseError, LoadInputError
from .models import Article, Mention

DEFAULT_DB = "sqlite:///out/facts.db"
DEFAULT_BATCH = 100

metadata = sa.MetaData()

ID = sa.String(64)

articles = sa.Table(
    "articles", metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("record_sha256", sa.String(64), nullable=False,
              comment="SHA-256 of the record as loaded; an unchanged record is skipped on reload"),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("date", sa.String(10), index=True),
    sa.Column("newspaper", sa.Text, nullable=False),
    sa.Column("page", sa.Text, nullable=False),
    sa.Column("authors", sa.Text, nullable=False, comment="JSON array of bylined authors"),
    sa.Column("photo_credit", sa.Text, nullable=False),
    sa.Column("source_path", sa.Text, nullable=False),
    sa.Column("source_sha256", sa.String(64), nullable=False),
    sa.Column("source_encoding", sa.Text, nullable=False),
    sa.Column("source_format", sa.String(8), nullable=False),
    sa.Column("source_line", sa.Integer),
    sa.Column("pipeline_version", sa.Text, nullable=False),
    sa.Column("schema_version", sa.Text, nullable=False),
    sa.Column("lexicon_digest", sa.Text, nullable=False),
    sa.Column("segmenter", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

institutions = sa.Table(
    "institutions", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("canonical", sa.Text, nullable=False, index=True),
)


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.doc_id", ondelete="CASCADE")


def _institution_fk() -> sa.ForeignKey:
    return sa.ForeignKey("institutions.id")


article_institutions = sa.Table(
    "article_institutions", metadata,
    sa.Column("doc_id", sa.Text, _article_fk(), primary_key=True),
    sa.Column("institution_id", ID, _institution_fk(), primary_key=True, index=True),
    sa.Column("text", sa.Text, nullable=False, comment="surface form of the first mention"),
    sa.Column("kind", sa.String(32), nullable=False, index=True),
)

institution_aliases = sa.Table(
    "institution_aliases", metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("institution_id", ID, primary_key=True),
    sa.Column("alias", sa.Text, primary_key=True),
    sa.ForeignKeyConstraint(["doc_id", "institution_id"],
                            ["article_institutions.doc_id", "article_institutions.institution_id"],
                            ondelete="CASCADE"),
    sa.Index("ix_institution_aliases_alias", "alias"),
)

people = sa.Table(
    "people", metadata,
    sa.Column("doc_id", sa.Text, _article_fk(), primary_key=True),
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("affiliation", sa.Text, nullable=False),
    sa.Column("affiliation_id", ID, _institution_fk(), index=True),
)

programs = sa.Table(
    "programs", metadata,
    sa.Column("doc_id", sa.Text, _article_fk(), primary_key=True),
    sa.Column("id", ID, primary_key=True),
    sa.Column("text", sa.Text, nullable=False, index=True),
    sa.Column("owner", sa.Text, nullable=False),
    sa.Column("owner_id", ID, _institution_fk(), index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("definition_text", sa.Text),
    sa.Column("definition_start", sa.Integer),
    sa.Column("definition_end", sa.Integer),
    sa.Column("definition_raw_start", sa.Integer),
    sa.Column("definition_raw_end", sa.Integer),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("doc_id", sa.Text, _article_fk(), primary_key=True),
    sa.Column("id", ID, primary_key=True),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("value", sa.Double, nullable=False, index=True),
    sa.Column("value_max", sa.Double),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("measure", sa.Text, nullable=False, index=True),
    sa.Column("subject", sa.Text, nullable=False, index=True),
    sa.Column("subject_id", ID, _institution_fk(), index=True),
    sa.Column("period", sa.Text, nullable=False),
    sa.Column("period_start", sa.Integer),
    sa.Column("period_end", sa.Integer),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("raw_start", sa.Integer, nullable=False),
    sa.Column("raw_end", sa.Integer, nullable=False),
)


def _mention_table(name: str, owner: str, owner_key: str) -> sa.Table:
    return sa.Table(
        name, metadata,
        sa.Column("doc_id", sa.Text, primary_key=True),
        sa.Column(owner_key, ID, primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("raw_start", sa.Integer, nullable=False),
        sa.Column("raw_end", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(["doc_id", owner_key], [f"{owner}.doc_id", f"{owner}.{_owner_pk(owner)}"],
                                ondelete="CASCADE"),
    )


def _owner_pk(owner: str) -> str:
    return "institution_id" if owner == "article_institutions" else "id"


institution_mentions = _mention_table("institution_mentions", "article_institutions", "institution_id")
person_mentions = _mention_table("person_mentions", "people", "person_id")
program_mentions = _mention_table("program_mentions", "programs", "program_id")

# Children first: the order rows of one article are deleted in (and, reversed, inserted in).
ARTICLE_TABLES = (
    institution_mentions, institution_aliases, person_mentions, program_mentions,
    claims, programs, people, article_institutions, articles,
)
ALL_TABLES = (
    articles, institutions, article_institutions, institution_aliases, institution_mentions,
    people, person_mentions, programs, program_mentions, claims,
)
# Columns that point at a shared institution row; a row nobody points at any more is removed.
INSTITUTION_REFERENCES = (
    article_institutions.c.institution_id, people.c.affiliation_id, programs.c.owner_id, claims.c.subject_id,
)


@dataclass
class LoadResult:
    """What a load did: per-article outcome, rows written per table, and rows in the database after."""

    url: str
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    pruned: int = 0
    duplicates: list[str] = field(default_factory=list)
    written: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    sample: list[dict] = field(default_factory=list)


# --- connecting -----------------------------------------------------------------------------------


def database_url(db: str) -> sa.URL:
    """`out/facts.db` (a path) or `sqlite:///…` or `postgresql://…`; psycopg 3 is the PostgreSQL driver."""
    if "://" not in db:
        return sa.URL.create("sqlite", database=db)
    try:
        url = sa.make_url(db)
    except sa.exc.ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {db!r} ({exc})") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def connect(db: str) -> sa.Engine:
    """An engine with the schema created; SQLite files get their folder and foreign keys switched on."""
    url = database_url(db)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        folder = os.path.dirname(url.database)
        if folder:
            os.makedirs(folder, exist_ok=True)
    try:
        engine = sa.create_engine(url)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot use {url.render_as_string(hide_password=True)}: {exc}") from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_foreign_keys)
    with _database_errors(engine):
        metadata.create_all(engine)
    return engine


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys unless each connection asks for them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class _database_errors:
    """Turn driver errors into one-line DatabaseErrors that name the database (without its password)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.where = engine.url.render_as_string(hide_password=True)

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, _tb) -> bool:
        if exc is not None and isinstance(exc, sa.exc.SQLAlchemyError):
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise DatabaseError(f"{self.where}: {reason}") from exc
        return False


# --- reading --------------------------------------------------------------------------------------


def read_articles(path: str) -> Iterator[tuple[int, Article, str]]:
    """(line number, validated article, SHA-256 of the line) for each non-blank line of a JSONL file."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                article = Article.model_validate_json(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "record"
                raise LoadInputError(f"{path}:{lineno}: {where}: {first['msg']}") from None
            yield lineno, article, hashlib.sha256(line.strip().encode("utf-8")).hexdigest()


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- rows -----------------------------------------------------------------------------------------


def _mention_rows(doc_id: str, key: str, record_id: str, mentions: list[Mention]) -> list[dict]:
    unique = {(m.start, m.end): m for m in mentions}
    return [
        {"doc_id": doc_id, key: record_id, "start": m.start, "end": m.end,
         "raw_start": m.raw_start, "raw_end": m.raw_end}
        for m in unique.values()
    ]


def _first_by_id(records: list, key: str = "id") -> list:
    # IDs are unique by construction; a duplicate (e.g. two canonicals equal after NFKC) keeps the first.
    seen: dict[str, object] = {}
    for record in records:
        seen.setdefault(getattr(record, key), record)
    return list(seen.values())


def article_rows(article: Article, record_sha256: str) -> dict[sa.Table, list[dict]]:
    """Every row one article contributes, by table (shared institutions included)."""
    doc_id, meta, source, info = article.doc_id, article.meta, article.source, article.pipeline
    rows: dict[sa.Table, list[dict]] = {table: [] for table in ALL_TABLES}
    rows[articles].append({
        "doc_id": doc_id, "record_sha256": record_sha256, "title": meta.title, "date": meta.date,
        "newspaper": meta.newspaper, "page": meta.page,
        "authors": json.dumps(meta.authors, ensure_ascii=False), "photo_credit": meta.photo_credit,
        "source_path": source.path, "source_sha256": source.sha256, "source_encoding": source.encoding,
        "source_format": source.format, "source_line": source.line,
        "pipeline_version": info.version, "schema_version": info.schema_version,
        "lexicon_digest": info.lexicon_digest, "segmenter": info.segmenter, "text": article.text,
    })
    shared: dict[str, str] = {}
    for inst in _first_by_id(article.institutions):
        shared[inst.id] = inst.canonical
        rows[article_institutions].append(
            {"doc_id": doc_id, "institution_id": inst.id, "text": inst.text, "kind": inst.kind})
        rows[institution_aliases].extend(
            {"doc_id": doc_id, "institution_id": inst.id, "alias": alias} for alias in dict.fromkeys(inst.aliases))
        rows[institution_mentions].extend(_mention_rows(doc_id, "institution_id", inst.id, inst.mentions))
    for person in _first_by_id(article.people):
        rows[people].append({
            "doc_id": doc_id, "id": person.id, "name": person.name, "role": person.role,
            "affiliation": person.affiliation, "affiliation_id": person.affiliation_id,
        })
        rows[person_mentions].extend(_mention_rows(doc_id, "person_id", person.id, person.mentions))
    for program in _first_by_id(article.programs):
        definition = program.definition
        rows[programs].append({
            "doc_id": doc_id, "id": program.id, "text": program.text, "owner": program.owner,
            "owner_id": program.owner_id, "kind": program.kind,
            "definition_text": definition.text if definition else None,
            "definition_start": definition.start if definition else None,
            "definition_end": definition.end if definition else None,
            "definition_raw_start": definition.raw_start if definition else None,
            "definition_raw_end": definition.raw_end if definition else None,
        })
        rows[program_mentions].extend(_mention_rows(doc_id, "program_id", program.id, program.mentions))
    for claim in _first_by_id(article.claims):
        rows[claims].append({"doc_id": doc_id, **claim.model_dump()})
    # A reference to a body the article does not list still needs its shared row (the ID is the name's).
    for ref_id, name in _references(article):
        shared.setdefault(ref_id, name)
    rows[institutions] = [{"id": key, "canonical": name} for key, name in shared.items()]
    return rows


def _references(article: Article) -> Iterator[tuple[str, str]]:
    for person in article.people:
        if person.affiliation_id:
            yield person.affiliation_id, person.affiliation or person.affiliation_id
    for program in article.programs:
        if program.owner_id:
            yield program.owner_id, program.owner or program.owner_id
    for claim in article.claims:
        if claim.subject_id:
            yield claim.subject_id, claim.subject or claim.subject_id


# --- writing --------------------------------------------------------------------------------------


def _upsert_institutions(conn: sa.Connection, rows: list[dict]) -> None:
    if not rows:
        return
    dialect = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}.get(conn.dialect.name)
    if dialect is None:
        raise DatabaseError(f"unsupported database dialect {conn.dialect.name!r} (use SQLite or PostgreSQL)")
    statement = dialect(institutions)
    statement = statement.on_conflict_do_update(
        index_elements=[institutions.c.id], set_={"canonical": statement.excluded.canonical})
    conn.execute(statement, rows)


def _institutions_of(conn: sa.Connection, doc_ids: list[str]) -> set[str]:
    """IDs of shared institutions the given articles currently point at (candidates for clean-up)."""
    found: set[str] = set()
    for column in INSTITUTION_REFERENCES:
        query = sa.select(column).where(column.table.c.doc_id.in_(doc_ids), column.is_not(None))
        found.update(conn.scalars(query))
    return found


def _delete_articles(conn: sa.Connection, doc_ids: list[str]) -> None:
    for table in ARTICLE_TABLES:
        conn.execute(sa.delete(table).where(table.c.doc_id.in_(doc_ids)))


def _drop_orphans(conn: sa.Connection, candidates: set[str]) -> None:
    if not candidates:
        return
    unused = sa.and_(*(
        ~sa.exists().where(column == institutions.c.id) for column in INSTITUTION_REFERENCES
    ))
    for chunk in _batches(sorted(candidates), 500):
        conn.execute(sa.delete(institutions).where(institutions.c.id.in_(chunk), unused))


def _insert_article(conn: sa.Connection, rows: dict[sa.Table, list[dict]], written: dict[str, int]) -> None:
    _upsert_institutions(conn, rows[institutions])
    written[institutions.name] = written.get(institutions.name, 0) + len(rows[institutions])
    for table in reversed(ARTICLE_TABLES):
        if rows[table]:
            conn.execute(sa.insert(table), rows[table])
        written[table.name] = written.get(table.name, 0) + len(rows[table])


def _load_batch(conn: sa.Connection, batch: list[tuple[int, Article, str]], result: LoadResult) -> None:
    doc_ids = [article.doc_id for _, article, _ in batch]
    loaded = dict(conn.execute(
        sa.select(articles.c.doc_id, articles.c.record_sha256).where(articles.c.doc_id.in_(doc_ids))).all())
    changed = [(article, sha) for _, article, sha in batch if loaded.get(article.doc_id) != sha]
    result.unchanged += len(batch) - len(changed)
    if not changed:
        return
    replaced = [article.doc_id for article, _ in changed if article.doc_id in loaded]
    candidates = _institutions_of(conn, replaced) if replaced else set()
    if replaced:
        _delete_articles(conn, replaced)
    for article, sha in changed:
        _insert_article(conn, article_rows(article, sha), result.written)
    _drop_orphans(conn, candidates)
    result.updated += len(replaced)
    result.inserted += len(changed) - len(replaced)


def _unique_per_batch(records: Iterable[tuple[int, Article, str]], result: LoadResult, size: int):
    """Batches in which each doc_id occurs once; a repeated doc_id ends the batch, so the later line wins."""
    seen_anywhere: set[str] = set()
    batch: list = []
    in_batch: set[str] = set()
    for record in records:
        doc_id = record[1].doc_id
        if doc_id in seen_anywhere:
            result.duplicates.append(doc_id)
        seen_anywhere.add(doc_id)
        if doc_id in in_batch or len(batch) >= size:
            yield batch
            batch, in_batch = [], set()
        batch.append(record)
        in_batch.add(doc_id)
    if batch:
        yield batch


def prune_articles(conn: sa.Connection, keep: set[str]) -> int:
    """Delete every article (and its rows) whose doc_id is not in `keep`; returns how many."""
    gone = [doc_id for doc_id in conn.scalars(sa.select(articles.c.doc_id)) if doc_id not in keep]
    for chunk in _batches(gone, DEFAULT_BATCH):
        candidates = _institutions_of(conn, chunk)
        _delete_articles(conn, chunk)
        _drop_orphans(conn, candidates)
    return len(gone)


def load_jsonl(path: str, db: str = DEFAULT_DB, *, batch_size: int = DEFAULT_BATCH, prune: bool = False,
               show: int = 0) -> LoadResult:
    """Load a zhfacts JSONL file into the database at `db`; each batch of articles is one transaction.

    A bad line stops the load before its batch is written (earlier batches stay committed).
    With `prune`, articles in the database but not in the file are deleted at the end.
    With `show`, the result carries that many claims joined to their subject institution.
    """
    if batch_size < 1:
        raise DatabaseError("batch size must be at least 1")
    engine = connect(db)
    result = LoadResult(url=engine.url.render_as_string(hide_password=True))
    seen: set[str] = set()
    try:
        with _database_errors(engine):
            for batch in _unique_per_batch(read_articles(path), result, batch_size):
                result.read += len(batch)
                seen.update(article.doc_id for _, article, _ in batch)
                with engine.begin() as conn:
                    _load_batch(conn, batch, result)
            if prune:
                with engine.begin() as conn:
                    result.pruned = prune_articles(conn, seen)
            with engine.connect() as conn:
                result.totals = table_counts(conn)
                result.sample = claims_with_subjects(conn, show) if show else []
    finally:
        engine.dispose()
    return result


# --- reading back ---------------------------------------------------------------------------------


def table_counts(conn: sa.Connection) -> dict[str, int]:
    return {table.name: conn.scalar(sa.select(sa.func.count()).select_from(table)) for table in ALL_TABLES}


def claims_with_subjects(conn: sa.Connection, limit: int) -> list[dict]:
    """Claims joined to their subject institution and article, largest articles' first claims first."""
    query = (
        sa.select(claims.c.doc_id, institutions.c.canonical.label("subject"), claims.c.measure,
                  claims.c.qualifier, claims.c.value, claims.c.value_max, claims.c.unit, claims.c.period,
                  claims.c.quote)
        .join(institutions, claims.c.subject_id == institutions.c.id)
        .order_by(claims.c.doc_id, claims.c.start, claims.c.id)
        .limit(limit)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def dump_tables(conn: sa.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two dumps are equal exactly when the databases hold the same rows."""
    dump = {}
    for table in ALL_TABLES:
        rows = conn.execute(sa.select(table)).all()
        dump[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return dump


def format_result(result: LoadResult) -> str:
    """The summary the CLI prints: what happened to the articles, rows in the database, sample rows."""
    head = (f"loaded {result.read} article(s) into {result.url}: {result.inserted} new, "
            f"{result.updated} updated, {result.unchanged} unchanged")
    lines = [head + (f", {result.pruned} pruned" if result.pruned else "")]
    if result.duplicates:
        lines.append(f"warning: {len(result.duplicates)} repeated doc_id(s), the later line wins: "
                     + ", ".join(sorted(set(result.duplicates))[:5]))
    lines.append("rows now: " + ", ".join(f"{name} {count}" for name, count in result.totals.items()))
    if result.sample:
        lines.append("claims joined to their subject institution:")
        lines.append("\t".join(result.sample[0].keys()))
        for row in result.sample:
            lines.append("\t".join("" if v is None else _cell(v) for v in row.values()))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\t", " ").replace("\n", " ")
