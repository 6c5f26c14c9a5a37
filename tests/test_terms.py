"""How long a term ran (`extract/terms.py`, read by the holders' rules): an annual civic office closed at the
annual meeting, a stated length, a municipal year, a range of days, the predecessor a next sentence names.
Each test states the post, start and end a reader takes from the words; the document is dated 2024-07-30."""

from __future__ import annotations

import pytest

from extract.records import PartialDate
from extract.terms import Term, term_dates
from tests.conftest import facts_of


def _posts(text: str, title: str = "Council meeting") -> set[tuple[str, str, str | None, str | None]]:
    return {
        (f.person, f.post, f.start and f.start.iso, f.end and f.end.iso)
        for f in facts_of(text, "holds_post", title=title)
    }


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (  # the retiring holder of an annual office: ends at this meeting, began a municipal year before
            "The retiring Mayor, Councillor Priya Nandra, vacated the Chair.",
            ("Priya Nandra", "Mayor", "2023-07", "2024-07-30"),
        ),
        (  # a second honorific and initials: the name is read whole, the preceding year is the term
            "That the Council's appreciation be recorded of the manner in which the Mayor, Councillor Mrs K L Oduya,"
            " had performed her duties during the preceding year.",
            ("K L Oduya", "Mayor", "2023-07", "2024-07-30"),
        ),
        (
            "The Lord Mayor, Councillor Idris Fenn, reported on his year in office.",
            ("Idris Fenn", "Lord Mayor", "2023-07", "2024-07-30"),
        ),
        (  # a stated length dates the start back from a stated departure
            "Councillor Amara Osei has stepped down as mayor after two years.",
            ("Amara Osei", "Mayor", "2022-07", "2024-07-30"),
        ),
        (  # an election for a named municipal year
            "That Councillor Mrs Delia Frost be elected Mayor for the Municipal Year 2004/2005.",
            ("Delia Frost", "Mayor", "2004", "2005"),
        ),
        (  # a relative clause that ends a post and says how long it ran
            "Ms Hana Ruiz, who was the chief executive for Oldbury Council for eight years before stepping down in"
            " April 2019, joins next month.",
            ("Hana Ruiz", "Chief executive", "2011-04", "2019-04"),
        ),
        (  # a range of days in one month starts on its first day
            "Rosa Quinn has been appointed to the role of Chief Executive (Designate) for the period 1 to 30 June 2014.",
            ("Rosa Quinn", "Chief Executive", "2014-06-01", "2014-06-30"),
        ),
        (  # the next sentence goes on about the one elected and names the one replaced
            "Wexbury District Council has unanimously elected Owen Hale as its new chief executive.\n"
            "The former deputy has immediately taken over from Ada Price, who retired last week.",
            ("Ada Price", "Chief executive", None, "2024-07-30"),
        ),
    ],
)
def test_the_term_the_words_give(text, held):
    assert held in _posts(text)


@pytest.mark.parametrize(
    "text",
    [
        # a sitting mayor at any meeting: no term closes
        "The Mayor, Councillor Priya Nandra, welcomed everyone to the meeting.",
        # the words about a term are someone else's, inside a quote
        "Council leader Imran Shah said: \u201cWe thank Richard for his hard work in his time as managing director.\u201d",
        # a club is no holder, whatever follows it
        "Through the mayor\u2019s fund, supported by the Rivermouth Lions Club, \u00a3700 was given out during his time"
        " as mayor.",
    ],
)
def test_no_term_from_these(text):
    assert not [h for h in _posts(text) if h[2] or h[3]]


def test_he_replaced_after_two_posts_names_no_predecessor():
    """ "X became cabinet member in 2019 and was later elected leader. He replaced Y": which post Y held is not
    said, so Y is no holder of the first."""
    text = (
        "Cllr Ffion Garside became cabinet member for regulatory and housing in 2019 and was later elected leader.\n"
        "He replaced Sam Rowe, who is now a Member of the Senedd."
    )
    # (his seat in the Senedd, which the relative clause says, is read)
    assert [h[1] for h in _posts(text) if h[0] == "Sam Rowe"] == ["Member of the Senedd"]


def test_the_top_job_is_the_post_the_page_is_about():
    held = _posts(
        "Ines Kovacs has stepped up from her role as assistant director to fill the top job vacated by Paul Drane"
        " last month.",
        title="News: new director of children's services appointed at Wexshire County Council",
    )
    assert ("Paul Drane", "Director of Children's Services", None, "2024-06") in held
    assert ("Ines Kovacs", "Director of Children's Services", None, None) in held


def test_a_candidate_for_a_vacated_post_does_not_hold_it():
    held = _posts(
        "Ruth Amos was picked from a shortlist of four vying to take the post vacated by Owen Baird in April.",
        title="News: Ruth Amos chosen as the borough's next chief executive",
    )
    assert ("Owen Baird", "Chief Executive", None, "2024-04") in held
    assert not [h for h in held if h[0] == "Ruth Amos"]


@pytest.mark.parametrize(
    ("sentence", "post", "began", "ended", "expect"),
    [
        (
            "marking the end of a period as mayor spanning 19 months",
            "Mayor",
            None,
            None,
            ("2022-12", "2024-07-30"),
        ),
        (
            "after six-and-a-half years in the post",
            "Chief Executive",
            None,
            "2024-07",
            ("2018-01", "2024-07"),
        ),
        (
            "be elected Mayor for the ensuing municipal year",
            "Mayor",
            "2024-05-14",
            None,
            ("2024-05-14", "2025-05"),
        ),
        ("left in 2020 after three years", "Chief Executive", None, "2020", ("2017", "2020")),
        ("the Chief Executive welcomed the Mayor", "Chief Executive", None, None, (None, None)),
    ],
)
def test_term_dates(sentence, post, began, ended, expect):
    term = Term(sentence, 0, post, began and PartialDate(iso=began), ended and PartialDate(iso=ended))
    got = term_dates(term, PartialDate(iso="2024-07-30"))
    assert tuple(d and d.iso for d in got) == expect
