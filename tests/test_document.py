"""Doc and spans: the sentence holding a position, and the overlaps of many spans, found by bisection, agree with a scan."""

from hypothesis import given
from hypothesis import strategies as st

import pytest

from pipeline.document import Doc, SourceInfo, Span, SpanIndex, Token, _containing, enclosing, occurrences


def _scan(spans: list[Span], pos: int) -> Span | None:
    return next((s for s in spans if s.start <= pos < s.end), None)


@st.composite
def sorted_spans(draw) -> list[Span]:
    """Sorted, non-overlapping spans with gaps between some (blank lines between paragraphs)."""
    spans, pos = [], 0
    for gap, width in draw(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 6)), max_size=12)):
        spans.append(Span(pos + gap, pos + gap + width))
        pos += gap + width
    return spans


@given(sorted_spans(), st.integers(0, 120))
def test_containing_agrees_with_a_scan(spans, pos):
    assert _containing(spans, pos) == _scan(spans, pos)


def test_containing_examples():
    spans = [Span(0, 3), Span(4, 9)]
    assert _containing(spans, 0) == Span(0, 3)
    assert _containing(spans, 3) is None  # the gap between them
    assert _containing(spans, 8) == Span(4, 9)
    assert _containing(spans, 9) is None
    assert _containing([], 0) is None


@st.composite
def any_spans(draw) -> list[Span]:
    """Spans that may overlap and nest (quotes inside quotes, mentions inside institutions)."""
    return [Span(a, a + w) for a, w in draw(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=10))]


@given(any_spans(), any_spans(), st.integers(0, 50), st.integers(0, 8))
def test_span_index_agrees_with_a_scan(spans, added, start, width):
    index = SpanIndex(spans)
    for span in added:  # spans added one by one answer as if given at once
        index.add(span)
    everything = spans + added
    probe = Span(start, start + width)
    assert index.overlaps(probe) == any(s.overlaps(probe) for s in everything)
    assert index.covers(probe.start, probe.end) == any(s.contains(probe) for s in everything)
    assert index.holds(start) == any(s.start < start < s.end for s in everything)
    assert index.with_spans([probe]).overlaps(probe) == (width > 0 or index.overlaps(probe))


def test_token_at_finds_the_word_covering_a_position():
    doc = Doc(doc_id="t", raw="截至今年底", source=SourceInfo("t", "", "utf_8", "txt"),
              tokens=[Token("截至", 0, 2), Token("今年", 2, 4), Token("底", 4, 5)])
    assert [doc.token_at(pos) for pos in range(6)] == [
        Token("截至", 0, 2), Token("截至", 0, 2), Token("今年", 2, 4), Token("今年", 2, 4), Token("底", 4, 5), None]
    assert Doc(doc_id="t", raw="", source=SourceInfo("t", "", "utf_8", "txt")).token_at(0) is None


def test_word_boundaries_are_where_a_word_starts_or_ends():
    doc = Doc(doc_id="t", raw="截至今年底", source=SourceInfo("t", "", "utf_8", "txt"),
              tokens=[Token("截至", 0, 2), Token("今年", 2, 4), Token("底", 4, 5)])
    assert [pos for pos in range(6) if doc.word_starts_at(pos)] == [0, 2, 4]
    assert [doc.word_from(pos) for pos in range(6)] == [
        Token("截至", 0, 2), None, Token("今年", 2, 4), None, Token("底", 4, 5), None]
    assert [pos for pos in range(6) if doc.word_ends_at(pos)] == [2, 4, 5]
    # 截至今年 is two words of its own, 至今 cuts through both
    assert doc.cut_as_words(0, 4) and doc.cut_as_words(2, 5) and not doc.cut_as_words(1, 3)


@pytest.mark.parametrize("text, inner, found", [
    ("本报北京2月11日电（记者吴秋余、谢卫群）中国银联发布", "谢卫群", "（记者吴秋余、谢卫群）"),
    ("他说（见上文）。吴秋余也来了（记者）", "吴秋余", None),  # the brackets before close first
    ("（记者吴秋余", "吴秋余", None),  # never closed
])
def test_enclosing_marks(text, inner, found):
    start = text.index(inner)
    marks = enclosing(text, start, start + len(inner), "（", "）", 40)
    assert (text[marks.start : marks.end] if marks else None) == found


def _enclosing_by_scan(text: str, start: int, end: int, reach: int) -> Span | None:
    left = next((i for i in range(start - 1, max(0, start - reach) - 1, -1) if text[i] in "()"), None)
    right = next((i for i in range(end, min(len(text), end + reach)) if text[i] in "()"), None)
    if left is None or right is None or text[left] != "(" or text[right] != ")":
        return None
    return Span(left, right + 1)


@given(st.text(alphabet="ab()", max_size=30), st.data())
def test_enclosing_agrees_with_a_scan_for_the_nearest_marks(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert enclosing(text, start, end, "(", ")", 8) == _enclosing_by_scan(text, start, end, 8)


@given(st.text(alphabet="ab", max_size=20), st.text(alphabet="ab", min_size=1, max_size=3))
def test_occurrences_do_not_overlap_and_each_is_the_word(text, word):
    spans = occurrences(text, word)
    assert all(text[s.start : s.end] == word for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    # nothing is left out: the text after the last occurrence, and between any two, holds no more
    gaps = [text[a.end : b.start + len(word) - 1] for a, b in zip([Span(0, 0), *spans], spans)]
    assert all(word not in gap for gap in gaps) and word not in text[(spans[-1].end if spans else 0):]
