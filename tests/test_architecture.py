"""The shape of the tree: the domain core imports no framework (botbuilder, aiohttp,
SQLAlchemy), and nothing outside ``bot/settings.py`` reads the environment."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parent.parent
FORBIDDEN_IN_DOMAIN = {"botbuilder", "botframework", "aiohttp", "sqlalchemy", "alembic"}


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
            # ``from bot.domain import posts`` imports a module too.
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def test_the_domain_imports_no_framework():
    offenders = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "bot" / "domain").rglob("*.py")
        for module in _imported_modules(path)
        if module.split(".")[0] in FORBIDDEN_IN_DOMAIN
    }
    assert offenders == set()


def test_the_domain_imports_nothing_from_the_edges():
    edges = {"bot.app", "bot.teams_bot", "bot.settings", "storage", "dialogs"}
    offenders = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "bot" / "domain").rglob("*.py")
        for module in _imported_modules(path)
        if any(module == edge or module.startswith(edge + ".") for edge in edges)
    }
    assert offenders == set()


def test_only_settings_reads_the_environment():
    readers = set()
    for package in ("bot", "dialogs", "storage", "manifest"):
        for path in (ROOT / package).rglob("*.py"):
            source = path.read_text()
            if path == ROOT / "bot" / "settings.py":
                continue
            if "os.environ" in source or "getenv(" in source:
                readers.add(str(path.relative_to(ROOT)))
    assert readers == set()


def test_the_domain_has_no_import_circle():
    # A circle shows as an import postponed into TYPE_CHECKING or a function; the graph is
    # built from every import, wherever it stands.
    domain = ROOT / "bot" / "domain"
    names = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
        for path in domain.rglob("*.py")
    }
    graph = {
        name: {module for module in _imported_modules(path) if module in names and module != name}
        for name, path in names.items()
    }

    def circle_from(start: str) -> list[str] | None:
        trail, seen = [start], set()

        def walk(name: str) -> list[str] | None:
            for nxt in sorted(graph[name]):
                if nxt == start:
                    return [*trail, start]
                if nxt in seen:
                    continue
                seen.add(nxt)
                trail.append(nxt)
                if found := walk(nxt):
                    return found
                trail.pop()
            return None

        return walk(start)

    circles = [" -> ".join(found) for name in sorted(graph) if (found := circle_from(name))]
    assert circles == []
