"""Stage 4, segment: sentences, and words from a segmenter loaded with the project's lexicons.

Three segmenters share one interface (`cut`, `tag`), chosen by name:
- `rjieba` (default): jieba-rs, the Rust port of jieba — same dictionary and algorithm, about ten
  times faster, with part-of-speech tags at the same speed;
- `jieba`: the reference Python jieba, an instance of its own (never the global singleton);
- `spacy`: spaCy's `zh` tokenizer (segmenter "jieba", or "pkuseg" when a pkuseg model is given).
Every segmenter returns tokens whose offsets are re-aligned to the characters it was given.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib.util import find_spec
from itertools import accumulate, repeat
from pathlib import Path
from typing import Iterable, Protocol

import regex

from .document import Doc, Span, Token
from .errors import PipelineConfigError
from .lexicon import Lexicons
from .stage import Stage

SENTENCE_END = regex.compile(r"[。！？!?；;…]+[”’」』）)\"']*|\n")
# Lexicons whose terms the segmenter should keep whole, with the jieba tag they get.
USER_DICT = {"places": "ns", "org_heads": "n", "titles": "n", "units": "q"}
# jieba's dictionary lists ~160,000 phrases at frequency 3 with machine-guessed tags (郑重宣布 nr,
# 在京举行 n, 党和政府 nt): their tags are no better than the HMM's for an unknown word.
FILLER_FREQUENCY = 3


class Segmenter(Protocol):
    name: str

    def cut(self, text: str, hmm: bool = True) -> list[Token]: ...

    def tag(self, text: str) -> list[Token]: ...


def _aligned(text: str, pieces: Iterable[tuple[str, str]]) -> list[Token]:
    """Attach offsets to (word, tag) pieces that cover `text` in order."""
    pieces = list(pieces)
    words = [word for word, _ in pieces]
    if "".join(words) == text:
        # The usual case (every call of `tag`): the pieces tile the text, so each starts where
        # the previous one ended and no search is needed. tuple.__new__ builds each Token in C; the
        # class's own __new__ is a Python call per token, a third of this function's time.
        ends = list(accumulate(map(len, words)))
        fields = zip(words, [0, *ends[:-1]], ends, [tag for _, tag in pieces])
        return list(map(tuple.__new__, repeat(Token), fields))
    tokens, pos = [], 0
    for word, tag in pieces:
        start = pos if text.startswith(word, pos) else text.find(word, pos)
        if start < 0:  # a segmenter that altered the text: stop rather than invent offsets
            break
        tokens.append(Token(word, start, start + len(word), tag))
        pos = start + len(word)
    return tokens


def user_words(lexicons: Lexicons) -> list[tuple[str, str]]:
    words = []
    for name, tag in USER_DICT.items():
        if name in lexicons:
            words.extend((term, tag) for term in sorted(lexicons[name].terms()) if len(term) > 1)
    return words


def fused_posts(lexicons: Lexicons) -> list[str]:
    """Filler entries of jieba's dictionary that fuse a body's head and a post held there (局|局长,
    工会|主席, 医院|院长): read as one word, they hide the head from the institutions stage
    (规划建设局|局长) and the post from the people stage, so the segmenter is told to cut them."""
    if "org_heads" not in lexicons or "titles" not in lexicons:
        return []
    dictionary = jieba_dictionary()
    titles = lexicons["titles"].terms()
    # (not the heads a school abbreviation ends in after its number, 一中, 十八小: 小|演员 is a child actor)
    heads = [row[0] for row in lexicons["org_heads"].rows if len(row) < 3 or row[2] != "numeral"]
    # (nor where the cut would make a word across it: 处处长 cut is 处处|长, 'everywhere' and a 长;
    # nor a post the titles list whole, 支部书记, which the people stage reads after its body)
    return sorted({head + title for head in heads for title in titles
                   if dictionary.get(head + title, FILLER_FREQUENCY + 1) <= FILLER_FREQUENCY
                   and dictionary.get(head[-1] + title[0], 0) <= FILLER_FREQUENCY and head + title not in titles})


class RjiebaSegmenter:
    name = "rjieba"

    def __init__(self, lexicons: Lexicons) -> None:
        import rjieba

        self._jieba = rjieba.Jieba()
        for word, tag in user_words(lexicons):
            self._jieba.add_word(word, None, tag)
        for word in fused_posts(lexicons):
            self._jieba.add_word(word, 0, None)  # (a count of 0 keeps the word from being chosen)

    def cut(self, text: str, hmm: bool = True) -> list[Token]:
        return [Token(w, s, e) for w, s, e in self._jieba.tokenize(text, hmm=hmm)]

    def tag(self, text: str) -> list[Token]:
        return _aligned(text, self._jieba.tag(text, hmm=True))


class JiebaSegmenter:
    name = "jieba"

    def __init__(self, lexicons: Lexicons) -> None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        for word, tag in user_words(lexicons):
            self._jieba.add_word(word, None, tag)
        for word in fused_posts(lexicons):
            self._jieba.del_word(word)
        self._posseg = jieba.posseg.POSTokenizer(self._jieba)

    def cut(self, text: str, hmm: bool = True) -> list[Token]:
        return [Token(w, s, e) for w, s, e in self._jieba.tokenize(text, HMM=hmm)]

    def tag(self, text: str) -> list[Token]:
        return _aligned(text, ((p.word, p.flag) for p in self._posseg.cut(text)))


class SpacySegmenter:
    """spaCy's Chinese tokenizer; `tag` gives no part of speech (a blank pipeline has no tagger)."""

    name = "spacy"

    def __init__(self, lexicons: Lexicons, pkuseg_model: str | None = None) -> None:
        import spacy

        segmenter = "pkuseg" if pkuseg_model else "jieba"
        self._nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
        if pkuseg_model:
            if not Path(pkuseg_model).exists():
                raise PipelineConfigError(f"pkuseg model not found: {pkuseg_model}")
            self._nlp.tokenizer.initialize(pkuseg_model=pkuseg_model)
            self._nlp.tokenizer.pkuseg_update_user_dict([w for w, _ in user_words(lexicons)])

    def cut(self, text: str, hmm: bool = True) -> list[Token]:
        return [Token(t.text, t.idx, t.idx + len(t.text)) for t in self._nlp.make_doc(text)]

    def tag(self, text: str) -> list[Token]:
        return self.cut(text)


SEGMENTERS = {"rjieba": RjiebaSegmenter, "jieba": JiebaSegmenter, "spacy": SpacySegmenter}


def make_segmenter(name: str, lexicons: Lexicons, pkuseg_model: str | None = None) -> Segmenter:
    if name not in SEGMENTERS:
        raise PipelineConfigError(f"unknown segmenter {name!r}; choose one of {', '.join(SEGMENTERS)}")
    if name == "spacy":
        return SpacySegmenter(lexicons, pkuseg_model)
    return SEGMENTERS[name](lexicons)


@lru_cache(maxsize=1)
def jieba_dictionary() -> dict[str, int]:
    """Every word of jieba's dictionary with its frequency, read once per process (the stages that
    need it share it): a token outside it was guessed by the HMM, and so was its tag; its frequency
    tells an everyday word (古老 2695) from a name that jieba's tags cannot (it tags both nr)."""
    # Found without importing jieba (rjieba does the segmenting; jieba's import loads its HMM tables)
    # and read as one split: every line is "word frequency tag", and no word holds white space.
    fields = (Path(find_spec("jieba").origin).parent / "dict.txt").read_text(encoding="utf-8").split()
    if len(fields) % 3:
        raise PipelineConfigError("jieba's dict.txt has a line that is not 'word frequency tag'")
    return dict(zip(fields[0::3], map(int, fields[1::3])))


def sentence_spans(text: str) -> list[Span]:
    """Sentences end at 。！？；… (with any closing quotes after them) and at paragraph breaks."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        if end > start and text[start:end].strip():
            spans.append(Span(start, end))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append(Span(start, len(text)))
    return spans


class SegmentStage(Stage):
    name = "segment"
    requires = ("text",)
    provides = ("sentences", "tokens")

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = sentence_spans(doc.text)
        doc.tokens = self.resources.segmenter.tag(doc.text)
        return doc
