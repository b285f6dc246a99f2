"""Townships, villages and urban communities an article names (顿谷镇, 杜寨村, 乌拉嘎查, 团结坝社区).

No gazetteer ships China's forty thousand townships and half a million villages, so they are read
from the text: a name of two to five characters and a suffix of `localities.tsv`, written right
after an area of the places lexicon or after another locality (兰考县|杜寨村, 乐平镇|塘约村), or kept
whole by the segmenter as one place or name word (塘约村 ns, 东孙村 nr). Once a locality is found,
its other occurrences in the article count too. The claims stage asks for them: a village is the
owner of the figures told about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Mapping

import regex

from .document import Doc, Span, occurrences

NAME_MIN, NAME_MAX = 2, 5  # characters before the suffix
NAME_TAGS = ("ns", "nr", "nz", "nt", "j")  # a name part the segmenter reads as one word must be one of these
CLAUSE_TAGS = ("v", "p", "d", "c", "u", "r")  # a name does not open with a verb, preposition, adverb … (实施|强村)
HAN = regex.compile(r"\p{Han}+")


@dataclass
class LocalityLexicon:
    suffixes: tuple[str, ...]  # longest first: 街道 before 道-less 镇
    generic: tuple[str, ...]  # 贫困村, 特色小镇: a sort of place
    stops: frozenset[str]  # characters that never start a name (各, 全, 该 …) or sit in one (the suffixes')

    @cached_property
    def suffix_pattern(self) -> regex.Pattern:
        return regex.compile("|".join(map(regex.escape, self.suffixes)))

    @classmethod
    def from_lexicons(cls, lexicons) -> "LocalityLexicon":
        rows = lexicons["localities"].rows
        suffixes = tuple(sorted((r[0] for r in rows if r[1] in ("town", "village")), key=len, reverse=True))
        generic = tuple(r[0] for r in rows if r[1] == "generic")
        # a one-character suffix inside the name means the name runs over another word (各乡|镇, 乡村)
        inside = frozenset(s for s in suffixes if len(s) == 1)
        # and a county's, city's or province's suffix means it runs over an area (平塘县|克度镇)
        return cls(suffixes, generic, inside | frozenset("县区市省旗委各全每该本这那其此个等和与及的在从向到了将对已以就还被把为由"))


def find_localities(doc: Doc, anchors: Iterable[Span], lex: LocalityLexicon,
                    word_tags: Mapping[str, str]) -> list[tuple[Span, str]]:
    """Every mention of the localities the article names, sorted by position."""
    text = doc.text
    names: set[str] = set()
    ends = sorted(a.end for a in anchors)
    while ends:  # each locality found after an anchor anchors the next (顿谷镇|大塘村); ends only grow
        found = [hit for hit in (_named_after(text, end, lex, word_tags) for end in ends) if hit is not None]
        names.update(name for name, _ in found)
        ends = [end for _, end in found]
    for match in lex.suffix_pattern.finditer(text):  # a few per article: cheaper than a pass over the tokens
        token = doc.token_at(match.end() - 1)
        if token is None or token.end != match.end() or len(token.text) <= NAME_MIN:
            continue
        word = token.text
        if token.pos.startswith(NAME_TAGS) and _plausible(word[: -len(match.group())], word, lex, word_tags):
            names.add(word)
    mentions = []
    for name in sorted(names, key=len, reverse=True):
        for span in occurrences(text, name):
            if not any(taken.contains(span) for taken, _ in mentions):  # 青孜村 inside 克青孜村
                mentions.append((span, name))
    return sorted(mentions, key=lambda m: m[0].start)


def _named_after(text: str, pos: int, lex: LocalityLexicon, word_tags: Mapping[str, str]) -> tuple[str, int] | None:
    """The locality that starts at `pos` (its shortest name), and where it ends."""
    window = HAN.match(text, pos, pos + NAME_MAX + 2)
    if window is None:
        return None
    for size in range(NAME_MIN, min(NAME_MAX, window.end() - pos - 1) + 1):
        after = pos + size
        suffix = next((s for s in lex.suffixes if text.startswith(s, after)), "")
        if suffix:
            name, whole, end = text[pos:after], text[pos : after + len(suffix)], after + len(suffix)
            if _plausible(name, whole, lex, word_tags) or (
                    _plausible(name, whole, lex, word_tags, nouns=True) and _named_after(text, end, lex, word_tags)):
                return whole, end
            return None
    return None


def _plausible(name: str, whole: str, lex: LocalityLexicon, word_tags: Mapping[str, str], nouns: bool = False) -> bool:
    """A proper name before the suffix: no function or suffix character in it, not a sort of place
    (贫困|村, 特色小|镇), and no everyday word (示范, 重点) — a name the segmenter knows is a place or
    a name (顿谷 ns), or one it does not know at all (团结坝, 竹园新). With `nouns`, a common noun
    too: a township named by one (大庙镇) is read where a village of it follows (大庙镇|小庙子村)."""
    if not lex.stops.isdisjoint(name) or whole.endswith(lex.generic):
        return False
    if len(name) > 2 and word_tags[name[:2]].startswith(CLAUSE_TAGS):
        return False
    tag = word_tags[name]
    return tag == "" or tag.startswith(NAME_TAGS) or (nouns and tag == "n")
