"""The working document that flows through the stages, and the findings the extractors attach to it.

Stages read and fill a `Doc`; only the validate stage turns findings into the Pydantic contract
(`pipeline.models`), so extractors stay free of IDs, raw offsets and serialisation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, islice
from operator import attrgetter
from typing import Iterable, NamedTuple, Sequence


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) in the clean text."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written out, not generated: the generated one of a frozen class sets each field through
        # object.__setattr__, and a run builds some 250 spans per article (this is 40% faster).
        if not 0 <= start <= end:
            raise ValueError(f"bad span {start}..{end}")
        fields = self.__dict__
        fields["start"] = start
        fields["end"] = end

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


# Span's own order as a key: sorting by it compares tuples in C, where Span's __lt__ is a Python call
span_order = attrgetter("start", "end")


class SpanIndex:
    """Spans (they may overlap or nest) that answer overlap and containment questions by bisection
    instead of a scan over all: sorted by start, with the furthest end any span up to each one
    reaches. A span is overlapped exactly when some span starting before its end reaches past its
    start, covered when one starting at or before its start reaches its end."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans = sorted(spans, key=span_order)
        self._starts = [s.start for s in self.spans]
        self._reach = list(accumulate((s.end for s in self.spans), max))

    def with_spans(self, spans: Iterable[Span]) -> "SpanIndex":
        return SpanIndex([*self.spans, *spans])

    def overlaps(self, span: Span) -> bool:
        before_end = bisect_left(self._starts, span.end)
        return before_end > 0 and self._reach[before_end - 1] > span.start

    def covers(self, start: int, end: int) -> bool:
        """Some span here starts at or before `start` and ends at or after `end`."""
        up_to_start = bisect_right(self._starts, start)
        return up_to_start > 0 and self._reach[up_to_start - 1] >= end

    def holds(self, pos: int) -> bool:
        """`pos` lies strictly inside some span (after its start, before its end)."""
        begun = bisect_left(self._starts, pos)
        return begun > 0 and self._reach[begun - 1] > pos

    def add(self, span: Span) -> None:
        at = bisect_right(self._starts, span.start)
        self.spans.insert(at, span)
        self._starts.insert(at, span.start)
        reach_before = self._reach[at - 1] if at else -1
        self._reach[at:] = islice(accumulate((s.end for s in self.spans[at:]), max, initial=reach_before), 1, None)


def occurrences(text: str, word: str) -> list[Span]:
    """Every place `word` stands in `text`, left to right, none overlapping the one before."""
    spans, at = [], text.find(word)
    while at >= 0:
        spans.append(Span(at, at + len(word)))
        at = text.find(word, at + len(word))
    return spans


def enclosing(text: str, start: int, end: int, opening: str, closing: str, reach: int) -> Span | None:
    """The marks (`opening` … `closing`, a character each: “…”, （…）) that hold text[start:end]:
    the last opening mark within `reach` characters before `start` that no closing mark follows
    there, and the first closing mark within `reach` characters after `end` with no opening mark
    before it; else None."""
    left = text.rfind(opening, max(0, start - reach), start)
    if left < 0 or closing in text[left:start]:
        return None
    right = text.find(closing, end, end + reach)
    if right < 0 or opening in text[end:right]:
        return None
    return Span(left, right + 1)


class Token(NamedTuple):
    """A segmenter's word: its text, [start, end) in the text it was cut from, and its tag. A tuple,
    not a dataclass: an article has thousands and a tuple is built in a third of the time."""

    text: str
    start: int
    end: int
    pos: str = ""


@dataclass
class Meta:
    title: str = ""
    date: str | None = None  # ISO 8601, YYYY-MM-DD
    newspaper: str = ""
    page: str = ""
    authors: list[str] = field(default_factory=list)
    photo_credit: str = ""
    author_spans: list[Span] = field(default_factory=list)
    photo_credit_span: Span | None = None
    author_roles: dict[str, str] = field(default_factory=dict)  # a credited role other than 记者 (制图)
    author_bodies: dict[str, str] = field(default_factory=dict)  # the paper or agency a byline names (本报)


@dataclass
class SourceInfo:
    path: str
    sha256: str
    encoding: str
    format: str  # txt | html | jsonl
    line: int | None = None  # 1-based line number for jsonl inputs


@dataclass
class InstitutionFinding:
    canonical: str
    kind: str
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # every surface form, canonical included when seen


@dataclass
class PersonFinding:
    name: str
    role: str = ""
    affiliation: str = ""  # canonical institution name, or ""
    mentions: list[Span] = field(default_factory=list)


@dataclass
class ProgramFinding:
    text: str
    kind: str = "other"
    owner: str = ""
    mentions: list[Span] = field(default_factory=list)
    definition: Span | None = None


@dataclass
class ClaimFinding:
    span: Span  # the quote
    value: float
    unit: str
    qualifier: str = "exact"
    value_max: float | None = None
    measure: str = ""
    subject: str = ""  # canonical institution or area
    period: str = ""
    period_start: int | None = None
    period_end: int | None = None
    sentence: Span | None = None
    number_span: Span | None = None  # the figure itself inside the quote


@dataclass
class Doc:
    """One article on its way through the pipeline."""

    doc_id: str
    raw: str  # the decoded source text (for HTML, the decoded page)
    source: SourceInfo
    text: str = ""  # clean text
    offsets: Sequence[int] = field(default_factory=list)  # clean index -> raw index (len(text) + 1 entries)
    fold: str = ""  # `text` with full-width ASCII folded; same length, for matching
    meta: Meta = field(default_factory=Meta)
    hints: dict[str, str] = field(default_factory=dict)  # metadata given by the container (JSONL fields)
    # Where normalising starts when it is not `raw` itself (HTML: the page's text content), and the
    # raw position of each of its characters.
    base_text: str | None = None
    base_offsets: Sequence[int] | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    institutions: list[InstitutionFinding] = field(default_factory=list)
    people: list[PersonFinding] = field(default_factory=list)
    programs: list[ProgramFinding] = field(default_factory=list)
    claims: list[ClaimFinding] = field(default_factory=list)
    # Text stretches that are not body prose (bylines, credits, chrome-like lines): extractors skip them.
    furniture: list[Span] = field(default_factory=list)

    def raw_span(self, span: Span) -> tuple[int, int]:
        """Map a clean-text span to the raw source: the raw position of its first and last characters."""
        if span.start == span.end:
            pos = self.offsets[span.start]
            return pos, pos
        return self.offsets[span.start], self.offsets[span.end - 1] + 1

    def sentence_of(self, pos: int) -> Span:
        """The sentence holding clean position `pos` (binary search; sentences are sorted)."""
        return _containing(self.sentences, pos) or Span(0, len(self.text))

    def paragraph_of(self, pos: int) -> Span:
        return _containing(self.paragraphs, pos) or Span(0, len(self.text))

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def token_at(self, pos: int) -> Token | None:
        """The segmenter's word covering clean position `pos` (bisection; tokens are in text order)."""
        index = bisect_right(self.tokens, pos, key=_START) - 1
        if index >= 0 and self.tokens[index].start <= pos < self.tokens[index].end:
            return self.tokens[index]
        return None

    def word_from(self, pos: int) -> Token | None:
        """The segmenter's word that begins at clean position `pos`, or None."""
        word = self.token_at(pos)
        return word if word is not None and word.start == pos else None

    def word_starts_at(self, pos: int) -> bool:
        """A segmenter's word begins at clean position `pos`."""
        return self.word_from(pos) is not None

    def word_ends_at(self, pos: int) -> bool:
        """A segmenter's word ends at clean position `pos`."""
        word = self.token_at(pos - 1) if pos > 0 else None
        return word is not None and word.end == pos

    def cut_as_words(self, start: int, end: int) -> bool:
        """The segmenter cuts [start, end) as a word or words of its own (鲁迅|曾, not 鲁迅公园)."""
        return self.word_starts_at(start) and self.word_ends_at(end)


_START, _END = attrgetter("start"), attrgetter("end")
# Marks that end a sentence: a quoted stretch holding one is speech, not a name (claims, programs).
SENTENCE_STOPS = frozenset("。！？!?…")


def _containing(spans: list[Span], pos: int) -> Span | None:
    """The span of sorted, non-overlapping `spans` holding `pos`: the first that ends after it."""
    index = bisect_right(spans, pos, key=_END)
    if index < len(spans) and spans[index].start <= pos:
        return spans[index]
    return None
