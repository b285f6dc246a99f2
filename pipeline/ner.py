"""A character CRF that tags person names, organisations and titles (PER, ORG, TITLE) in Chinese text.

It is the learned half of the people stage: rules find names next to titles, the CRF finds the ones
no rule reaches (given names alone, foreign names, names with no title). The model is trained by
`scripts/train_ner.py` on CLUENER2020 and shipped as `models/ner.crfsuite`; it is loaded offline.
Training builds `sentence_features` strings for crfsuite; tagging computes the same features for a
whole batch as integer keys (`FeatureEncoder`) and decodes them with `pipeline.crf`; tests hold the
two equal, and the labels and marginals equal crfsuite's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from operator import attrgetter
from pathlib import Path

import numpy as np
import regex
from numba import njit

from .crf import CrfModel
from .memo import Memo
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
SENTENCE_END = re.compile("[。！？；\n]")  # where a piece ends (re: twice as fast as regex here)


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
TAG_CODES = ("^", "$", "?")  # then the model's tags, numbered as they are read
PAD_BEFORE, PAD_AFTER = 0, 1  # the codes of "^" and "$" among word positions, classes and tags alike
SURNAME_PAD, SURNAME_COMPOUND = SURNAME_CODES.index("^"), SURNAME_CODES.index("C")
TITLE_BEGIN, TITLE_INSIDE = TITLE_CODES.index("B"), TITLE_CODES.index("I")
assert SEG_CODES[:2] == CLASS_CODES[:2] == TAG_CODES[:2] == ("^", "$")
_start = attrgetter("start")  # a token's start, the key to find tokens by offset
LISTED_KEPT = 1 << 16  # words whose dictionary flag is remembered (13k in 300 articles' windows)
CODE_BITS = 21  # every code point fits: (a << 42) | (b << 21) | c keys a character trigram in an int64
# sentence_features' templates in its order, which is the order the decoder adds their weights in.
TEMPLATES = ("b", "c0", "c-1", "c1", "c-2", "c2", "c-1c0", "c0c1", "c-2c-1", "c1c2", "c-1c1", "c-1c0c1", "k",
             "w", "w-1w", "ww1", "p", "wp", "p-1p1", "s", "s-1", "s-2", "t", "t-1t1", "sw", "g")
TEMPLATE_COUNT = len(TEMPLATES)


def _codes(names: tuple[str, ...]) -> dict[str, int]:
    return {name: i for i, name in enumerate(names)}


def _inside_pads(lengths: np.ndarray) -> np.ndarray:
    """Positions of the pieces' own characters when each piece of these lengths stands between two
    pads on either side: piece k's characters are shifted by its 4k earlier pads and its own 2."""
    return np.arange(int(lengths.sum())) + np.repeat(4 * np.arange(len(lengths)) + 2, lengths)


class _PerCodePoint:
    """A small code per character, computed the first time the character is met and kept in a table
    by code point (a megabyte, -1 for a character not met yet), so that a whole text's codes are
    read by compiled code."""

    def __init__(self, code) -> None:
        self._code = code
        self.table = np.full(0x110000, -1, dtype=np.int8)

    def learn(self, points: np.ndarray) -> None:
        """Fill in the codes of the code points not met before."""
        for point in np.unique(points[self.table[points] < 0]).tolist():
            self.table[point] = self._code(chr(point))


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
        self.pos = _codes(TAG_CODES)
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
        self._starts_word = np.array([c[0] in "BS" for c in SEG_CODES])  # by word position code
        self._compounds = np.array(sorted(_pair.py_func(ord(s[0]), ord(s[1])) for s in lex.surname_rank if len(s) == 2),
                                   dtype=np.int64)  # as keys of their two characters
        self._class_of = _PerCodePoint(lambda ch: self.cls[char_class(ch)])
        # whether jieba's dictionary lists a word, for the words met so far: the dictionary's 349k words
        # lie over tens of megabytes that the other stages push out of the cache between articles;
        # the few thousand words the CRF's windows hold stay in it, in a table of their own
        self._listed = Memo(lex.dictionary.__contains__, limit=LISTED_KEPT)
        self._surname_of = _PerCodePoint(self._single_surname)  # compound surnames aside
        if any("^" in word or "$" in word for word in lex.titles.words):  # see rows_in
            raise NerModelError("a title word holds a pad character (^ or $)")
        # Every template's (key, row) pairs, sorted so that a key listed twice keeps its first row.
        entries = [(t, key, row) for t, template in enumerate(TEMPLATES) for key, row in sorted(parsed.pop(template, []))]
        if parsed:
            raise NerModelError(f"templates {sorted(parsed)} are parsed but never computed")
        self._table = _hash_table(np.array(entries, dtype=np.int64).reshape(-1, 3))

    # ------------------------------------------------------------ attribute strings -> keys
    def _pos_code(self, tag: str) -> int:
        return self.pos.setdefault(tag, len(self.pos))  # the model's tags, learned as they are read

    def _seg_split(self, value: str) -> tuple[str, str] | None:
        """'B2E2' -> ('B2', 'E2'), '^S1' -> ('^', 'S1'): the first of two word positions."""
        head = value[:1] if value[:1] in ("^", "$", "?") else value[:2]
        return (head, value[len(head):]) if head in self.seg else None

    def _key_of(self, template: str, value: str) -> int | None:
        pair = _pair.py_func
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
        lengths = np.array([len(piece) for piece, _ in pieces], dtype=np.int64)
        return self._rows_from(_inside_pads(lengths), char, *(np.array(x, dtype=np.int64)
                                                            for x in (cls, seg, pos, sur, tit, gue)))

    def rows_in(self, text: str, tokens: list, pieces: list[tuple[int, int]],
                token_starts: list[int] | None = None) -> np.ndarray | None:
        """`rows` for stretches (start, end) of one text, with their words taken from the text's own
        segmentation `tokens` (whose starts the caller may have at hand) instead of segmenting each
        piece again, and the evidence computed over all the pieces at once. None when the tokens do
        not tile a piece (then `rows` is the way)."""
        if token_starts is None:
            token_starts = list(map(_start, tokens))
        first = [bisect_left(token_starts, start) for start, _ in pieces]
        stop = [bisect_left(token_starts, end) for _, end in pieces]
        for (start, end), i, j in zip(pieces, first, stop):
            if i == j or tokens[i].start != start or tokens[j - 1].end != end:
                return None
        inside = list(map(slice, first, stop))
        words = list(chain.from_iterable(map(tokens.__getitem__, inside)))
        count = len(words)
        texts, starts, ends, tags = zip(*words)  # the words' fields in one pass, a tuple each
        starts = np.array(starts, dtype=np.int64)
        sizes = np.array(ends, dtype=np.int64) - starts
        lengths = np.array([end - start for start, end in pieces], dtype=np.int64)
        n = int(lengths.sum())
        if int(sizes.sum()) != n:
            return None
        # The pieces laid out as `rows` lays them out, each between two pads on either side. No
        # compound surname or title word takes in a pad, so each piece reads as if it were alone.
        padded = "".join(["^^" + text[start:end] + "$$" for start, end in pieces])
        char = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        if _any_unknown(char, self._class_of.table, self._surname_of.table):
            self._class_of.learn(char)
            self._surname_of.learn(char)
        titles = np.array([(start, end) for start, end, _ in self.lex.titles.finditer(padded)], dtype=np.int64)
        tags = np.fromiter(map(self.pos.get, tags, repeat(len(self.pos))), np.int64, count)
        listed = np.fromiter(map(self._listed.__getitem__, texts), np.int64, count)
        i, cls, seg, pos, sur, tit, gue = _evidence(
            char, lengths, sizes, tags, listed, titles.reshape(-1, 2), self._class_of.table,
            self._surname_of.table, self._compounds, self._seg_table)
        return self._rows_from(i, char, cls, seg, pos, sur, tit, gue)

    def _single_surname(self, ch: str) -> int:
        rank = self.lex.surname_rank.get(ch)
        return self.sur[""] if rank is None else self.sur["T" if rank <= 100 else "R"]

    def _rows_from(self, i: np.ndarray, char: np.ndarray, cls: np.ndarray, seg: np.ndarray, pos: np.ndarray,
                   sur: np.ndarray, tit: np.ndarray, gue: np.ndarray) -> np.ndarray:
        """The attribute rows of the characters at positions `i` of padded evidence arrays (the keys
        computed in one compiled pass: numpy per template cost more in calls than in computing)."""
        keys = _template_keys(i, char, cls, seg, pos, sur, tit, gue, self._starts_word)
        return _look_up(keys, self._table, self.unknown)


@njit(cache=True, nogil=True)
def _any_unknown(char, *tables):  # pragma: no cover - compiled
    """Some character's code is not in one of the tables yet (-1)."""
    for table in tables:
        for point in char:
            if table[point] < 0:
                return True
    return False


@njit(cache=True, nogil=True)
def _evidence(char, lengths, sizes, tags, listed, titles, classes, surnames, compounds,
              seg_table):  # pragma: no cover - compiled
    """The evidence arrays of pieces of `lengths` laid out in `char` each between two pads on
    either side, and the positions `i` of their own characters: character classes and surname
    marks by code point (compound surnames, given as keys of their two characters, marked at their
    first), title marks over the `titles` (start, end), and the word position codes (S1, or B/M/E
    with the word's length capped at 4), tags and dictionary codes (`FeatureEncoder._word_code` of
    the word's flag and the surname mark at its start) of words of `sizes` that tile the pieces.
    Pads read "^" before a piece and "$" after it (the surname mark "^" in both, the code -1)."""
    size = len(char)
    i = np.empty(lengths.sum(), dtype=np.int64)
    cls, sur, tit = np.empty(size, dtype=np.int64), np.empty(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
    seg, pos, gue = np.empty(size, dtype=np.int64), np.empty(size, dtype=np.int64), np.full(size, -1, dtype=np.int64)
    for x in range(size):
        cls[x], sur[x] = classes[char[x]], surnames[char[x]]
    for x in range(size - 1):
        key = _pair(char[x], char[x + 1])
        found = np.searchsorted(compounds, key)
        if found < len(compounds) and compounds[found] == key:
            sur[x] = SURNAME_COMPOUND
    for title in range(len(titles)):
        tit[titles[title, 0]] = TITLE_BEGIN
        tit[titles[title, 0] + 1 : titles[title, 1]] = TITLE_INSIDE
    x = r = 0
    for length in lengths:
        for _ in range(2):
            cls[x], seg[x], pos[x], sur[x] = PAD_BEFORE, PAD_BEFORE, PAD_BEFORE, SURNAME_PAD
            x += 1
        for _ in range(length):
            i[r] = x
            r += 1
            x += 1
        for _ in range(2):
            cls[x], seg[x], pos[x], sur[x] = PAD_AFTER, PAD_AFTER, PAD_AFTER, SURNAME_PAD
            x += 1
    at = 0
    for word in range(len(sizes)):
        length = sizes[word]
        code = listed[word] * len(SURNAME_CODES) + sur[i[at]]
        for offset in range(length):
            kind = 0 if length == 1 else 1 if offset == 0 else 3 if offset == length - 1 else 2  # S B E M
            x = i[at + offset]
            seg[x] = seg_table[kind, min(length, 4)]
            pos[x] = tags[word]
            gue[x] = code
        at += length
    return i, cls, seg, pos, sur, tit, gue


@njit(cache=True, nogil=True)
def _template_keys(i, char, cls, seg, pos, sur, tit, gue, starts_word):  # pragma: no cover - compiled
    """Every template's key (templates x characters, in TEMPLATES order: the order sentence_features
    lists them in and the decoder adds their weights in) at the characters at positions `i` of
    padded evidence arrays, read at the offsets each template reads: characters at -2..2, class/
    word/tag/title at -1..1, surname mark at -2..0, and the word's dictionary code (-1: no words)
    at 0; -1 where a template does not apply."""
    keys = np.empty((TEMPLATE_COUNT, len(i)), dtype=np.int64)
    for r in range(len(i)):
        x = i[r]
        c_2, c_1, c0, c1, c2 = char[x - 2], char[x - 1], char[x], char[x + 1], char[x + 2]
        w0, p0, s0, g0 = seg[x], pos[x], sur[x], gue[x]
        keys[0, r] = 0  # b
        keys[1, r], keys[2, r], keys[3, r], keys[4, r], keys[5, r] = c0, c_1, c1, c_2, c2
        keys[6, r], keys[7, r] = _pair(c_1, c0), _pair(c0, c1)
        keys[8, r], keys[9, r] = _pair(c_2, c_1), _pair(c1, c2)
        keys[10, r], keys[11, r] = _pair(c_1, c1), _pair(_pair(c_1, c0), c1)
        keys[12, r] = _pair(_pair(cls[x - 1], cls[x]), cls[x + 1])  # k
        keys[13, r], keys[14, r], keys[15, r] = w0, _pair(seg[x - 1], w0), _pair(w0, seg[x + 1])
        keys[16, r], keys[17, r], keys[18, r] = p0, _pair(w0, p0), _pair(pos[x - 1], pos[x + 1])
        keys[19, r], keys[20, r], keys[21, r] = s0, sur[x - 1], sur[x - 2]
        keys[22, r], keys[23, r] = tit[x], _pair(tit[x - 1], tit[x + 1])
        keys[24, r] = _pair(s0, w0) if s0 > 1 and starts_word[w0] else -1  # sw: after a surname mark
        keys[25, r] = _pair(_pair(g0, w0), p0) if g0 >= 0 else -1  # g
    return keys


@njit(cache=True)
def _pair(a, b):  # pragma: no cover - compiled
    """Two codes in one key (c-1c0 is (c-1 << 21) | c0)."""
    return (a << CODE_BITS) | b


# The model's attribute rows by (template, key) in open-addressing hash tables, one region of a
# shared array per template, each slot a (key, row) record (row -1: empty): a key is found in about
# one memory access, where a binary search over the template's sorted keys took a dozen, most of
# them cache misses once the other stages of an article have run. A region of its own per template
# keeps the small templates' (word positions, tags, marks: a few hundred keys) in a few kilobytes
# that stay in the cache, where one table for all spread them over its megabytes.
@njit(cache=True)
def _slot(key, bits):  # pragma: no cover - compiled
    """The top `bits` bits of a multiplicative (Fibonacci) hash of the key: a slot of a region of
    2 ** bits."""
    return np.int64((np.uint64(key) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(64 - bits))


@njit(cache=True)
def _log2(n):  # pragma: no cover - compiled
    """The least `bits` with 2 ** bits >= n."""
    bits = 0
    while (1 << bits) < n:
        bits += 1
    return bits


@njit(cache=True)
def _hash_table(entries):  # pragma: no cover - compiled
    """The (template, key, row) entries as (slots, regions): template t's keys in the region of
    `slots` that starts at regions[t, 0] and holds 2 ** regions[t, 1] slots, at most half full; of
    equal (template, key) entries the first is kept."""
    n_templates = entries[:, 0].max() + 1 if len(entries) else 0
    counts = np.zeros(n_templates, dtype=np.int64)
    for template in entries[:, 0]:
        counts[template] += 1
    regions = np.empty((n_templates, 2), dtype=np.int64)
    total = 0
    for template in range(n_templates):
        bits = max(1, _log2(2 * counts[template]))
        regions[template, 0], regions[template, 1] = total, bits
        total += 1 << bits
    slots = np.full((total, 2), -1, dtype=np.int64)
    for template, key, row in entries:
        base, mask = regions[template, 0], (1 << regions[template, 1]) - 1
        at = _slot(key, regions[template, 1])
        while slots[base + at, 1] >= 0 and slots[base + at, 0] != key:
            at = (at + 1) & mask
        if slots[base + at, 1] < 0:
            slots[base + at, 0], slots[base + at, 1] = key, row
    return slots, regions


@njit(cache=True, nogil=True)
def _look_up(values, table, unknown):  # pragma: no cover - compiled
    """The row of each template's key at each character (`values` is templates x characters), or
    `unknown` where the model has no such attribute. One compiled pass: numpy per template cost
    more in calls than in searching, on the few hundred characters of an article's windows."""
    slots, regions = table
    n_templates, n_chars = values.shape
    out = np.full((n_chars, n_templates), unknown, dtype=np.intp)
    for template in range(min(n_templates, len(regions))):
        base, bits = regions[template, 0], regions[template, 1]
        mask = (1 << bits) - 1
        for i in range(n_chars):
            key = values[template, i]
            at = _slot(key, bits)
            while slots[base + at, 1] >= 0:
                if slots[base + at, 0] == key:
                    out[i, template] = slots[base + at, 1]
                    break
                at = (at + 1) & mask
    return out


def bio_to_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate(labels + ["O"]):
        if label == "O" and not kind:  # most characters: outside any span, with none open
            continue
        if label.startswith("I-") and kind == label[2:]:
            continue
        if kind:
            spans.append((start, i, kind))
            kind = ""
        if label.startswith(("B-", "I-")):  # a stray I- opens a span rather than being lost
            start, kind = i, label[2:]
    return spans


def _bio_pattern(labels: tuple[str, ...]) -> tuple[regex.Pattern, list[str]]:
    """`bio_to_spans` as a pattern over labels written one character per label id (chr(id)), and
    the kind of each of its groups: a kind's span is a B- or I- label and the I- labels after it."""
    kinds = list(dict.fromkeys(label[2:] for label in labels if label.startswith(("B-", "I-"))))

    def characters(*names: str) -> str:
        return "".join(regex.escape(chr(j)) for j, label in enumerate(labels) if label in names)

    groups = []
    for kind in kinds:
        inside = characters("I-" + kind)
        groups.append(f"([{characters('B-' + kind, 'I-' + kind)}]" + (f"[{inside}]*)" if inside else ")"))
    return regex.compile("|".join(groups)), kinds


def chunks(text: str, limit: int = MAX_CHUNK, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Cut text (or its stretch from `start` to `end`) at sentence ends, or hard where a piece
    reaches `limit` characters, into pieces the CRF tags one at a time."""
    end = len(text) if end is None else end
    pieces: list[tuple[int, int]] = []
    for cut in [*(m.end() for m in SENTENCE_END.finditer(text, start, end)), end]:
        while cut - start > limit:
            pieces.append((start, start + limit))
            start += limit
        if cut > start:
            pieces.append((start, cut))
            start = cut
    return pieces


def window_chunks(text: str, windows: list[tuple[int, int]], limit: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """`chunks` of each stretch (start, end) of `windows` in turn. Most windows are a few words with
    no sentence end before their last character, one piece each: a search says so in a fraction of
    the time `chunks` takes to list none."""
    pieces: list[tuple[int, int]] = []
    for start, end in windows:
        if 0 < end - start <= limit and not SENTENCE_END.search(text, start, end - 1):
            pieces.append((start, end))
        else:
            pieces += chunks(text, limit, start, end)
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
        self._bio, self._kinds = _bio_pattern(self.model.labels)

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        return [(s, e, label) for s, e, label, _ in self.tag_scored(text)]

    def tag_scored(self, text: str, windows: list[tuple[int, int]] | None = None,
                   tokens: list | None = None, token_starts: list[int] | None = None,
                   ) -> list[tuple[int, int, str, float]]:
        """Spans with the model's confidence: the lowest marginal probability of the span's labels.
        `windows` (start, end), when given, are the only stretches of `text` worth tagging; all of
        them are decoded in one batch. `tokens`, the text's own segmentation, saves segmenting
        each piece again (and is what training saw: whole sentences segmented); `token_starts`,
        their starts, saves listing them again."""
        pieces = chunks(text) if windows is None else window_chunks(text, windows)
        pieces = [(start, end) for start, end in pieces if text[start:end].strip()]
        if not pieces:
            return []
        rows = self.encoder.rows_in(text, tokens, pieces, token_starts) if tokens is not None else None
        if rows is None:
            rows = self.encoder.rows([(text[s:e], self._words(text[s:e])) for s, e in pieces])
        lengths = [end - start for start, end in pieces]
        label_ids, marginals = self.model.decode(rows, lengths, spans_only=True)
        return self._spans(pieces, label_ids, marginals[np.arange(len(label_ids)), label_ids].tolist())

    def _spans(self, pieces: list[tuple[int, int]], label_ids: np.ndarray, chosen: list[float],
               ) -> list[tuple[int, int, str, float]]:
        """The spans of the pieces' labels, one after another in `label_ids`, with the lowest of the
        marginals `chosen` of their labels. One pass over all the labels (a pass per piece cost more
        than the matching): a span that runs on into the next piece is cut where the piece ends, as
        a pass per piece cuts it; the rest, I- labels, is a span of the same kind in that piece."""
        labels = label_ids.astype(np.uint32).tobytes().decode("utf-32-le")  # a character per label id
        bounds = list(accumulate((end - start for start, end in pieces), initial=0))  # where pieces start
        spans: list[tuple[int, int, str, float]] = []
        for span in self._bio.finditer(labels):
            first, last = span.span()
            kind = self._kinds[span.lastindex - 1]
            k = bisect_right(bounds, first) - 1
            while True:
                stop = min(last, bounds[k + 1])
                shift = pieces[k][0] - bounds[k]  # from label positions to the text's
                spans.append((first + shift, stop + shift, kind, min(chosen[first:stop])))
                if stop == last:
                    break
                first, k = stop, k + 1
        return spans
