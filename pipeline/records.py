"""Stage 6, validate: turn a finished `Doc` into the Pydantic `Article` contract.

This is the only place that knows about IDs and raw offsets; a record that breaks the contract
raises `RecordValidationError` with the reason, and the runner writes it to the errors file.
"""

from __future__ import annotations

import hashlib
import unicodedata

from pydantic import ValidationError

from . import __version__
from .document import Doc, Span
from .errors import RecordValidationError
from .models import SCHEMA_VERSION, Article


def stable_id(prefix: str, *parts: object) -> str:
    key = "\x1f".join(unicodedata.normalize("NFKC", str(p)) for p in parts)
    return f"{prefix}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def institution_id(canonical: str) -> str:
    """Depends on the canonical name only, so the same body gets the same ID in every article."""
    return stable_id("inst", canonical)


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _mention(doc: Doc, span: Span) -> dict:
    raw_start, raw_end = doc.raw_span(span)
    return {"start": span.start, "end": span.end, "raw_start": raw_start, "raw_end": raw_end}


def _mentions(doc: Doc, spans: list[Span]) -> list[dict]:
    return [_mention(doc, s) for s in sorted(set(spans))]


def build_article(doc: Doc, lexicon_digest: str, segmenter: str) -> Article:
    known = {inst.canonical: institution_id(inst.canonical) for inst in doc.institutions}
    institutions = [
        {
            "id": known[inst.canonical],
            "text": doc.slice(min(inst.mentions)) if inst.mentions else inst.canonical,
            "canonical": inst.canonical,
            "kind": inst.kind,
            "aliases": sorted(set(inst.aliases) | {inst.canonical}),
            "mentions": _mentions(doc, inst.mentions),
        }
        for inst in doc.institutions
    ]
    people = [
        {
            "id": stable_id("per", doc.doc_id, p.name),
            "name": p.name,
            "role": p.role,
            "affiliation": p.affiliation,
            "affiliation_id": known.get(p.affiliation),
            "mentions": _mentions(doc, p.mentions),
        }
        for p in doc.people
    ]
    programs = []
    for prog in doc.programs:
        definition = None
        if prog.definition is not None:
            definition = {"text": doc.slice(prog.definition), **_mention(doc, prog.definition)}
        programs.append({
            "id": stable_id("prog", doc.doc_id, prog.text),
            "text": prog.text,
            "owner": prog.owner,
            "owner_id": known.get(prog.owner),
            "kind": prog.kind,
            "definition": definition,
            "mentions": _mentions(doc, prog.mentions),
        })
    claims = []
    for claim in doc.claims:
        sentence = claim.sentence or doc.sentence_of(claim.span.start)
        claims.append({
            "id": stable_id("claim", doc.doc_id, claim.span.start, claim.span.end, doc.slice(claim.span)),
            "quote": doc.slice(claim.span),
            "value": _number(claim.value),
            "value_max": _number(claim.value_max),
            "unit": claim.unit,
            "qualifier": claim.qualifier,
            "measure": claim.measure,
            "subject": claim.subject,
            "subject_id": known.get(claim.subject),
            "period": claim.period,
            "period_start": claim.period_start,
            "period_end": claim.period_end,
            "sentence": doc.slice(sentence),
            "sentence_start": sentence.start,
            **_mention(doc, claim.span),
        })
    source = doc.source
    record = {
        "doc_id": doc.doc_id,
        "source": {"path": source.path, "sha256": source.sha256, "encoding": source.encoding,
                   "format": source.format, "line": source.line},
        "meta": {"title": doc.meta.title, "date": doc.meta.date, "newspaper": doc.meta.newspaper,
                 "page": doc.meta.page, "authors": doc.meta.authors, "photo_credit": doc.meta.photo_credit},
        "text": doc.text,
        "pipeline": {"version": __version__, "schema_version": SCHEMA_VERSION,
                     "lexicon_digest": lexicon_digest, "segmenter": segmenter},
        "institutions": sorted(institutions, key=lambda r: (r["mentions"][0]["start"] if r["mentions"] else -1, r["canonical"])),
        "people": sorted(people, key=lambda r: (r["mentions"][0]["start"] if r["mentions"] else -1, r["name"])),
        "programs": sorted(programs, key=lambda r: (r["mentions"][0]["start"] if r["mentions"] else -1, r["text"])),
        "claims": sorted(claims, key=lambda r: (r["start"], r["end"])),
    }
    try:
        return Article.model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RecordValidationError(f"{where}: {first['msg']} ({exc.error_count()} error(s))") from None
