"""Bad input: every unreadable file is one problem line `path: reason [code]`, the rest of
the corpus still builds, and the exit status says something failed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.run.corpus import build_corpus

GOOD = (
    "Minutes of the meeting of Cabinet held at Plough Lane on Tuesday 30 July 2024\n\n"
    "Present: Councillor Toni Fagan (chairperson)\n"
)

# a one-page PDF with no text layer (an empty page), as a scanner would produce
_EMPTY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)


def _make(folder: Path, name: str, data: bytes) -> Path:
    p = folder / name
    p.write_bytes(data)
    return p


BAD_CASES = [
    ("empty.txt", b"", "E005"),
    ("blank.txt", b"   \n\n  ", "E005"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "E009"),
    ("scan.pdf", _EMPTY_PDF, "E008"),
    ("truncated.pdf", _EMPTY_PDF[:60], "E007"),
    ("fake.pdf", b"this is not a pdf at all", "E006"),
    ("notes.docx", b"PK\x03\x04 some zip", "E002"),
]


@pytest.mark.parametrize(("name", "data", "code"), BAD_CASES)
def test_each_bad_file_is_one_problem_and_the_rest_builds(tmp_path, name, data, code):
    corpus = tmp_path / "in"
    corpus.mkdir()
    _make(corpus, "good.txt", GOOD.encode())
    _make(corpus, name, data)
    report = build_corpus([corpus], tmp_path / "out", use_model=False, store=False)
    mine = [p for p in report.problems if p.doc_id.endswith(name)]
    assert [p.code for p in mine] == [code]
    assert mine[0].line().startswith(str(corpus / name) + ": ")
    assert (tmp_path / "out" / "facts" / "good.txt.jsonl").exists()
    lines = (tmp_path / "out" / "problems.jsonl").read_text().splitlines()
    assert any(json.loads(line)["code"] == code for line in lines)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    _make(corpus, "good.txt", GOOD.encode())
    with (corpus / "huge.txt").open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)
    report = build_corpus([corpus], tmp_path / "out", use_model=False, store=False)
    assert [p.code for p in report.problems if p.doc_id.endswith("huge.txt")] == ["E003"]


def test_broken_link_and_missing_path_are_reported(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    _make(corpus, "good.txt", GOOD.encode())
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    report = build_corpus([corpus, tmp_path / "missing"], tmp_path / "out", use_model=False, store=False)
    codes = {Path(p.doc_id).name: p.code for p in report.problems}
    assert codes["gone.txt"] == "E004"
    assert codes["missing"] == "E001"


def test_cp1252_text_is_read_and_noted(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = (
        GOOD.replace("Plough Lane", "Plough Lane \u2013 Children\u2019s")
        + "Apologies: Councillor Ren\u00e9e Smith\n"
    )
    _make(corpus, "cp.txt", text.encode("cp1252"))
    report = build_corpus([corpus], tmp_path / "out", use_model=False, store=False)
    assert [p.code for p in report.problems] == ["W010"]
    facts = (tmp_path / "out" / "facts" / "cp.txt.jsonl").read_text(encoding="utf-8")
    assert "Ren\u00e9e Smith" in facts


def test_mojibake_is_repaired(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = GOOD + "Apologies: Councillor Ren\u00e9e Smith (Children\u2019s champion)\n"
    mangled = text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    _make(corpus, "moji.txt", mangled)
    report = build_corpus([corpus], tmp_path / "out", use_model=False, store=False)
    assert [p.code for p in report.problems] == ["W010"]
    assert "mojibake" in report.problems[0].message
    facts = (tmp_path / "out" / "facts" / "moji.txt.jsonl").read_text(encoding="utf-8")
    assert "Ren\u00e9e Smith" in facts


def test_cli_exit_status_says_whether_anything_failed(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    _make(corpus, "good.txt", GOOD.encode())
    cli = [
        sys.executable,
        "-m",
        "graph.cli",
        "build",
        str(corpus),
        "--out",
        str(tmp_path / "o1"),
        "--no-model",
    ]
    ok = subprocess.run(cli, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    _make(corpus, "empty.txt", b"")
    cli[cli.index("--out") + 1] = str(tmp_path / "o2")
    bad = subprocess.run(cli, capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert f"{corpus / 'empty.txt'}: empty file [E005]" in bad.stderr
    assert (tmp_path / "o2" / "graph.ttl").is_file()  # the rest was built, where --out said


def test_no_temporary_files_are_left_in_the_output(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    _make(corpus, "good.txt", GOOD.encode())
    build_corpus([corpus], tmp_path / "out", use_model=False)
    leftovers = [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp") or ".tmp" in p.name]
    assert leftovers == []
