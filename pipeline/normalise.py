"""Stage 2, normalise: rejoin words broken by narrow newspaper columns, drop page chrome, keep an offset map.

Newspaper pages set text in columns of 10-20 characters, so a line break often falls inside a word
("北碚教师进\\n修学院") and sometimes a blank line too. A break is a paragraph break when the line ends
a sentence, is visibly short for its column (headlines, captions, last lines), or belongs to a
sidebar or a vertical label, or the next line is indented beyond the page's margin (a paragraph's
first line: People's Daily sets every paragraph as one such line); otherwise it is removed. Every character of the clean text keeps the
position it came from in the raw text (`Doc.offsets`), so every span can be traced to the source.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import partial
from typing import Callable

import regex

from .document import Doc, Span
from .stage import Stage

TERMINAL = frozenset("。！？!?；;…")
CLOSERS_AFTER_TERMINAL = frozenset("”’」』）)\"'")
CONTINUE_AFTER = frozenset("，,、（(《“‘「『—-·：:")
CONTINUE_BEFORE = frozenset("，,。、；;：:！!？?）)》”’」』%％")
CLAUSE_PUNCT = regex.compile(r"[，、；]")
WIDE_LAYOUT = 30  # lines wider than this are not newspaper columns: a break there ends a paragraph
WIDTH_WINDOW = 8
STRIP = " \t\r\u3000\u00a0\ufeff"
# Indentation in half-width columns: an ideographic space is as wide as two others.
INDENT_WIDTH = {"\u3000": 2}
PARAGRAPH_INDENT = 2  # columns of indentation beyond the margin that open a paragraph
# Digits, Latin letters and the signs numbers use; Chinese punctuation (，：) keeps its form.
FULLWIDTH_FOLD = {cp: cp - 0xFEE0 for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                             *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F)}


def translator(table: dict[int, int]) -> Callable[[str], str]:
    """`str.translate(table)` for a table of characters that are a small share of Chinese text: a
    regex (re: faster than regex at this) finds the runs of them and only those are translated;
    translate itself looks every character of an article up in the table, five times slower."""
    runs = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(table)) + "]+")
    return partial(runs.sub, lambda match: match.group().translate(table))


fold_fullwidth = translator(FULLWIDTH_FOLD)
# Column prose never spaces two Chinese characters apart; headlines and bylines do ("江北 汇聚新动能").
SPACED_HAN = regex.compile(r"\p{Han}[ \u3000]+\p{Han}")


@dataclass
class Line:
    start: int  # base positions, stripped of surrounding white space
    end: int
    kind: str = "body"  # body | blank | chrome | sidebar | vertical
    indent: int = 0  # columns of white space before the line's first character

    @property
    def width(self) -> int:
        return self.end - self.start


class NormaliseStage(Stage):
    name = "normalise"
    requires = ("raw",)
    provides = ("text", "offsets", "fold", "paragraphs")

    def __init__(self, resources) -> None:
        super().__init__(resources)
        layout = resources.lexicons["layout"]
        self.chrome = [_line_pattern(row[0]) for row in layout.rows if row[1] == "chrome"]
        self.sidebar = [_line_pattern(row[0]) for row in layout.rows if row[1] == "sidebar"]
        self.dangling = frozenset(row[0] for row in layout.rows if row[1] == "dangling")
        self.segmenter = resources.segmenter

    def __call__(self, doc: Doc) -> Doc:
        base = doc.base_text if doc.base_text is not None else doc.raw
        base_offsets = doc.base_offsets
        lines = self._classify(base, self._split(base))
        pieces, offsets = self._assemble(base, lines)
        if base_offsets is not None:
            offsets = array("q", (base_offsets[i] for i in offsets))
        offsets.append(offsets[-1] + 1 if offsets else 0)
        doc.text = "".join(pieces)
        doc.offsets = offsets
        doc.fold = fold_fullwidth(doc.text)
        doc.paragraphs = paragraph_spans(doc.text)
        return doc

    @staticmethod
    def _split(base: str) -> list[Line]:
        lines, pos = [], 0
        for piece in base.split("\n"):
            start, end = pos, pos + len(piece)
            indent = 0
            while start < end and base[start] in STRIP:
                indent += INDENT_WIDTH.get(base[start], 1)
                start += 1
            while end > start and base[end - 1] in STRIP:
                end -= 1
            lines.append(Line(start, end, "body" if end > start else "blank", indent))
            pos += len(piece) + 1
        return lines

    def _classify(self, base: str, lines: list[Line]) -> list[Line]:
        for line in lines:
            if line.kind == "blank":
                continue
            content = base[line.start : line.end]
            if any(p.fullmatch(content) for p in self.chrome):
                line.kind = "chrome"
            elif any(p.fullmatch(content) for p in self.sidebar):
                line.kind = "sidebar"
        # Vertical labels: three or more consecutive one- or two-character lines ("校\n长\n思\n想\n力").
        run: list[Line] = []
        for line in lines + [Line(0, 0, "blank")]:
            if line.kind in ("body", "sidebar") and line.width <= 2:
                run.append(line)
                continue
            if len(run) >= 3:
                for member in run:
                    member.kind = "vertical"
            run = []
        return lines

    def _assemble(self, base: str, lines: list[Line]) -> tuple[list[str], array]:
        """The clean text's pieces (kept lines and the breaks or spaces between them) and the base
        position of each of its characters."""
        pieces: list[str] = []
        offsets = array("q")
        kept = [i for i, line in enumerate(lines) if line.kind not in ("blank", "chrome")]
        widths = [lines[i].width for i in kept]
        # The indentation every kept line has is a margin (text copied with one); only more than it
        # opens a paragraph. A column's continuation lines are never indented beyond it.
        margin = min((lines[i].indent for i in kept), default=0)
        prev: int | None = None
        for n, i in enumerate(kept):
            line = lines[i]
            if prev is not None:
                gap = sum(1 for j in range(prev + 1, i) if lines[j].kind == "blank")
                chrome_between = any(lines[j].kind == "chrome" for j in range(prev + 1, i))
                column = _column_width(widths, n - 1)
                indented = line.indent - margin >= PARAGRAPH_INDENT
                if chrome_between or indented or not self._joins(base, lines[prev], line, gap, column):
                    pieces.append("\n")
                    offsets.append(lines[prev].end)
                elif _is_ascii_word(base[lines[prev].end - 1]) and _is_ascii_word(base[line.start]):
                    pieces.append(" ")
                    offsets.append(lines[prev].end)
            pieces.append(base[line.start : line.end])
            offsets.extend(_positions(line.start, line.end))
            prev = i
        return pieces, offsets

    def _joins(self, base: str, prev: Line, nxt: Line, gap: int, column: int) -> bool:
        if prev.kind == "vertical" and nxt.kind == "vertical":
            return gap == 0
        if "sidebar" in (prev.kind, nxt.kind) or "vertical" in (prev.kind, nxt.kind):
            return False
        last, first = base[prev.end - 1], base[nxt.start]
        if _ends_sentence(base, prev):
            return False
        if SPACED_HAN.search(base, prev.start, prev.end) or SPACED_HAN.search(base, nxt.start, nxt.end):
            return False
        if first in CONTINUE_BEFORE:
            return gap <= 1
        if last in CONTINUE_AFTER:
            return gap <= 1
        if gap == 0 and CLAUSE_PUNCT.search(base, prev.start, prev.end):
            # Headlines and captions rarely hold a clause comma; a line that does and stops without
            # ending its sentence runs on into the next line.
            return True
        if column == 0 or column > WIDE_LAYOUT:
            return False
        full = column * 0.75 <= prev.width <= column * 1.3
        glue = last in self.dangling or self._straddles(base, prev, nxt)
        if gap == 0:
            return full or glue
        return full and glue

    def _straddles(self, base: str, prev: Line, nxt: Line) -> bool:
        """Does a dictionary word cross the break? ("华东师|大" -> 华东师大, "荣昌创|新" -> 创新)"""
        left = base[max(prev.start, prev.end - 4) : prev.end]
        right = base[nxt.start : min(nxt.end, nxt.start + 4)]
        boundary = len(left)
        for token in self.segmenter.cut(left + right, hmm=False):
            if token.start < boundary < token.end and _all_cjk(token.text):
                return True
        return False


def _line_pattern(pattern: str) -> re.Pattern | regex.Pattern:
    """A layout pattern, tried on every line: compiled with re, which fullmatches these a third
    faster than regex, unless it needs regex's syntax (\\p{Han} and the like)."""
    try:
        return re.compile(pattern)
    except re.error:
        return regex.compile(pattern)


# 0, 1, 2, ...: a line's positions are a slice of this (copied whole) rather than a range whose
# every number is converted on its own, ten times slower; a line beyond it (only in documents far
# longer than any article) is counted out. 256 KB.
_COUNTING = array("q", range(1 << 15))


def _positions(start: int, end: int) -> array | range:
    return _COUNTING[start:end] if end <= len(_COUNTING) else range(start, end)


def _ends_sentence(base: str, line: Line) -> bool:
    pos = line.end - 1
    while pos > line.start and base[pos] in CLOSERS_AFTER_TERMINAL:
        pos -= 1
    return base[pos] in TERMINAL


def _column_width(widths: list[int], n: int) -> int:
    """The typical width of the column around line n: the upper quartile of its neighbours' widths."""
    window = [w for w in widths[max(0, n - WIDTH_WINDOW) : n + WIDTH_WINDOW + 1] if w >= 6]
    if len(window) < 3:
        return 0
    window.sort()
    return window[(3 * len(window)) // 4]


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _all_cjk(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def paragraph_spans(text: str) -> list[Span]:
    spans, start = [], 0
    for piece in text.split("\n"):
        if piece:
            spans.append(Span(start, start + len(piece)))
        start += len(piece) + 1
    return spans
