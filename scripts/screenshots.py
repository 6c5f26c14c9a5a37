"""Screenshots of the HTML pages of a build at 1366 x 768 (a common laptop screen), for the README
and for a look by eye: the council board (the landing page), a person's page, the post timelines,
turnover at a glance, and besides those the network as it opens and centred on the person, the
people list, the timelines filtered to key roles and one post's page.

With `--readme DIR` the four the README shows (board, person, timelines, turnover) are also
written to DIR (docs/img), each the window's view only, so each stays small.

Run: .venv/bin/python scripts/screenshots.py BUILD_DIR SHOTS_DIR [PERSON] [--readme DIR]
     (PERSON: "Tina Russell")
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from graph.pages.chromium import launch

WINDOW = {"width": 1366, "height": 768}
README_SHOTS = ("board.png", "person.png", "timelines.png", "turnover.png")


def _network_and_person(page: Page, html: Path, shots: Path, person: str) -> None:
    """The network as it opens and centred on `person`, then that person's page."""
    page.goto((html / "network.html").as_uri())
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)
    page.screenshot(path=shots / "network.png")
    drawn = page.evaluate("+document.body.dataset.drawn")
    page.fill("#search", person)
    page.click("#search-form button[type=submit]")
    page.wait_for_function(f"+document.body.dataset.drawn > {drawn}", timeout=60000)
    page.screenshot(path=shots / "network-person.png")
    href = page.get_attribute("#panel-page", "href") if page.locator("#panel-page").count() else None
    if not href:
        print(f"no page for {person!r}: {page.text_content('#search-msg')}", file=sys.stderr)
        return
    page.goto((html / href).as_uri())
    page.screenshot(path=shots / "person.png")
    page.screenshot(path=shots / "person-full.png", full_page=True)


def _timelines(page: Page, html: Path, shots: Path) -> None:
    """The timelines, whole and filtered to key roles, and the page of the post with an interim
    holder (else the one with most holders)."""
    page.goto((html / "timelines.html").as_uri())
    page.screenshot(path=shots / "timelines.png")
    page.check("#key")
    page.screenshot(path=shots / "timelines-key-roles.png")
    page.uncheck("#key")
    best = page.evaluate("""() => { let best = null, most = 0;
        document.querySelectorAll('section.timeline').forEach(s => {
          const n = s.querySelectorAll('rect').length + (s.textContent.includes('interim') ? 1000 : 0);
          if (n > most) { most = n; best = s.querySelector('h2 a').getAttribute('href'); } }); return best; }""")
    if best:
        page.goto((html / best).as_uri())
        page.screenshot(path=shots / "post-timeline.png")


def main(out: Path, shots: Path, person: str, readme: Path | None) -> None:
    html = out.resolve() / "html"
    if not (html / "index.html").is_file():
        raise SystemExit(f"no {html / 'index.html'}: run `councilgraph render {out}` first")
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport=WINDOW)
        page.goto((html / "index.html").as_uri())
        page.screenshot(path=shots / "board.png")
        page.screenshot(path=shots / "board-full.png", full_page=True)
        page.goto((html / "turnover.html").as_uri())
        page.screenshot(path=shots / "turnover.png")
        page.goto((html / "people.html").as_uri())
        page.screenshot(path=shots / "people.png")
        _network_and_person(page, html, shots, person)
        _timelines(page, html, shots)
        browser.close()
    if readme is not None:
        readme.mkdir(parents=True, exist_ok=True)
        for name in README_SHOTS:
            if (shots / name).is_file():
                shutil.copyfile(shots / name, readme / name)
    for f in sorted([*shots.glob("*.png"), *(readme.glob("*.png") if readme else [])]):
        print(f"{f}  {f.stat().st_size / 1000:.0f} kB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("shots", type=Path)
    parser.add_argument("person", nargs="?", default="Tina Russell")
    parser.add_argument("--readme", type=Path, help="also write the README's four screenshots here")
    a = parser.parse_args()
    main(a.build, a.shots, a.person, a.readme)
