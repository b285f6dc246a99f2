"""Linear-chain CRF inference in numpy, over a model file written by crfsuite.

pycrfsuite takes each character's features as strings: building about 25 of them per character in
Python and handing them to C++ was most of the people stage's time. Reading the model's weights once
lets the caller hand over attribute rows instead (`ner.FeatureEncoder` computes them with numpy, no
feature strings), and one compiled pass (numba) decodes every piece of an article: Viterbi for the
labels, forward-backward (scaled, as crfsuite does it) for the marginals a span's confidence is
taken from. Training stays with crfsuite (scripts/train_ner.py); this reads what it writes.

Only what `crf1d` models hold is read: labels, attributes, state and transition weights.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numba import njit

from .errors import NerModelError

# crfsuite's file layout (crf1dmodel.c): a header of eleven 32-bit words, a FEAT chunk of 20-byte
# features, and the label and attribute names in CQDB hash databases.
HEADER = struct.Struct("<4sIIIIIIIIII")
FEATURE = struct.Struct("<iiid")  # type (0: state, 1: transition), source, destination, weight
CHUNK = struct.Struct("<4sII")
CQDB_HEADER = struct.Struct("<4sIIIII")  # chunk id, size, flag, byte order, backward size, offset
STATE, TRANSITION = 0, 1


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk in id order, read through its backward (id -> record) array."""
    chunk_id, _, _, _, count, backward = CQDB_HEADER.unpack_from(data, offset)
    if chunk_id != b"CQDB":
        raise ValueError("bad CQDB chunk")
    strings = []
    for record in struct.unpack_from(f"<{count}I", data, offset + backward):
        _, size = struct.unpack_from("<II", data, offset + record)
        start = offset + record + 8
        strings.append(data[start : start + size - 1].decode("utf-8"))  # size counts the final NUL
    return strings


@dataclass(frozen=True)
class CrfModel:
    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state: np.ndarray  # (attributes + 1, labels); the last row, all zeros, is "attribute unknown"
    transition: np.ndarray  # (labels, labels): from -> to

    @property
    def unknown(self) -> int:
        return len(self.attributes)

    @classmethod
    def read(cls, path: Path | str) -> "CrfModel":
        try:
            data = Path(path).read_bytes()
            magic, _, _, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, _ = HEADER.unpack_from(data)
            if magic != b"lCRF":
                raise ValueError("not a crfsuite model")
            labels = _cqdb_strings(data, off_labels)
            attributes = _cqdb_strings(data, off_attrs)
            chunk_id, _, count = CHUNK.unpack_from(data, off_feat)
            if chunk_id != b"FEAT" or len(labels) != n_labels or len(attributes) != n_attrs:
                raise ValueError("damaged: counts disagree")
            features = np.frombuffer(data, dtype=np.dtype([("type", "<i4"), ("src", "<i4"), ("dst", "<i4"),
                                                           ("weight", "<f8")]),
                                     count=count, offset=off_feat + CHUNK.size)
        except (OSError, struct.error, UnicodeDecodeError, ValueError) as exc:
            raise NerModelError(f"{path}: cannot read crfsuite model ({exc})") from None
        state = np.zeros((n_attrs + 1, n_labels))
        transition = np.zeros((n_labels, n_labels))
        is_state = features["type"] == STATE
        state[features["src"][is_state], features["dst"][is_state]] = features["weight"][is_state]
        is_trans = features["type"] == TRANSITION
        transition[features["src"][is_trans], features["dst"][is_trans]] = features["weight"][is_trans]
        return cls(tuple(labels), tuple(attributes), state, transition)

    def decode(self, rows: np.ndarray, lengths: list[int], spans_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Best label ids and per-position marginals (characters x labels) for pieces given as
        consecutive runs of `lengths` characters in `rows`, an array of attribute rows per character
        (`unknown` where a feature is absent). With `spans_only`, a piece whose best labels are all
        outside any span (no B- or I- label) gets no marginals (zeros): a caller that reads them
        only for its spans' confidence saves the forward-backward pass of most pieces."""
        in_span = np.array([label.startswith(("B-", "I-")) for label in self.labels])
        return _decode(self.state, self.transition, np.ascontiguousarray(rows, dtype=np.intp),
                       np.asarray(lengths, dtype=np.intp), in_span if spans_only else np.ones_like(in_span))


@njit(cache=True, nogil=True)
def _decode(state, transition, rows, lengths, marginal_labels):  # pragma: no cover - compiled
    """Labels of every piece, and marginals of the pieces where some label is a `marginal_labels` one."""
    n_chars, n_labels = rows.shape[0], state.shape[1]
    scores = np.zeros((n_chars, n_labels))
    for t in range(n_chars):  # attributes added in feature order, as crfsuite adds them
        for f in range(rows.shape[1]):
            for j in range(n_labels):
                scores[t, j] += state[rows[t, f], j]
    labels = np.zeros(n_chars, dtype=np.intp)
    marginals = np.zeros((n_chars, n_labels))
    back = np.zeros((n_chars, n_labels), dtype=np.intp)
    moves = np.exp(transition)
    weights = np.empty((n_chars, n_labels))
    best = np.empty(n_labels)
    step = np.empty(n_labels)
    beta = np.empty(n_labels)
    joint = np.empty(n_labels)
    start = 0
    for size in lengths:
        end = start + size
        if size == 0:
            continue
        # Viterbi; of equal scores the first is kept, as crfsuite keeps it
        best[:] = scores[start]
        for t in range(start + 1, end):
            for j in range(n_labels):
                top, arg = -np.inf, 0
                for i in range(n_labels):
                    value = best[i] + transition[i, j]
                    if value > top:
                        top, arg = value, i
                step[j] = top + scores[t, j]
                back[t, j] = arg
            best[:] = step
        top, arg = -np.inf, 0
        for j in range(n_labels):
            if best[j] > top:
                top, arg = best[j], j
        labels[end - 1] = arg
        for t in range(end - 1, start, -1):
            labels[t - 1] = back[t, labels[t]]
        if not marginal_labels[labels[start:end]].any():
            start = end
            continue
        for t in range(start, end):  # element by element: a temporary array per character cost more than the sums
            top = scores[t, 0]
            for j in range(1, n_labels):
                top = max(top, scores[t, j])
            for j in range(n_labels):
                weights[t, j] = np.exp(scores[t, j] - top)  # a shift per position changes no marginal
        # forward-backward, each step rescaled to sum 1 (crfsuite's way of staying in range)
        alpha = marginals  # forward values first, multiplied by the backward ones below
        _normalise(weights[start], alpha[start])
        for t in range(start + 1, end):
            for j in range(n_labels):
                total = 0.0
                for i in range(n_labels):
                    total += alpha[t - 1, i] * moves[i, j]
                alpha[t, j] = total * weights[t, j]
            _normalise(alpha[t], alpha[t])
        beta[:] = 1.0
        for t in range(end - 1, start - 1, -1):
            if t < end - 1:
                for i in range(n_labels):
                    total = 0.0
                    for j in range(n_labels):
                        total += moves[i, j] * weights[t + 1, j] * step[j]
                    best[i] = total
                _normalise(best, beta)
            step[:] = beta
            for j in range(n_labels):
                joint[j] = alpha[t, j] * beta[j]
            _normalise(joint, marginals[t])
        start = end
    return labels, marginals


@njit(cache=True, nogil=True)
def _normalise(values, out):  # pragma: no cover - compiled
    """`values` divided by their sum (added up in order, as numpy's sum of a few values is), into `out`."""
    total = 0.0
    for value in values:
        total += value
    for j in range(len(values)):
        out[j] = values[j] / total
