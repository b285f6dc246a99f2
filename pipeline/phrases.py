"""Find the words of a long fixed list in a text in one pass.

A regex alternation of thousands of words (`re.compile("|".join(longest_first))`) tries every word
at every position that can start one; an Aho-Corasick automaton reads the text once, whatever the
size of the list. `Phrases.finditer` yields exactly what the longest-first alternation's `finditer`
yields: scanning left to right, at the leftmost position where some word starts, the longest word
there, then on from its end (no overlaps).
"""

from __future__ import annotations

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
