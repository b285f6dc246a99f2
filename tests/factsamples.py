"""Hand-built records for the load and report tests: real-style sentences, offsets computed, validated.

Building them here (instead of running the extractors) keeps these tests fast and independent of how
good the extractors are today; every record still goes through the Pydantic contract.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.models import Article
from pipeline.records import institution_id, stable_id
from pipeline.writer import dump_line

INJECTION = ("<script>document.title='PWNED';document.body.setAttribute('data-pwned','script')</script>"
             "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">")


def _spans(text: str, surface: str) -> list[dict]:
    spans, at = [], text.find(surface)
    while at >= 0:
        spans.append({"start": at, "end": at + len(surface), "raw_start": at, "raw_end": at + len(surface)})
        at = text.find(surface, at + len(surface))
    assert spans, f"{surface!r} not in text"
    return spans


def article(doc_id: str, text: str, *, title: str = "", date: str | None = "2019-02-01",
            institutions: tuple = (), people: tuple = (), programs: tuple = (), claims: tuple = ()) -> Article:
    """institutions: (canonical, kind, *aliases); people: (name, role, affiliation);
    programs: (text, kind, owner); claims: dicts with quote and the claim fields (subject by canonical)."""
    known = {canonical: institution_id(canonical) for canonical, *_ in institutions}
    record = {
        "doc_id": doc_id,
        "source": {"path": f"{doc_id}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(),
                   "encoding": "utf_8", "format": "txt", "line": None},
        "meta": {"title": title, "date": date, "newspaper": "人民日报", "page": "第04版", "authors": ["王明"],
                 "photo_credit": ""},
        "text": text,
        "pipeline": {"version": "test", "schema_version": "1.0", "lexicon_digest": "test", "segmenter": "rjieba"},
        "institutions": [
            {"id": known[canonical], "text": aliases[0] if aliases else canonical, "canonical": canonical,
             "kind": kind, "aliases": sorted({canonical, *aliases}),
             "mentions": sorted((s for name in {canonical, *aliases} if name in text for s in _spans(text, name)),
                                key=lambda m: m["start"])}
            for canonical, kind, *aliases in institutions
        ],
        "people": [
            {"id": stable_id("per", doc_id, name), "name": name, "role": role, "affiliation": affiliation,
             "affiliation_id": known.get(affiliation), "mentions": _spans(text, name)}
            for name, role, affiliation in people
        ],
        "programs": [
            {"id": stable_id("prog", doc_id, name), "text": name, "owner": owner, "owner_id": known.get(owner),
             "kind": kind, "definition": None, "mentions": _spans(text, name)}
            for name, kind, owner in programs
        ],
        "claims": [_claim(doc_id, text, known, **c) for c in claims],
    }
    return Article.model_validate(record)


def _claim(doc_id: str, text: str, known: dict, quote: str, value, unit: str, measure: str = "",
           subject: str = "", qualifier: str = "exact", period: str = "", period_start=None, period_end=None,
           value_max=None) -> dict:
    span = _spans(text, quote)[0]
    sentence_start = max(text.rfind("。", 0, span["start"]) + 1, text.rfind("\n", 0, span["start"]) + 1)
    sentence_end = text.find("。", span["end"])
    sentence = text[sentence_start: sentence_end + 1 if sentence_end >= 0 else len(text)]
    return {
        "id": stable_id("claim", doc_id, span["start"], span["end"], quote), "quote": quote, "value": value,
        "value_max": value_max, "unit": unit, "qualifier": qualifier, "measure": measure, "subject": subject,
        "subject_id": known.get(subject), "period": period, "period_start": period_start,
        "period_end": period_end, "sentence": sentence, "sentence_start": sentence_start, **span,
    }


SCHOOL = "北京市海淀区教师进修学校"
COUNCIL = "海淀区教育委员会"


def corpus() -> list[Article]:
    """Three articles: two give different counts of trained teachers for the same school; one is hostile."""
    first = article(
        "hd-2019-01",
        "海淀区教师进修学校深化“青蓝工程”\n"
        "本报讯 北京市海淀区教师进修学校近3年来共培训教师1200余名，“青蓝工程”已覆盖全区45所学校。"
        "校长李明介绍，学校与海淀区教育委员会合作，今年将新增培训经费300万元。",
        title="海淀区教师进修学校深化“青蓝工程”",
        institutions=((SCHOOL, "training_institute", "海淀区教师进修学校"), (COUNCIL, "government")),
        people=(("李明", "校长", SCHOOL),),
        programs=(("青蓝工程", "project", SCHOOL),),
        claims=(
            dict(quote="1200余名", value=1200, unit="名", qualifier="more_than", measure="培训教师",
                 subject=SCHOOL, period="近3年来", period_start=2016, period_end=2018),
            dict(quote="45所", value=45, unit="所", measure="覆盖学校", subject=SCHOOL),
            dict(quote="300万元", value=3_000_000, unit="元", measure="培训经费", subject=SCHOOL, period="今年",
                 period_start=2019, period_end=2019),
        ),
    )
    second = article(
        "hd-2019-02",
        "教师培训见成效\n据北京市海淀区教师进修学校统计，该校近3年来培训教师1500名，"
        "其中骨干教师约三成。海淀区教育委员会主任张华表示，将继续支持。",
        title="教师培训见成效",
        institutions=((SCHOOL, "training_institute"), (COUNCIL, "government")),
        people=(("张华", "主任", COUNCIL),),
        claims=(
            dict(quote="1500名", value=1500, unit="名", measure="培训 教师", subject=SCHOOL, period="近3年来",
                 period_start=2016, period_end=2018),
            dict(quote="约三成", value=3, unit="成", qualifier="approx", measure="骨干教师比例", subject=SCHOOL),
        ),
    )
    hostile = article(
        "hostile'); DROP TABLE claims;--",
        f"标题{INJECTION}\n某某大学{INJECTION}共有学生3万人。",
        title=f"恶意{INJECTION}",
        institutions=(("某某大学", "university"),),
        claims=(dict(quote="3万人", value=30000, unit="人", measure="学生", subject="某某大学"),),
    )
    return [first, second, hostile]


def write_jsonl(path: Path, records: list[Article]) -> Path:
    path.write_text("".join(dump_line(r) for r in records), encoding="utf-8")
    return path


def expected_counts(records: list[Article]) -> dict[str, int]:
    """Rows each table must hold after loading `records` (mentions and aliases deduplicated like the loader)."""
    shared = {i.id for a in records for i in a.institutions}
    shared |= {x for a in records for x in [p.affiliation_id for p in a.people] + [p.owner_id for p in a.programs]
               + [c.subject_id for c in a.claims] if x}
    return {
        "articles": len(records),
        "institutions": len(shared),
        "article_institutions": sum(len(a.institutions) for a in records),
        "institution_aliases": sum(len(set(i.aliases)) for a in records for i in a.institutions),
        "institution_mentions": sum(len(i.mentions) for a in records for i in a.institutions),
        "people": sum(len(a.people) for a in records),
        "person_mentions": sum(len(p.mentions) for a in records for p in a.people),
        "programs": sum(len(a.programs) for a in records),
        "program_mentions": sum(len(p.mentions) for a in records for p in a.programs),
        "claims": sum(len(a.claims) for a in records),
    }
