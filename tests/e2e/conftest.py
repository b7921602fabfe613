"""Fixtures for the end-to-end suite: Debian's Chromium driven by Playwright, the Node tooling
(Agents Playground, manifest validator, Adaptive Cards renderer) from tests/e2e/node_modules,
and a screenshot of every test under tests/artifacts/e2e.

`make test` installs Chromium (apt) and the Node packages (npm ci) before pytest runs; here a
missing tool is a failure that says how to get it, never a skip. Playwright never downloads a
browser: it is pointed at /usr/bin/chromium, with the flags this closed network needs.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

E2E = Path(__file__).parent
NODE_MODULES = E2E / "node_modules"
ARTIFACTS = E2E.parent / "artifacts" / "e2e"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


def node_tool(*parts: str) -> Path:
    path = NODE_MODULES.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test` (it runs npm ci in tests/e2e)")
    return path


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# Per module, not per session: while sync Playwright runs, its event loop counts as running
# in this thread, and the rest of the suite's asyncio.run() calls would refuse to start.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, artifacts: Path, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page (its own context, so nothing leaks between tests); a screenshot of it is
    saved when the test ends, passed or failed."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    opened = context.new_page()
    yield opened
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    try:
        opened.screenshot(path=artifacts / f"{name}.png", full_page=True)
    finally:
        context.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if E2E in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
