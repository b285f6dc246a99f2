"""Train the character CRF of pipeline/ner.py on CLUENER2020 and write models/ner.crfsuite + models/ner.json.

Reproducible: a fixed split (every 10th sentence, index % 10 == 9, is held out), fixed parameters,
and crfsuite's L-BFGS is deterministic. Prints held-out precision/recall/F1 per label (exact spans).

    python scripts/train_ner.py [--data PATH] [--out models/ner.crfsuite] [--iterations N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.lexicon import Lexicons  # noqa: E402
from pipeline.ner import NerLexicons, bio_to_spans, make_word_tagger, sentence_features  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner" / "cluener-train.jsonl"
# CLUENER's fine labels folded onto ours; the rest (address, book, game, movie, scene) are O.
LABEL_MAP = {"name": "PER", "organization": "ORG", "government": "ORG", "company": "ORG", "position": "TITLE"}
HELD_OUT_EVERY = 10
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 300, "feature.possible_transitions": True}


def read_examples(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            spans = [(s, e, LABEL_MAP[k]) for s, e, k in record["entities"] if k in LABEL_MAP]
            examples.append((record["text"], spans))
    return examples


def bio_labels(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    labels = ["O"] * len(text)
    for start, end, kind in spans:
        labels[start] = "B-" + kind
        for i in range(start + 1, end):
            labels[i] = "I-" + kind
    return labels


def score(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]]) -> dict:
    table = {}
    for label in ("PER", "ORG", "TITLE"):
        tp = fp = fn = 0
        for g, p in zip(gold, pred):
            gs = {x for x in g if x[2] == label}
            ps = {x for x in p if x[2] == label}
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[label] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "gold": tp + fn}
    return table


def main(argv: list[str] | None = None) -> int:
    import pycrfsuite

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "ner.crfsuite")
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    args = parser.parse_args(argv)
    params = dict(PARAMS, max_iterations=args.iterations)

    lex = NerLexicons.from_lexicons(Lexicons.load(ROOT / "lexicons"))
    words = make_word_tagger()
    examples = read_examples(args.data)
    trainer = pycrfsuite.Trainer(verbose=False)
    held_out = []
    started = time.time()
    for index, (text, spans) in enumerate(examples):
        if index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1:
            held_out.append((text, spans))
            continue
        feats = sentence_features(text, words(text), lex)
        trainer.append(feats, bio_labels(text, spans))
    print(f"features for {len(examples) - len(held_out)} sentences in {time.time() - started:.1f}s", flush=True)
    trainer.set_params(params)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    trainer.train(str(args.out))
    train_seconds = time.time() - started
    print(f"trained in {train_seconds:.1f}s -> {args.out}", flush=True)

    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.out))
    gold, pred = [], []
    for text, spans in held_out:
        labels = tagger.tag(sentence_features(text, words(text), lex))
        gold.append(spans)
        pred.append(bio_to_spans(labels))
    scores = score(gold, pred)
    for label, row in scores.items():
        print(f"held-out {label:5s} P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f} (gold {row['gold']})")
    report = {
        "data": args.data.name,
        "split": f"sentence index % {HELD_OUT_EVERY} == {HELD_OUT_EVERY - 1} held out",
        "train_sentences": len(examples) - len(held_out),
        "held_out_sentences": len(held_out),
        "label_map": LABEL_MAP,
        "params": params,
        "train_seconds": round(train_seconds, 1),
        "held_out": scores,
    }
    args.out.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
