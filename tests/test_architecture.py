"""The shape of the tree: the domain core imports only the standard library, its own package
and a named list of pure libraries, with no import circle inside it; nothing outside
``bot/settings.py`` reads the environment."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
DOMAIN = ROOT / "bot" / "domain"
# Libraries without I/O or framework that the domain may use.
PURE_LIBRARIES = {"dateparser", "holidays", "icalendar"}


def _allowed_in_domain(module: str) -> bool:
    top = module.split(".")[0]
    return (
        top in sys.stdlib_module_names
        or top in PURE_LIBRARIES
        or module == "bot.domain"
        or module.startswith("bot.domain.")
    )


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imported_names(path: Path) -> set[str]:
    """Modules imported, counting ``from package import module`` as importing the module."""
    names = set(_imported_modules(path))
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle, each as the modules around it (depth-first search)."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(graph.get(module, ())):
            if state.get(imported) == "open":
                found.append([*trail[trail.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*trail, imported])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


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


def test_the_domain_imports_only_the_standard_library_and_pure_libraries():
    """An allow-list, so a new edge module or framework is covered without editing this."""
    offenders = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in DOMAIN.rglob("*.py")
        for module in _imported_modules(path)
        if not _allowed_in_domain(module)
    }
    assert offenders == set()


def test_the_domain_has_no_import_circle():
    """Type-only imports count too: a circle there is a circle in the design."""
    names = {_module_name(path): path for path in DOMAIN.rglob("*.py")}
    graph = {
        name: {module for module in _imported_names(path) if module in names and module != name}
        for name, path in names.items()
    }
    assert _cycles(graph) == []


def test_only_settings_reads_the_environment():
    readers = set()
    for package in ("bot", "dialogs", "storage", "manifest"):
        for path in (ROOT / package).rglob("*.py"):
            source = path.read_text()
            if path == ROOT / "bot" / "settings.py":
                continue
            # The playground launcher hands its environment on to the processes it starts
            # (the bot reads it through Settings); it reads no setting from it itself.
            if path == ROOT / "bot" / "playground" / "__init__.py":
                source = source.replace("dict(os.environ if base is None else base)", "")
            if "os.environ" in source or "getenv(" in source:
                readers.add(str(path.relative_to(ROOT)))
    assert readers == set()
