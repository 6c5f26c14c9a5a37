"""Dates as councils write them, day first, kept at the precision the text gives."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.dates import find_dates, parse_date
from extract.records import PartialDate
from graph.core.iris import mint, norm


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Tuesday 17 September 2024", "2024-09-17"),
        ("held on 17th July 24.", "2024-07-17"),
        ("Decision published: 23/07/2021", "2021-07-23"),
        ("Monday 20th July, 2020 9.00 am", "2020-07-20"),
        ("Friday, 27th April, 2012 3.30 pm", "2012-04-27"),
        ("by March 2015", "2015-03"),
        ("End December 2014", "2014-12"),
        ("Annual Governance Statement 2014/15", "2014"),
        ("the 21st august 2023", "2023-08-21"),
        ("2024-07-30", "2024-07-30"),
        ("2025-05", "2025-05"),
        ("2019", "2019"),
        ("May 20, 2022", "2022-05-20"),
    ],
)
def test_first_date_in_text(text, iso):
    assert parse_date(text) == PartialDate(iso)


@pytest.mark.parametrize("text", ["May we note the report", "page 12 of 30", "Item 31/99", "ref 42/13", ""])
def test_text_without_a_date_gives_none(text):
    assert parse_date(text) is None


def test_find_dates_gives_spans_that_quote_the_text():
    text = "Meetings on 7 May 2024 and 13 June 2024; next on 26/11/2024."
    found = list(find_dates(text))
    assert [d.iso for _s, _e, d in found] == ["2024-05-07", "2024-06-13", "2024-11-26"]
    assert [text[s:e] for s, e, _d in found] == ["7 May 2024", "13 June 2024", "26/11/2024"]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_written_date_reads_back(day):
    for text in (day.strftime("%A %d %B %Y"), day.strftime("%d/%m/%Y"), f"{day.day} {day:%b} {day.year}"):
        assert parse_date(text) == PartialDate(day.isoformat()), text


@given(st.text(max_size=200))
def test_partial_dates_are_always_valid_prefixes(text):
    for _s, _e, d in find_dates(text, years=True):
        assert len(d.iso) in (4, 7, 10)


@given(st.text(min_size=1, max_size=60), st.text(max_size=30))
def test_iris_are_stable_and_depend_only_on_normalised_parts(a, b):
    assert mint("person", a, b) == mint("person", a, b)
    assert mint("person", a.upper(), b) == mint("person", a.lower(), b) or norm(a.upper()) != norm(a.lower())
