"""The zhfacts pipeline: the order of its stages, stated once.

1. ingest     (pipeline.ingest)      read bytes, detect the encoding, decode, HTML -> text
2. normalise  (pipeline.normalise)   rejoin column breaks, drop chrome, clean text + offset map
3. metadata   (pipeline.metadata)    title, date, newspaper, page, bylines, photo credit
4. segment    (pipeline.segment)     sentences and words
5. extract    institutions -> people -> programs -> claims, each a stage of its own
6. validate   (pipeline.records)     findings -> Pydantic `Article`, IDs and raw offsets
7. write      (pipeline.writer)      one deterministic JSON line per article

Ingest happens before a `Doc` exists and writing after the record is built, so a `Pipeline` owns
stages 2-6: it loads its lexicons and segmenter once, which is what each worker process does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .claims import ClaimStage
from .document import Doc
from .errors import StageFailure, ZhfactsError
from .institutions import InstitutionStage
from .lexicon import Lexicons
from .metadata import MetadataStage
from .models import Article
from .normalise import NormaliseStage
from .people import PeopleStage
from .programs import ProgramStage
from .records import build_article
from .segment import SegmentStage, make_segmenter
from .stage import Resources, Stage, check_order

# 2-5, in order; a new extractor is one more class here.
STAGES: tuple[type[Stage], ...] = (
    NormaliseStage,     # 2
    MetadataStage,      # 3
    SegmentStage,       # 4
    InstitutionStage,   # 5
    PeopleStage,        # 5
    ProgramStage,       # 5
    ClaimStage,         # 5
)


@dataclass(frozen=True)
class PipelineConfig:
    lexicon_dir: str | None = None
    segmenter: str = "rjieba"
    pkuseg_model: str | None = None


class Pipeline:
    def __init__(self, config: PipelineConfig = PipelineConfig(),
                 stages: tuple[type[Stage], ...] = STAGES) -> None:
        self.config = config
        lexicons = Lexicons.load(Path(config.lexicon_dir) if config.lexicon_dir else None)
        segmenter = make_segmenter(config.segmenter, lexicons, config.pkuseg_model)
        self.resources = Resources(lexicons=lexicons, segmenter=segmenter)
        self.stages = [stage(self.resources) for stage in stages]
        check_order(self.stages)

    def annotate(self, doc: Doc) -> Doc:
        for stage in self.stages:
            try:
                doc = stage(doc)
            except ZhfactsError:
                raise
            except Exception as exc:  # one bad document must not end the batch: name the stage and go on
                raise StageFailure(stage.name, f"{type(exc).__name__}: {exc}") from exc
        return doc

    def process(self, doc: Doc) -> Article:
        """Stages 2-6 on one ingested document."""
        doc = self.annotate(doc)
        return build_article(doc, self.resources.lexicons.digest, self.resources.segmenter.name)
