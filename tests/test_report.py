"""`zhfacts report`: highlighted text, claim tables, consistency groups and escaping, checked on the HTML string."""

from __future__ import annotations

import base64
import hashlib
import re
import time

import pytest

from pipeline import report
from pipeline.cli import main
from tests.factsamples import SCHOOL, article, corpus, write_jsonl


def test_spans_become_marks_with_hover_notes():
    one = article("x", "海淀区教师进修学校培训教师1200余名。",
                  institutions=(("海淀区教师进修学校", "training_institute"),),
                  claims=(dict(quote="1200余名", value=1200, unit="名", qualifier="more_than", measure="培训教师",
                               subject="海淀区教师进修学校", period="近3年来", period_start=2016, period_end=2018),))
    assert report.render_text(one, 0) == (
        '<mark class="hl inst" title="机构 institution: 海淀区教师进修学校 (training_institute)">海淀区教师进修学校</mark>'
        "培训教师"
        '<span class="anchor" id="doc-0-claim-0"></span>'
        '<mark class="hl claim" title="数据 claim: 超过1,200 名&#10;value 1,200&#10;qualifier more_than&#10;'
        'unit 名&#10;measure 培训教师&#10;subject 海淀区教师进修学校&#10;period 近3年来 (2016–2018)">1200余名</mark>。'
    ).replace("&#10;", "\n")


def test_overlapping_spans_split_into_pieces_without_crossed_tags():
    one = article("x", "海淀区青蓝工程启动。", institutions=(("海淀区", "government"),),
                  programs=(("海淀区青蓝工程", "project", "海淀区"),))
    html = report.render_text(one, 0)
    assert re.sub(r' title="[^"]*"', "", html) == (
        '<mark class="hl inst prog">海淀区</mark><mark class="hl prog">青蓝工程</mark>启动。')


@pytest.mark.parametrize("value, value_max, unit, qualifier, expected", [
    (1200, None, "名", "more_than", "超过1,200 名"),
    (3, 5, "年", "exact", "3–5 年"),
    (2.5, None, "%", "approx", "约2.5 %"),
    (3_000_000, None, "元", "exact", "3,000,000 元"),
    (100, None, "", "at_least", "至少100"),
])
def test_format_value(value, value_max, unit, qualifier, expected):
    text = "数据X。"
    one = article("x", text, claims=(dict(quote="X", value=value, value_max=value_max, unit=unit,
                                          qualifier=qualifier),))
    assert report.format_value(one.claims[0]) == expected


@pytest.mark.parametrize("given, key", [
    ("培训 教师", "培训教师"),
    ("培训教师", "培训教师"),
    ("“双减”政策", "双减政策"),
    ("ＧＤＰ增速", "gdp增速"),
    ("", ""),
])
def test_measures_normalise(given, key):
    assert report.normalise_key(given) == key


def test_consistency_groups_differing_figures_across_articles():
    refs = report.claim_refs(corpus())
    groups = report.consistency_groups(refs)
    assert [[(r.article.doc_id, r.claim.value, r.anchor) for r in g] for g in groups] == [[
        ("hd-2019-01", 1200, "doc-0-claim-0"),
        ("hd-2019-02", 1500, "doc-1-claim-0"),
    ]]
    assert groups[0][0].claim.subject == SCHOOL


def test_same_figure_or_same_article_is_not_a_conflict():
    first, second, _ = corpus()
    agreeing = second.model_copy(update={"claims": [second.claims[0].model_copy(update={"value": 1200}),
                                                    *second.claims[1:]]})
    assert report.consistency_groups(report.claim_refs([first, agreeing])) == []
    assert report.consistency_groups(report.claim_refs([first])) == []


@pytest.mark.parametrize("periods, verdict", [
    ((("近3年来", 2016, 2018), ("近3年来", 2016, 2018)), "待核实 check"),
    ((("2018年", 2018, 2018), ("2017年", 2017, 2017)), "时间不同 periods differ"),
    ((("1月21日", 2019, 2019), ("2月10日", 2019, 2019)), "时间不同 periods differ"),
    ((("", 2016, 2018), ("", 2017, 2019)), "时间不同 periods differ"),
    ((("", None, None), ("2017年", 2017, 2017)), "待核实 check"),
])
def test_consistency_verdict_depends_on_periods(periods, verdict):
    first, second, _ = corpus()
    (p1, s1, e1), (p2, s2, e2) = periods
    first = first.model_copy(update={"claims": [
        first.claims[0].model_copy(update={"period": p1, "period_start": s1, "period_end": e1})]})
    second = second.model_copy(update={"claims": [
        second.claims[0].model_copy(update={"period": p2, "period_start": s2, "period_end": e2})]})
    html = report.render_consistency(report.consistency_groups(report.claim_refs([first, second])))
    assert re.findall(r'<td class="verdict [a-z]+">([^<]*)</td>', html) == [verdict]


@pytest.mark.parametrize("first_values, second_values, conflict", [
    ((1200,), (1500,), True),
    ((1200, 1500), (1500, 1200), False),  # a reprint or continuation page repeats the same figures
    ((1200,), (1200, 1500), False),       # one article gives more figures, none contradicts the other
    ((1200, 45), (1500, 45), True),
])
def test_articles_disagree_only_when_each_has_a_figure_the_other_lacks(first_values, second_values, conflict):
    first, second, _ = corpus()

    def with_values(record, values):
        template = record.claims[0]
        claims = [template.model_copy(update={"value": v, "id": f"claim:{n:016x}"}) for n, v in enumerate(values)]
        return record.model_copy(update={"claims": claims})

    refs = report.claim_refs([with_values(first, first_values), with_values(second, second_values)])
    assert bool(report.consistency_groups(refs)) is conflict


def test_everything_from_the_input_is_escaped():
    page = report.render_report(corpus(), "<b>name</b>.jsonl")
    assert page.count("<script") == 1 and page.count("</script>") == 1  # only the report's own script
    assert "<img" not in page and "<b>name" not in page
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;" in page
    assert 'onerror=&quot;document.body' in page
    # The hostile doc_id (with quotes) appears only as escaped text, never inside an id or href.
    assert "hostile&#x27;); DROP TABLE claims;--" in page
    assert not re.search(r'(id|href)="[^"]*hostile', page)


def test_only_the_reports_own_script_may_run():
    page = report.render_report(corpus())
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert f"script-src &#x27;sha256-{digest}&#x27;" in policy
    assert "default-src &#x27;none&#x27;" in policy


def test_page_declares_utf8_and_chinese_fonts():
    page = report.render_report(corpus())
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">')
    assert '"Noto Sans CJK SC", "Source Han Sans SC"' in page and '"Microsoft YaHei"' in page
    assert "http://" not in page and "https://" not in page  # nothing fetched: works offline


def test_thousand_articles_render_fast_and_stay_collapsed():
    base = corpus()
    many = [base[i % 3].model_copy(update={"doc_id": f"doc{i}"}) for i in range(1000)]
    started = time.perf_counter()
    page = report.render_report(many)
    assert time.perf_counter() - started < 10
    assert page.count('<details class="article"') == 1000
    assert page.count('<details class="article" id="doc-0" open>') == 1
    assert page.count(" open>") == 1


def test_cli_writes_the_report(tmp_path, capsys):
    source = write_jsonl(tmp_path / "facts.jsonl", corpus())
    target = tmp_path / "nested" / "report.html"
    assert main(["report", str(source), "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote {target}: 3 article(s), 6 claim(s), 1 group(s) of differing figures\n"
    assert target.read_text(encoding="utf-8").count('<mark class="hl') >= 17


def test_cli_report_bad_input_exits_1(tmp_path, capsys):
    source = tmp_path / "facts.jsonl"
    source.write_text("not json\n", encoding="utf-8")
    assert main(["report", str(source), "-o", str(tmp_path / "r.html")]) == 1
    assert capsys.readouterr().err.startswith(f"zhfacts: error: {source}:1: ")
