"""Turnover at a glance (`turnover.html`): the numbers counted from a board, the charts drawn from
them with their tables, and the page linked from the landing page, offline and script-free."""

from __future__ import annotations

from html.parser import HTMLParser

from graph.pages.board import Bar, Board
from graph.pages.charts import across_figures, council_figures, draw_hbars, draw_heatmap
from graph.pages.site import render_html
from graph.pages.turnover import council_turnover, turnover_charts
from tests.html_graphs import HOSTILE, hostile_graph


def _bar(person: str, lo: float, hi: float, *, open_end: bool = False, interim: bool = False) -> Bar:
    return (person, None, "Chief Executive", lo, hi, open_end, interim, True, "")


def _board() -> Board:
    """A Chief Executive (A 2015 to mid-2018, B interim to 2019, six months with nobody, then C with
    no end known) and a Leader (D 2016-2020); a committee chair, which turnover leaves out."""
    chief = (
        _bar("A", 2015.0, 2018.5),
        _bar("B", 2018.5, 2019.0, interim=True),
        _bar("C", 2019.5, 2021.0, open_end=True),
    )
    leader = (_bar("D", 2016.0, 2020.0),)
    chair = (_bar("E", 2015.0, 2016.0), _bar("F", 2016.0, 2017.0))
    sections = (
        ("Key roles", (("Chief Executive", None, chief), ("Leader", None, leader))),
        ("Committees and their chairs", (("Audit", None, chair),)),
    )
    return Board("Shire Council", None, "c-shire-council-abc123", "abc123", (2015, 2022), sections, ())


def test_holders_interims_vacancies_and_changes_per_year():
    t = council_turnover(_board())
    assert t is not None and t.anchor == "t-shire-council-abc123"
    assert t.years == (2015, 2016, 2017, 2018, 2019, 2020)
    assert dict(t.roles) == {"Chief Executive": (1, 1, 1, 2, 1, 1), "Leader": (0, 1, 1, 1, 1, 0)}
    by = {y.year: y for y in t.by_year}
    assert (by[2018].holders, by[2018].interim, by[2018].changes, by[2018].roles) == (3, 1, 1, 2)
    assert by[2018].interim_share == 1 / 3 and by[2018].turnover_rate == 0.5
    assert [y.vacancy_months for y in t.by_year] == [0, 0, 0, 0, 6, 0]  # January to June 2019
    assert by[2015].changes == 0  # the first holder the papers name is no change
    total = t.total()
    assert (total.year, total.changes, total.vacancy_months) == (6, 2, 6)


def test_a_board_with_only_committee_chairs_has_no_turnover():
    b = _board()
    only_chairs = Board(b.council, None, b.anchor, b.ref, b.axis, b.sections[1:], ())
    assert council_turnover(only_chairs) is None
    assert turnover_charts((only_chairs, b)) == (council_turnover(b),)


def test_each_chart_has_the_numbers_it_draws_beside_it():
    t = council_turnover(_board())
    assert t is not None
    heat, interim, vacancy, rate = council_figures(t)
    assert heat.head == ("role", "2015", "2016", "2017", "2018", "2019", "2020")
    assert heat.rows[0] == ("Chief Executive", "1", "1", "1", "2", "1", "1")
    assert heat.svg.count("<rect") == 12 and ">2</text>" in heat.svg
    assert ("2018", "3", "1", "33%") in interim.rows
    assert ("2019", "2", "6") in vacancy.rows
    assert ("2018", "2", "1", "0.50") in rate.rows
    for f in (interim, vacancy, rate):
        assert f.svg.count("<rect") == len(f.rows) == 6
    (across, *_rest) = across_figures((t,))
    assert across.rows == (("Shire Council", "11", "1", "9%"),)


def test_bars_scale_to_the_largest_value_and_escape_their_text():
    svg = draw_hbars((("<b>x</b>", 2.0, "2"), ("y", 1.0, "1")))
    widths = [float(w.split('"')[1]) for w in svg.split("width=")[2:] if w.startswith('"')]
    assert "<b>" not in svg and "&lt;b&gt;x&lt;/b&gt;" in svg
    assert widths[0] == 2 * widths[1]
    heat = draw_heatmap((2020,), ((HOSTILE[0], (1,)),))
    assert "<script>" not in heat and "&lt;script&gt;" in heat


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_the_turnover_page_is_linked_from_the_board_and_needs_no_script(tmp_path):
    from tests.test_html import _chief_executive_graph

    index = render_html(tmp_path, _chief_executive_graph())
    assert 'href="turnover.html#t-shire-council-' in index.read_text(encoding="utf-8")
    text = (index.parent / "turnover.html").read_text(encoding="utf-8")
    assert "Holders per role per year" in text and "Across councils (1)" in text
    parser = _Tags()
    parser.feed(text)
    assert "script" not in parser.tags and parser.tags.count("svg") == parser.tags.count("table") == 7
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in text


def test_a_graph_with_no_council_post_says_so(tmp_path):
    g = hostile_graph()
    g.remove((None, None, None))
    index = render_html(tmp_path, g)
    assert "name no key role or cabinet post" in (index.parent / "turnover.html").read_text(encoding="utf-8")
