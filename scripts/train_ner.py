"""Train the character CRF of pipeline/ner.py on CLUENER2020 plus silver-labelled news and write
models/ner.crfsuite + models/ner.json.

CLUENER is short web text; the pipeline reads newspaper prose, where the CLUENER model misses most names
that stand without a title (习近平指出, 俞平伯全集). So sentences of a month of People's Daily
(`--silver`, ../shared/data/rmrb-2019-02.jsonl) are added with silver labels: the people stage's rules
alone (no CRF) find names anchored by a title, a byline or a list, every occurrence of such a name in
the month is PER, institutions found by the institution stage are ORG and title words are TITLE. Only
sentences whose every possible name is explained are kept (see `silver_examples`). The silver labels
follow the rules and lexicons of the checkout, so a change to them changes the model `make train` makes.

Reproducible: a fixed split (every 10th CLUENER sentence, index % 10 == 9, is held out; silver sentences
are all trained on), fixed parameters, rules without randomness, and crfsuite's L-BFGS is deterministic.
Prints held-out CLUENER precision/recall/F1 per label (exact spans).

    python scripts/train_ner.py [--data PATH] [--silver PATH | --no-silver] [--out models/ner.crfsuite] [--iterations N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.document import Span  # noqa: E402
from pipeline.lexicon import Lexicons  # noqa: E402
from pipeline.ner import NerLexicons, bio_to_spans, make_word_tagger, sentence_features  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner" / "cluener-train.jsonl"
DEFAULT_SILVER = ROOT.parent / "shared" / "data" / "rmrb-2019-02.jsonl"
# CLUENER's fine labels folded onto ours; the rest (address, book, game, movie, scene) are O.
LABEL_MAP = {"name": "PER", "organization": "ORG", "government": "ORG", "company": "ORG", "position": "TITLE"}
HELD_OUT_EVERY = 10
# Silver sentences kept per name at most (unless the sentence also holds a name seen less often).
SILVER_PER_NAME = 40
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 300, "feature.possible_transitions": True}


def read_examples(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            spans = [(s, e, LABEL_MAP[k]) for s, e, k in record["entities"] if k in LABEL_MAP]
            examples.append((record["text"], spans))
    return examples


def silver_examples(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences (the CRF's own chunks of each article's normalised text) with silver labels.

    A name is silver when the rules gave it a role somewhere in the month's articles (a title before
    or after it, a byline, a list count) or jieba's dictionary has it as a famous person's
    three-character name (nrfg, 习近平: the rules alone take a rare surname after a title from no one),
    every mention of it there starts and ends where jieba's words do (韩正|陪同 is not 韩正陪) and it is
    not one word jieba knows as something other than a name (苏州). Every occurrence of a silver name
    on jieba word boundaries (or at the start of a word jieba tags as a name: 邓小平|理论), in any
    article, is PER: the names of the month stand mostly without a title (李克强指出). A sentence is
    kept when it holds a silver mention and nothing else that may be a name: no other person the
    rules found (吴先生) and no word jieba tags as a name (nr*) outside the silver mentions, unless it
    is an everyday word (文明); and not when each of its names is in SILVER_PER_NAME kept already."""
    import functools

    from pipeline.ingest import read_documents
    from pipeline.institutions import InstitutionStage
    from pipeline.metadata import MetadataStage
    from pipeline.ner import chunks
    from pipeline.normalise import NormaliseStage
    from pipeline.people import PeopleStage
    from pipeline.pipeline import Pipeline
    from pipeline.segment import SegmentStage, jieba_dictionary

    rules_only = functools.partial(PeopleStage, use_crf=False)
    pipeline = Pipeline(stages=(NormaliseStage, MetadataStage, SegmentStage, InstitutionStage, rules_only))
    people = pipeline.stages[-1]
    docs = [pipeline.annotate(doc) for doc in read_documents(str(path)) if hasattr(doc, "text")]
    names: set[str] = set()
    unsure: set[str] = set()
    for doc in docs:
        starts = {t.start: t for t in doc.tokens}
        ends = {t.end for t in doc.tokens}
        for person in doc.people:
            if not person.role:
                unsure.add(person.name)
                continue
            for m in person.mentions:
                token = starts.get(m.start)
                if token is None or m.end not in ends or (token.end == m.end and not token.pos.startswith("nr")):
                    unsure.add(person.name)
            names.add(person.name)
        # jieba's dictionary knows famous people (nrfg): three characters after a surname are a name
        names.update(t.text for t in doc.tokens if t.pos == "nrfg" and len(t.text) == 3 and people._surname_at(t.text, 0))
    names -= unsure
    # across articles only names no dictionary knows as a shorter word (高峰, 温馨, 马克 are names once
    # in a while); a known three-character name (李克强) stays one
    known = jieba_dictionary()
    month = {n for n in names if n not in known or (len(n) >= 3 and not people._common_word(n))}
    examples = []
    seen: dict[str, int] = {}  # sentences kept per name
    for doc in docs:
        text = doc.text
        starts = {t.start: t for t in doc.tokens}
        ends = {t.end for t in doc.tokens}
        own = {p.name for p in doc.people}
        silver = []
        for name in sorted(month | (own & names), key=lambda n: (-len(n), n)):  # longer names first
            at = text.find(name)
            while at >= 0:
                span = Span(at, at + len(name))
                word = starts.get(at)
                # on word boundaries, or the start of a word jieba knows as a name (邓小平|理论 is one word)
                bounded = word is not None and (span.end in ends or (word.end > span.end and word.pos.startswith("nr")))
                if bounded and not any(span.overlaps(m) for m in silver):
                    silver.append(span)
                at = text.find(name, at + 1)
        silver.sort()
        doubtful = [m for p in doc.people if p.name not in names for m in p.mentions]
        doubtful += [t for t in doc.tokens
                     if t.pos.startswith("nr") and len(t.text) >= 2 and not people._everyday_word(t.text)]
        people._index_tokens(doc)  # the stage's word index is per document: this one's, not the last run's
        others = [("ORG", sorted(m for inst in doc.institutions for m in inst.mentions)),
                  ("TITLE", people._title_spans(doc))]
        for start, end in chunks(text):
            mine = [m for m in silver if start <= m.start and m.end <= end]
            if not mine or any(
                d.start < end and start < d.end and not any(d.start < m.end and m.start < d.end for m in mine)
                for d in doubtful
            ):
                continue
            who = {text[m.start : m.end] for m in mine}
            if all(seen.get(name, 0) >= SILVER_PER_NAME for name in who):
                continue  # 习近平 would be a third of all silver names
            for name in who:
                seen[name] = seen.get(name, 0) + 1
            spans = [(m.start - start, m.end - start, "PER") for m in mine]
            taken = list(mine)
            for label, found in others:
                for m in found:
                    if start <= m.start and m.end <= end and not any(m.overlaps(t) for t in taken):
                        spans.append((m.start - start, m.end - start, label))
                        taken.append(m)
            examples.append((text[start:end], sorted(spans)))
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
    parser.add_argument("--silver", type=Path, default=DEFAULT_SILVER, help="news articles (JSONL) to label by rules")
    parser.add_argument("--no-silver", action="store_true", help="train on CLUENER alone")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "ner.crfsuite")
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 regularisation")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 regularisation")
    args = parser.parse_args(argv)
    params = dict(PARAMS, max_iterations=args.iterations, c1=args.c1, c2=args.c2)

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
    silver = [] if args.no_silver else silver_examples(args.silver)
    for text, spans in silver:
        trainer.append(sentence_features(text, words(text), lex), bio_labels(text, spans))
    print(f"features for {len(examples) - len(held_out)} + {len(silver)} silver sentences"
          f" in {time.time() - started:.1f}s", flush=True)
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
        "silver": None if args.no_silver else args.silver.name,
        "silver_sentences": len(silver),
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
