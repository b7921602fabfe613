"""Every user-facing string, per language (sv, nb, en); Swedish is the default.

Strings are ``str.format`` templates. ``message(language, key, **values)`` is the one way to
get one; a test checks that every key exists in every language with the same placeholders.
"""

from __future__ import annotations

from bot.domain.model import Language

DEFAULT_LANGUAGE: Language = "sv"

_HELP_SV = """\
Det här kan jag. Skriv @RAG före kommandot när du skriver i en kanal.

**lägesrapport** *region* – lämna lägesrapport för en region (direkt: `lägesrapport Kalmar: text`)
**lägesrapporter** – vilka regioner som har rapporterat inför nästa möte
**åtgärd** *text* – ny åtgärdspunkt, t.ex. `åtgärd Veronica kollar med Region Skåne till nästa möte`
**åtgärder** – öppna åtgärdspunkter
**klar** *nr* – stäng en åtgärdspunkt
**beslut** *text* – anteckna ett beslut
**punkt** *text* – föreslå en punkt till nästa dagordning
**mötestider** `23/11 kl 13-14 Teams; 14/12 kl 11-12 Teams` – planera möten
**nästa möte** – visa nästa möte
**dagordning** – utkast till dagordning
**minnesanteckningar** – utkast till minnesanteckningar
**inställningar** – gruppens inställningar och hur de ändras
**hjälp** – den här listan

Kommandona finns också på engelska (status, action, agenda, help …) och norska (tiltak, \
møtetider, referat, hjelp …)."""

_HELP_NB = """\
Dette kan jeg. Skriv @RAG foran kommandoen når du skriver i en kanal.

**statusrapport** *region* – statusrapport for en region (direkte: `statusrapport Kalmar: tekst`)
**statusrapporter** – hvilke regioner som har rapportert før neste møte
**tiltak** *tekst* – nytt tiltakspunkt, f.eks. `tiltak Kari sjekker med Helse Vest til neste møte`
**tiltaksliste** – åpne tiltakspunkter
**ferdig** *nr* – lukk et tiltakspunkt
**vedtak** *tekst* – noter et vedtak
**punkt** *tekst* – foreslå et punkt til neste dagsorden
**møtetider** `23/11 kl 13-14 Teams; 14/12 kl 11-12 Teams` – planlegg møter
**neste møte** – vis neste møte
**dagsorden** – utkast til dagsorden
**referat** – utkast til referat
**innstillinger** – gruppens innstillinger og hvordan de endres
**hjelp** – denne listen

Kommandoene finnes også på svensk (lägesrapport, åtgärd, dagordning …) og engelsk (status, \
action, agenda …)."""

_HELP_EN = """\
Here is what I can do. In a channel, write @RAG before the command.

**status** *region* – file a status report for a region (at once: `status Kalmar: text`)
**reports** – which regions have reported for the next meeting
**action** *text* – new action item, e.g. `action Veronica checks with Region Skåne by next meeting`
**actions** – open action items
**done** *no.* – close an action item
**decision** *text* – record a decision
**item** *text* – propose an item for the next agenda
**meetings** `23/11 13-14 Teams; 14/12 11-12 Teams` – schedule meetings
**next meeting** – show the next meeting
**agenda** – agenda draft
**minutes** – minutes draft
**settings** – the group's settings and how to change them
**help** – this list

The commands also work in Swedish (lägesrapport, åtgärd, dagordning …) and Norwegian (tiltak, \
møtetider, referat …)."""

MESSAGES: dict[str, dict[Language, str]] = {
    "greeting": {
        "sv": (
            "Hej! Jag är RAG-boten. Jag hjälper {group} att samla lägesrapporter från "
            "regionerna och åtgärdspunkter under mötet, och lägger fram dagordning, påminnelser "
            "och utkast till minnesanteckningar inför och efter varje möte. Skriv @RAG hjälp "
            "för att se vad jag kan."
        ),
        "nb": (
            "Hei! Jeg er RAG-boten. Jeg hjelper {group} med å samle statusrapporter fra "
            "regionene og tiltakspunkter under møtet, og legger fram dagsorden, påminnelser og "
            "utkast til referat før og etter hvert møte. Skriv @RAG hjelp for å se hva jeg kan."
        ),
        "en": (
            "Hi! I am RAG-boten. I help {group} collect the regions' status reports and the "
            "action items raised in meetings, and I post the agenda, reminders and a minutes "
            "draft before and after every meeting. Write @RAG help to see what I can do."
        ),
    },
    "this_group": {"sv": "gruppen", "nb": "gruppen", "en": "the group"},
    "help": {"sv": _HELP_SV, "nb": _HELP_NB, "en": _HELP_EN},
    "empty": {
        "sv": "Hej! Skriv @RAG hjälp för att se vad jag kan.",
        "nb": "Hei! Skriv @RAG hjelp for å se hva jeg kan.",
        "en": "Hi! Write @RAG help to see what I can do.",
    },
    "unknown": {
        "sv": "Det kommandot känner jag inte till: ”{word}”. Skriv @RAG hjälp för en lista.",
        "nb": "Den kommandoen kjenner jeg ikke: «{word}». Skriv @RAG hjelp for en liste.",
        "en": "I don't know the command “{word}”. Write @RAG help for a list.",
    },
    "unknown_suggest": {
        "sv": "Det kommandot känner jag inte till: ”{word}”. Menade du **{suggestion}**?",
        "nb": "Den kommandoen kjenner jeg ikke: «{word}». Mente du **{suggestion}**?",
        "en": "I don't know the command “{word}”. Did you mean **{suggestion}**?",
    },
    "not_built": {
        "sv": (
            "”{word}” känner jag igen, men den delen av mig är inte färdig ännu. Inget har "
            "sparats. Skriv @RAG hjälp för en lista."
        ),
        "nb": (
            "«{word}» kjenner jeg igjen, men den delen av meg er ikke ferdig ennå. Ingenting er "
            "lagret. Skriv @RAG hjelp for en liste."
        ),
        "en": (
            "I recognise “{word}”, but that part of me is not finished yet. Nothing was saved. "
            "Write @RAG help for a list."
        ),
    },
    "unknown_action": {
        "sv": "Den knappen känner jag inte igen längre. Inget har ändrats.",
        "nb": "Den knappen kjenner jeg ikke igjen lenger. Ingenting er endret.",
        "en": "I no longer recognise that button. Nothing was changed.",
    },
    "error": {
        "sv": "Något gick fel hos mig och ditt meddelande blev inte behandlat. Försök igen strax.",
        "nb": "Noe gikk galt hos meg, og meldingen din ble ikke behandlet. Prøv igjen om litt.",
        "en": "Something went wrong on my side and your message was not handled. Please retry.",
    },
}


def message(language: str, key: str, **values: object) -> str:
    """The string ``key`` in ``language`` (Swedish if the language is unknown), filled in."""
    texts = MESSAGES[key]
    template = texts.get(language, texts[DEFAULT_LANGUAGE])  # type: ignore[call-overload]
    return template.format(**values)
