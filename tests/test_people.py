"""People: one fact per distinct name in a document, from honorifics, lists and other facts."""

from __future__ import annotations

import pytest

from tests.conftest import facts_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Councillor Toni Fagan proposed and Cllr. Paul Walker seconded.", {"Toni Fagan", "Paul Walker"}),
        # a name never runs on across a line break or into the next word
        ("Chair: Councillor Felicity Norman\nGeneral scrutiny committee\n", {"Felicity Norman"}),
        (
            "Declarations were made by Cllrs Hitchiner and Powell declared an interest.",
            {"Hitchiner", "Powell"},
        ),
        ("Present: Councillors A Smith (Chair), B Jones and C Brown", {"A Smith", "B Jones", "C Brown"}),
        ("Contact: Ben Baugh, Democratic Services \n", {"Ben Baugh"}),
        # no one
        ("The Chief Executive presented the report of the Director of Children's Services.", set()),
        ("Herefordshire Council agreed the budget.", set()),
    ],
)
def test_people(text, expected):
    assert {f.name for f in facts_of(text, "person")} == expected


def test_one_person_fact_per_name_with_exact_evidence():
    text = "Councillor Toni Fagan opened. Councillor Toni Fagan closed. Councillor Fagan thanked all."
    facts = facts_of(text, "person")
    names = [f.name for f in facts]
    assert len(names) == len(set(names))
    for f in facts:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text


def test_a_surname_typed_in_lower_case_is_read_when_the_text_confirms_it():
    text = "On the 21st august 2023 Mr Paul walker CEO responded.\n\nMr Walker responds that the system is in place.\n"
    names = {f.name for f in facts_of(text, "person")}
    assert "Paul Walker" in names and "Paul" not in names


def test_a_lower_case_word_after_a_first_name_is_not_a_surname_by_itself():
    names = {f.name for f in facts_of("Mr Paul said the report was late.\n", "person")}
    assert "Paul Said" not in names


def test_a_bare_surname_is_the_one_fuller_name_of_the_document():
    text = "Present: Councillors R Delaney and P Szymanski\n\nCouncillor Delaney declared an interest.\n"
    assert {f.name for f in facts_of(text, "person")} == {"R Delaney", "P Szymanski"}


def test_clergy_and_civic_honorifics_are_dropped():
    text = (
        "Minutes of the meeting of the Combined Authority Board held at Arden House on 8 July 2016\n\n"
        "In the Chair: Mayor Jo Prentice\nCo-opted Members: Father Michael Doyle (Diocese representative)\n"
    )
    assert {f.name for f in facts_of(text, "person")} == {"Jo Prentice", "Michael Doyle"}


# --- the model is fed only paragraphs that can hold a name of two words ----------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jane Smith",
        "Apologies from Councillor J. Smith.",
        "Maria de Souza spoke",
        "Smith, John (Chair)",
        "Ms O'Neill-Hughes attended",
    ],
)
def test_a_paragraph_with_two_capitalised_words_close_together_goes_to_the_model(paragraph):
    from extract.nlp import _TWO_CAPITALISED

    assert _TWO_CAPITALISED.search(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The committee noted the report.",
        "RESOLVED",
        "Item 5",
        "",
        "Members asked about the budget and the timetable for it.",
    ],
)
def test_a_paragraph_that_cannot_hold_a_two_word_name_does_not(paragraph):
    from extract.nlp import _TWO_CAPITALISED

    assert not _TWO_CAPITALISED.search(paragraph)


def test_the_paragraphs_left_out_lose_no_name_the_model_finds(monkeypatch):
    """Real minutes and reports, fed to the model whole (every paragraph with a capital) and
    with the paragraphs that cannot hold a two-word name left out: the same people."""
    import re
    from pathlib import Path

    import extract.nlp
    from extract.mentions import find_model_people

    docs = sorted((Path(__file__).resolve().parent.parent / "corpus" / "dev" / "docs").glob("*.txt"))[:6]
    texts = [p.read_text(encoding="utf-8") for p in docs]
    left_out = [find_model_people(t) for t in texts]
    monkeypatch.setattr(extract.nlp, "_TWO_CAPITALISED", re.compile(r"[A-Z]"))
    fed_whole = [find_model_people(t) for t in texts]
    assert left_out == fed_whole
    assert sum(len(p) for p in fed_whole) > 20  # the documents do name people


def test_the_model_is_loaded_once_however_it_is_asked_for():
    """A worker loads the model as `load()` before its first document and the extraction asks
    `load(None)`: one model, not a second load (and a second copy in memory) per worker."""
    from extract.nlp import DEFAULT_MODEL, load

    assert load() is load(None) is load(DEFAULT_MODEL)
