"""Doc: the sentence or paragraph holding a position, found by bisection, agrees with a scan."""

from hypothesis import given
from hypothesis import strategies as st

from pipeline.document import Span, _containing


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
