"""A PostgreSQL server for the storage suite, never a silent skip.

In order: ``RAGBOT_TEST_POSTGRES_URL`` if set (``private`` forces the private server); the
machine's server on 127.0.0.1:5432
(database ``test``, trust auth), started with the machine's own ``pg_ctlcluster`` if it is
installed but down; otherwise a private throwaway server from the PostgreSQL binaries on the
machine (Debian's ``/usr/lib/postgresql/*/bin`` or ``PATH``), on a free port, removed after
the run. With none of these the run fails and says how to install PostgreSQL.

Each test run gets its own database (``ragbot_test_<random>``), migrated once and dropped at
the end, so runs on the same server never see each other's rows.
"""

from __future__ import annotations

import asyncio
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


class PostgresUnavailable(RuntimeError):
    pass


@dataclass
class PostgresServer:
    admin_url: str
    data_dir: Path | None = None
    _owner: list[str] = field(default_factory=list)

    def database_url(self, name: str) -> str:
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{name}"

    def create_database(self) -> str:
        name = f"ragbot_test_{uuid.uuid4().hex[:10]}"
        asyncio.run(_execute(self.admin_url, f'CREATE DATABASE "{name}"'))
        return name

    def drop_database(self, name: str) -> None:
        asyncio.run(_execute(self.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def stop(self) -> None:
        if self.data_dir is None:
            return
        _as_owner(
            self._owner,
            [_binary("pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"],
            check=False,
        )
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)


async def _execute(url: str, sql: str) -> None:
    connection = await asyncpg.connect(url, timeout=10)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def _answers(url: str) -> bool:
    try:
        await _execute(url, "SELECT 1")
    except (TimeoutError, OSError, asyncpg.PostgresError):
        return False
    return True


def obtain(configured_url: str | None) -> PostgresServer:
    if configured_url == "private":
        return _private_server()
    if configured_url:
        if not asyncio.run(_answers(configured_url)):
            raise PostgresUnavailable(f"RAGBOT_TEST_POSTGRES_URL={configured_url} does not answer")
        return PostgresServer(configured_url)
    if asyncio.run(_answers(DEFAULT_URL)):
        return PostgresServer(DEFAULT_URL)
    if _start_machine_cluster() and asyncio.run(_answers(DEFAULT_URL)):
        return PostgresServer(DEFAULT_URL)
    return _private_server()


def _start_machine_cluster() -> bool:
    """This machine kind's documented start command, if the cluster is installed."""
    clusters = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    if not clusters or not shutil.which("pg_ctlcluster"):
        return False
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", clusters[-1], "main", "start"]
    return subprocess.run(command, capture_output=True, timeout=60).returncode == 0


def _binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path:
        return on_path
    raise PostgresUnavailable(
        f"no PostgreSQL server answers and no '{name}' binary was found to start a private "
        "one. Install PostgreSQL (Debian: apt-get install -y postgresql) or set "
        "RAGBOT_TEST_POSTGRES_URL to a server the tests may create databases on."
    )


def _as_owner(owner: list[str], command: list[str], check: bool = True) -> None:
    subprocess.run(owner + command, check=check, capture_output=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _private_server() -> PostgresServer:
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    root = Path(tempfile.mkdtemp(prefix="ragbot-pg-"))
    data_dir = root / "data"
    owner: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        owner = ["runuser", "-u", "postgres", "--"]
        root.chmod(0o755)
        shutil.chown(root, "postgres")
    port = _free_port()
    _as_owner(
        owner,
        [
            initdb,
            "-D",
            str(data_dir),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
    )
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off"
    _as_owner(
        owner,
        [pg_ctl, "-D", str(data_dir), "-o", options, "-w", "-l", str(root / "server.log"), "start"],
    )
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    if not asyncio.run(_answers(url)):
        raise PostgresUnavailable(f"private PostgreSQL did not start; see {root}/server.log")
    return PostgresServer(url, data_dir=data_dir, _owner=owner)
