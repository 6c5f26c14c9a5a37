"""Every problem code the build can report, with what it means and what to do about it (spaCy's
`errors.py` is the model). A problem names a file and a reason while the rest of the build goes on;
this table is where a user (or `councilgraph explain CODE`) finds the fix. `tests/test_docs.py` fails
when a code written anywhere in `extract/` or `graph/` is missing here or from the README."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # the document (or the build) produced nothing for this reason
    WARNING = "warning"  # something was kept apart, repaired or left out; the rest stands


@dataclass(frozen=True, slots=True)
class ProblemCode:
    code: str
    severity: Severity
    means: str
    remedy: str


def _table(*rows: tuple[str, str, str]) -> dict[str, ProblemCode]:
    return {
        code: ProblemCode(code, Severity.ERROR if code.startswith("E") else Severity.WARNING, means, remedy)
        for code, means, remedy in rows
    }


PROBLEMS: dict[str, ProblemCode] = _table(
    ("E001", "no such path", "check the path given to `build`"),
    (
        "E002",
        "a file kind the readers do not know",
        "convert it to .txt, .html, .pdf or a ModernGov .xml feed",
    ),
    ("E003", "a file over the size limit", "raise COUNCILGRAPH_MAX_BYTES, or split the file"),
    ("E004", "the file could not be read", "check its permissions and that it is a regular file"),
    ("E005", "the file is empty", "fetch the document again"),
    ("E006", "a .pdf that is not a PDF", "fetch the document again; the server may have sent an error page"),
    ("E007", "the PDF could not be parsed", "open it in a PDF reader; re-save or re-fetch it"),
    ("E008", "a PDF with no text layer (a scan)", "run OCR on it (e.g. ocrmypdf) and build the result"),
    ("E009", "a binary file under a text suffix", "fetch the document again, or give it its real suffix"),
    ("W010", "the encoding was repaired (cp1252 or mojibake)", "none needed; check names with accents"),
    ("W011", "a line over 5,000 characters was cut into lines", "none needed; the file is broken or hostile"),
    (
        "W013",
        "a manifest.tsv was read only in part",
        "save it as UTF-8 TSV; the rows before the fault are used",
    ),
    (
        "E020",
        "a .xml file whose root is not a ModernGov feed",
        "give only ModernGov councillor feeds as .xml",
    ),
    ("E021", "a feed with a DTD or entities (refused)", "fetch the feed again from the council's site"),
    ("E022", "a feed that cannot be parsed", "fetch the feed again; it may be cut short"),
    ("E023", "a feed that lists no councillors", "fetch the feed again with the council's ward list"),
    (
        "E100",
        "the spaCy model is not installed",
        "run `make install`, or set COUNCILGRAPH_MODEL to one installed",
    ),
    ("E200", "an extraction module failed on the document", "report it with the document; the rest is kept"),
    (
        "E210",
        "a feed with no snapshot date or council",
        "add the feed to manifest.tsv with its council and date",
    ),
    (
        "W212",
        "the manifest and the options disagree about a feed",
        "make --council / --as-of match the manifest",
    ),
    ("W300", "an ambiguous name was kept apart", "none needed; add the full name to the papers' manifest"),
    ("W301", "a role-only statement with no single holder", "none needed; it is not attached to anyone"),
    ("W302", "a role-only mention that two holders fit", "none needed; it is not attached to anyone"),
    ("W303", "a role-only mention no known holder fits", "none needed; build papers naming the holder"),
    ("E400", "another build is writing into the folder", "wait for it, or use `build --wait`"),
    ("E401", "an unknown executor", "use --executor local or dask"),
    ("E402", "--executor dask without Dask installed", "pip install 'councilgraph[dask]'"),
    ("E403", "graph.ttl, graph.nt or the store could not be written", "free disk space or fix permissions"),
    ("E500", "extraction failed", "report it with the document; the rest is kept"),
    ("E501", "a document over the per-document time limit", "raise COUNCILGRAPH_DOC_TIMEOUT, or split it"),
    ("E502", "the extraction worker died (e.g. over its memory)", "raise COUNCILGRAPH_WORKER_MEMORY_MB"),
    ("W900", "the HTML pages could not be rendered", "the graph stands; report the message"),
)


def explain(code: str) -> ProblemCode | None:
    """The table's row for CODE ("e003" and "E003" alike), or None."""
    return PROBLEMS.get(code.strip().upper())
