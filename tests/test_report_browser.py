"""The report in a real browser: headless Chromium renders it, our script runs, the injected markup does not.

Saves out/report.png (1280×2000) for a human look. Skips only when no Chromium binary is installed
(Debian: `apt-get install -y chromium fonts-noto-cjk`).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pipeline.report import write_report
from tests.factsamples import SCHOOL, corpus, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium binary (apt-get install -y chromium)")

# Flags for a headless run as root in a container, with nothing fetched from the network.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    source = write_jsonl(folder / "facts.jsonl", corpus())
    target = folder / "report.html"
    write_report(str(source), str(target))
    return target


@pytest.fixture(scope="module")
def dom(page, tmp_path_factory) -> HTMLParser:
    # Opening at a claim's anchor inside a closed article also proves the link opens its <details>.
    url = page.as_uri() + "#doc-1-claim-0"
    done = chromium(tmp_path_factory.mktemp("profile"), "--virtual-time-budget=2000", "--dump-dom", url)
    return HTMLParser(done.stdout)


def test_the_reports_own_script_ran(dom):
    root = dom.css_first("html")
    assert root.attributes.get("data-report-ready") == "1"
    assert "open" in dom.css_first("details#doc-1").attributes  # revealed by the #doc-1-claim-0 link
    assert "open" not in dom.css_first("details#doc-2").attributes


def test_injected_markup_did_not_run_and_shows_as_text(dom):
    assert dom.css_first("title").text() == "zhfacts 事实核查报告"
    assert "data-pwned" not in dom.css_first("body").attributes
    assert dom.css("img") == []
    assert len(dom.css("script")) == 1
    hostile_text = dom.css_first("details#doc-2 .text").text()
    assert "<script>document.title='PWNED'" in hostile_text
    assert "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">" in hostile_text


def test_highlighted_spans_are_present(dom):
    def count(selector: str) -> int:
        return len(dom.css(selector))

    assert (count("mark.hl.inst"), count("mark.hl.per"), count("mark.hl.prog"), count("mark.hl.claim")) == (7, 2, 2, 6)
    claim = dom.css_first("details#doc-0 mark.hl.claim")
    assert claim.text() == "1200余名"
    assert "subject " + SCHOOL in claim.attributes["title"]
    assert [a.attributes["href"] for a in dom.css("details#doc-0 table.side a")] == [
        "#doc-0-claim-0", "#doc-0-claim-1", "#doc-0-claim-2"]
    assert len(dom.css("#claims-table tbody tr")) == 6


def test_consistency_table_lists_the_differing_figures(dom):
    rows = dom.css("#consistency-table tbody tr")
    assert len(rows) == 1
    cells = [td.text(strip=True) for td in rows[0].css("td")]
    assert cells[:3] == [SCHOOL, "培训教师", "名"]
    assert [a.attributes["href"] for a in rows[0].css("a")] == ["#doc-0-claim-0", "#doc-1-claim-0"]
    assert [a.text() for a in rows[0].css("a")] == ["超过1,200 名", "1,500 名"]


def test_screenshot_is_saved(page, tmp_path_factory):
    target = ROOT / "out" / "report.png"
    target.parent.mkdir(exist_ok=True)
    target.unlink(missing_ok=True)
    chromium(tmp_path_factory.mktemp("profile"), f"--screenshot={target}", "--window-size=1280,2000", page.as_uri())
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 50_000  # a blank page compresses to a few kilobytes
