"""The output contract: Pydantic v2 models for one article's record and for error records.

Every field is described; unknown fields are refused (`extra="forbid"`); `schemas/*.schema.json`
is generated from these models by `zhfacts schema` and a test fails when it drifts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

InstitutionKind = Literal[
    "school", "university", "training_institute", "government", "party_org",
    "research_institute", "company", "media", "other",
]
ProgramKind = Literal[
    "model", "course", "project", "plan", "strategy", "brand", "campaign", "policy", "activity", "other",
]
Qualifier = Literal["exact", "approx", "more_than", "less_than", "at_least", "up_to"]
Number = int | float


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Mention(Strict):
    """Where a name or quote stands: in the clean `text` and in the raw decoded source."""

    start: int = Field(ge=0, description="Start offset (characters) in the article's clean text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the clean text.")
    raw_start: int = Field(ge=0, description="Start offset (characters) in the raw decoded source.")
    raw_end: int = Field(ge=0, description="End offset (exclusive) in the raw decoded source.")

    @model_validator(mode="after")
    def _ordered(self) -> "Mention":
        if self.end < self.start or self.raw_end < self.raw_start:
            raise ValueError("span ends before it starts")
        return self


class Source(Strict):
    path: str = Field(description="Input path as given (\"<stdin>\" for standard input).")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the input bytes (for JSONL: of the line).")
    encoding: str = Field(description="Detected encoding of the bytes.")
    format: Literal["txt", "html", "jsonl"] = Field(description="Input format.")
    line: int | None = Field(default=None, ge=1, description="1-based line number for JSON Lines inputs.")


class Meta(Strict):
    title: str = Field(default="", description="Article title, given by the container or read from the page.")
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, ISO 8601.")
    newspaper: str = Field(default="", description="Newspaper name.")
    page: str = Field(default="", description="Edition/page as written, e.g. 第019版.")
    authors: list[str] = Field(default_factory=list, description="Bylined authors/reporters, in order.")
    photo_credit: str = Field(default="", description="Who provided the photos, e.g. from 图片由…提供.")


class PipelineInfo(Strict):
    version: str = Field(description="zhfacts version that wrote the record.")
    schema_version: str = Field(description="Version of this output schema.")
    lexicon_digest: str = Field(description="Digest of the lexicon files used.")
    segmenter: str = Field(description="Word segmenter used (rjieba, jieba or spacy).")


class Institution(Strict):
    id: str = Field(pattern=r"^inst:[0-9a-f]{16}$", description="Stable ID from the canonical name: equal across articles.")
    text: str = Field(min_length=1, description="Surface form of the first mention.")
    canonical: str = Field(min_length=1, description="Fullest name the article gives for this body.")
    kind: InstitutionKind = Field(description="Kind of organisation.")
    aliases: list[str] = Field(description="Every surface form used in the article, canonical included.")
    mentions: list[Mention] = Field(description="Every mention, in text order.")


class Person(Strict):
    id: str = Field(pattern=r"^per:[0-9a-f]{16}$", description="Stable ID from article and name.")
    name: str = Field(min_length=1, description="Personal name as written.")
    role: str = Field(default="", description="Title or role as stated (记者 for bylines), or empty.")
    affiliation: str = Field(default="", description="Canonical name of the institution the text ties the person to.")
    affiliation_id: str | None = Field(default=None, description="ID of that institution record, when there is one.")
    mentions: list[Mention] = Field(description="Every mention, in text order.")


class Definition(Strict):
    text: str = Field(description="The text that defines or expands the program.")
    start: int = Field(ge=0, description="Start offset in the clean text.")
    end: int = Field(ge=0, description="End offset in the clean text.")
    raw_start: int = Field(ge=0, description="Start offset in the raw source.")
    raw_end: int = Field(ge=0, description="End offset in the raw source.")


class Program(Strict):
    id: str = Field(pattern=r"^prog:[0-9a-f]{16}$", description="Stable ID from article and program text.")
    text: str = Field(min_length=1, description="Program name as written, without quotation marks.")
    owner: str = Field(default="", description="Canonical institution or area that runs it, or empty.")
    owner_id: str | None = Field(default=None, description="ID of the owning institution record, when there is one.")
    kind: ProgramKind = Field(description="Kind of program.")
    definition: Definition | None = Field(default=None, description="Where the article defines the program.")
    mentions: list[Mention] = Field(description="Every mention, in text order.")


class Claim(Strict):
    id: str = Field(pattern=r"^claim:[0-9a-f]{16}$", description="Stable ID from article, position and quote.")
    quote: str = Field(min_length=1, description="Shortest verbatim stretch carrying the number, unit and qualifier.")
    value: Number = Field(description="Normalised value: numerals converted, 万/亿/千 multiplied in; percent as shown.")
    value_max: Number | None = Field(default=None, description="Upper bound for ranges (3至5年), else null.")
    unit: str = Field(description="Unit or classifier as written (名, 人次, %, 元 …), multipliers removed.")
    qualifier: Qualifier = Field(description="exact, approx, more_than, less_than, at_least or up_to.")
    measure: str = Field(default="", description="What is counted or measured.")
    subject: str = Field(default="", description="Canonical institution or area the figure is about.")
    subject_id: str | None = Field(default=None, description="ID of the subject's institution record, when there is one.")
    period: str = Field(default="", description="Time scope as written (近3年来, 2021年, 今年), or empty.")
    period_start: int | None = Field(default=None, description="First year of the period, resolved against the article date.")
    period_end: int | None = Field(default=None, description="Last year of the period, resolved against the article date.")
    sentence: str = Field(description="The sentence that holds the claim.")
    sentence_start: int = Field(ge=0, description="Start offset of the sentence in the clean text.")
    start: int = Field(ge=0, description="Start offset of the quote in the clean text.")
    end: int = Field(ge=0, description="End offset of the quote in the clean text.")
    raw_start: int = Field(ge=0, description="Start offset of the quote in the raw source.")
    raw_end: int = Field(ge=0, description="End offset of the quote in the raw source.")


class Article(Strict):
    """One line of zhfacts output: an article and every fact found in it."""

    doc_id: str = Field(min_length=1, description="File name without folder and extension, or the JSONL line's id.")
    source: Source
    meta: Meta
    text: str = Field(description="Clean text: column line breaks rejoined, page chrome removed.")
    pipeline: PipelineInfo
    institutions: list[Institution]
    people: list[Person]
    programs: list[Program]
    claims: list[Claim]

    @model_validator(mode="after")
    def _spans_inside_text(self) -> "Article":
        size = len(self.text)
        for group in (self.institutions, self.people, self.programs):
            for record in group:
                for mention in record.mentions:
                    if mention.end > size:
                        raise ValueError(f"mention {mention.start}..{mention.end} outside text of {size} chars")
        for claim in self.claims:
            if claim.end > size or self.text[claim.start : claim.end] != claim.quote:
                raise ValueError(f"claim {claim.id} quote does not match text[{claim.start}:{claim.end}]")
        return self


class ErrorRecord(Strict):
    """One line of the errors file: an input (or a record) that could not be processed."""

    path: str = Field(description="Input path.")
    line: int | None = Field(default=None, description="1-based line for JSON Lines inputs.")
    doc_id: str | None = Field(default=None, description="Document ID when known.")
    stage: str = Field(description="Stage that failed: ingest, normalise, extract, validate, timeout …")
    error: str = Field(description="One-line reason.")


MODELS = {"article": Article, "error": ErrorRecord}
