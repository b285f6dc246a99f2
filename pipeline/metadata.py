"""Stage 3, article metadata: title, date, newspaper, page, bylines and photo credit.

Values given by the container (JSON Lines fields) win; otherwise they are read from the page: the
date, paper and edition from the page head and foot, bylines from short name-only lines at the end
(or "（记者…）" near the start), the photo credit from "图片由…提供" / "…摄". Byline and credit lines
are marked as furniture so that extractors do not read them as prose.
"""

from __future__ import annotations

import regex

from .document import Doc, Span
from .normalise import FULLWIDTH_FOLD
from .stage import Stage

EDGE = 400  # characters at the head and foot of the raw page where page furniture lives
DATE = regex.compile(r"((?:19|20)\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
PAGE = regex.compile(r"第\s*([0-9０-９]{1,3}|[A-Z]\d{1,2})\s*版")
NEWSPAPER = regex.compile(r"[\p{Han}]{2,8}(?:日报|晚报|早报|商报|时报|青年报|晨报|周报|导报)")
# A credit closes its line; whatever stands before it on the same line may be a byline.
CREDIT = regex.compile(
    r"[（(]?(?:图片|照片|图)(?:均)?由(?P<who>[^，。；]{2,40}?)提供[)）]?$"
    r"|^[（(]?(?:图|摄影|图片)[/／：:]\s*(?P<who2>.{2,20}?)[)）]?$"
    r"|^[（(]?(?P<who3>[\p{Han}、\s]{2,20}?)\s*摄[)）]?$"
)
INLINE_BYLINE = regex.compile(r"[（(]\s*(?:本报)?记者\s*(?P<names>[\p{Han}\s、]{2,100}?)\s*[)）]")
# "文" and "图" are role words only with a separator: "文秀月" is a name.
BYLINE_ROLE = regex.compile(r"^(?:(?:本报)?(?:记者|通讯员|撰稿)[/／：:\s]*|(?:文字?|图)[/／：:]\s*)")
# 本版制图：蔡华伟: a credit for the graphics; its names are people with that role
GRAPHICS_CREDIT = regex.compile(r"^[（(]?(?:本版)?(?P<role>制图|制表|绘图)[/／：:]\s*(?P<names>[\p{Han}\s、]{2,20}?)\s*[)）]?$")
TITLE_MAX = 40
# Every CREDIT alternative needs one of these; a line without them is not searched.
CREDIT_MARKS = ("提供", "图", "摄")
NAME_SEPARATORS = regex.compile(r"[\s、，,]+")
HAN_NAME = regex.compile(r"\p{Han}{2,4}")


class MetadataStage(Stage):
    name = "metadata"
    requires = ("text", "paragraphs")
    provides = ("meta", "furniture")

    def __init__(self, resources) -> None:
        super().__init__(resources)
        lexicons = resources.lexicons
        self.surnames = lexicons["surnames"].terms() if "surnames" in lexicons else frozenset()

    def __call__(self, doc: Doc) -> Doc:
        meta, hints = doc.meta, doc.hints
        head_foot = doc.raw[:EDGE] + "\n" + doc.raw[-EDGE:]
        meta.title = hints.get("title") or self._title(doc)
        meta.date = iso_date(hints.get("date", "")) or iso_date(head_foot)
        # The page is searched only for what the container did not give (the searches are slow).
        meta.newspaper = hints.get("newspaper") or hints.get("source") or _group(NEWSPAPER.search(head_foot))
        meta.page = hints.get("page") or _group(PAGE.search(head_foot))
        self._credits_and_bylines(doc)
        if hints.get("authors") or hints.get("author"):
            given = (hints.get("authors") or hints.get("author", "")).replace("、", " ").split()
            meta.authors = list(dict.fromkeys(given + meta.authors))
        return doc

    def _title(self, doc: Doc) -> str:
        if not doc.paragraphs:
            return ""
        first = doc.slice(doc.paragraphs[0]).strip()
        if len(first) <= TITLE_MAX and first[-1] not in "。！？；，":
            return first
        return ""

    def _credits_and_bylines(self, doc: Doc) -> None:
        meta = doc.meta
        for span in doc.paragraphs:
            line = doc.slice(span)
            if len(line) > 60:
                continue
            credit = CREDIT.search(line.rstrip()) if any(mark in line for mark in CREDIT_MARKS) else None
            if credit:
                if not meta.photo_credit:
                    meta.photo_credit = next(g for g in credit.groups() if g).strip()
                    meta.photo_credit_span = span
                doc.furniture.append(span)
                line = line[: credit.start()]
            graphics = GRAPHICS_CREDIT.match(line.strip()) if "图" in line or "表" in line else None
            if graphics:
                names = self._names(graphics.group("names"))
                if names:  # (not 郭 祥: a name set with a space is no name of the text)
                    doc.furniture.append(span)
                    self._add_authors(doc, span.start, line, names)
                    meta.author_roles.update((name, graphics.group("role")) for name in names)
                continue
            names = self._byline_names(line)
            if names:
                doc.furniture.append(span)
                self._add_authors(doc, span.start, line, names)
        # (本报记者…) under the title, or closing an article or a section of a round-up
        for span in doc.paragraphs:
            if "记者" not in doc.text[span.start : span.end]:
                continue
            for match in INLINE_BYLINE.finditer(doc.slice(span)):
                names = self._names(match.group("names"))
                if names:
                    base = span.start + match.start("names")
                    self._add_authors(doc, base, match.group("names"), names)
        doc.furniture.sort()

    def _byline_names(self, line: str) -> list[str]:
        """A line made only of two-to-four-character personal names ("周珣 张骞月"), maybe after 记者."""
        body = BYLINE_ROLE.sub("", line.strip())
        if not body or len(body) > 40 or body == line.strip() and " " not in body and "、" not in body:
            return []
        return self._names(body)

    def _names(self, text: str) -> list[str]:
        parts = NAME_SEPARATORS.split(text.strip())
        if not parts or not all(self._looks_like_name(p) for p in parts):
            return []
        return parts

    def _looks_like_name(self, token: str) -> bool:
        if not HAN_NAME.fullmatch(token):
            return False
        if not self.surnames:
            return True
        return token[:1] in self.surnames or token[:2] in self.surnames

    @staticmethod
    def _add_authors(doc: Doc, base: int, text: str, names: list[str]) -> None:
        pos = 0
        for name in names:
            at = text.find(name, pos)
            pos = at + len(name)
            if name not in doc.meta.authors:
                doc.meta.authors.append(name)
            doc.meta.author_spans.append(Span(base + at, base + at + len(name)))


def _group(match: regex.Match | None) -> str:
    return match.group() if match else ""


def iso_date(text: str) -> str | None:
    match = DATE.search(text.translate(FULLWIDTH_FOLD))
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
