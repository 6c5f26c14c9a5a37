"""One way to start Chromium (`graph/pages/chromium.py`) for the browser tests, the screenshots and
the page benchmark: the flags live there alone, and a machine with no Chromium is told what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.pages import chromium

ROOT = Path(__file__).resolve().parent.parent


def test_the_launch_flags_are_written_in_one_place():
    users = [
        ROOT / "tests" / "test_browser.py",
        ROOT / "scripts" / "screenshots.py",
        ROOT / "bench" / "bench_html.py",
    ]
    for path in users:
        text = path.read_text(encoding="utf-8")
        assert "graph.pages.chromium import" in text, path
        assert not any(flag in text for flag in chromium.CHROMIUM_ARGS), f"{path} lists its own flags"
    assert "--headless=new" in chromium.CHROMIUM_ARGS and "--no-sandbox" in chromium.CHROMIUM_ARGS


class _Playwright:
    """A stand-in for `sync_playwright()`: records how Chromium was launched."""

    def __init__(self) -> None:
        self.chromium = self
        self.launched: dict = {}

    def launch(self, **kwargs):
        self.launched = kwargs
        return "browser"


def test_launch_uses_the_installed_chromium_with_the_flags(monkeypatch):
    monkeypatch.setattr(
        chromium.shutil, "which", lambda name: "/opt/x/chromium" if name == "chromium" else None
    )
    p = _Playwright()
    assert chromium.launch(p) == "browser"
    assert p.launched == {"executable_path": "/opt/x/chromium", "args": list(chromium.CHROMIUM_ARGS)}


def test_no_chromium_says_how_to_install_one(monkeypatch):
    monkeypatch.setattr(chromium.shutil, "which", lambda name: None)
    assert chromium.chromium_path() is None
    with pytest.raises(SystemExit, match="make browser"):
        chromium.launch(_Playwright())
