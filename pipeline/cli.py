"""Command line: a thin layer that parses arguments, calls one library function, and maps errors to exit codes.

Exit status: 0 all went well; 1 some input failed (extract), a record is invalid (validate), scores
below floors or schemas stale (schema --check); 2 bad usage or configuration (unknown option,
missing lexicon, unreadable gold file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from pydantic import ValidationError

from . import __version__
from .errors import ZhfactsError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _extract(args: argparse.Namespace) -> int:
    from .ingest import Limits
    from .pipeline import PipelineConfig
    from .runner import RunOptions, run, summary_text

    for target in (args.output, args.errors):
        if target and target != "-" and os.path.dirname(target):
            os.makedirs(os.path.dirname(target), exist_ok=True)
    options = RunOptions(
        output=args.output, errors=args.errors, quiet=args.quiet,
        limits=Limits(max_doc_bytes=args.max_doc_bytes, max_line_bytes=args.max_line_bytes or max(8_000_000, 2 * args.max_doc_bytes)),
        exclude_dirs=tuple(args.exclude), workers=max(1, args.workers), resume=args.resume,
        doc_timeout=args.doc_timeout or None, engine=args.engine, scheduler=args.scheduler,
    )
    config = PipelineConfig(lexicon_dir=args.lexicons, segmenter=args.segmenter, pkuseg_model=args.pkuseg_model)
    summary = run(args.paths, options, config)
    print(summary_text(summary), file=sys.stderr)
    if summary.failed:
        where = args.errors or "standard error"
        print(f"zhfacts: {summary.failed} input(s) failed; reasons in {where}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_files, format_report

    result = evaluate_files(args.gold, args.output)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_report(result))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from . import schema

    if args.check:
        schema.check()
        print("schemas are up to date")
    else:
        for path in schema.write():
            print(f"wrote {path}")
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from .models import Article

    count = 0
    with open(args.output, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                Article.model_validate_json(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "record"
                print(f"{args.output}:{lineno}: {where}: {first['msg']}", file=sys.stderr)
                return EXIT_FAILED
            count += 1
    print(f"{count} records valid")
    return EXIT_OK


def _load(args: argparse.Namespace) -> int:
    from .db import format_result, load_jsonl

    result = load_jsonl(args.output, args.db, batch_size=args.batch, prune=args.prune, show=args.show)
    print(format_result(result))
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from .report import write_report

    stats = write_report(args.output, args.report, open_first=args.open)
    print(f"wrote {stats.output}: {stats.articles} article(s), {stats.claims} claim(s), "
          f"{stats.conflicts} group(s) of differing figures")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhfacts", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"zhfacts {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract facts from articles into JSON Lines")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (recursive) or - for stdin (JSONL)")
    ex.add_argument("-o", "--output", required=True, help="output JSONL file, or - for stdout")
    ex.add_argument("--errors", help="errors JSONL file (default: standard error)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--segmenter", default="rjieba", choices=["rjieba", "jieba", "spacy"])
    ex.add_argument("--pkuseg-model", help="spaCy segmenter: path of a spacy-pkuseg model")
    ex.add_argument("--lexicons", help="lexicon folder (default: the bundled lexicons/)")
    ex.add_argument("--exclude", action="append", default=["gold"], metavar="NAME",
                    help="folder name to skip when walking folders (default: gold)")
    ex.add_argument("--max-doc-bytes", type=int, default=4_000_000, help="refuse larger documents")
    ex.add_argument("--max-line-bytes", type=int,
                    help="refuse longer JSONL lines, JSON syntax included (default: 8 MB or twice --max-doc-bytes)")
    ex.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                    help="worker processes (default: the number of cores; 1 runs in this process)")
    ex.add_argument("--resume", action="store_true",
                    help="skip documents already in OUTPUT/ERRORS (doc_id + source sha256) and append the rest")
    ex.add_argument("--doc-timeout", type=float, default=60.0, metavar="SECONDS",
                    help="per-document time limit; a slower document goes to the errors file (0: none)")
    ex.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="local processes, or a Dask cluster (pip install 'zhfacts[cluster]')")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="Dask scheduler address (tcp://host:8786); default: start a LocalCluster")
    ex.set_defaults(func=_extract)

    ev = sub.add_parser("evaluate", help="score output against gold annotations")
    ev.add_argument("--gold", required=True)
    ev.add_argument("output")
    ev.add_argument("--json", action="store_true", help="machine-readable scores")
    ev.set_defaults(func=_evaluate)

    sc = sub.add_parser("schema", help="write schemas/*.schema.json from the models")
    sc.add_argument("--check", action="store_true", help="fail when the committed schemas are stale")
    sc.set_defaults(func=_schema)

    va = sub.add_parser("validate", help="re-validate a file of records")
    va.add_argument("output")
    va.set_defaults(func=_validate)

    lo = sub.add_parser("load", help="load a file of records into SQLite or PostgreSQL")
    lo.add_argument("output", metavar="OUT.jsonl", help="records written by zhfacts extract")
    lo.add_argument("--db", default="sqlite:///out/facts.db",
                    help="database URL (sqlite:///PATH, postgresql://user@host/db) or an SQLite file path")
    lo.add_argument("--batch", type=int, default=100, help="articles per transaction")
    lo.add_argument("--prune", action="store_true", help="delete articles that are not in the file")
    lo.add_argument("--show", type=int, default=0, metavar="N", help="print N claims joined to their subject")
    lo.set_defaults(func=_load)

    re_ = sub.add_parser("report", help="write the fact-check HTML report")
    re_.add_argument("output", metavar="OUT.jsonl", help="records written by zhfacts extract")
    re_.add_argument("-o", "--report", required=True, metavar="REPORT.html", help="HTML file to write")
    re_.add_argument("--open", type=int, default=1, metavar="N", help="articles shown expanded (default 1)")
    re_.set_defaults(func=_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ZhfactsError as exc:
        print(f"zhfacts: error: {exc}", file=sys.stderr)
        return EXIT_FAILED if exc.stage in ("schema", "validate") else EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"zhfacts: error: {exc.filename}: file not found", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("zhfacts: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
