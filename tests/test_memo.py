"""Memo: per-word work kept across documents, never more than its limit."""

from pipeline.memo import Memo


def test_memo_computes_once_per_key():
    calls = []
    memo = Memo(lambda word: calls.append(word) or len(word))
    assert memo["学院"] == 2 and memo["学院"] == 2 and memo["研究院所"] == 4
    assert calls == ["学院", "研究院所"]


def test_memo_stays_within_its_limit():
    memo = Memo(len, limit=3)
    for word in ("一", "二二", "三三三", "四四四四", "五"):
        assert memo[word] == len(word)
        assert len(memo) <= 3
    assert memo.remember("六", 9) == 9 and memo["六"] == 9


def test_memo_without_compute_is_a_bounded_map():
    memo = Memo(limit=2)
    assert memo.get("学院") is None
    memo.remember("学院", "n")
    memo.remember("中学", "n")
    memo.remember("小学", "n")
    assert len(memo) <= 2 and memo["小学"] == "n"
