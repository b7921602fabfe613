"""Minutes as PDF (every version) and as PDF/A-3b (the approved version's archive copy),
through WeasyPrint, drawn from the same ``Minutes`` tree as the Word and Markdown files.

The page follows the group's template as the Word file does: the title, the stamp line, the
fields (Datum, Plats, Närvarande, Frånvarande) as a borderless two-column table with one name
a line, the numbered sections, Lägesrapport and the topics under them, a region's heading in
italics, bullet lists, and the signature. DejaVu Sans is named first because it covers
Swedish and Norwegian letters and is on the server (the Dockerfile installs it); WeasyPrint
embeds a subset of every font it uses, which PDF/A requires.

The PDF/A carries the minutes' JSON sidecar as an associated file (``/AF`` on the document,
``AFRelationship /Data``). That embedded copy cannot hold the SHA-256 of the file it sits in,
so it carries ``content_sha256`` (the minutes' stored content); the sidecar served beside
the PDF adds ``pdf_sha256``, the hash of the archived bytes (``bot.domain.proceedings``).
"""

from __future__ import annotations

import asyncio
import html
import json
from datetime import datetime
from typing import Any

from bot.domain.minutes import Kind, Minutes, from_content

PDF_TYPE = "application/pdf"
SIDECAR_NAME = "minnesanteckningar.json"

_CSS = """
@page { size: A4; margin: 2.2cm 2.2cm 2.4cm 2.4cm;
        @bottom-right { content: counter(page) " (" counter(pages) ")";
                        font: 8.5pt "DejaVu Sans", sans-serif; color: #555; } }
body { font: 10.5pt/1.4 "DejaVu Sans", sans-serif; color: #000; }
h1 { font-size: 17pt; margin: 0 0 0.2em; }
.stamp { font-style: italic; color: #333; margin: 0 0 1.2em; }
table.fields { border-collapse: collapse; margin: 0 0 1.4em; }
table.fields th { text-align: left; vertical-align: top; width: 3.5cm; padding: 0.15em 0; }
table.fields td { vertical-align: top; padding: 0.15em 0; }
h2 { font-size: 12.5pt; margin: 1.3em 0 0.4em; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 1em 0 0.3em; page-break-after: avoid; }
h4 { font-size: 10.5pt; font-style: italic; font-weight: normal; margin: 0.8em 0 0.2em;
     page-break-after: avoid; }
p { margin: 0 0 0.6em; }
ul { margin: 0 0 0.6em; padding-left: 1.3em; }
li { margin: 0 0 0.2em; }
.signature { margin-top: 2.4em; page-break-inside: avoid; }
.signature p { margin: 0 0 0.9em; }
"""
_HEADINGS = {Kind.TOPIC: "h3", Kind.SUBTOPIC: "h4", Kind.PARAGRAPH: "p"}


def minutes_html(minutes: Minutes, stamp: str, language: str, created_at: datetime) -> str:
    """The minutes as one HTML page, what both PDFs are drawn from."""
    e = html.escape
    parts = [
        f'<!DOCTYPE html><html lang="{e(language)}"><head><meta charset="utf-8">',
        f"<title>{e(minutes.title)}</title>",
        '<meta name="author" content="RAG-boten">',
        f'<meta name="description" content="{e(stamp)}">',
        f'<meta name="dcterms.created" content="{created_at.isoformat()}">',
        f'<meta name="dcterms.modified" content="{created_at.isoformat()}">',
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(minutes.title)}</h1>",
        f'<p class="stamp">{e(stamp)}</p>',
        '<table class="fields">',
    ]
    for label, values in minutes.fields:
        names = "<br>".join(e(value) for value in values)
        parts.append(f"<tr><th>{e(label)}</th><td>{names}</td></tr>")
    parts.append("</table>")
    for section in minutes.sections:
        parts.append(f"<h2>{e(section.title)}</h2>")
        in_list = False
        for block in section.blocks:
            if block.kind is Kind.BULLET:
                if not in_list:
                    parts.append("<ul>")
                    in_list = True
                parts.append(f"<li>{e(block.text)}</li>")
                continue
            if in_list:
                parts.append("</ul>")
                in_list = False
            tag = _HEADINGS[block.kind]
            parts.append(f"<{tag}>{e(block.text)}</{tag}>")
        if in_list:
            parts.append("</ul>")
    parts.append('<div class="signature">')
    parts += [f"<p>{e(line)}</p>" for line in minutes.signature]
    parts.append("</div></body></html>")
    return "\n".join(parts)


def minutes_pdf(minutes: Minutes, stamp: str, language: str, created_at: datetime) -> bytes:
    """A version as an ordinary PDF (drafts too)."""
    from weasyprint import HTML  # half a second to import: loaded when first used

    return HTML(string=minutes_html(minutes, stamp, language, created_at)).write_pdf()


def minutes_pdfa(
    minutes: Minutes,
    stamp: str,
    language: str,
    created_at: datetime,
    sidecar: dict[str, Any],
) -> bytes:
    """The approved version as PDF/A-3b, with ``sidecar`` embedded as an associated file."""
    from weasyprint import HTML, Attachment  # half a second to import: loaded when first used

    attachment = Attachment(
        string=json.dumps(sidecar, ensure_ascii=False, indent=2, sort_keys=True),
        name=SIDECAR_NAME,
        description="RAG-boten minutes sidecar",
        relationship="Data",
        created=created_at,
        modified=created_at,
    )
    document = HTML(string=minutes_html(minutes, stamp, language, created_at))
    return document.write_pdf(
        pdf_variant="pdf/a-3b", attachments=[attachment], finisher=_one_entry_per_file
    )


def _one_entry_per_file(document: Any, pdf: Any) -> None:
    """WeasyPrint 70 lists a document attachment twice in the catalogue's ``/AF`` (once from
    the name tree, once as the file specification): keep each reference once."""
    listed = pdf.catalog.get("AF")
    if listed:
        pdf.catalog["AF"] = type(listed)(dict.fromkeys(listed))


class WeasyPrinter:
    """The ``MinutesPrinter`` port: renders off the event loop (a page takes tens of ms)."""

    async def archival_pdf(
        self,
        content: dict[str, Any],
        stamp: str,
        language: str,
        created_at: datetime,
        sidecar: dict[str, Any],
    ) -> bytes:
        minutes = from_content(content)
        return await asyncio.to_thread(minutes_pdfa, minutes, stamp, language, created_at, sidecar)
