"""Person names as a careful reader writes them down."""

from __future__ import annotations

import pytest

from extract.names import clean_name, fold_surnames, name_key, strip_honorific


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Councillor Toni Fagan", "Toni Fagan"),
        ("Mr. Paul walker", "Paul Walker"),
        ("MR JOHN SMITH", "John Smith"),
        ("Fagan's", "Fagan"),
        ("Cllr A Burton", "A Burton"),  # an initial is a name token, even "A"
        ("J. R. Hartley", "J. R. Hartley"),
        ("Dr Somen Banerjee", "Somen Banerjee"),
        ("Sarah-Jane O'Neill", "Sarah-Jane O'Neill"),
        # not names: posts, bodies, headings, a lone initial
        ("Corporate Director", None),
        ("Children and Young People Scrutiny Committee", None),
        ("Business Partner", None),
        ("Major Projects", None),
        ("A", None),
        ("The Board", None),
        # a cleric's style, and a surname that is also a word once a title and initials come before it
        ("the Reverend Mark Ellery", "Mark Ellery"),
        ("Reverend and Councillor Ann Pryce", "Ann Pryce"),
        ("Deacon Tomos Hale", "Tomos Hale"),
        ("The Reverend", None),
        ("Councillor G Court", "G Court"),
        ("Court", None),
        ("Mr J Board", None),
    ],
)
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


def test_strip_honorific_keeps_it():
    assert strip_honorific("Councillor Toni Fagan") == ("Councillor", "Toni Fagan")


def test_name_key_folds_case_and_honorific():
    assert name_key("Cllr. Toni FAGAN") == name_key("toni fagan")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # honorifics of clergy, civic heads and peers
        ("Father Michael Doyle", "Michael Doyle"),
        ("Revd Canon Jane Ames", "Jane Ames"),
        ("Mayor Jo Prentice", "Jo Prentice"),
        ("Deputy Mayor Alan Pike", "Alan Pike"),
        ("Mayor of Westbury", None),
    ],
)
def test_clean_name_other_honorifics(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("names", "folded"),
    [
        ({"R Delaney", "Delaney", "P Szymanski"}, {"Delaney": "R Delaney"}),
        ({"Ann Smith", "Bob Smith", "Smith"}, {}),  # two Smiths: the bare surname stays as written
        ({"High", "Rostron"}, {}),  # nothing fuller to fold into
    ],
)
def test_fold_surnames(names, folded):
    assert fold_surnames(names) == folded
