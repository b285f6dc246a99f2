"""Score zhfacts output against a character-span NER file (PER and ORG, exact spans, micro P/R/F1).

    python scripts/score_ner.py --gold /work/shared/data/ner/msra-dev.jsonl OUT.jsonl [--json]

OUT.jsonl is what `zhfacts extract GOLD.jsonl -o OUT.jsonl` wrote for the same file. Person mentions
count as PER and institution mentions as ORG; a prediction is right when its (start, end, label)
equals a gold entity of the same sentence. Spans are the raw offsets of each mention (`raw_start`,
`raw_end`: positions in the JSONL `text` field), so normalising the text does not shift them.
Records are paired with gold lines by `doc_id` (the JSONL `id`), else by `source.line`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

LABELS = ("PER", "ORG")
Spans = set[tuple[int, int, str]]


def read_gold(path: Path) -> tuple[dict[str, Spans], dict[int, str]]:
    by_id: dict[str, Spans] = {}
    line_to_id: dict[int, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            key = str(record.get("id", line_no))
            by_id[key] = {(s, e, label) for s, e, label in record["entities"] if label in LABELS}
            line_to_id[line_no] = key
    return by_id, line_to_id


def predicted_spans(record: dict) -> Spans:
    spans: Spans = set()
    for label, group in (("PER", "people"), ("ORG", "institutions")):
        for item in record.get(group, []):
            for mention in item.get("mentions", []):
                start = mention.get("raw_start", mention["start"])
                end = mention.get("raw_end", mention["end"])
                spans.add((start, end, label))
    return spans


def score(gold: dict[str, Spans], line_to_id: dict[int, str], output: Path) -> dict:
    counts = {label: Counter() for label in LABELS}
    seen: set[str] = set()
    with open(output, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            key = record.get("doc_id")
            if key not in gold:
                key = line_to_id.get((record.get("source") or {}).get("line"))
            if key is None or key in seen:
                continue
            seen.add(key)
            tally(counts, gold[key], predicted_spans(record))
    for key in set(gold) - seen:  # a sentence the pipeline failed on still has gold entities
        tally(counts, gold[key], set())
    return {"sentences": len(gold), "scored": len(seen), **{label: prf(counts[label]) for label in LABELS}}


def tally(counts: dict[str, Counter], gold: Spans, pred: Spans) -> None:
    for label in LABELS:
        g = {s for s in gold if s[2] == label}
        p = {s for s in pred if s[2] == label}
        counts[label]["tp"] += len(g & p)
        counts[label]["gold"] += len(g)
        counts[label]["pred"] += len(p)


def prf(c: Counter) -> dict:
    precision = c["tp"] / c["pred"] if c["pred"] else 0.0
    recall = c["tp"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": c["gold"], "pred": c["pred"], "tp": c["tp"],
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="NER JSONL: id, text, entities [[start, end, label]]")
    parser.add_argument("output", type=Path, help="zhfacts JSONL output for the same file")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    gold, line_to_id = read_gold(args.gold)
    result = score(gold, line_to_id, args.output)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{result['scored']}/{result['sentences']} sentences scored (exact span)")
    print(f"{'label':6} {'gold':>6} {'pred':>6} {'tp':>6} {'P':>7} {'R':>7} {'F1':>7}")
    for label in LABELS:
        r = result[label]
        print(f"{label:6} {r['gold']:6d} {r['pred']:6d} {r['tp']:6d} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
