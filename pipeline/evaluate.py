"""Score zhfacts output against gold annotations, by the rules of the gold format (GOLD_FORMAT.md).

Per document, then summed over documents (micro average). Text is compared after NFKC and removal
of quotation marks, brackets and white space.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import regex

from .errors import GoldFormatError

STRIP = regex.compile(r"[\s\"'“”‘’「」『』〝〞〃()（）\[\]【】《》〈〉<>{}｛｝〔〕]+")
KINDS = ("institution", "person", "program", "numeric_claim")


def norm(text: str | None) -> str:
    return STRIP.sub("", unicodedata.normalize("NFKC", text or ""))


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    attributes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def attribute(self, name: str, ok: bool) -> None:
        self.attributes[name][0] += int(ok)
        self.attributes[name][1] += 1

    def scores(self) -> dict:
        p = self.matched_predicted / self.predicted if self.predicted else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out = {"gold": self.gold, "predicted": self.predicted, "tp_gold": self.matched_gold,
               "tp_predicted": self.matched_predicted,
               "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        for name, (ok, total) in sorted(self.attributes.items()):
            out[f"{name}_accuracy"] = round(ok / total, 4) if total else None
            out[f"{name}_n"] = total
        return out


def load_gold(path: str | Path) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{lineno}: malformed JSON ({exc.msg})") from None
            if not isinstance(item, dict) or "doc" not in item or item.get("type") not in KINDS:
                raise GoldFormatError(f"{path}:{lineno}: a gold line needs \"doc\" and a \"type\" in {KINDS}")
            by_doc[doc_key(item["doc"])].append(item)
    return by_doc


def doc_key(name: str) -> str:
    base = Path(str(name)).name
    for suffix in (".txt", ".html", ".htm", ".jsonl", ".text"):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)]
    return base


def load_output(path: str | Path) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                out[doc_key(record["doc_id"])] = record
    return out


def evaluate(gold: dict[str, list[dict]], output: dict[str, dict]) -> dict:
    tallies = {kind: Tally() for kind in KINDS}
    for doc, items in sorted(gold.items()):
        record = output.get(doc, {})
        by_type = defaultdict(list)
        for item in items:
            by_type[item["type"]].append(item)
        _institutions(by_type["institution"], record.get("institutions", []), tallies["institution"])
        _people(by_type["person"], record.get("people", []), tallies["person"])
        _programs(by_type["program"], record.get("programs", []), tallies["program"])
        _claims(by_type["numeric_claim"], record.get("claims", []), tallies["numeric_claim"])
    return {"documents": len(gold), "missing_documents": sorted(set(gold) - set(output)),
            **{kind: tallies[kind].scores() for kind in KINDS}}


def _institutions(gold: list[dict], predicted: list[dict], tally: Tally) -> None:
    units: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for item in gold:
        canonical = norm(item.get("canonical") or item.get("text"))
        units[canonical] |= {canonical, norm(item.get("text"))}
        kinds.setdefault(canonical, item.get("kind", ""))
    preds: dict[str, set[str]] = defaultdict(set)
    pred_kind: dict[str, str] = {}
    for inst in predicted:
        canonical = norm(inst.get("canonical"))
        preds[canonical] |= {canonical, norm(inst.get("text"))} | {norm(a) for a in inst.get("aliases", [])}
        pred_kind.setdefault(canonical, inst.get("kind", ""))
    for names in list(units.values()) + list(preds.values()):
        names.discard("")
    tally.gold += len(units)
    tally.predicted += len(preds)
    tally.matched_predicted += sum(1 for names in preds.values() if any(names & g for g in units.values()))
    for canonical, names in units.items():
        hits = [p for p, pnames in preds.items() if names & pnames]
        if hits:
            tally.matched_gold += 1
            tally.attribute("kind", pred_kind[hits[0]] == kinds[canonical])


def _people(gold: list[dict], predicted: list[dict], tally: Tally) -> None:
    gold_by_name = {norm(item["text"]): item for item in gold}
    pred_by_name = {norm(p.get("name")): p for p in predicted}
    gold_by_name.pop("", None)
    pred_by_name.pop("", None)
    tally.gold += len(gold_by_name)
    tally.predicted += len(pred_by_name)
    for name, item in gold_by_name.items():
        pred = pred_by_name.get(name)
        if pred is None:
            continue
        tally.matched_gold += 1
        tally.matched_predicted += 1
        if norm(item.get("role")):
            tally.attribute("role", _contains_either(item.get("role"), pred.get("role")))
        if norm(item.get("affiliation")):
            tally.attribute("affiliation", _contains_either(item.get("affiliation"), pred.get("affiliation")))


def _contains_either(gold: str | None, pred: str | None) -> bool:
    """Containment either way; an empty prediction never counts as agreeing with a stated gold value."""
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return g == p
    return g in p or p in g


def _program_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and len(short) * 2 >= len(long_) and short in long_


def _programs(gold: list[dict], predicted: list[dict], tally: Tally) -> None:
    gold_texts = sorted({norm(item["text"]) for item in gold} - {""})
    pred_texts = sorted({norm(p.get("text")) for p in predicted} - {""})
    pairs = _one_to_one(gold_texts, pred_texts, _program_match, prefer=lambda g, p: g == p)
    tally.gold += len(gold_texts)
    tally.predicted += len(pred_texts)
    tally.matched_gold += len(pairs)
    tally.matched_predicted += len(pairs)


def _one_to_one(left: list[str], right: list[str], matches: Callable[[str, str], bool],
                prefer: Callable[[str, str], bool]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (Kuhn's augmenting paths), preferred pairs tried first."""
    edges = [sorted((j for j, r in enumerate(right) if matches(l, r)), key=lambda j: not prefer(l, right[j]))
             for l in left]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return [(i, j) for j, i in owner.items()]


def _shared_chars(a: str, b: str) -> int:
    return sum((Counter(a) & Counter(b)).values())


def _same_value(a: object, b: object) -> bool:
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1e-12) or x == y


def _claims(gold: list[dict], predicted: list[dict], tally: Tally) -> None:
    free = set(range(len(predicted)))
    # Required claims pick first so that optional ones never take a prediction a required one needs.
    ordered = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    absorbed = 0
    for i in ordered:
        item = gold[i]
        optional = bool(item.get("optional"))
        if not optional:
            tally.gold += 1
        gq, gu = norm(item.get("quote")), norm(item.get("unit"))
        best, best_key = None, None
        for j in free:
            pred = predicted[j]
            if not _same_value(item.get("value"), pred.get("value")):
                continue
            same_unit = gu == norm(pred.get("unit"))
            shared = _shared_chars(gq, norm(pred.get("quote")))
            if not (same_unit or shared >= 3):
                continue
            key = (same_unit, shared)
            if best_key is None or key > best_key:
                best, best_key = j, key
        if best is None:
            continue
        free.discard(best)
        if optional:
            absorbed += 1
            continue
        tally.matched_gold += 1
        tally.matched_predicted += 1
        pred = predicted[best]
        tally.attribute("unit", gu == norm(pred.get("unit")))
        tally.attribute("qualifier", item.get("qualifier", "exact") == pred.get("qualifier"))
        tally.attribute("period", norm(item.get("period")) == norm(pred.get("period")))
        tally.attribute("subject", _contains_either(item.get("subject"), pred.get("subject")))
        gm, pm = set(norm(item.get("measure"))), set(norm(pred.get("measure")))
        tally.attribute("measure", len(gm & pm) * 2 >= len(gm))
    tally.predicted += len(predicted) - absorbed


def format_report(result: dict) -> str:
    lines = [f"{'kind':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}  attributes"]
    for kind in KINDS:
        s = result[kind]
        attrs = ", ".join(f"{k[:-9]} {v:.3f}" for k, v in s.items() if k.endswith("_accuracy") and v is not None)
        lines.append(f"{kind:<14}{s['gold']:>6}{s['predicted']:>6}{s['precision']:>8.3f}{s['recall']:>8.3f}"
                     f"{s['f1']:>8.3f}  {attrs}")
    if result["missing_documents"]:
        lines.append(f"documents in gold but not in output: {', '.join(result['missing_documents'])}")
    return "\n".join(lines)


def evaluate_files(gold_path: str, output_path: str) -> dict:
    return evaluate(load_gold(gold_path), load_output(output_path))

