"""The bot and Microsoft 365 Agents Playground as real processes, and a person at the keyboard.

``Services`` starts `ragbot run` (local mode: empty credentials, a temporary SQLite database,
the scheduler ticking every second) and the playground pointed at it, started as
``make playground`` starts it (``bot/playground/``: the committed config, telemetry off). Both
processes are stopped, and their logs kept under tests/artifacts/e2e, however the tests end.
``Teams`` drives the playground's page the way a person does: pick a conversation, type,
@mention the bot from the picker, press buttons.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from bot import playground
from tests.e2e.conftest import node_tool
from tests.support.process import ROOT, bot_environment, free_port

TEAM, CHANNEL, BOT_NAME = "RAG nuklearmedicin", "Allmänt", "RAG"
READY_WITHIN = 60.0
ANSWER_WITHIN = 15_000  # ms: a reply or a card on the page


@dataclass
class Services:
    folder: Path
    logs: Path
    bot_port: int = field(default_factory=free_port)
    playground_port: int = field(default_factory=free_port)
    _processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.playground_port}/"

    def start(self) -> Services:
        database_url = f"sqlite+aiosqlite:///{self.folder / 'ragbot.db'}"
        env = bot_environment(
            database_url, self.bot_port, RAGBOT_SCHEDULER_INTERVAL="1", RAGBOT_LOG_LEVEL="INFO"
        )
        subprocess.run(
            [sys.executable, "-m", "bot", "migrate"], env=env, cwd=ROOT, check=True,
            capture_output=True,
        )  # fmt: skip
        self._spawn("bot", [sys.executable, "-m", "bot", "run"], env, ROOT, "listening on")
        command = playground.command(
            f"http://127.0.0.1:{self.bot_port}",
            self.playground_port,
            node_tool(".bin", "agentsplayground"),
        )
        self._spawn("playground", command, playground.environment(), self.folder, playground.READY)
        return self

    def _spawn(self, name: str, command: list[str], env: dict, cwd: Path, ready: str) -> None:
        log_path = self.logs / f"{name}.log"
        log = log_path.open("w", encoding="utf-8")
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        self._processes.append(process)
        deadline = time.monotonic() + READY_WITHIN
        while ready not in log_path.read_text(encoding="utf-8", errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{name} did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.1)

    def stop(self) -> None:
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self._processes.clear()


class Teams:
    """A person in the playground's Teams."""

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        # The playground lists a channel's posts newest first, a chat's messages oldest first.
        self._newest_first = False
        page.goto(url)
        expect(page.get_by_role("treeitem").first).to_be_visible(timeout=ANSWER_WITHIN)

    def open_channel(self) -> None:
        self.page.get_by_role("treeitem", name=f"{TEAM} - {CHANNEL}").click()
        self._newest_first = True

    def open_personal_chat(self) -> None:
        self.page.get_by_role("treeitem", name="Personal Chat").click()
        self._newest_first = False

    def post(self, text: str, answer: str | re.Pattern[str]) -> float:
        """A new post in the channel that @mentions the bot; seconds until ``answer`` shows."""
        box = self.page.locator('div[role="textbox"][contenteditable="true"]').first
        box.click()
        box.press_sequentially("@")
        self.page.get_by_role("menuitem", name=BOT_NAME).click()
        box.press_sequentially(" " + text)
        return self._timed(answer, lambda: self.page.get_by_role("button", name="Post").click())

    def say(self, text: str, answer: str | re.Pattern[str]) -> float:
        """A message in the personal chat; seconds until ``answer`` shows."""
        box = self.page.locator('div[role="textbox"][contenteditable="true"]').last
        box.click()
        box.press_sequentially(text)
        return self._timed(answer, lambda: box.press("Enter"))

    def press(
        self, button: str, answer: str | re.Pattern[str], within: Locator | None = None
    ) -> float:
        """Press a card button; seconds until ``answer`` shows."""
        target = (within or self.page).get_by_role("button", name=button).last
        return self._timed(answer, target.click)

    def shows(self, text: str | re.Pattern[str]) -> Locator:
        """The last element on the page showing ``text``, once it is visible."""
        found = self.page.get_by_text(text).last
        expect(found).to_be_visible(timeout=ANSWER_WITHIN)
        return found

    def newest_card(self) -> Locator:
        cards = self.page.locator(".ac-adaptiveCard")
        card = cards.first if self._newest_first else cards.last
        expect(card).to_be_visible(timeout=ANSWER_WITHIN)
        return card

    def _timed(self, answer: str | re.Pattern[str], act) -> float:
        matches = self.page.get_by_text(answer)
        before = matches.count()
        started = time.monotonic()
        act()
        expect(matches.nth(before)).to_be_visible(timeout=ANSWER_WITHIN)
        return time.monotonic() - started
