"""How the browser tests, the screenshots and the page benchmark start Debian's Chromium: one list
of flags and one way to find the binary, so the three cannot drift apart.

Playwright is not imported here (it is a test dependency, not one of the pages'): callers pass
their own `sync_playwright()` handle to `launch`.
"""

from __future__ import annotations

import shutil
from typing import Any

# headless, no sandbox (root in CI), nothing fetched from the network behind the page's back
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
MISSING = "no Chromium on this machine: run `make browser` (apt-get install chromium)"


def chromium_path() -> str | None:
    """The installed Chromium (Debian's `chromium` first), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def launch(playwright: Any) -> Any:
    """A headless Chromium browser from a `sync_playwright()` handle; SystemExit saying how to
    install one where there is none."""
    path = chromium_path()
    if path is None:
        raise SystemExit(MISSING)
    return playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
