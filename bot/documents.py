"""Minutes as files: Word (.docx, through python-docx) and Markdown, drawn from the same
``Minutes`` tree as the message.

The Word file uses Word's own styles, so it reads as the chair's document does and a reader
can restyle it: Title, Heading 1 for the numbered sections, Heading 2 for Lägesrapport and the
topics, Heading 3 for a region, List Bullet for lists, Normal for text. The fields (Datum,
Plats, Närvarande, Frånvarande) are a two-column table without borders, one name a line, as
in the group's minutes.
"""

from __future__ import annotations

import io
from datetime import datetime

from bot.domain.minutes import Kind, Minutes, minutes_markdown

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The fields table's columns, in centimetres: the label as narrow as the group's minutes.
_FIELD_WIDTHS = (3.5, 12.5)
_STYLES = {
    Kind.TOPIC: "Heading 2",
    Kind.SUBTOPIC: "Heading 3",
    Kind.BULLET: "List Bullet",
    Kind.PARAGRAPH: "Normal",
}


def minutes_docx(minutes: Minutes, stamp: str, created_at: datetime) -> bytes:
    """The minutes as a Word document; ``stamp`` (the version and its approval) is the first
    line under the title."""
    # python-docx is loaded when a file is first asked for, not at start-up.
    from docx import Document
    from docx.shared import Cm

    document = Document()
    properties = document.core_properties
    properties.title = minutes.title
    properties.subject = stamp
    properties.author = "RAG-boten"
    properties.created = created_at
    properties.modified = created_at
    document.add_paragraph(minutes.title, style="Title")
    document.add_paragraph(stamp).runs[0].italic = True
    table = document.add_table(rows=0, cols=2)
    table.autofit = False  # the label column as narrow as the group's own minutes have it
    widths = [Cm(width) for width in _FIELD_WIDTHS]
    # The grid's widths too: LibreOffice (and Word on reflow) lay a table out by its grid.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for label, values in minutes.fields:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = widths
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].text = "\n".join(values)
    for section in minutes.sections:
        document.add_heading(section.title, level=1)
        for block in section.blocks:
            document.add_paragraph(block.text, style=_STYLES[block.kind])
    # The signature block stays together on one page.
    document.add_paragraph().paragraph_format.keep_with_next = True
    for number, line in enumerate(minutes.signature, start=1):
        signed = document.add_paragraph(line)
        signed.paragraph_format.keep_with_next = number < len(minutes.signature)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def minutes_file_markdown(minutes: Minutes, stamp: str) -> str:
    return minutes_markdown(minutes).replace("\n\n", f"\n\n*{stamp}*\n\n", 1)
