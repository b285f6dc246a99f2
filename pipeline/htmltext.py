"""HTML page -> text, keeping for every output character its position in the decoded page.

Built on the standard library's HTML parser because it reports where each piece of data starts;
faster parsers (lxml, selectolax) lose source positions, and the output contract needs raw offsets.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section table tbody thead tfoot tr td th ul caption".split()
)
# Content a reader never sees as article text.
SKIP_TAGS = frozenset("script style noscript template nav iframe svg button select option head".split())
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


@dataclass
class HtmlText:
    text: str
    offsets: array  # raw position of each character of `text`, plus one past the end
    title: str


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


class _Extractor(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0]
        for i, ch in enumerate(raw):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.chars: list[str] = []
        self.offsets = array("q")
        self.skip_depth = 0
        self.in_title = False
        self.title: list[str] = []
        self.pending_space: int | None = None  # raw position of a collapsed whitespace run

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, one_to_one: bool) -> None:
        for i, ch in enumerate(text):
            self.chars.append(ch)
            self.offsets.append(start + i if one_to_one else start)

    def _newline(self, pos: int) -> None:
        self.pending_space = None
        if self.chars and self.chars[-1] != "\n":
            self._emit("\n", pos, True)

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS and tag not in VOID_TAGS:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        if tag in BLOCK_TAGS:
            self._newline(self._pos())

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._newline(self._pos())

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:
            self._newline(self._pos())

    def handle_data(self, data):
        self._text(data, self._pos(), one_to_one=True)

    def handle_entityref(self, name):
        self._text(unescape(f"&{name};"), self._pos(), one_to_one=False)

    def handle_charref(self, name):
        self._text(unescape(f"&#{name};"), self._pos(), one_to_one=False)

    def _text(self, data: str, start: int, one_to_one: bool) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skip_depth:
            return
        i = 0
        while i < len(data):
            ch = data[i]
            if ch.isspace() and one_to_one:
                j = i
                while j < len(data) and data[j].isspace():
                    j += 1
                run = data[i:j]
                if self.pending_space is None:
                    # A line break between two CJK characters renders as nothing (CSS segment-break rules).
                    self.pending_space = start + i if "\n" not in run else -(start + i) - 1
                i = j
                continue
            self._flush_space(ch)
            self._emit(ch, start + i if one_to_one else start, True)
            i += 1

    def _flush_space(self, next_ch: str) -> None:
        if self.pending_space is None:
            return
        pos = self.pending_space
        self.pending_space = None
        if not self.chars or self.chars[-1] == "\n":
            return
        if pos < 0:
            pos = -pos - 1
            if _is_cjk(self.chars[-1]) and _is_cjk(next_ch):
                return
        self._emit(" ", pos, True)


def html_to_text(raw: str) -> HtmlText:
    parser = _Extractor(raw)
    parser.feed(raw)
    parser.close()
    chars, offsets = parser.chars, parser.offsets
    while chars and chars[-1] == "\n":
        chars.pop()
        offsets.pop()
    offsets.append(offsets[-1] + 1 if offsets else 0)
    title = " ".join("".join(parser.title).split())
    return HtmlText(text="".join(chars), offsets=offsets, title=unescape(title))

