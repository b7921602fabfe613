"""The bot as a real operating-system process, started as `make run` starts it."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).parent.parent.parent
READY = "RAG-boten listening on"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bot_environment(database_url: str, port: int, **extra: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("RAGBOT_", "Microsoft"))
    }
    env.update(RAGBOT_DATABASE_URL=database_url, RAGBOT_PORT=str(port), RAGBOT_HOST="127.0.0.1")
    env.update(extra)
    return env


async def run_command(env: dict[str, str], *args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    return process.returncode or 0, output.decode()


@dataclass
class BotProcess:
    env: dict[str, str]
    port: int
    log: list[str] = field(default_factory=list)
    _process: asyncio.subprocess.Process | None = None
    _reader: asyncio.Task | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    async def start(self, ready_within: float = 30.0) -> BotProcess:
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            env=self.env,
            cwd=ROOT,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        ready = asyncio.get_running_loop().create_future()
        self._reader = asyncio.create_task(self._read_log(ready))
        await asyncio.wait_for(ready, ready_within)
        return self

    async def _read_log(self, ready: asyncio.Future) -> None:
        assert self._process and self._process.stderr
        async for raw in self._process.stderr:
            line = raw.decode(errors="replace").rstrip()
            self.log.append(line)
            if READY in line and not ready.done():
                ready.set_result(None)
        if not ready.done():
            ready.set_exception(
                RuntimeError("bot exited before it was ready:\n" + "\n".join(self.log))
            )

    async def kill(self) -> int:
        """SIGKILL: no shutdown handlers run, as in a crash or an OOM kill."""
        return await self._end(lambda process: process.kill())

    async def stop(self) -> int:
        """SIGTERM: the orderly shutdown a deployment does."""
        return await self._end(lambda process: process.terminate())

    async def _end(self, signal: Callable[[asyncio.subprocess.Process], None]) -> int:
        if self._process and self._process.returncode is None:
            signal(self._process)
            await self._process.wait()
        if self._reader:
            await self._reader
        return self._process.returncode if self._process else 0
