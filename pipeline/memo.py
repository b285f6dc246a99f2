"""Memos of per-word work that the stages share across documents, bounded so that memory stays flat.

Words recur from article to article, so what a stage works out about a word (its role in a name,
the head lengths that may end it) is kept for the life of the process. An archive never stops
bringing new words (the names jieba guesses, numbers, typos), so a memo that reaches its limit
starts again empty: a run of any length holds at most `limit` entries per memo.
"""

from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")

MEMO_LIMIT = 100_000  # entries: a few MB at most; 300 articles meet ~13,000 distinct words


class Memo(dict, Generic[Key, Value]):
    """key -> compute(key), worked out on the first asking; or filled by `remember`."""

    def __init__(self, compute: Callable[[Key], Value] | None = None, limit: int = MEMO_LIMIT) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: Key) -> Value:
        if self.compute is None:
            raise KeyError(key)
        return self.remember(key, self.compute(key))

    def remember(self, key: Key, value: Value) -> Value:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
