"""The fact-check report: one static, offline HTML page for editors who check the figures by eye.

Per article the clean text with institutions, people, programs and claims highlighted (hover for a
claim's value, unit, qualifier, measure, subject and period) beside a table of its claims; a
corpus-wide claims table sortable by any column; and a consistency section listing figures for the
same subject, measure and unit that differ between articles.

Article text is untrusted: every string from the input goes through `html.escape`, attributes are
always double-quoted, element IDs are built from positions (never from input), and a
Content-Security-Policy lets only this module's own inline script run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from . import report_assets
from .db import read_articles
from .models import Article, Claim

KIND_LABELS = {
    "inst": "机构 institution",
    "per": "人物 person",
    "prog": "项目 program",
    "claim": "数据 claim",
}
QUALIFIER_MARKS = {"exact": "", "approx": "约", "more_than": "超过", "less_than": "不足", "at_least": "至少",
                   "up_to": "至多"}


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # a key of KIND_LABELS
    note: str  # hover text (plain, escaped on output)


@dataclass(frozen=True)
class ClaimRef:
    """A claim with where it lives in the report."""

    article_index: int
    article: Article
    claim_index: int
    claim: Claim

    @property
    def anchor(self) -> str:
        return claim_anchor(self.article_index, self.claim_index)


@dataclass
class ReportStats:
    articles: int
    claims: int
    conflicts: int
    output: str


def e(text: object) -> str:
    """Escape for text and for double-quoted attribute values alike."""
    return html.escape("" if text is None else str(text), quote=True)


def article_anchor(index: int) -> str:
    return f"doc-{index}"


def claim_anchor(article_index: int, claim_index: int) -> str:
    return f"doc-{article_index}-claim-{claim_index}"


# --- numbers and notes ----------------------------------------------------------------------------


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def format_value(claim: Claim) -> str:
    """`约1,200 名`, `3–5 年`, `超过45 %`: the normalised value as an editor reads it."""
    number = format_number(claim.value)
    if claim.value_max is not None:
        number += "–" + format_number(claim.value_max)
    return f"{QUALIFIER_MARKS.get(claim.qualifier, '')}{number} {claim.unit}".strip()


def format_period(claim: Claim) -> str:
    years = ""
    if claim.period_start is not None or claim.period_end is not None:
        first, last = claim.period_start, claim.period_end
        years = str(first) if first == last or last is None else f"{first or ''}–{last}"
    if claim.period and years:
        return f"{claim.period} ({years})"
    return claim.period or years


def claim_note(claim: Claim) -> str:
    parts = [
        f"数据 claim: {format_value(claim)}",
        f"value {format_number(claim.value)}" + (f"–{format_number(claim.value_max)}" if claim.value_max is not None else ""),
        f"qualifier {claim.qualifier}",
        f"unit {claim.unit or '—'}",
        f"measure {claim.measure or '—'}",
        f"subject {claim.subject or '—'}",
        f"period {format_period(claim) or '—'}",
    ]
    return "\n".join(parts)


def highlights(article: Article) -> list[Highlight]:
    """Every span to colour in one article, claims included."""
    found: list[Highlight] = []
    for inst in article.institutions:
        note = f"机构 institution: {inst.canonical} ({inst.kind})"
        found.extend(Highlight(m.start, m.end, "inst", note) for m in inst.mentions)
    for person in article.people:
        details = ", ".join(x for x in (person.role, person.affiliation) if x)
        note = f"人物 person: {person.name}" + (f" ({details})" if details else "")
        found.extend(Highlight(m.start, m.end, "per", note) for m in person.mentions)
    for program in article.programs:
        owner = f", {program.owner}" if program.owner else ""
        note = f"项目 program: {program.text} ({program.kind}{owner})"
        found.extend(Highlight(m.start, m.end, "prog", note) for m in program.mentions)
    found.extend(Highlight(c.start, c.end, "claim", claim_note(c)) for c in article.claims)
    size = len(article.text)
    return [h for h in found if 0 <= h.start < h.end <= size]


# --- the marked-up text ---------------------------------------------------------------------------


def render_text(article: Article, article_index: int) -> str:
    """The clean text cut at every highlight boundary; each piece is a <mark> carrying all kinds over it.

    Overlapping spans (a claim quote that contains an institution) never produce crossed tags: the
    text is split into pieces, and a piece covered by several highlights gets several classes.
    """
    text = article.text
    marks = highlights(article)
    anchors: dict[int, list[str]] = defaultdict(list)
    for index, claim in enumerate(article.claims):
        if 0 <= claim.start < claim.end <= len(text):
            anchors[claim.start].append(claim_anchor(article_index, index))
    starts: dict[int, list[Highlight]] = defaultdict(list)
    ends: dict[int, list[Highlight]] = defaultdict(list)
    for mark in marks:
        starts[mark.start].append(mark)
        ends[mark.end].append(mark)
    cuts = sorted({0, len(text), *starts, *ends, *anchors})
    active: list[Highlight] = []
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > left] + starts.get(left, [])
        out.extend(f'<span class="anchor" id="{e(anchor)}"></span>' for anchor in anchors.get(left, []))
        piece = e(text[left:right])
        if not active:
            out.append(piece)
            continue
        kinds = sorted({m.kind for m in active}, key=list(KIND_LABELS).index)
        note = "\n".join(dict.fromkeys(m.note for m in active))
        out.append(f'<mark class="hl {" ".join(kinds)}" title="{e(note)}">{piece}</mark>')
    return "".join(out)


def render_claims_side(article: Article, article_index: int) -> str:
    if not article.claims:
        return '<p class="none">没有数据 no claims</p>'
    rows = []
    for index, claim in enumerate(article.claims):
        rows.append(
            "<tr>"
            f'<td><a href="#{claim_anchor(article_index, index)}">{e(claim.quote)}</a></td>'
            f'<td class="num">{e(format_value(claim))}</td>'
            f"<td>{e(claim.qualifier)}</td><td>{e(claim.measure)}</td>"
            f"<td>{e(claim.subject)}</td><td>{e(format_period(claim))}</td>"
            "</tr>"
        )
    return (
        '<table class="side"><thead><tr><th>引文 quote</th><th>值 value</th><th>限定 qualifier</th>'
        "<th>指标 measure</th><th>主体 subject</th><th>时间 period</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )


def render_entities(article: Article) -> str:
    items = []
    for inst in article.institutions:
        items.append(f'<li><span class="chip inst">{e(inst.canonical)}</span> {e(inst.kind)} ×{len(inst.mentions)}</li>')
    for person in article.people:
        details = ", ".join(x for x in (person.role, person.affiliation) if x)
        items.append(f'<li><span class="chip per">{e(person.name)}</span> {e(details)}</li>')
    for program in article.programs:
        owner = f", {program.owner}" if program.owner else ""
        items.append(f'<li><span class="chip prog">{e(program.text)}</span> {e(program.kind + owner)}</li>')
    return '<ul class="entities">' + "".join(items) + "</ul>" if items else ""


def render_article(article: Article, index: int, open_: bool) -> str:
    meta = article.meta
    title = meta.title or article.doc_id
    facts = (f"{len(article.institutions)} 机构 · {len(article.people)} 人物 · "
             f"{len(article.programs)} 项目 · {len(article.claims)} 数据")
    byline = " · ".join(x for x in (meta.date or "", meta.newspaper, meta.page, " ".join(meta.authors)) if x)
    return (
        f'<details class="article" id="{article_anchor(index)}"{" open" if open_ else ""}>'
        f'<summary><span class="title">{e(title)}</span> <span class="facts">{e(byline)} · {e(facts)} · '
        f'<code>{e(article.doc_id)}</code></span></summary>'
        '<div class="body">'
        f'<div class="text" lang="zh-CN">{render_text(article, index)}</div>'
        f'<aside>{render_claims_side(article, index)}{render_entities(article)}</aside>'
        "</div></details>"
    )


# --- corpus tables --------------------------------------------------------------------------------


def claim_refs(articles: list[Article]) -> list[ClaimRef]:
    return [ClaimRef(i, a, j, c) for i, a in enumerate(articles) for j, c in enumerate(a.claims)]


def render_claims_table(refs: list[ClaimRef]) -> str:
    rows = []
    for ref in refs:
        claim, title = ref.claim, ref.article.meta.title or ref.article.doc_id
        rows.append(
            "<tr>"
            f'<td><a href="#{article_anchor(ref.article_index)}">{e(title)}</a></td>'
            f"<td>{e(claim.subject)}</td><td>{e(claim.measure)}</td>"
            f'<td class="num" data-v="{e(repr(float(claim.value)))}">{e(format_value(claim))}</td>'
            f"<td>{e(claim.unit)}</td><td>{e(claim.qualifier)}</td><td>{e(format_period(claim))}</td>"
            f'<td><a href="#{ref.anchor}">{e(claim.quote)}</a></td>'
            "</tr>"
        )
    return (
        '<table class="sortable" id="claims-table"><thead><tr>'
        '<th>文章 article</th><th>主体 subject</th><th>指标 measure</th><th data-numeric="1">值 value</th>'
        "<th>单位 unit</th><th>限定 qualifier</th><th>时间 period</th><th>引文 quote</th>"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def normalise_key(text: str) -> str:
    """Case, width, spaces and punctuation do not make two measures different (NFKC, then strip)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not (ch.isspace() or unicodedata.category(ch)[0] in "PS"))


def consistency_groups(refs: Iterable[ClaimRef]) -> list[list[ClaimRef]]:
    """Claims on the same subject, measure and unit where two articles disagree.

    Two articles disagree when each gives a figure the other does not: an article that merely repeats
    some of another's figures (a reprint, a continuation page, a shorter report) is no conflict.
    """
    groups: dict[tuple[str, str, str], list[ClaimRef]] = defaultdict(list)
    for ref in refs:
        claim = ref.claim
        measure = normalise_key(claim.measure)
        subject = claim.subject_id or normalise_key(claim.subject)
        if not measure or not subject:
            continue
        groups[(subject, measure, unicodedata.normalize("NFKC", claim.unit))].append(ref)
    conflicts = [
        sorted(members, key=lambda r: (float(r.claim.value), r.article_index, r.claim_index))
        for members in groups.values() if _articles_disagree(members)
    ]
    return sorted(conflicts, key=lambda g: (g[0].claim.subject, g[0].claim.measure, g[0].claim.unit))


def _figure(claim: Claim) -> tuple[float, float | None]:
    return float(claim.value), None if claim.value_max is None else float(claim.value_max)


def _articles_disagree(members: list[ClaimRef]) -> bool:
    figures: dict[int, set] = defaultdict(set)
    for ref in members:
        figures[ref.article_index].add(_figure(ref.claim))
    sets = list(figures.values())
    return any(a - b and b - a for i, a in enumerate(sets) for b in sets[i + 1:])


def _period_key(claim: Claim) -> object:
    # The words are more precise than the resolved years (1月21日 and 2月10日 are both 2019).
    if normalise_key(claim.period):
        return normalise_key(claim.period)
    if claim.period_start is not None or claim.period_end is not None:
        return (claim.period_start, claim.period_end)
    return None


def _periods_explain(group: list[ClaimRef]) -> bool:
    """True when every figure states its period and differing figures never share one."""
    by_figure: dict[tuple, set] = defaultdict(set)
    for ref in group:
        period = _period_key(ref.claim)
        if period is None:
            return False
        by_figure[_figure(ref.claim)].add(period)
    periods = list(by_figure.values())
    return all(a.isdisjoint(b) for i, a in enumerate(periods) for b in periods[i + 1:])


def render_consistency(groups: list[list[ClaimRef]]) -> str:
    if not groups:
        return '<p class="none" id="consistency-none">没有发现不一致的数据 no differing figures found</p>'
    rows = []
    for group in groups:
        first = group[0].claim
        figures = []
        # An article that repeats a figure word for word is listed once, with how often it says it.
        repeats: dict[tuple, list[ClaimRef]] = defaultdict(list)
        for ref in group:
            repeats[(ref.article_index, _figure(ref.claim), ref.claim.quote, ref.claim.period)].append(ref)
        for same in repeats.values():
            ref = same[0]
            title = ref.article.meta.title or ref.article.doc_id
            period = format_period(ref.claim)
            times = f" ×{len(same)}" if len(same) > 1 else ""
            figures.append(
                f'<li><a href="#{ref.anchor}"><b>{e(format_value(ref.claim))}</b></a>{times} '
                f'<span class="where">{e(title)}{e(" · " + period) if period else ""}</span>'
                f' <q>{e(ref.claim.quote)}</q></li>'
            )
        verdict = ("时间不同 periods differ", "period") if _periods_explain(group) else ("待核实 check", "check")
        rows.append(
            "<tr>"
            f"<td>{e(first.subject)}</td><td>{e(first.measure)}</td><td>{e(first.unit)}</td>"
            f'<td><ul class="figures">{"".join(figures)}</ul></td>'
            f'<td class="verdict {verdict[1]}">{e(verdict[0])}</td>'
            "</tr>"
        )
    return (
        '<table id="consistency-table" class="sortable"><thead><tr><th>主体 subject</th><th>指标 measure</th>'
        "<th>单位 unit</th><th>不同的数字 differing figures</th><th>判断 verdict</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )


# --- the page -------------------------------------------------------------------------------------


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_report(articles: list[Article], source_name: str = "", open_first: int = 1) -> str:
    refs = claim_refs(articles)
    groups = consistency_groups(refs)
    style, script = report_assets.CSS, report_assets.JS
    # Only the script whose hash is listed may run: injected markup could not execute even if an
    # escape were ever missed.
    policy = (f"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
              f"script-src '{_script_hash(script)}'; base-uri 'none'; form-action 'none'")
    legend = "".join(f'<span class="hl {kind}">{e(label)}</span>' for kind, label in KIND_LABELS.items())
    counts = (f"{len(articles)} 篇文章 articles · {len(refs)} 条数据 claims · "
              f"{len(groups)} 组不一致 differing figure groups")
    body = "".join(render_article(a, i, i < open_first) for i, a in enumerate(articles))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{e(policy)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>zhfacts 事实核查报告</title>"
        f"<style>{style}</style></head><body>"
        '<header><h1>zhfacts 事实核查报告 <small>fact-check report</small></h1>'
        f'<p class="counts">{e(source_name)} · {e(counts)}</p>'
        '<nav><a href="#consistency">一致性 consistency</a> · <a href="#articles">文章 articles</a> · '
        '<a href="#claims">全部数据 all claims</a></nav>'
        f'<p class="legend" id="legend">{legend} <span class="hint">悬停查看详情 hover for details</span></p>'
        "</header><main>"
        '<section id="consistency"><h2>一致性 Consistency: same subject and measure, different figures</h2>'
        f"{render_consistency(groups)}</section>"
        f'<section id="articles"><h2>文章 Articles</h2>{body}</section>'
        '<section id="claims"><h2>全部数据 All claims <small>(click a header to sort)</small></h2>'
        f"{render_claims_table(refs)}</section>"
        f"</main><script>{script}</script></body></html>\n"
    )


def write_report(path: str, output: str, open_first: int = 1) -> ReportStats:
    """Read a zhfacts JSONL file and write the report page to `output`."""
    articles = [article for _, article, _ in read_articles(path)]
    page = render_report(articles, os.path.basename(path), open_first=open_first)
    folder = os.path.dirname(output)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(output, "w", encoding="utf-8") as fh:
        fh.write(page)
    refs = claim_refs(articles)
    return ReportStats(articles=len(articles), claims=len(refs), conflicts=len(consistency_groups(refs)),
                       output=output)
