"""The one interface every stage shares, and the check that a pipeline is wired correctly.

A stage is a callable `Doc -> Doc` that declares which `Doc` facets it `requires` and which it
`provides`; `check_order` refuses, at construction, a pipeline in which a stage needs a facet that
no earlier stage gives (the habit of stanza's processors).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Sequence

from .document import Doc
from .errors import PipelineConfigError
from .lexicon import Lexicons
from .memo import Memo

# Facets present on every Doc that ingest builds.
INGESTED = ("raw", "source", "hints")


@dataclass
class Resources:
    """What stages share and load once per process: lexicons, a segmenter, and what the segmenter
    says of a piece of text read alone (`word_tags`), which several stages ask about the same words."""

    lexicons: Lexicons
    segmenter: object  # pipeline.segment.Segmenter; typed loosely to avoid an import cycle
    word_tags: Memo[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.word_tags = Memo(self._tag_alone)

    def _tag_alone(self, piece: str) -> str:
        """The segmenter's tag when it reads `piece` as one word, else ""."""
        tokens = self.segmenter.tag(piece)
        return tokens[0].pos if len(tokens) == 1 else ""


class Stage:
    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - interface
        raise NotImplementedError


def check_order(stages: Sequence[Stage]) -> None:
    available = set(INGESTED)
    for stage in stages:
        missing = [need for need in stage.requires if need not in available]
        if missing:
            raise PipelineConfigError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage provides"
            )
        available.update(stage.provides)
