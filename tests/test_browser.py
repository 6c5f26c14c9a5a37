"""The main page in a real browser: Playwright (Python) driving Debian's Chromium headless.

`make test` installs Chromium first (`make browser`); where none can be installed these
tests skip, saying so."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from graph.pages.chromium import MISSING, chromium_path, launch
from graph.run.corpus import build_corpus
from tests.html_graphs import HOSTILE_DOCUMENT

ROOT = Path(__file__).resolve().parent.parent
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: run .venv/bin/pip install -e '.[test]'"
)
CHROMIUM = chromium_path()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=MISSING + " to run the browser tests")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seeds_html(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_html")
    build_corpus([ROOT / "corpus" / "herefordshire"], out, use_model=False, store=False)
    return out / "html" / "index.html"


DEV2 = ROOT.parent / "shared" / "corpus" / "dev2" / "docs"


@pytest.fixture(scope="module")
def seeds_dev2_html(tmp_path_factory) -> Path:
    """The bundled council with the dev2 pages of ../shared beside it (several councils)."""
    if not DEV2.is_dir():
        pytest.skip(f"{DEV2} is missing: the dev2 pages are not beside this clone")
    out = tmp_path_factory.mktemp("seeds_dev2_html")
    build_corpus([ROOT / "corpus" / "herefordshire", DEV2], out, use_model=False, store=False)
    return out / "html" / "index.html"


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("hostile_docs")
    (docs / "hostile.txt").write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile_html")
    build_corpus([docs], out, use_model=False, store=False)
    assert "onerror" in (out / "graph.nt").read_text(encoding="utf-8")  # the markup reached the graph
    return out / "html" / "index.html"


class Page:
    def __init__(self, browser, path: Path, *, ready: str | None = "body[data-ready='1']"):
        self.messages: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on(
            "console",
            lambda m: self.messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on(
            "request",
            lambda r: (
                self.messages.append(f"request: {r.url}")
                if not r.url.startswith(("file:", "data:"))
                else None
            ),
        )
        self.page.goto(path.as_uri())
        if ready:
            self.page.wait_for_selector(ready, state="attached", timeout=30000)

    def js(self, expr: str):
        return self.page.evaluate(expr)

    def close(self):
        self.page.close()


@pytest.fixture
def seeds_page(browser, seeds_html):
    p = Page(browser, seeds_html.parent / "network.html")
    yield p
    p.close()


def test_network_opens_focused_on_the_council_and_shows_all_only_when_asked(seeds_page):
    assert seeds_page.messages == []
    focused = seeds_page.js("cg.visibleIds()")
    total = seeds_page.js("cg.total")
    status = seeds_page.page.text_content("#status")
    assert 10 < len(focused) < total
    assert "Around Herefordshire Council" in status and f"of {total} nodes" in status
    seeds_page.page.click("#clear")
    whole = seeds_page.js("cg.visibleIds()")
    assert len(whole) > len(focused) and "The whole graph" in seeds_page.page.text_content("#status")
    assert seeds_page.messages == []


def test_search_centres_a_known_person(seeds_page):
    page = seeds_page.page
    page.fill("#search", "tina russell")
    page.click("#search-form button[type=submit]")
    assert page.text_content("#panel-title") == "Tina Russell"
    tina = seeds_page.js("cg.nodeId('Tina Russell')")
    assert seeds_page.js("cg.selected()") == tina
    assert tina in seeds_page.js("cg.visibleIds()")
    assert "Centred on Tina Russell" in page.text_content("#search-msg")
    page.wait_for_timeout(300)
    pos = seeds_page.js(f"cg.position({tina})")  # centred: close to the middle of the canvas
    box = page.locator("#graph").bounding_box()
    assert abs(pos["x"] - box["width"] / 2) < box["width"] / 4
    assert abs(pos["y"] - box["height"] / 2) < box["height"] / 4
    page.fill("#search", "no such person at all")
    page.click("#search-form button[type=submit]")
    assert "No person or body matches" in page.text_content("#search-msg")
    assert seeds_page.messages == []


def test_year_filter_changes_the_visible_nodes(seeds_page):
    seeds_page.js("cg.whole()")
    everything = seeds_page.js("cg.visibleIds()")
    seeds_page.page.uncheck("#undated")
    dated = seeds_page.js("cg.visibleIds()")
    seeds_page.js("cg.setYears(2014, 2016)")
    early = seeds_page.js("cg.visibleIds()")
    seeds_page.js("cg.setYears(2024, 2024)")
    late = seeds_page.js("cg.visibleIds()")
    assert len(dated) < len(everything)
    assert early and late and set(early) != set(late)
    assert set(early) <= set(dated) and set(late) <= set(dated)
    assert seeds_page.page.text_content("#y0-out") == "2024"
    assert seeds_page.messages == []


def test_clicking_a_node_shows_its_evidence_and_source(seeds_page):
    page = seeds_page.page
    tina = seeds_page.js("cg.nodeId('Tina Russell')")
    seeds_page.js(f"cg.focus({tina})")
    page.wait_for_timeout(300)
    page.locator("#panel").evaluate("p => p.replaceChildren()")
    pos = seeds_page.js(f"cg.position({tina})")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    assert page.text_content("#panel-title") == "Tina Russell"
    page.wait_for_selector("#panel[data-loaded='1']", state="attached", timeout=10000)  # its facts file read
    evidence = page.locator("#panel blockquote.evidence").all_text_contents()
    assert any("Tina Russell" in e for e in evidence)
    assert page.locator("#panel .source").count() > 0
    href = page.get_attribute("#panel-page", "href")
    assert (
        href
        and href.startswith("person/")
        and (seeds_page_path := Path(page.url[len("file://") :]).parent / href)
    )
    assert seeds_page_path.is_file()


def test_injected_markup_stays_text(browser, hostile_html):
    p = Page(browser, hostile_html.parent / "network.html")
    p.js("cg.whole()")
    try:
        page = p.page
        assert p.dialogs == [] and p.messages == []
        assert page.locator("img").count() == 0
        assert page.locator("script:not([src])").count() == 3
        shown = []
        for i in p.js("cg.visibleIds()"):
            p.js(f"cg.show({i})")  # resolves once the node's facts are on the panel
            assert page.get_attribute("#panel", "data-loaded") == "1"
            shown.append(page.text_content("#panel"))
            assert page.locator("#panel img, #panel script, #panel b").count() == 0
        assert any("<script>alert(" in t for t in shown) and any("onerror=alert(" in t for t in shown)
        # the only scripts added are the facts files, read with the page's nonce
        loaded = page.locator("script[src]").evaluate_all("ss => ss.map((s) => s.getAttribute('src'))")
        assert loaded and all(re.fullmatch(r"data/facts-\d{4}\.js", src) for src in loaded), loaded
        assert p.messages == []
        # the board, the timelines and the ego pages too
        for f in (hostile_html, hostile_html.parent / "timelines.html", hostile_html.parent / "people.html"):
            page.goto(f.as_uri())
            assert page.locator("img").count() == 0 and page.locator("script[src]").count() == 0
        for sub in ("person", "body", "post"):
            for f in sorted((hostile_html.parent / sub).glob("*.html"))[:5]:
                page.goto(f.as_uri())
                assert page.locator("img").count() == 0 and page.locator("script").count() == 0
        assert p.dialogs == []
        assert page.evaluate("window.__pwned === undefined")
    finally:
        p.close()


def test_a_missing_facts_file_is_said_on_the_panel(browser, seeds_html, tmp_path):
    copy = tmp_path / "html"
    shutil.copytree(seeds_html.parent, copy)
    shutil.rmtree(copy / "data")
    p = Page(browser, copy / "network.html")
    try:
        tina = p.js("cg.nodeId('Tina Russell')")
        p.js(f"cg.show({tina})")
        assert p.page.get_attribute("#panel", "data-loaded") == "error"
        assert "could not be read" in p.page.text_content("#panel")
        assert p.page.text_content("#panel-title") == "Tina Russell"  # the node itself is still shown
    finally:
        p.close()


def test_the_board_shows_the_chief_executive_row_and_a_bar_opens_the_holder(browser, seeds_html):
    """The landing page: the bundled council's key roles, the Chief Executive first, with its
    holders' bars; a click on Paul Walker's bar opens his page, with the sentences about him."""
    p = Page(browser, seeds_html, ready=None)
    try:
        page = p.page
        assert "Who held what at Herefordshire Council" in page.text_content("section.board h1")
        rows = page.locator("section.board svg.board").first.locator("text").all_text_contents()
        headings = [t for t in rows if t.startswith("Chief Executive")]
        assert headings and rows.index(headings[0]) < rows.index("Leader")
        bar = page.locator("svg.board a.holder", has_text="Paul Walker").first
        assert bar.is_visible()
        assert "Chief Executive" in bar.locator("title").text_content()
        bar.locator("rect.bar").click()
        page.wait_for_load_state()
        assert "/person/" in page.url
        assert page.text_content("h1").startswith("Paul Walker")
        assert "Paul Walker" in page.text_content("main")
        assert p.messages == [] and p.dialogs == []
    finally:
        p.close()


def test_the_board_opens_the_network_on_its_council(browser, seeds_html):
    p = Page(browser, seeds_html, ready=None)
    try:
        p.page.click("text=its network")
        p.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30000)
        assert p.page.url.endswith(".html#" + p.page.url.split("#", 1)[1])
        assert "Around Herefordshire Council" in p.page.text_content("#status")
        assert p.messages == []
    finally:
        p.close()


def test_timelines_filter_by_council_key_role_and_name(browser, seeds_html):
    p = Page(browser, seeds_html.parent / "timelines.html")
    try:
        page = p.page
        total = page.locator("section.timeline").count()
        first = page.locator("section.timeline h2 a").first.text_content()
        assert first.startswith("Chief Executive")  # key roles first
        page.check("#key")
        key = page.locator("section.timeline:visible").count()
        assert 0 < key < total
        page.fill("#q", "paul walker")
        visible = page.locator("section.timeline:visible h2 a").all_text_contents()
        assert visible == ["Chief Executive, Herefordshire Council"]
        assert page.text_content("#shown") == f"1 of {total} posts"
        page.uncheck("#key")
        page.fill("#q", "")
        page.fill("#y0", "2015")
        page.fill("#y1", "2016")
        early = page.locator("section.timeline:visible").count()
        assert 0 < early < total
        assert p.messages == []
    finally:
        p.close()


def test_a_person_page_leads_with_the_sentences_that_name_them(browser, seeds_html):
    person = next((seeds_html.parent / "person").glob("tina-russell-*.html"))
    p = Page(browser, person, ready=None)
    try:
        page = p.page
        assert "Director of Children's Services" in page.text_content("p.lead")
        named = page.locator("blockquote.named").all_text_contents()
        assert named and all("Russell" in t for t in named)
        details = page.locator("details.role-only")
        assert details.count() == 1 and not details.locator("blockquote").first.is_visible()
        details.locator("summary").click()
        assert details.locator("blockquote").first.is_visible()
        h2s = page.locator("h2").all_text_contents()
        assert h2s.index("Posts held (2)") < next(
            i for i, h in enumerate(h2s) if h.startswith("What the papers")
        )
        assert p.messages == []
    finally:
        p.close()


def test_the_key_roles_are_seen_without_scrolling_on_a_laptop_screen(browser, seeds_html):
    """On a 1366 x 768 window the landing page shows the Chief Executive and the children's director
    rows of the bundled council before any scroll, with no label cut by the window's edge."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto(seeds_html.as_uri())
        for heading in ("Chief Executive", "Director of Children"):
            box = page.locator("svg.board text", has_text=heading).first.bounding_box()
            assert box is not None, heading
            assert 0 <= box["y"] and box["y"] + box["height"] <= 768, (heading, box)
            assert box["x"] + box["width"] <= 1366, (heading, box)
    finally:
        page.close()


def _overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """The pairs of drawn labels whose boxes meet (touching edges do not count)."""
    return [
        (a["text"], b["text"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and a["y"] < b["y"] + b["h"]
        and b["y"] < a["y"] + a["h"]
    ]


def test_overlaps_finds_two_labels_that_meet():
    boxes = [
        {"text": "a", "x": 0, "y": 0, "w": 100, "h": 12},
        {"text": "b", "x": 90, "y": 6, "w": 50, "h": 12},
        {"text": "c", "x": 140, "y": 0, "w": 30, "h": 12},
    ]
    assert _overlaps(boxes) == [("a", "b")]


def test_no_two_labels_overlap_in_the_focus_view(browser, seeds_html):
    """The focus view, on the council it opens with and on a person, at 1366 x 768: the boxes of the
    labels the network drew (read back from the drawing, in the page's pixels) never meet, the
    focused node keeps its label and a good number of others are still named."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto((seeds_html.parent / "network.html").as_uri())
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30000)
        for name in ("Herefordshire Council", "Tina Russell"):
            if name != "Herefordshire Council":
                drawn = page.evaluate("+document.body.dataset.drawn")
                page.fill("#search", name)
                page.click("#search-form button[type=submit]")
                page.wait_for_function(f"+document.body.dataset.drawn > {drawn}", timeout=30000)
            boxes = page.evaluate("cg.labelBoxes()")
            texts = [b["text"] for b in boxes]
            assert name in texts, (name, texts)
            assert len(boxes) >= 8, (name, texts)
            assert all(b["w"] > 0 and b["h"] > 0 for b in boxes)
            assert _overlaps(boxes) == [], name
    finally:
        page.close()


def test_every_kind_of_page_opens_with_no_console_error(browser, seeds_html):
    """The board, the lists, the timelines, turnover at a glance and an ego page of each kind, at
    1366 x 768: no console error or warning, nothing fetched but files; the turnover page shows a
    chart and its table side by side in the first screen."""
    html = seeds_html.parent
    pages = [
        html / f for f in ("index.html", "people.html", "bodies.html", "timelines.html", "turnover.html")
    ]
    pages += [next((html / sub).glob("*.html")) for sub in ("person", "body", "post")]
    for path in pages:
        p = Page(browser, path, ready=None)
        try:
            assert p.messages == [] and p.dialogs == [], (path.name, p.messages)
            if path.name == "turnover.html":
                p.page.set_viewport_size({"width": 1366, "height": 768})
                chart = p.page.locator("figure.pair svg.chart").first.bounding_box()
                table = p.page.locator("figure.pair table.numbers").first.bounding_box()
                assert chart and table and chart["y"] + chart["height"] <= 768
                assert table["x"] >= chart["x"] + chart["width"] and abs(table["y"] - chart["y"]) < 40
        finally:
            p.close()


def test_a_search_on_the_landing_page_reaches_the_persons_page_in_two_clicks(browser, seeds_html):
    p = Page(browser, seeds_html, ready=None)
    try:
        page = p.page
        assert page.locator("#find-names option[value='Tina Russell']").count() == 1  # autocomplete
        page.fill("#find", "tina russell")
        page.click("form.find button")  # click 1: the network, centred on her, her facts beside it
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30000)
        assert page.text_content("#panel-title") == "Tina Russell"
        assert "Around Tina Russell" in page.text_content("#status")
        page.click("#panel-page")  # click 2: her page
        page.wait_for_load_state()
        assert "/person/tina-russell-" in page.url and page.text_content("h1").startswith("Tina Russell")
        assert p.messages == []
    finally:
        p.close()


def test_a_clicked_node_is_highlighted_and_the_one_before_is_not(seeds_page):
    council = seeds_page.js("cg.nodeId('Herefordshire Council')")
    assert seeds_page.js("cg.highlighted()") == [council]  # the focus
    tina = seeds_page.js("cg.nodeId('Tina Russell')")
    visible = seeds_page.js("cg.visibleIds()")
    other = next(i for i in visible if i not in (council, tina))
    seeds_page.js(f"cg.show({other})")
    assert seeds_page.js("cg.highlighted()") == sorted([council, other])
    if tina in visible:
        seeds_page.js(f"cg.show({tina})")
        assert seeds_page.js("cg.highlighted()") == sorted([council, tina])
    boxes = seeds_page.js("cg.labelBoxes()")
    assert _overlaps(boxes) == []  # a larger label for the selection still meets no other
    assert seeds_page.messages == []


def test_a_seeds_and_dev2_build_opens_clean_and_keeps_herefordshire_first(browser, seeds_dev2_html):
    """The issue's check on a build of several councils: every kind of page opens with no console
    error; the board opens on Herefordshire with its Chief Executive and children's director rows
    in the first screen of a 1366 x 768 window; the timelines filter to one council and one role;
    no two labels overlap in the network's focus view."""
    html = seeds_dev2_html.parent
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: messages.append(str(e)))
    try:
        page.goto(seeds_dev2_html.as_uri())
        assert "Herefordshire Council" in page.locator("section.board h1").first.text_content()
        for heading in ("Chief Executive", "Director of Children"):
            box = page.locator("svg.board text", has_text=heading).first.bounding_box()
            assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 768, (heading, box)
        pages = [html / f for f in ("people.html", "bodies.html", "turnover.html")]
        pages += [f for sub in ("person", "body", "post") for f in sorted((html / sub).glob("*.html"))[:10]]
        for path in pages:
            page.goto(path.as_uri())
        page.goto((html / "timelines.html").as_uri())
        total = page.locator("section.timeline").count()
        page.select_option("#council", "Herefordshire Council")
        one_council = page.locator("section.timeline:visible").count()
        page.fill("#q", "chief executive")
        shown = page.locator("section.timeline:visible h2 a").all_text_contents()
        assert 0 < one_council < total
        assert shown and all("Chief Executive" in t and "Herefordshire" in t for t in shown), shown
        page.goto((html / "network.html").as_uri())
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)
        boxes = page.evaluate("cg.labelBoxes()")
        assert len(boxes) >= 8 and _overlaps(boxes) == []
        assert messages == []
    finally:
        page.close()
