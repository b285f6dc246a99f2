"""Style sheet and script of the fact-check report, inlined into the page (it must work offline).

Kept as Python constants so they ship with the package without package-data configuration.
The script is allowed by its SHA-256 in the page's Content-Security-Policy; any edit here changes
the hash, which report.py computes, so nothing else needs updating.
"""

CSS = """
:root { --inst: #cfe3ff; --per: #d4f5d0; --prog: #ffe2b8; --claim: #d6336c; --line: #d0d4da; }
* { box-sizing: border-box; }
body { margin: 0; color: #1d2126; background: #fafbfc;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 15px; line-height: 1.7; }
header { padding: 12px 24px; background: #fff; border-bottom: 1px solid var(--line);
  position: sticky; top: 0; z-index: 2; }
h1 { font-size: 22px; margin: 0; } h1 small, h2 small { font-weight: normal; color: #68707a; font-size: 14px; }
h2 { font-size: 18px; margin: 24px 0 8px; }
main { padding: 0 24px 48px; }
.counts, .hint { color: #68707a; margin: 2px 0; }
nav a { color: #1558b0; }
.legend .hl { margin-right: 10px; padding: 1px 6px; }
mark.hl, span.hl { color: inherit; background: transparent; border-radius: 2px; }
.hl.inst { background: var(--inst); }
.hl.per { background: var(--per); }
.hl.prog { background: var(--prog); }
.hl.inst.per, .hl.per.prog { background: linear-gradient(var(--per), var(--inst)); }
.hl.claim { border-bottom: 3px solid var(--claim); font-weight: 600; }
span.hl.claim { border-bottom-width: 3px; }
mark.hl[title] { cursor: help; }
.anchor { scroll-margin-top: 140px; }
.anchor:target + mark { outline: 3px solid #f59f00; }
details.article { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details.article > summary { padding: 8px 12px; cursor: pointer; }
summary .title { font-weight: 600; }
summary .facts { color: #68707a; font-size: 13px; }
.body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; padding: 4px 12px 12px; }
.text { white-space: pre-wrap; word-break: break-all; }
aside { font-size: 13px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eef1f4; }
table.sortable th { cursor: pointer; user-select: none; }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
#claims-table td:first-child { max-width: 240px; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
ul.figures { margin: 0; padding-left: 18px; }
.where { color: #68707a; }
.verdict.check { color: #c92a2a; font-weight: 600; } .verdict.period { color: #5c940d; }
ul.entities { list-style: none; padding: 0; margin: 8px 0 0; }
.chip { padding: 0 4px; border-radius: 2px; }
.chip.inst { background: var(--inst); } .chip.per { background: var(--per); } .chip.prog { background: var(--prog); }
.none { color: #68707a; }
@media (max-width: 900px) { .body { grid-template-columns: 1fr; } }
"""

JS = """
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });
  function key(row, index) {
    var cell = row.cells[index];
    return cell ? (cell.getAttribute("data-v") || cell.textContent) : "";
  }
  function sortBy(table, header, index) {
    var numeric = header.hasAttribute("data-numeric");
    var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, index), y = key(b, index);
      var order = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
      return order * direction;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      header.addEventListener("click", function () { sortBy(table, header, index); });
    });
  });
  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    target.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", revealTarget);
  revealTarget();
  document.documentElement.setAttribute("data-report-ready", "1");
})();
"""
