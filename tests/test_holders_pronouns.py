"""Post holders named by a pronoun, in a report's lead, or in officer lists a PDF flattened (issue 21, sixth
round): sentence -> the posts read, and sentences that must give none. Every sentence is written here, shaped
like the pages of the pool, never copied from them."""

from __future__ import annotations

import pytest

from extract.names import clean_name
from extract.vocab.posts import is_post
from tests.conftest import facts_of


def _posts(text: str, title: str = "News") -> set[tuple[str, str, str | None, str | None, str | None]]:
    return {
        (f.person, f.post, f.org, f.start and f.start.iso, f.end and f.end.iso)
        for f in facts_of(text, "holds_post", title=title)
    }


def test_a_tribute_gives_the_posts_its_pronouns_hold_with_their_years():
    text = (
        "Alan Pryce was a councillor for the Lowgate ward from 1990 until 2010.\n"
        "During this time, he was Mayor from 2001-2002 and was also Deputy Mayor from 1998 \u2013 1999.\n"
        "Jean Ashdown was elected in 2004 and served until 2016. She was made an Honorary Alderwoman in 2019.\n"
    )
    got = {(p, post, s, e) for p, post, _o, s, e in _posts(text, "Council minutes")}
    assert ("Alan Pryce", "Mayor", "2001", "2002") in got
    assert ("Alan Pryce", "Deputy Mayor", "1998", "1999") in got
    assert ("Jean Ashdown", "Honorary Alderwoman", "2019", None) in got


def test_a_career_paragraph_gives_the_subjects_posts_at_other_councils():
    text = (
        "Dunmore Council has appointed Tobias Wren as its new chief executive.\n"
        "Mr Wren starts in May. Council leader Ann Bell said Mr Wren was the best candidate.\n"
        "He is currently director of place at Eastmoor District Council, a post he has held since 2019.\n"
    )
    assert ("Tobias Wren", "Director of place", "Eastmoor District Council", None, None) in _posts(text)


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun is in a quotation: the speaker's to resolve
        "Mr Wren starts in May. Mr Wren is pleased.\nMs Bell said: \u201cHe was head of planning at Eastmoor "
        "District Council.\u201d\n",
        # the report is about a man; "she" is someone else
        "Mr Wren starts in May. Mr Wren is pleased.\nShe was head of planning at Eastmoor District Council.\n",
        # no one named before the pronoun
        "He was head of planning at Eastmoor District Council.\n",
        # a verb before the title, and a plural honorific that names two
        "Nominations were received for Councillors Hale and Ross.\nCouncillor Hale's name was drawn and as a "
        "consequence, he was appointed as Head of Planning pro tem.\n",
    ],
)
def test_no_post_for_a_pronoun_that_stands_for_no_one_named(text):
    assert not [p for p in _posts(text) if p[1].lower().startswith("head of planning")]


def test_a_lead_that_names_a_post_gives_it_to_the_one_the_next_sentence_names():
    text = (
        "The chief executive of Kelby Council has announced he will retire next spring.\n"
        "Alasdair Crane this week confirmed his plans to councillors.\n"
    )
    assert ("Alasdair Crane", "Chief executive", "Kelby Council", None, None) in _posts(text)


def test_a_lead_that_names_someone_gives_the_next_sentence_nothing():
    text = (
        "Council leader Ann Bell said the new chief executive of Kelby Council would start in May.\n"
        "Alasdair Crane has been a councillor since 2012.\n"
    )
    assert not [p for p in _posts(text) if p[0] == "Alasdair Crane"]


def test_a_flattened_officer_list_splits_at_each_honorific():
    text = (
        "Officers in Attendance: Dr Quigley, Planning Manager Ms Tennant, Director of Leisure Mr Rafferty "
        "Head of Democratic Services Mrs Doak, Member Support Officer The meeting began at 7pm.\n"
    )
    got = {(p, post) for p, post, *_ in _posts(text, "Council minutes")}
    assert {
        ("Quigley", "Planning Manager"),
        ("Tennant", "Director of Leisure"),
        ("Rafferty", "Head of Democratic Services"),
        ("Doak", "Member Support Officer"),
    } <= got
    assert not [p for p in got if "Mr" in p[1] or "meeting" in p[1] or " " in p[0] and "Leisure" in p[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contact: Ruth Iles, Head of Finance as of 1 April 2023, Tel 01234 567890\n", "Head of Finance"),
        (
            "Attending: Colm Ward, Returning Officer for the Eastmoor Council area, and Jo Hale, Clerk.\n",
            None,
        ),
        ("That Councillor Edwina Marsh be elected Mayor of this Borough.\n", "Mayor"),
    ],
)
def test_when_and_where_are_no_part_of_a_title(text, expected):
    posts = {post for _p, post, *_ in _posts(text, "Council minutes")}
    assert not [p for p in posts if " as of " in p or " area" in p or "this Borough" in p]
    if expected:
        assert expected in posts


@pytest.mark.parametrize(
    "text",
    [
        # a party's seats in a list by group, under a list of cabinet posts
        "The Cabinet was confirmed as follows:\n  \u2022 Cabinet Member for Housing \u2013 Councillor Ivy Lane\n"
        "Groups and group leaders were confirmed as follows:\n  \u2022 Labour (21) - Councillor Omar Reece\n",
        # a list of names is no name and a title
        "Apologies were received from Mark Hale, Helen Orme, Alderman Neil Pike and Deputy Rona Vale.\n",
        # a party between the name and the verb is no name
        "Councillor Sean Doyle of Sinn Fein has been confirmed as the new Mayor of the borough.\n",
        # a title a line break cut short
        "The meeting noted Councillor Lowri Bevan had been appointed as leader of\n\nthe group.\n",
        # a place after "of" and "and" is no name
        "Newly elected Mayor of Ards and North Down, Councillor Rhys Tate (centre) with guests.\n",
    ],
)
def test_no_wrong_post_from_these(text):
    got = _posts(text, "Council minutes")
    assert not [p for p in got if "(" in p[1] or "Alderman " in p[1] or p[0] in {"Sinn Fein", "North Down"}]
    assert not [p for p in got if p[1].endswith(" of") or p[1].startswith("Cabinet Member for Labour")]


def test_letters_after_a_name_are_no_part_of_it():
    assert clean_name("Councillor Ross Lumley MSP") == "Ross Lumley"
    assert clean_name("Jane Orr OBE") == "Jane Orr"
    assert clean_name("Ms Smith") == "Smith"


@pytest.mark.parametrize(
    ("title", "post"),
    [
        ("Officers in Attendance", False),
        ("Labour (26)", False),
        ("Vice Chair and Carron Tobin, Development Manager", False),
        ("Deputy Chief Executive", True),
        ("Honorary Alderwoman", True),
        ("Head of Legal and Democratic Services", True),
    ],
)
def test_what_reads_as_a_post(title, post):
    assert is_post(title) is post
