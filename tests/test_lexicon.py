"""Lexicons are data: a malformed or empty file is refused with file and line."""

from __future__ import annotations

import pytest

from pipeline.errors import LexiconError
from pipeline.lexicon import Lexicons, parse_lexicon

HEADER = "# what: test list\n# source: made for the test\n# licence: CC0\n# columns: term\tkind\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ("", ": lexicon has no entries"),
        (HEADER, ": lexicon has no entries"),
        ("王\t1\n", ":1: header lacks what, source, columns before the first row"),
        (HEADER + "王\t1\n李\t2\textra\n", ":6: 3 fields but the header declares 2 columns"),
        (HEADER + "\t1\n", ":5: empty term"),
    ],
)
def test_malformed_lexicons_are_refused_with_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content, "utf-8")
    with pytest.raises(LexiconError) as exc:
        parse_lexicon(path)
    assert str(exc.value) == f"{path}{message}"


def test_bundled_lexicons_all_load_with_headers():
    lexicons = Lexicons.load()
    assert {"layout", "surnames", "titles", "places", "org_heads", "units"} <= set(lexicons.tables)
    for lexicon in lexicons.tables.values():
        assert lexicon.header["what"] and lexicon.header["source"] and lexicon.rows
    assert lexicons.digest.startswith("sha256:")


def test_values_are_a_columns_non_blank_entries():
    places = Lexicons.load()["places"]
    short = places.values(2)
    assert {"北碚", "唐山"} <= short and "" not in short and "北碚区" not in short
