"""Screenshots of the HTML pages of a build, for the docs and for a look by eye: the council
board (the landing page), the network as it opens and centred on a person, that person's page,
the people list and the post timelines (whole, and filtered to key roles).

Run: .venv/bin/python scripts/screenshots.py BUILD_DIR SHOTS_DIR [PERSON]   (person: "Tina Russell")
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
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


def main(out: Path, shots: Path, person: str) -> None:
    html = out.resolve() / "html"
    if not (html / "index.html").is_file():
        raise SystemExit(f"no {html / 'index.html'}: run `councilgraph render {out}` first")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no Chromium: run `make browser` (apt-get install chromium)")
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})  # a common laptop screen
        page.goto((html / "index.html").as_uri())
        page.screenshot(path=shots / "board.png", full_page=True)
        page.goto((html / "people.html").as_uri())
        page.screenshot(path=shots / "people.png")
        page.goto((html / "network.html").as_uri())
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)
        page.screenshot(path=shots / "main.png")
        page.fill("#search", person)
        page.click("#search-form button[type=submit]")
        page.wait_for_timeout(1500)
        page.screenshot(path=shots / "main-search.png")
        href = page.get_attribute("#panel-page", "href") if page.locator("#panel-page").count() else None
        if not href:
            print(f"no page for {person!r}: {page.text_content('#search-msg')}", file=sys.stderr)
        else:
            page.goto((html / href).as_uri())
            page.screenshot(path=shots / "person.png", full_page=True)
        page.set_viewport_size({"width": 1000, "height": 1400})
        page.goto((html / "timelines.html").as_uri())
        page.screenshot(path=shots / "timelines.png")
        page.check("#key")
        page.screenshot(path=shots / "timelines-key-roles.png")
        page.uncheck("#key")
        # a post with an interim holder (else the one with most holders), on its own page
        best = page.evaluate("""() => { let best = null, most = 0;
            document.querySelectorAll('section.timeline').forEach(s => {
              const n = s.querySelectorAll('rect').length + (s.textContent.includes('interim') ? 1000 : 0);
              if (n > most) { most = n; best = s.querySelector('h2 a').getAttribute('href'); } }); return best; }""")
        if best:
            page.goto((html / best).as_uri())
            page.screenshot(path=shots / "post-timeline.png")
        browser.close()
    for f in sorted(shots.glob("*.png")):
        print(f)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "Tina Russell")
