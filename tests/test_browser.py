"""The main page in a real browser: Playwright (Python) driving Debian's Chromium headless.

`make test` installs Chromium first (`make browser`); where none can be installed these
tests skip, saying so."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from graph.run.corpus import build_corpus
from tests.html_graphs import HOSTILE_DOCUMENT

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: run .venv/bin/pip install -e '.[test]'"
)
CHROMIUM = chromium_path()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine and none could be "
    "installed: run `make browser` (apt-get install chromium) to run the browser tests",
)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seeds_html(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_html")
    build_corpus([ROOT / "corpus" / "herefordshire"], out, use_model=False, store=False)
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
