"""zhfacts side by side with its peers, on the same texts (`make compare`).

People and institutions: zhfacts against jieba.posseg (nr -> person, nt -> institution), on the seed
gold (the gold format's rules) and, when ../shared/data/ner/msra-dev.jsonl is there, on MSRA news NER
by exact character span (PER, ORG).
Figures: zhfacts against cn2an's sentence transform (numbers read from the transformed text) and
Microsoft Recognizers-Text (number and percentage models, culture zh-cn), on the seed gold claims:
a figure counts when its value equals a gold claim's value (one to one, per article); whether each
system gives qualifier, unit and measure at all is reported beside it.

Writes out/compare.json and prints the tables.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import evaluate, load_gold  # noqa: E402
from pipeline.ingest import read_documents  # noqa: E402
from pipeline.pipeline import Pipeline  # noqa: E402

ARABIC = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def prf(tp_pred: int, pred: int, tp_gold: int, gold: int) -> dict:
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / gold if gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def jieba_posseg():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return jieba.posseg.POSTokenizer(tokenizer)


def posseg_spans(tagger, text: str) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for pair in tagger.cut(text):
        start = text.find(pair.word, pos)
        pos = start + len(pair.word)
        if pair.flag.startswith("nr"):
            spans.append((start, pos, "PER"))
        elif pair.flag == "nt":
            spans.append((start, pos, "ORG"))
    return spans


# --- seed gold: people and institutions --------------------------------------------------------

def seed_entities(pipeline: Pipeline, tagger, seeds: list[Path], gold: dict) -> dict:
    ours, peer = {}, {}
    for seed in seeds:
        (doc,) = read_documents(str(seed))
        record = pipeline.process(doc).model_dump(mode="json")
        ours[seed.stem] = record
        spans = posseg_spans(tagger, record["text"])
        peer[seed.stem] = {
            "people": [{"name": record["text"][s:e], "role": ""} for s, e, t in spans if t == "PER"],
            "institutions": [{"canonical": record["text"][s:e], "text": record["text"][s:e], "aliases": []}
                             for s, e, t in spans if t == "ORG"],
        }
    out = {}
    for name, output in (("zhfacts", ours), ("jieba.posseg", peer)):
        scores = evaluate(gold, output)
        out[name] = {kind: {k: scores[kind][k] for k in ("precision", "recall", "f1")}
                     for kind in ("person", "institution")}
    return out, ours


# --- MSRA: exact spans -------------------------------------------------------------------------

def msra_entities(pipeline: Pipeline, tagger, path: Path, limit: int | None) -> dict:
    from pipeline.document import Doc, SourceInfo

    counts = {sys_: {lab: Counter() for lab in ("PER", "ORG")} for sys_ in ("zhfacts", "jieba.posseg")}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit and n >= limit:
                break
            item = json.loads(line)
            text = item["text"]
            gold = {(s, e, lab) for s, e, lab in item["entities"] if lab in ("PER", "ORG")}
            doc = Doc(doc_id=item["id"], raw=text, source=SourceInfo("msra", "0" * 64, "utf_8", "jsonl"))
            article = pipeline.process(doc)
            ours = set()
            for label, group in (("PER", article.people), ("ORG", article.institutions)):
                for record in group:
                    for m in record.mentions:
                        ours.add((m.raw_start, m.raw_end, label))
            theirs = set(posseg_spans(tagger, text))
            for name, pred in (("zhfacts", ours), ("jieba.posseg", theirs)):
                for label in ("PER", "ORG"):
                    g = {x for x in gold if x[2] == label}
                    p = {x for x in pred if x[2] == label}
                    c = counts[name][label]
                    c["gold"] += len(g)
                    c["pred"] += len(p)
                    c["tp"] += len(g & p)
    return {name: {label: prf(c["tp"], c["pred"], c["tp"], c["gold"]) for label, c in labels.items()}
            for name, labels in counts.items()}


# --- figures -------------------------------------------------------------------------------------

def _match_values(gold_values: list[float], predicted: list[float]) -> int:
    free = Counter(round(v, 6) for v in predicted)
    hits = 0
    for value in gold_values:
        key = round(value, 6)
        if free[key] > 0:
            free[key] -= 1
            hits += 1
    return hits


def cn2an_values(text: str) -> list[float]:
    import cn2an

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        transformed = cn2an.transform(text, "cn2an")
    return [float(m.group().replace(",", "")) for m in ARABIC.finditer(transformed)]


def recognizers_values(text: str) -> list[float]:
    import emoji

    if not hasattr(emoji, "UNICODE_EMOJI"):  # recognizers-text 1.0.2a2 predates emoji 2.x
        emoji.UNICODE_EMOJI = emoji.EMOJI_DATA
    from recognizers_suite import Culture, recognize_number, recognize_percentage

    values, taken = [], []
    for result in recognize_percentage(text, Culture.Chinese) + recognize_number(text, Culture.Chinese):
        span = (result.start, result.end)
        if any(s <= span[0] and span[1] <= e for s, e in taken):
            continue
        taken.append(span)
        raw = str(result.resolution.get("value", "")).rstrip("%")
        try:
            values.append(float(raw))
        except ValueError:
            continue
    return values


def figures(ours: dict, gold: dict) -> dict:
    systems = {"zhfacts": lambda doc: [c["value"] for c in ours[doc]["claims"]],
               "cn2an.transform": lambda doc: cn2an_values(ours[doc]["text"]),
               "recognizers-text": lambda doc: recognizers_values(ours[doc]["text"])}
    result = {}
    for name, values_of in systems.items():
        tp = pred = n_gold = 0
        for doc, items in gold.items():
            required = [float(i["value"]) for i in items if i["type"] == "numeric_claim" and not i.get("optional")]
            predicted = [float(v) for v in values_of(doc)]
            tp += _match_values(required, predicted)
            pred += len(predicted)
            n_gold += len(required)
        gives = name == "zhfacts"
        result[name] = {**prf(tp, pred, tp, n_gold), "qualifier": gives, "unit": gives, "measure": gives}
    official = evaluate(gold, ours)["numeric_claim"]
    result["zhfacts"]["gold_format_f1"] = official["f1"]
    result["zhfacts"]["value_accuracy_note"] = "values matched per article; see `zhfacts evaluate` for the full rule"
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--msra", default=str(ROOT.parent / "shared" / "data" / "ner" / "msra-dev.jsonl"))
    parser.add_argument("--msra-limit", type=int, default=None, help="first N sentences only")
    parser.add_argument("--out", default=str(ROOT / "out" / "compare.json"))
    args = parser.parse_args()

    pipeline, tagger = Pipeline(), jieba_posseg()
    gold = load_gold(ROOT / "corpus" / "gold" / "seeds.jsonl")
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    report: dict = {}
    report["seed_entities"], ours = seed_entities(pipeline, tagger, seeds, gold)
    report["seed_figures"] = figures(ours, gold)
    if Path(args.msra).exists():
        report["msra_entities"] = msra_entities(pipeline, tagger, Path(args.msra), args.msra_limit)

    print("People and institutions, seed gold (P / R / F1):")
    for name, kinds in report["seed_entities"].items():
        print(f"  {name:<16}" + "  ".join(f"{k} {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}" for k, v in kinds.items()))
    if "msra_entities" in report:
        print("MSRA dev, exact spans (P / R / F1):")
        for name, labels in report["msra_entities"].items():
            print(f"  {name:<16}" + "  ".join(f"{k} {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}" for k, v in labels.items()))
    print("Figures, seed gold claims (value matched; P / R / F1; gives qualifier, unit, measure):")
    for name, s in report["seed_figures"].items():
        gives = "yes" if s["qualifier"] else "no"
        print(f"  {name:<16}{s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}  {gives}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
