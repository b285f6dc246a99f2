"""Find the words of a long fixed list in a text in one pass.

A regex alternation of thousands of words (`re.compile("|".join(longest_first))`) tries every word
at every position that can start one; an Aho-Corasick automaton reads the text once, whatever the
size of the list. `Phrases.finditer` yields exactly what the longest-first alternation's `finditer`
yields: scanning left to right, at the leftmost position where some word starts, the longest word
there, then on from its end (no overlaps). `EachWord.occurrences` gives what a search for each word
of the list on its own would (`str.find` on from the end of the last one found), for all of them at once.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Iterable, Iterator

from ahocorasick_rs import AhoCorasick, MatchKind


class Phrases:
    def __init__(self, words: Iterable[str]) -> None:
        self.words = [w for w in dict.fromkeys(words) if w]  # the automaton refuses empty words
        self._automaton = AhoCorasick(self.words, matchkind=MatchKind.LeftmostLongest) if self.words else None

    def __bool__(self) -> bool:
        return bool(self.words)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, word) of each match, in text order; offsets count characters."""
        if self._automaton is None:
            return
        for index, start, end in self._automaton.find_matches_as_indexes(text):
            yield start, end, self.words[index]


class EachWord:
    def __init__(self, words: Iterable[str]) -> None:
        self.words = [w for w in dict.fromkeys(words) if w]
        self._automaton = AhoCorasick(self.words) if self.words else None  # MatchKind.Standard

    def every_occurrence(self, text: str) -> list[tuple[str, int, int]]:
        """(word, start, end) of every occurrence of every word, overlapping ones included."""
        if self._automaton is None:
            return []
        return [(self.words[index], start, end)
                for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True)]

    def occurrences(self, text: str) -> dict[str, list[int]]:
        """word -> where it occurs in `text`, left to right, without overlaps among its own
        occurrences (those of different words may overlap); words that do not occur are left out."""
        found: dict[str, list[int]] = {}
        reached: dict[str, int] = {}  # word -> end of its last occurrence kept
        for word, start, end in sorted(self.every_occurrence(text), key=itemgetter(1)):
            if start >= reached.get(word, 0):
                found.setdefault(word, []).append(start)
                reached[word] = end
        return found
