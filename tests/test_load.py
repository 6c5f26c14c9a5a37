"""Loading: saved council web pages and PDFs become text a reader would see."""

from __future__ import annotations

from pathlib import Path

from extract.load import html_to_text, load_document
from graph.run.corpus import build_corpus

PAGE = """<html><head><title>Cabinet</title><script>var tracking = "Councillor Fake Person";</script>
<style>p { color: red }</style></head><body>
<nav><a href="/">Home</a> | <a href="/meetings">Meetings</a></nav>
<div id="content"><h1>Minutes of the meeting of Cabinet held at Shire Hall on Tuesday 30 July 2024</h1>
<p>Present: Councillor Ann Green (Chair) and Councillor Bob White</p>
<table><tr><th>Action</th><th>Owner</th><th>Timescale</th></tr>
<tr><td>Review the <b>housing</b> allocations policy</td><td>Ann Green</td><td>March 2025</td></tr></table>
</div><footer>Contact us | Cookies</footer></body></html>"""


def test_a_saved_page_keeps_its_text_and_table_rows_and_drops_scripts_and_navigation():
    text = html_to_text(PAGE)
    assert "Present: Councillor Ann Green (Chair) and Councillor Bob White" in text
    assert "Review the housing allocations policy\tAnn Green\tMarch 2025" in text
    for dropped in ("tracking", "color: red", "Home | Meetings", "Cookies"):
        assert dropped not in text


def test_a_saved_page_builds_into_facts(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cabinet.html").write_text(PAGE, encoding="utf-8")
    report = build_corpus([tmp_path / "in"], tmp_path / "out", use_model=False, store=False)
    assert report.problems == []
    facts = (tmp_path / "out" / "facts" / "cabinet.html.jsonl").read_text(encoding="utf-8")
    assert '"person": "Ann Green"' in facts and "Fake Person" not in facts


def _pdf_with_text(lines: list[str]) -> bytes:
    """A minimal one-page PDF whose text layer holds `lines` (Helvetica, one line each)."""
    body = "BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
    objs = [
        "<</Type/Catalog/Pages 2 0 R>>",
        "<</Type/Pages/Kids[3 0 R]/Count 1>>",
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        f"<</Length {len(body)}>>stream\n{body}\nendstream",
        "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer<</Size {len(objs) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_a_pdf_text_layer_is_read(tmp_path):
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(
        _pdf_with_text(
            [
                "Minutes of the meeting of Cabinet held on 30 July 2024",
                "Apologies for absence were received from Councillor Bob White.",
            ]
        )
    )
    doc, problems = load_document(pdf)
    assert problems == [] and doc is not None
    assert "Apologies for absence were received from Councillor Bob White." in doc.text


def test_manifest_one_folder_up_gives_council_date_and_url(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Present: Councillor Ann Green\n", encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text(
        "file\tcouncil\tdate\turl\ttitle\textra\n"
        "a.txt\tShireton Council\t2023-05\thttps://example.org/a\tCabinet\tx\n",
        encoding="utf-8",
    )
    build_corpus([tmp_path / "docs"], tmp_path / "out", use_model=False, store=False)
    header = (tmp_path / "out" / "facts" / "a.txt.jsonl").read_text(encoding="utf-8").splitlines()[0]
    for expected in ('"council": "Shireton Council"', '"date": "2023-05"', '"url": "https://example.org/a"'):
        assert expected in header
