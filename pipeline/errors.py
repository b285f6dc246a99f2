"""Every error zhfacts raises, in one place, so messages stay consistent and tests can match them."""


class ZhfactsError(Exception):
    """Base class: an error the CLI reports as one clean line."""

    stage = "pipeline"


class LexiconError(ZhfactsError):
    """A lexicon file is missing, empty or malformed; the message names file and line."""

    stage = "lexicon"


class IngestError(ZhfactsError):
    """An input could not be read or decoded (empty, binary, undecodable, too large, bad JSON)."""

    stage = "ingest"


class NormaliseError(ZhfactsError):
    stage = "normalise"


class PipelineConfigError(ZhfactsError):
    """A pipeline was assembled wrongly: a stage needs what no earlier stage provides."""

    stage = "config"


class RecordValidationError(ZhfactsError):
    """A record failed the Pydantic contract before being written."""

    stage = "validate"


class DocumentTimeout(ZhfactsError):
    """A document took longer than the per-document time limit."""

    stage = "timeout"


class GoldFormatError(ZhfactsError):
    stage = "evaluate"


class SchemaDriftError(ZhfactsError):
    stage = "schema"


class StageFailure(ZhfactsError):
    """An unexpected exception inside a stage, re-raised with the stage's name for the errors file."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage


class LoadInputError(ZhfactsError):
    """A line of the file given to `zhfacts load` or `zhfacts report` is not a valid record."""

    stage = "validate"


class DatabaseError(ZhfactsError):
    """The database URL is unusable, the server unreachable, or a statement failed; message names the database."""

    stage = "database"


class NerModelError(ZhfactsError):
    """The NER model file is missing or unreadable; the message says how to build it."""

    stage = "ner"
