"""A character CRF that tags person names, organisations and titles (PER, ORG, TITLE) in Chinese text.

It is the learned half of the people stage: rules find names next to titles, the CRF finds the ones
no rule reaches (given names alone, foreign names, names with no title). The model is trained by
`scripts/train_ner.py` on CLUENER2020 and shipped as `models/ner.crfsuite`; it is loaded offline.
Features are the same at training and tagging time because both call `sentence_features`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import NerModelError
from .lexicon import Lexicons
from .phrases import Phrases

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
LABELS = ("PER", "ORG", "TITLE")
# Longest title word worth matching; longer roles are built by the people stage from shorter ones.
MAX_TITLE_LEN = 6
# A CRF over a whole article is slow and learns nothing from far context: tag it in pieces.
MAX_CHUNK = 200


@dataclass(frozen=True)
class NerLexicons:
    """The lexicon evidence the CRF features use: surnames (with rank) and title words."""

    surname_rank: dict[str, int]
    titles: Phrases  # title words of 2 to MAX_TITLE_LEN characters

    @classmethod
    def from_lexicons(cls, lexicons: Lexicons) -> "NerLexicons":
        ranks = {term: int(rank) for term, rank in lexicons["surnames"].mapping(1).items()}
        titles = Phrases(sorted(t for t in lexicons["titles"].terms() if 2 <= len(t) <= MAX_TITLE_LEN))
        return cls(surname_rank=ranks, titles=titles)


def char_class(ch: str) -> str:
    if ch.isdigit():
        return "D"
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "L"
    if ch.isspace():
        return "S"
    return "P"


def word_positions(text: str, words: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """B/M/E/S position of every character in its segmented word with the word length (capped), and
    the word's part of speech (jieba's nr/ns/nt are evidence for names, places, organisations)."""
    tags: list[str] = []
    pos: list[str] = []
    for word, tag in words:
        n = len(word)
        size = str(min(n, 4))
        if n == 1:
            tags.append("S" + size)
        else:
            tags.append("B" + size)
            tags.extend("M" + size for _ in range(n - 2))
            tags.append("E" + size)
        pos.extend(tag for _ in range(n))
    if len(tags) != len(text):  # a segmenter that drops or adds characters: fall back to no evidence
        return ["?"] * len(text), ["?"] * len(text)
    return tags, pos


def make_word_tagger():
    """jieba's segmentation and part-of-speech tags (the Rust port: same dictionary, ~3M chars/s).
    Training and tagging must use the same one, so both call this."""
    import rjieba

    jieba = rjieba.Jieba()
    return lambda text: jieba.tag(text, hmm=True)


def title_marks(text: str, titles: Phrases) -> list[str]:
    """'B'/'I' for characters inside the longest title word starting at each position, else ''."""
    marks = [""] * len(text)
    for start, end, _ in titles.finditer(text):
        marks[start] = "B"
        marks[start + 1 : end] = ["I"] * (end - start - 1)
    return marks


def surname_marks(text: str, ranks: dict[str, int]) -> list[str]:
    """Surname evidence per character: 'C' starts a compound surname, 'T' a top-100 one, 'R' a rarer one."""
    marks = [""] * len(text)
    for i, ch in enumerate(text):
        if text[i : i + 2] in ranks and len(text[i : i + 2]) == 2:
            marks[i] = "C"
        elif ch in ranks:
            marks[i] = "T" if ranks[ch] <= 100 else "R"
    return marks


def sentence_features(text: str, words: list[tuple[str, str]], lex: NerLexicons) -> list[list[str]]:
    """Feature strings for every character of `text` (one sentence or chunk)."""
    n = len(text)
    padded = "^^" + text + "$$"
    classes = [char_class(ch) for ch in text]
    seg, pos = word_positions(text, words)
    tit = title_marks(text, lex.titles)
    sur = surname_marks(text, lex.surname_rank)
    feats: list[list[str]] = []
    for i in range(n):
        p = i + 2
        c_2, c_1, c0, c1, c2 = padded[p - 2], padded[p - 1], padded[p], padded[p + 1], padded[p + 2]
        prev_class = classes[i - 1] if i else "^"
        next_class = classes[i + 1] if i + 1 < n else "$"
        prev_tit = tit[i - 1] if i else ""
        next_tit = tit[i + 1] if i + 1 < n else ""
        f = [
            "b",
            "c0=" + c0,
            "c-1=" + c_1,
            "c1=" + c1,
            "c-2=" + c_2,
            "c2=" + c2,
            "c-1c0=" + c_1 + c0,
            "c0c1=" + c0 + c1,
            "c-2c-1=" + c_2 + c_1,
            "c1c2=" + c1 + c2,
            "c-1c1=" + c_1 + c1,
            "c-1c0c1=" + c_1 + c0 + c1,
            "k=" + prev_class + classes[i] + next_class,
            "w=" + seg[i],
            "w-1w=" + (seg[i - 1] if i else "^") + seg[i],
            "ww1=" + seg[i] + (seg[i + 1] if i + 1 < n else "$"),
            "p=" + pos[i],
            "wp=" + seg[i] + pos[i],
            "p-1p1=" + (pos[i - 1] if i else "^") + "|" + (pos[i + 1] if i + 1 < n else "$"),
            "s=" + sur[i],
            "s-1=" + (sur[i - 1] if i else "^"),
            "s-2=" + (sur[i - 2] if i > 1 else "^"),
            "t=" + tit[i],
            "t-1t1=" + prev_tit + "|" + next_tit,
        ]
        if sur[i] and seg[i][0] in "BS":
            f.append("sw=" + sur[i] + seg[i])
        feats.append(f)
    return feats


def bio_to_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate(labels + ["O"]):
        if label.startswith("I-") and kind == label[2:]:
            continue
        if kind:
            spans.append((start, i, kind))
            kind = ""
        if label.startswith(("B-", "I-")):  # a stray I- opens a span rather than being lost
            start, kind = i, label[2:]
    return spans


def chunks(text: str, limit: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Cut text at sentence ends (or hard at `limit`) into pieces the CRF tags one at a time."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in "。！？；\n" or i + 1 - start >= limit:
            pieces.append((start, i + 1))
            start = i + 1
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


class NerTagger:
    """Load the shipped CRF once; `tag(text)` returns (start, end, label) spans, end exclusive."""

    def __init__(self, lexicons: Lexicons, model_path: Path | str | None = None) -> None:
        import pycrfsuite

        path = Path(model_path) if model_path else DEFAULT_MODEL
        if not path.is_file():
            raise NerModelError(f"{path}: NER model not found; build it with `python scripts/train_ner.py`")
        self.lex = NerLexicons.from_lexicons(lexicons)
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
        except OSError as exc:
            raise NerModelError(f"{path}: cannot open NER model ({exc})") from None
        self._words = make_word_tagger()
        self.model_path = path

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        return [(s, e, label) for s, e, label, _ in self.tag_scored(text)]

    def tag_scored(self, text: str, windows: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str, float]]:
        """Spans with the model's confidence: the lowest marginal probability of the span's labels.
        `windows` (start, end), when given, are the only stretches of `text` worth tagging."""
        spans: list[tuple[int, int, str, float]] = []
        pieces = chunks(text) if windows is None else [
            (w_start + s, w_start + e) for w_start, w_end in windows for s, e in chunks(text[w_start:w_end])
        ]
        for start, end in pieces:
            piece = text[start:end]
            if not piece.strip():
                continue
            labels = self._tagger.tag(sentence_features(piece, self._words(piece), self.lex))
            for s, e, kind in bio_to_spans(labels):
                confidence = min(self._tagger.marginal(labels[i], i) for i in range(s, e))
                spans.append((start + s, start + e, kind, confidence))
        return spans
