"""The reader table (`extract/readers/`): each kind of file has one reader, found by its name, and the
structured source (the ModernGov feed) brings its own facts and snapshot."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from extract.load import discover
from extract.moderngov import FEED_KIND
from extract.readers import READERS, documents_read, reader_for, reader_of, reread_every_build
from tests.conftest import make_document


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("minutes.txt", "text"),
        ("NOTES.MD", "text"),
        ("page.html", "web page"),
        ("page.HTM", "web page"),
        ("report.pdf", "PDF"),
        ("councillors.xml", "ModernGov feed"),
        ("manifest.tsv", "manifest"),
    ],
)
def test_each_file_has_its_reader(name, reader):
    found = reader_for(Path(name))
    assert found is not None and found.name == reader


def test_no_reader_for_other_files():
    assert reader_for(Path("budget.xlsx")) is None
    assert reader_for(Path("README")) is None


def test_one_reader_per_suffix():
    suffixes = [s for r in READERS for s in r.suffixes]
    assert len(suffixes) == len(set(suffixes))


def test_the_unknown_extension_message_names_every_document_reader(tmp_path):
    (tmp_path / "budget.xlsx").write_bytes(b"PK")
    (tmp_path / "manifest.tsv").write_text("file\tcouncil\n", encoding="utf-8")
    files, problems = discover([tmp_path])
    assert files == []
    assert [p.code for p in problems] == ["E002"]
    assert problems[0].message.endswith(
        "councilgraph reads .txt .md .html .htm .pdf and ModernGov councillor feeds (.xml)"
    )
    assert documents_read() == ".txt .md .html .htm .pdf and ModernGov councillor feeds (.xml)"


def test_only_the_feed_brings_facts_and_a_snapshot():
    text_doc = make_document("Councillor Ann Lee gave apologies.", doc_id="minutes.txt")
    assert reader_of(text_doc).facts is None and reader_of(text_doc).snapshot is None
    feed_doc = replace(text_doc, kind=FEED_KIND, path="councillors.xml")
    reader = reader_of(feed_doc)
    assert reader.name == "ModernGov feed" and reader.facts is not None and reader.snapshot is not None
    # an .xml that is not a feed (no feed kind) is read as text
    assert reader_of(replace(text_doc, path="other.xml")).facts is None


def test_a_feed_is_read_again_every_build():
    assert reread_every_build(Path("councillors.xml"))
    assert not reread_every_build(Path("minutes.txt"))
    assert not reread_every_build(Path("budget.xlsx"))
