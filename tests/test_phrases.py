"""The one-pass phrase finder finds what a longest-first regex alternation finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.phrases import Phrases


def _alternation(words: list[str], text: str) -> list[tuple[int, int, str]]:
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_longest_at_the_leftmost_position():
    phrases = Phrases(["重庆", "重庆市", "江北区", "市江北"])
    assert list(phrases.finditer("重庆市江北区")) == [(0, 3, "重庆市"), (3, 6, "江北区")]


def test_no_words_finds_nothing():
    assert not Phrases([])
    assert list(Phrases(["", ""]).finditer("abc")) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("ab中𠀀", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text("ab中𠀀c", max_size=30))
def test_same_as_a_longest_first_alternation(words, text):
    assert list(Phrases(words).finditer(text)) == _alternation(words, text)
