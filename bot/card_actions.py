"""What a card button asks the bot to do: the ``ragbot`` value of an ``Action.Submit``.

``bot/cards.py`` puts these on the buttons and ``bot/handlers`` answers them, so both import
this one enum instead of keeping bare strings in step by hand. The values are stored in cards
people have already been sent, so an existing value must never change.
"""

from __future__ import annotations

from enum import StrEnum


class CardAction(StrEnum):
    REPORT_SAVE = "report.save"
    REPORT_CANCEL = "report.cancel"
    ACTION_DONE = "action.done"
    ACTION_EDIT = "action.edit"
    ACTION_SAVE = "action.save"
    ACTION_CANCEL = "action.cancel"
    MEETING_MOVE = "meeting.move"
    MEETING_CANCEL = "meeting.cancel"
    MEETING_KEEP = "meeting.keep"
    ATTENDANCE_SAVE = "attendance.save"
    MINUTES_APPROVE = "minutes.approve"
