"""Builds the Teams app package: fills the manifest's placeholders and zips it with the icons.

``make manifest`` (``python -m manifest.package``) takes the ids from the settings
(``MicrosoftAppId``; the bot id is the app id) and writes ``manifest/build/ragbot.zip``.
Without an app id a fixed development id is used, fine for sideloading into a test tenant.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
DEVELOPMENT_APP_ID = "8b9a2f6e-3c1d-4e5f-9a7b-6c5d4e3f2a1b"
PLACEHOLDERS = ("{{APP_ID}}", "{{BOT_ID}}", "{{PUBLIC_URL}}", "{{VERSION}}")


def render_manifest(app_id: str, bot_id: str, public_url: str, version: str) -> dict[str, Any]:
    text = (HERE / "manifest.json").read_text(encoding="utf-8")
    values = {
        "{{APP_ID}}": app_id,
        "{{BOT_ID}}": bot_id,
        "{{PUBLIC_URL}}": public_url.rstrip("/"),
        "{{VERSION}}": version,
    }
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return json.loads(text)


def build_package(manifest: dict[str, Any], target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for icon in ("color.png", "outline.png"):
            package.write(HERE / icon, icon)
    return target


def main(argv: list[str] | None = None) -> int:
    from importlib.metadata import version

    from bot.settings import Settings

    settings = Settings()
    parser = argparse.ArgumentParser(description="Build the Teams app package")
    parser.add_argument("--app-id", default=settings.app_id or DEVELOPMENT_APP_ID)
    parser.add_argument("--public-url", default=settings.public_url)
    parser.add_argument("--output", type=Path, default=HERE / "build" / "ragbot.zip")
    args = parser.parse_args(argv)
    manifest = render_manifest(args.app_id, args.app_id, args.public_url, version("ragbot"))
    print(build_package(manifest, args.output))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
