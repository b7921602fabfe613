"""The status report dialog of a 1:1 chat: ask for the text, show it back, Spara/Ändra/Avbryt.

In a channel every answer would need an @mention, so there the report is written in a card
form instead (``bot/cards.py``); this dialog is the text path. A command word typed on its own
meanwhile (``åtgärder``) is answered first and the dialog then asks again, draft kept; a new
``lägesrapport`` drops the draft (``bot/teams_bot.py``). Its state (region, group,
author, the text so far) is primitives only and lives in SQL, so a restart mid-dialog resumes.

```mermaid
stateDiagram-v2
    [*] --> ASK_TEXT: lägesrapport Kalmar
    ASK_TEXT --> ASK_TEXT: empty or too long
    ASK_TEXT --> CONFIRM: the text
    CONFIRM --> [*]: Spara (submit_report)
    CONFIRM --> ASK_TEXT: Ändra
    CONFIRM --> [*]: Avbryt
```

The dialog itself, which needs botbuilder-dialogs (a tenth of a second to import), is in
``dialogs.status_report_flow``, loaded when the first 1:1 message comes; what the handlers and
the edge need before that (its id, its options, its answers) is here.
"""

from __future__ import annotations

from typing import Any

from bot.domain.model import Actor
from bot.domain.text import fold

DIALOG_ID = "status_report"
FLOW = "status_report.flow"
ASK_TEXT = "status_report.ask_text"
CONFIRM = "status_report.confirm"

SAVE, EDIT, CANCEL = "save", "edit", "cancel"
# What a person may type instead of pressing a button, in any of the three languages.
SYNONYMS = {
    SAVE: ["spara", "lagre", "save", "ja", "yes"],
    EDIT: ["ändra", "andra", "endre", "edit"],
    CANCEL: ["avbryt", "cancel", "nej", "nei", "no"],
}


def is_dialog_answer(text: str) -> bool:
    """Whether ``text`` is one of the dialog's own answers (a button's word or a synonym)."""
    folded = fold(text.strip())
    return any(folded == fold(word) for words in SYNONYMS.values() for word in words)


def report_options(
    group_id: int, language: str, region: str, meeting: str, author: Actor
) -> dict[str, Any]:
    """The dialog's options: everything it needs, as primitives."""
    return {
        "group_id": group_id,
        "language": language,
        "region": region,
        "meeting": meeting,
        "author_id": author.id,
        "author_name": author.name,
    }
