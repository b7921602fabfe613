"""The status report dialog's steps (see ``dialogs.status_report``): ask for the text, show it
back, Spara/Ändra/Avbryt."""

from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    ComponentDialog,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.choices import Choice, ListStyle
from botbuilder.dialogs.prompts import (
    ChoicePrompt,
    PromptOptions,
    PromptValidatorContext,
    TextPrompt,
)

from bot.domain.capture import REPORT_LIMIT, Capture, check_text
from bot.domain.conversations import Conversations
from bot.domain.i18n import message
from bot.domain.model import Actor
from bot.domain.replies import report_saved
from bot.domain.text import escape_markdown
from dialogs.status_report import (
    ASK_TEXT,
    CANCEL,
    CONFIRM,
    DIALOG_ID,
    EDIT,
    FLOW,
    SAVE,
    SYNONYMS,
)


class StatusReportDialog(ComponentDialog):
    def __init__(self, capture: Capture, conversations: Conversations) -> None:
        super().__init__(DIALOG_ID)
        self._capture = capture
        self._conversations = conversations
        self.add_dialog(TextPrompt(ASK_TEXT, self._text_is_valid))
        self.add_dialog(ChoicePrompt(CONFIRM))
        self.add_dialog(WaterfallDialog(FLOW, [self.ask_text, self.confirm, self.finish]))
        self.initial_dialog_id = FLOW

    async def ask_text(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask for the report, naming the region and the meeting it is for."""
        options = step.options
        prompt = message(
            options["language"],
            "report_prompt",
            region=escape_markdown(options["region"]),
            meeting=options["meeting"],
        )
        return await step.prompt(
            ASK_TEXT,
            PromptOptions(
                prompt=MessageFactory.text(prompt),
                validations={"language": options["language"]},
            ),
        )

    async def confirm(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Show the text back and offer Spara / Ändra / Avbryt as buttons."""
        options = step.options
        language = options["language"]
        step.values["text"] = step.result
        prompt = message(
            language,
            "report_confirm",
            region=escape_markdown(options["region"]),
            text=escape_markdown(step.result),
        )
        labels = _labels(language)
        return await step.prompt(
            CONFIRM,
            PromptOptions(
                prompt=MessageFactory.text(prompt),
                retry_prompt=MessageFactory.text(message(language, "choose_retry")),
                choices=[Choice(value=labels[key], synonyms=SYNONYMS[key]) for key in labels],
                style=ListStyle.hero_card,
            ),
        )

    async def finish(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Save, start over, or stop, as chosen."""
        options = step.options
        language = options["language"]
        chosen = {label: key for key, label in _labels(language).items()}[step.result.value]
        if chosen == EDIT:
            return await step.replace_dialog(FLOW, options)
        if chosen == CANCEL:
            await step.context.send_activity(message(language, "cancelled"))
            return await step.end_dialog()
        group = await self._conversations.get(options["group_id"])
        if group is None:
            await step.context.send_activity(message(language, "no_group"))
            return await step.end_dialog()
        author = Actor(options["author_id"], options["author_name"])
        saved = await self._capture.submit_report(
            group, options["region"], step.values["text"], author
        )
        await step.context.send_activity(report_saved(saved, group))
        return await step.end_dialog()

    @staticmethod
    async def _text_is_valid(prompt: PromptValidatorContext) -> bool:
        """An empty or over-long report is refused with the reason, and asked for again."""
        problem = check_text(prompt.recognized.value, REPORT_LIMIT)
        if problem is None:
            return True
        # botbuilder re-asks only if nothing was said this turn, so the reason and the
        # question go out together.
        await prompt.context.send_activities(
            [
                MessageFactory.text(problem.text(prompt.options.validations["language"])),
                prompt.options.prompt,
            ]
        )
        return False


def _labels(language: str) -> dict[str, str]:
    """The buttons' words in the group's language, by what they do."""
    return {
        SAVE: message(language, "save"),
        EDIT: message(language, "edit"),
        CANCEL: message(language, "cancel"),
    }
