"""A person mention's source is a typed field resolution reads, not a rule string it matches; facts
files do not hold it (their bytes stay as they were), so a fact read back takes it from its rule."""

from __future__ import annotations

import pytest

from extract.records import Evidence, MentionSource, PersonFact, fact_from_json


def _fact(rule: str, source: MentionSource | None = None) -> PersonFact:
    ev = Evidence(doc_id="a", start=0, end=10, text="Toni Fagan", rule=rule)
    return PersonFact(name="Toni Fagan", evidence=ev, source=source)


@pytest.mark.parametrize(
    ("rule", "source"),
    [
        ("person.honorific", MentionSource.HONORIFIC),
        ("person.model", MentionSource.MODEL),
        ("person.from-action", MentionSource.CELL),
        ("person.from-decision", MentionSource.CELL),
        ("person.from-attendance", MentionSource.FACT),
        ("person.from-membership", MentionSource.FACT),
        ("person.from-holds_post", MentionSource.FACT),
        ("moderngov.members", MentionSource.OTHER),
    ],
)
def test_a_fact_read_back_takes_its_source_from_its_rule(rule, source):
    written = _fact(rule).to_json()
    assert "source" not in written
    back = fact_from_json(written)
    assert back.source is source and back == _fact(rule)


def test_a_source_given_is_kept_and_not_written():
    f = _fact("person.honorific", MentionSource.CELL)
    assert f.source is MentionSource.CELL
    assert "source" not in f.to_json()
