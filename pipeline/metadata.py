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
# A reporter's title may say where they are posted (本报驻埃及记者, 本报赴柬埔寨特派记者) and what
# they did on a joint report (执笔记者, 参与记者).
REPORTER = r"(?P<paper>本报)?(?:[驻赴]\p{Han}{1,8}?)?(?:特派)?(?:执笔|参与)?记者"
# (本报记者 胡 果 朱 虹采访整理), (综合本报记者…报道): what the reporters did may close the names.
# A news agency's dateline may open the brackets, and several titled lists share them
# (（新华社北京2月4日电  执笔记者：丁小溪、姜潇；参与记者：吴晶）): the agency is the reporters' body.
DATELINE = r"据?(?P<agency>\p{Han}{1,6}社)\p{Han}{0,12}?\d{1,2}月\d{1,2}日电"
INLINE_BYLINE = regex.compile(
    rf"(?:[（(]\s*(?:{DATELINE}\s+|综合)?|；\s*){REPORTER}[：:]?\s*(?P<names>[\p{{Han}}\s、]{{2,100}}?)"
    rf"\s*(?:采访整理|整理|采写|报道)?\s*(?=[)）；])")
# "文" and "图" are role words only with a separator: "文秀月" is a name.
BYLINE_ROLE = regex.compile(rf"(?:(?:{REPORTER}|(?:本报)?(?:通讯员|撰稿))[/／：:\s]*|(?:文字?|图)[/／：:]\s*)")
# 本版制图：蔡华伟, （责编：王瑾、王珂园）: a credit for the page's work (layout.tsv's labels); its
# names are people with that role
ROLE_CREDIT = r"^\s*[（(]?(?:本版)?(?P<role>{labels})[/／：:]\s*(?P<names>[\p{{Han}}\s、]{{2,20}}?)\s*[)）]?$"
CREDIT_LINE_MAX = 30  # characters of a credit line: a label, brackets and a few names
TITLE_MAX = 40
# Every CREDIT alternative needs one of these; a line without them is not searched.
CREDIT_MARKS = ("提供", "图", "摄")
NAME_PART = regex.compile(r"[^\s、，,]+")
HAN_NAME = regex.compile(r"\p{Han}{2,4}")
Name = tuple[str, int, int]  # a byline's name, its start and end in the line


class MetadataStage(Stage):
    name = "metadata"
    requires = ("text", "paragraphs")
    provides = ("meta", "furniture")

    def __init__(self, resources) -> None:
        super().__init__(resources)
        lexicons = resources.lexicons
        self.surnames = lexicons["surnames"].terms() if "surnames" in lexicons else frozenset()
        labels = sorted((row[0] for row in lexicons["layout"].rows if row[1] == "credit"), key=len, reverse=True) \
            if "layout" in lexicons else []
        self.role_credit = regex.compile(ROLE_CREDIT.format(labels="|".join(map(regex.escape, labels)))) if labels else None

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
            role_credit = self.role_credit.match(line) if self.role_credit and len(line) <= CREDIT_LINE_MAX else None
            if role_credit:
                names = self._names(role_credit.group("names"), role_credit.start("names"))
                if names:
                    doc.furniture.append(span)
                    self._add_authors(doc, span.start, names)
                    meta.author_roles.update((name, role_credit.group("role")) for name, _, _ in names)
                continue
            names = self._byline_names(line)
            if names:
                doc.furniture.append(span)
                self._add_authors(doc, span.start, names)
        # (本报记者…) under the title, or closing an article or a section of a round-up
        for span in doc.paragraphs:
            if "记者" not in doc.text[span.start : span.end]:
                continue
            agency = ""  # a dateline's agency holds for every list in its brackets
            for match in INLINE_BYLINE.finditer(doc.slice(span)):
                agency = match.group("agency") or (agency if match.group().startswith("；") else "")
                names = self._names(match.group("names"), match.start("names"))
                if names:
                    self._add_authors(doc, span.start, names)
                    body = meta.newspaper if match.group("paper") else agency
                    if body:
                        meta.author_bodies.update((name, body) for name, _, _ in names)
        doc.furniture.sort()

    def _byline_names(self, line: str) -> list[Name]:
        """A line made only of two-to-four-character personal names ("周珣 张骞月"), maybe after 记者."""
        start = len(line) - len(line.lstrip())
        role = BYLINE_ROLE.match(line, start)
        if role:
            start = role.end()
        body = line[start:].rstrip()
        if not body or len(body) > 40 or not role and " " not in body and "、" not in body:
            return []
        return self._names(body, start)

    def _names(self, text: str, base: int = 0) -> list[Name]:
        """The names of a byline, each with its span in the line (from `base`); none unless every part
        is a name. People's Daily sets a two-character name with a space between its characters, to
        line it up with the three-character names of the column (记者 胡 果 朱 虹): two lone
        characters in a row are one name."""
        parts = [(m.group(), m.start(), m.end()) for m in NAME_PART.finditer(text)]
        names, at = [], 0
        while at < len(parts):
            name, start, end = parts[at]
            if len(name) == 1 and at + 1 < len(parts) and len(parts[at + 1][0]) == 1 \
                    and text[end : parts[at + 1][1]].isspace():
                at += 1
                name, end = name + parts[at][0], parts[at][2]
            if not self._looks_like_name(name):
                return []
            names.append((name, base + start, base + end))
            at += 1
        return names

    def _looks_like_name(self, token: str) -> bool:
        if not HAN_NAME.fullmatch(token):
            return False
        if not self.surnames:
            return True
        return token[:1] in self.surnames or token[:2] in self.surnames

    @staticmethod
    def _add_authors(doc: Doc, base: int, names: list[Name]) -> None:
        """`names` as `_names` gives them, in a line that starts at `base` in the text."""
        for name, start, end in names:
            if name not in doc.meta.authors:
                doc.meta.authors.append(name)
            doc.meta.author_spans.append(Span(base + start, base + end))


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
