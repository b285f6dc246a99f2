"""`zhfacts evaluate` follows the gold format's matching rules exactly."""

from __future__ import annotations

import pytest

from pipeline.evaluate import evaluate, norm


def _run(gold_items, record):
    gold = {"d": [dict(item, doc="d.txt") for item in gold_items]}
    return evaluate(gold, {"d": record})


def test_norm_strips_quotes_brackets_space_and_applies_nfkc():
    assert norm("“１２３４５” 模式（试行）") == "12345模式试行"


def test_institution_unit_matches_by_any_name():
    gold = [
        {"type": "institution", "text": "进修校", "canonical": "荣昌区教师进修学校", "kind": "training_institute"},
        {"type": "institution", "text": "荣昌区教师进修学校", "canonical": "荣昌区教师进修学校", "kind": "training_institute"},
        {"type": "institution", "text": "西南大学", "canonical": "西南大学", "kind": "university"},
    ]
    record = {"institutions": [
        {"canonical": "荣昌区教师进修学校", "text": "荣昌区教师进修学校", "aliases": ["进修校"], "kind": "school"},
        {"canonical": "重庆市", "text": "重庆市", "aliases": [], "kind": "government"},
    ]}
    s = _run(gold, record)["institution"]
    assert (s["gold"], s["predicted"], s["tp_gold"], s["tp_predicted"]) == (2, 2, 1, 1)
    assert s["kind_accuracy"] == 0.0


def test_person_role_containment_and_empty_prediction():
    gold = [
        {"type": "person", "text": "周珣", "role": "记者/作者", "affiliation": ""},
        {"type": "person", "text": "杨明", "role": "美术学科研训员", "affiliation": "北碚区教师进修学院"},
        {"type": "person", "text": "黄吉元", "role": "副院长", "affiliation": ""},
    ]
    record = {"people": [{"name": "周珣", "role": "记者"}, {"name": "杨明", "role": "研训员"},
                         {"name": "黄吉元", "role": ""}, {"name": "高质量", "role": ""}]}
    s = _run(gold, record)["person"]
    assert (s["precision"], s["recall"]) == (0.75, 1.0)
    assert s["role_accuracy"] == pytest.approx(2 / 3, abs=1e-4)


@pytest.mark.parametrize(
    "gold_text, predicted, matched",
    [
        ("三为课堂", "“三为课堂”", True),
        ("浇根式改善型", "浇根式改善型教师培训", True),    # 6 of 10 chars: at least half
        ("三为", "三为课堂改革行动实施", False),          # 2 of 10: less than half
        ("1+X", "“1+X”", True),
        ("双减", "双", False),                          # the shorter needs 2 characters
    ],
)
def test_program_containment_rule(gold_text, predicted, matched):
    s = _run([{"type": "program", "text": gold_text}], {"programs": [{"text": predicted}]})["program"]
    assert s["tp_gold"] == int(matched)


def test_programs_match_one_to_one():
    gold = [{"type": "program", "text": "三为课堂"}, {"type": "program", "text": "三为"}]
    s = _run(gold, {"programs": [{"text": "三为课堂"}]})["program"]
    assert (s["tp_gold"], s["recall"]) == (1, 0.5)


def _claim(quote, value, unit, **kw):
    return {"quote": quote, "value": value, "unit": unit, "qualifier": kw.pop("qualifier", "exact"), **kw}


def test_claims_value_and_unit_or_shared_quote():
    gold = [
        dict(_claim("6800多名教师", 6800, "名", qualifier="more_than", measure="全员培训教师人数",
                    subject="重庆市巴南区教师进修学校", period="5年"), type="numeric_claim"),
        dict(_claim("合格率达100%", 100, "%", measure="全员培训合格率"), type="numeric_claim"),
        dict(_claim("五个维度", 5, "个", optional=True), type="numeric_claim"),
    ]
    record = {"claims": [
        _claim("6800多名", 6800.0, "人", qualifier="more_than", measure="教师", subject="巴南区教师进修学校",
               period="5年"),                                   # unit differs, 4 shared characters
        _claim("100%", 100, "%", measure="培训合格率"),  # 5 of 7 distinct characters
        _claim("5个维度", 5, "个"),                              # matches an optional claim: not counted
        _claim("3所", 3, "所"),                                  # a false positive
    ]}
    s = _run(gold, record)["numeric_claim"]
    assert (s["gold"], s["predicted"], s["tp_gold"]) == (2, 3, 2)
    assert s["unit_accuracy"] == 0.5 and s["qualifier_accuracy"] == 1.0
    assert s["subject_accuracy"] == 1.0 and s["period_accuracy"] == 1.0
    assert s["measure_accuracy"] == 0.5  # 教师 shares 2 of 全员培训教师人数's 8 distinct characters


def test_missing_document_counts_as_all_missed():
    result = evaluate({"d": [{"doc": "d.txt", "type": "person", "text": "周珣", "role": ""}]}, {})
    assert result["person"]["recall"] == 0.0 and result["missing_documents"] == ["d"]
