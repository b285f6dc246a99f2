"""What each signal contributes to person (PER) and institution (ORG) recognition, measured on a
character-span NER set by the rules of scripts/score_ner.py (exact spans, micro P/R/F1).

    python scripts/ablate_ner.py [--gold ../shared/data/ner/msra-dev.jsonl] [--limit N]

Variants: the shipped pipeline; people without the CRF (rules only); people without the
address/doctrine rules (吴先生, 邓小平理论); institutions with jieba's nt tags as extra candidates;
institutions with the CRF's ORG spans as extra candidates; the CRF alone; jieba.posseg alone
(nr -> PER, nt -> ORG).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from score_ner import LABELS, prf, tally  # noqa: E402

from pipeline.document import Doc  # noqa: E402
from pipeline.ingest import read_documents  # noqa: E402
from pipeline.institutions import InstitutionStage  # noqa: E402
from pipeline.ner import NerTagger  # noqa: E402
from pipeline.people import PeopleStage  # noqa: E402
from pipeline.pipeline import STAGES, Pipeline  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "ner" / "msra-dev.jsonl"


def replaced(stage_type, replacement) -> tuple:
    return tuple(replacement if s is stage_type else s for s in STAGES)


def pipeline_spans(pipeline: Pipeline):
    def spans(doc) -> set[tuple[int, int, str]]:
        article = pipeline.process(doc)
        out = set()
        for label, group in (("PER", article.people), ("ORG", article.institutions)):
            for item in group:
                out.update((m.raw_start, m.raw_end, label) for m in item.mentions)
        return out
    return spans


def crf_spans(pipeline: Pipeline):
    tagger = NerTagger(pipeline.resources.lexicons)
    return lambda doc: {(s, e, label) for s, e, label in tagger.tag(doc.raw) if label in LABELS}


def posseg_spans(_pipeline: Pipeline):
    import jieba.posseg

    def spans(doc) -> set[tuple[int, int, str]]:
        out, pos = set(), 0
        for word, flag in jieba.posseg.cut(doc.raw):
            label = "PER" if flag.startswith("nr") else "ORG" if flag.startswith("nt") else None
            if label:
                out.add((pos, pos + len(word), label))
            pos += len(word)
        return out
    return spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only")
    args = parser.parse_args(argv)
    gold = {}
    for line in args.gold.read_text("utf-8").splitlines()[: args.limit or None]:
        record = json.loads(line)
        gold[record["id"]] = {(s, e, label) for s, e, label in record["entities"] if label in LABELS}
    docs = [d for d in read_documents(str(args.gold)) if d.doc_id in gold][: len(gold)]
    variants = {
        "zhfacts (shipped)": lambda: pipeline_spans(Pipeline()),
        "people without the CRF": lambda: pipeline_spans(
            Pipeline(stages=replaced(PeopleStage, functools.partial(PeopleStage, use_crf=False)))),
        "people without address/doctrine rules": lambda: pipeline_spans(
            Pipeline(stages=replaced(PeopleStage, functools.partial(PeopleStage, address_rules=False)))),
        "institutions + jieba nt": lambda: pipeline_spans(
            Pipeline(stages=replaced(InstitutionStage, functools.partial(InstitutionStage, use_nt=True)))),
        "institutions + CRF ORG": lambda: _with_learned_orgs(),
        "CRF alone": lambda: crf_spans(Pipeline()),
        "jieba.posseg alone": lambda: posseg_spans(None),
    }
    print(f"{len(docs)} sentences of {args.gold.name} (exact span)")
    print(f"{'variant':40s} {'PER P':>6s} {'R':>6s} {'F1':>6s}   {'ORG P':>6s} {'R':>6s} {'F1':>6s}")
    results = {}
    for name, build in variants.items():
        spans = build()
        counts = {label: Counter() for label in LABELS}
        for doc in docs:
            tally(counts, gold[doc.doc_id], spans(doc))
        row = {label: prf(counts[label]) for label in LABELS}
        results[name] = row
        per, org = row["PER"], row["ORG"]
        print(f"{name:40s} {per['precision']:6.3f} {per['recall']:6.3f} {per['f1']:6.3f}   "
              f"{org['precision']:6.3f} {org['recall']:6.3f} {org['f1']:6.3f}", flush=True)
    out = ROOT / "out" / "ablate_ner.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def _with_learned_orgs():
    probe = Pipeline()
    tagger = NerTagger(probe.resources.lexicons)
    learned = functools.partial(InstitutionStage, learned=tagger.tag)
    return pipeline_spans(Pipeline(stages=replaced(InstitutionStage, learned)))


if __name__ == "__main__":
    sys.exit(main())
