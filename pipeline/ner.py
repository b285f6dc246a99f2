"""A character CRF that tags person names, organisations and titles (PER, ORG, TITLE) in Chinese text.

It is the learned half of the people stage: rules find names next to titles, the CRF finds the ones
no rule reaches (given names alone, foreign names, names with no title). The model is trained by
`scripts/train_ner.py` on CLUENER2020 and shipped as `models/ner.crfsuite`; it is loaded offline.
Training builds `sentence_features` strings for crfsuite; tagging computes the same features for a
whole batch as integer keys (`FeatureEncoder`) and decodes them with `pipeline.crf`; tests hold the
two equal, and the labels and marginals equal crfsuite's.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

import numpy as np

from .crf import CrfModel
from .errors import NerModelError
from .lexicon import Lexicons
from .phrases import Phrases
from .segment import jieba_dictionary

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
    dictionary: dict[str, int]  # jieba's dictionary: word -> frequency

    @classmethod
    def from_lexicons(cls, lexicons: Lexicons) -> "NerLexicons":
        ranks = {term: int(rank) for term, rank in lexicons["surnames"].mapping(1).items()}
        titles = Phrases(sorted(t for t in lexicons["titles"].terms() if 2 <= len(t) <= MAX_TITLE_LEN))
        return cls(surname_rank=ranks, titles=titles, dictionary=jieba_dictionary())


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


def word_starts(text: str, words: list[tuple[str, str]], dictionary: dict[str, int]) -> list[tuple[int, bool]] | None:
    """For every character, where its word starts and whether jieba's dictionary holds the word (else
    its cut and tag are the HMM's guess: a guessed nr and a listed one are different evidence); None
    when the segmenter changed the text."""
    starts: list[tuple[int, bool]] = []
    at = 0
    for word, _ in words:
        starts.extend([(at, word in dictionary)] * len(word))
        at += len(word)
    return starts if len(starts) == len(text) else None


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
    starts = word_starts(text, words, lex.dictionary)
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
        if starts is not None:  # word listed (1) or guessed (0), the surname mark at its start, position, tag
            start, listed = starts[i]
            f.append("g=" + "01"[listed] + (sur[start] or "-") + seg[i] + pos[i])
        feats.append(f)
    return feats


# The values sentence_features gives, as small integers: word position (with "^"/"$" beyond the
# piece and "?" when the segmenter changed the text), character class, surname mark, title mark.
SEG_CODES = ("^", "$", "?", "S1", *(f"{p}{n}" for p in "BME" for n in "234"))
CLASS_CODES = ("^", "$", "D", "H", "L", "S", "P")
SURNAME_CODES = ("^", "", "C", "T", "R")
TITLE_CODES = ("", "B", "I")
_start = attrgetter("start")  # a token's start, the key to find tokens by offset
CODE_BITS = 21  # every code point fits: (a << 42) | (b << 21) | c keys a character trigram in an int64


def _codes(names: tuple[str, ...]) -> dict[str, int]:
    return {name: i for i, name in enumerate(names)}


class FeatureEncoder:
    """`sentence_features` for a batch of pieces at once, as rows of the model's attribute table.

    Each template's value at every character becomes one integer key, computed with numpy from
    code points and small codes (c-1c0 is (c-1 << 21) | c0); the model's attribute strings are
    parsed into the same keys once, so no feature string is ever built. tests/test_ner.py holds the
    rows equal to the strings' on real sentences."""

    def __init__(self, attributes: tuple[str, ...], unknown: int, lex: NerLexicons) -> None:
        self.lex, self.unknown = lex, unknown
        self.seg, self.cls = _codes(SEG_CODES), _codes(CLASS_CODES)
        self.sur, self.tit = _codes(SURNAME_CODES), _codes(TITLE_CODES)
        self.pos = _codes(("^", "$", "?"))
        parsed: dict[str, list[tuple[int, int]]] = {}
        for row, attribute in enumerate(attributes):
            template, _, value = attribute.partition("=")
            try:
                key = self._key_of(template, value)
            except (KeyError, IndexError):  # a value no piece can produce (e.g. from another feature set)
                key = None
            if key is not None:
                parsed.setdefault(template, []).append((key, row))
        self._seg_table = np.zeros((4, 5), dtype=np.int64)  # [S/B/M/E, capped length] -> code
        for code, name in enumerate(SEG_CODES):
            if name[0] in "SBME":
                self._seg_table["SBME".index(name[0]), int(name[1])] = code
        self._word_starts = np.array([self.seg[c] for c in SEG_CODES if c[0] in "BS"])
        self._compounds = frozenset(s for s in lex.surname_rank if len(s) == 2)
        self._compound_firsts = frozenset(s[0] for s in self._compounds)
        self.tables = {}
        for template, pairs in parsed.items():
            pairs.sort()
            self.tables[template] = (np.array([k for k, _ in pairs], dtype=np.int64),
                                     np.array([r for _, r in pairs], dtype=np.intp))

    # ------------------------------------------------------------ attribute strings -> keys
    def _pos_code(self, tag: str) -> int:
        return self.pos.setdefault(tag, len(self.pos))  # the model's tags, learned as they are read

    def _seg_split(self, value: str) -> tuple[str, str] | None:
        """'B2E2' -> ('B2', 'E2'), '^S1' -> ('^', 'S1'): the first of two word positions."""
        head = value[:1] if value[:1] in ("^", "$", "?") else value[:2]
        return (head, value[len(head):]) if head in self.seg else None

    def _key_of(self, template: str, value: str) -> int | None:
        pair = lambda a, b: (a << CODE_BITS) | b  # noqa: E731
        if template == "b":
            return 0
        if template in ("c0", "c-1", "c1", "c-2", "c2"):
            return ord(value) if len(value) == 1 else None
        if template in ("c-1c0", "c0c1", "c-2c-1", "c1c2", "c-1c1"):
            return pair(ord(value[0]), ord(value[1])) if len(value) == 2 else None
        if template == "c-1c0c1":
            return pair(pair(ord(value[0]), ord(value[1])), ord(value[2])) if len(value) == 3 else None
        if template == "k":
            return pair(pair(self.cls[value[0]], self.cls[value[1]]), self.cls[value[2]])
        if template == "w":
            return self.seg[value]
        if template in ("w-1w", "ww1"):
            split = self._seg_split(value)
            return pair(self.seg[split[0]], self.seg[split[1]]) if split and split[1] in self.seg else None
        if template == "p":
            return self._pos_code(value)
        if template == "wp":
            split = self._seg_split(value)
            return pair(self.seg[split[0]], self._pos_code(split[1])) if split else None
        if template == "p-1p1":
            before, _, after = value.partition("|")
            return pair(self._pos_code(before), self._pos_code(after))
        if template in ("s", "s-1", "s-2"):
            return self.sur[value]
        if template == "t":
            return self.tit[value]
        if template == "t-1t1":
            before, _, after = value.partition("|")
            return pair(self.tit[before], self.tit[after])
        if template == "sw":
            return pair(self.sur[value[0]], self.seg[value[1:]])
        if template == "g":
            split = self._seg_split(value[2:])
            word = self._word_code(value[0] == "1", self.sur["" if value[1] == "-" else value[1]])
            return pair(pair(word, self.seg[split[0]]), self._pos_code(split[1])) if split else None
        raise NerModelError(f"the model has an attribute of unknown template {template!r}")

    @staticmethod
    def _word_code(listed, mark):
        """One small code for a word's dictionary flag and the surname mark at its start."""
        return listed * len(SURNAME_CODES) + mark

    # ------------------------------------------------------------ pieces -> rows
    def rows(self, pieces: list[tuple[str, list[tuple[str, str]]]]) -> np.ndarray:
        """Attribute rows, (characters, templates), for every character of every (text, words)
        piece in order; `unknown` where the model has no attribute for a feature."""
        text, seg, pos, cls, sur, tit, gue = [], [], [], [], [], [], []
        dictionary = self.lex.dictionary
        seg_c, pos_c, cls_c, sur_c, tit_c = self.seg, self.pos, self.cls, self.sur, self.tit
        unknown_pos = len(self.pos)
        for piece, words in pieces:  # each padded by two on both sides, as sentence_features pads
            w, p = word_positions(piece, words)
            text.append("^^" + piece + "$$")
            seg += [0, 0, *map(seg_c.__getitem__, w), 1, 1]
            pos += [0, 0, *(pos_c.get(t, unknown_pos) for t in p), 1, 1]
            cls += [0, 0, *(cls_c[char_class(ch)] for ch in piece), 1, 1]
            marks = [sur_c[m] for m in surname_marks(piece, self.lex.surname_rank)]
            sur += [0, 0, *marks, 0, 0]
            starts = word_starts(piece, words, dictionary)
            gue += [-1, -1, *([-1] * len(piece) if starts is None else
                              (self._word_code(listed, marks[j]) for j, listed in starts)), -1, -1]
            tit += [0, 0, *map(tit_c.__getitem__, title_marks(piece, self.lex.titles)), 0, 0]
        joined = "".join(text)
        char = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        seg_a, pos_a, cls_a, sur_a, tit_a, gue_a = (np.array(x, dtype=np.int64) for x in (seg, pos, cls, sur, tit, gue))
        # positions of the pieces' own characters in the padded stream
        lengths = np.array([len(piece) for piece, _ in pieces], dtype=np.int64)
        starts = np.cumsum(lengths + 4) - lengths - 2
        i = np.repeat(starts, lengths) + (np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths))
        return self._rows_from({
            "c": [char[i - 2], char[i - 1], char[i], char[i + 1], char[i + 2]],
            "k": [cls_a[i - 1], cls_a[i], cls_a[i + 1]], "w": [seg_a[i - 1], seg_a[i], seg_a[i + 1]],
            "p": [pos_a[i - 1], pos_a[i], pos_a[i + 1]], "s": [sur_a[i - 2], sur_a[i - 1], sur_a[i]],
            "t": [tit_a[i - 1], tit_a[i], tit_a[i + 1]], "g": [gue_a[i]],
        })

    def rows_in(self, text: str, tokens: list, pieces: list[tuple[int, int]]) -> np.ndarray | None:
        """`rows` for stretches (start, end) of one text, with their words taken from the text's own
        segmentation `tokens` instead of segmenting each piece again: the evidence is computed once
        over all the pieces and read through masks at their edges, where `rows` pads. None when the
        tokens do not tile a piece (then `rows` is the way)."""
        words = []
        for start, end in pieces:
            inside = tokens[bisect_left(tokens, start, key=_start) : bisect_left(tokens, end, key=_start)]
            if not inside or inside[0].start != start or inside[-1].end != end:
                return None
            words += inside
        sizes = np.fromiter((t.end - t.start for t in words), dtype=np.int64, count=len(words))
        joined = "".join([text[start:end] for start, end in pieces])
        n = len(joined)
        if int(sizes.sum()) != n:
            return None
        # word position codes: S1, or B/M/E with the word's length capped at 4
        which = np.repeat(np.arange(len(words)), sizes)
        offset = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        length = sizes[which]
        kind = np.where(length == 1, 0, np.where(offset == 0, 1, np.where(offset == length - 1, 3, 2)))
        seg = self._seg_table[kind, np.minimum(length, 4)]
        unknown_pos = len(self.pos)
        pos = np.fromiter((self.pos.get(t.pos, unknown_pos) for t in words), dtype=np.int64,
                          count=len(words))[which]
        listed = np.fromiter((t.text in self.lex.dictionary for t in words), dtype=np.int64, count=len(words))[which]
        word_start = np.arange(n) - offset
        alphabet = {ch: i for i, ch in enumerate(set(joined))}
        letters = np.fromiter(map(alphabet.__getitem__, joined), dtype=np.int64, count=n)
        cls = np.array([self.cls[char_class(ch)] for ch in alphabet], dtype=np.int64)[letters]
        sur = np.array([self._single_surname(ch) for ch in alphabet], dtype=np.int64)[letters]
        for first in self._compound_firsts.intersection(alphabet):
            at = joined.find(first)
            while at >= 0:
                if joined[at : at + 2] in self._compounds:
                    sur[at] = self.sur["C"]
                at = joined.find(first, at + 1)
        bounds = np.array(pieces, dtype=np.int64).reshape(-1, 2)
        lengths = bounds[:, 1] - bounds[:, 0]
        ends = np.cumsum(lengths)
        # a compound surname needs its second character in the same piece
        for end in ends[sur[ends - 1] == self.sur["C"]]:
            sur[end - 1] = self._single_surname(joined[end - 1])
        gue = self._word_code(listed, sur[word_start])  # dictionary flag, surname mark at the word's start
        tit = np.zeros(n, dtype=np.int64)
        for (start, end), at in zip(pieces, ends - lengths):
            for m_start, m_end, _ in self.lex.titles.finditer(text[start:end]):
                tit[at + m_start] = self.tit["B"]
                tit[at + m_start + 1 : at + m_end] = self.tit["I"]
        char = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        i = np.arange(n)
        first, last = np.repeat(ends - lengths, lengths), np.repeat(ends, lengths) - 1

        def at(values: np.ndarray, shift: int, pad: int) -> np.ndarray:
            """values[i + shift], or `pad` where that falls outside the character's piece."""
            j = i + shift
            return np.where((j < first) | (j > last), pad, values[np.clip(j, 0, n - 1)])

        before, after = ord("^"), ord("$")
        return self._rows_from({
            "c": [at(char, -2, before), at(char, -1, before), char, at(char, 1, after), at(char, 2, after)],
            "k": [at(cls, -1, 0), cls, at(cls, 1, 1)], "w": [at(seg, -1, 0), seg, at(seg, 1, 1)],
            "p": [at(pos, -1, 0), pos, at(pos, 1, 1)], "s": [at(sur, -2, 0), at(sur, -1, 0), sur],
            "t": [at(tit, -1, 0), tit, at(tit, 1, 0)], "g": [gue],
        })

    def _single_surname(self, ch: str) -> int:
        rank = self.lex.surname_rank.get(ch)
        return self.sur[""] if rank is None else self.sur["T" if rank <= 100 else "R"]

    def _rows_from(self, near: dict[str, list[np.ndarray]]) -> np.ndarray:
        """The attribute rows of every template from each evidence at the offsets it is read at:
        characters at -2..2, class/word/tag/title at -1..1, surname mark at -2..0, and the
        word's dictionary flag with the surname mark at its start (-1: no words) at 0."""
        (c_2, c_1, c0, c1, c2), (k_1, k0, k1) = near["c"], near["k"]
        (w_1, w0, w1), (p_1, p0, p1), (s_2, s_1, s0), (t_1, t0, t1) = near["w"], near["p"], near["s"], near["t"]
        (g0,) = near["g"]

        def pair(a, b):
            return (a << CODE_BITS) | b

        keys = {
            "b": np.zeros_like(c0),
            "c0": c0, "c-1": c_1, "c1": c1, "c-2": c_2, "c2": c2,
            "c-1c0": pair(c_1, c0), "c0c1": pair(c0, c1), "c-2c-1": pair(c_2, c_1), "c1c2": pair(c1, c2),
            "c-1c1": pair(c_1, c1), "c-1c0c1": pair(pair(c_1, c0), c1),
            "k": pair(pair(k_1, k0), k1),
            "w": w0, "w-1w": pair(w_1, w0), "ww1": pair(w0, w1),
            "p": p0, "wp": pair(w0, p0), "p-1p1": pair(p_1, p1),
            "s": s0, "s-1": s_1, "s-2": s_2,
            "t": t0, "t-1t1": pair(t_1, t1),
            "sw": np.where((s0 > 1) & np.isin(w0, self._word_starts), pair(s0, w0), -1),  # after a surname mark
            "g": np.where(g0 >= 0, pair(pair(g0, w0), p0), -1),
        }
        return np.stack([self._look(template, values) for template, values in keys.items()], axis=1)

    def _look(self, template: str, values: np.ndarray) -> np.ndarray:
        if template not in self.tables:
            return np.full(len(values), self.unknown, dtype=np.intp)
        keys, rows = self.tables[template]
        at = np.minimum(np.searchsorted(keys, values), len(keys) - 1)
        return np.where(keys[at] == values, rows[at], self.unknown)


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
        path = Path(model_path) if model_path else DEFAULT_MODEL
        if not path.is_file():
            raise NerModelError(f"{path}: NER model not found; build it with `python scripts/train_ner.py`")
        self.lex = NerLexicons.from_lexicons(lexicons)
        self.model = CrfModel.read(path)
        self.encoder = FeatureEncoder(self.model.attributes, self.model.unknown, self.lex)
        self._words = make_word_tagger()
        self.model_path = path

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        return [(s, e, label) for s, e, label, _ in self.tag_scored(text)]

    def tag_scored(self, text: str, windows: list[tuple[int, int]] | None = None,
                   tokens: list | None = None) -> list[tuple[int, int, str, float]]:
        """Spans with the model's confidence: the lowest marginal probability of the span's labels.
        `windows` (start, end), when given, are the only stretches of `text` worth tagging; all of
        them are decoded in one batch. `tokens`, the text's own segmentation, saves segmenting
        each piece again (and is what training saw: whole sentences segmented)."""
        pieces = chunks(text) if windows is None else [
            (w_start + s, w_start + e) for w_start, w_end in windows for s, e in chunks(text[w_start:w_end])
        ]
        pieces = [(start, end) for start, end in pieces if text[start:end].strip()]
        if not pieces:
            return []
        rows = self.encoder.rows_in(text, tokens, pieces) if tokens is not None else None
        if rows is None:
            rows = self.encoder.rows([(text[s:e], self._words(text[s:e])) for s, e in pieces])
        label_ids, marginals = self.model.decode(rows, [e - s for s, e in pieces])
        names = self.model.labels
        spans: list[tuple[int, int, str, float]] = []
        offset = 0
        for start, end in pieces:
            ids = label_ids[offset : offset + end - start]
            for s, e, kind in bio_to_spans([names[j] for j in ids]):
                confidence = min(float(marginals[offset + i, ids[i]]) for i in range(s, e))
                spans.append((start + s, start + e, kind, confidence))
            offset += end - start
        return spans
