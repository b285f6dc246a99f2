"""zhfacts: facts (institutions, people, programs, numeric claims) from Chinese news reports."""

__version__ = "0.1.0"
