"""The Teams app package that `make manifest` builds, checked by Microsoft's validators: the
`@microsoft/app-manifest` library (the manifest JSON schema its `$schema` names, bundled, so
offline), with the GUID and icon checks Teams applies on upload, and the Agents Toolkit CLI's
`atk validate`. A deliberately broken copy fails both. (`atk` stops at its first error and
misses some; the library reports them all.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from manifest.package import DEVELOPMENT_APP_ID, build_package, render_manifest
from tests.e2e.conftest import E2E, node_tool


def _package(folder: Path) -> Path:
    """`make manifest`'s package, unpacked into ``folder``."""
    manifest = render_manifest(
        DEVELOPMENT_APP_ID, DEVELOPMENT_APP_ID, "https://ragbot.example.org", "1.0.0"
    )
    archive = build_package(manifest, folder / "ragbot.zip")
    unpacked = folder / "package"
    with zipfile.ZipFile(archive) as package:
        package.extractall(unpacked)
    return unpacked


def _validate(folder: Path) -> tuple[int, list[str]]:
    node_tool("@microsoft", "app-manifest", "build", "index.js")
    result = subprocess.run(
        ["node", str(E2E / "validate-manifest.cjs"), str(folder)],
        cwd=E2E,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.returncode, json.loads(result.stdout)["errors"]


def _atk(folder: Path) -> tuple[int, str]:
    atk = node_tool(".bin", "atk")
    result = subprocess.run(
        [str(atk), "validate", "--manifest-file", str(folder / "manifest.json")],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=180,
    )
    return result.returncode, result.stdout + result.stderr


def test_the_package_passes_microsofts_validators(tmp_path: Path):
    folder = _package(tmp_path)

    code, output = _atk(folder)

    assert _validate(folder) == (0, [])
    assert code == 0, output
    assert "All passed" in output


def test_a_broken_package_fails_microsofts_validators(tmp_path: Path):
    folder = _package(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    del manifest["name"]
    manifest["id"] = "ragbot"
    manifest["bots"][0]["botId"] = "28:ragbot-local"
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    shutil.copy(folder / "color.png", folder / "outline.png")

    code, errors = _validate(folder)
    atk_code, atk_output = _atk(folder)

    assert (code, atk_code) == (1, 1), atk_output
    assert 'Invalid value for key "name"' in atk_output
    assert "id is not a GUID: ragbot" in errors
    assert "bots[0].botId is not a GUID: 28:ragbot-local" in errors
    assert "icons.outline: outline.png is 192x192, must be 32x32" in errors
    assert any(error.startswith("schema:") and "name" in error for error in errors), errors
