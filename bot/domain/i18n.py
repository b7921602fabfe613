"""Every user-facing string, per language (sv, nb, en); Swedish is the default.

Strings are ``str.format`` templates. ``message(language, key, **values)`` is the one way to
get one; a test checks that every key exists in every language with the same placeholders.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

Language = Literal["sv", "nb", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "nb", "en")

DEFAULT_LANGUAGE: Language = "sv"

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
    # Examples with dates take {ex_day}, {ex_moved} and {ex_later} from
    # bot.domain.meetings.example_days: working days ahead, so never a date the bot refuses.
    # The help text (built in bot/handlers/help.py): each feature's lines, the keywords as
    # {command} placeholders filled in the reader's language.
    "help_intro": {
        "sv": "Det här kan jag. Skriv @RAG före kommandot när du skriver i en kanal.",
        "nb": "Dette kan jeg. Skriv @RAG foran kommandoen når du skriver i en kanal.",
        "en": "Here is what I can do. In a channel, write @RAG before the command.",
    },
    "help_other_languages": {
        "sv": "Kommandona finns också på engelska ({first} …) och norska ({second} …).",
        "nb": "Kommandoene finnes også på svensk ({first} …) og engelsk ({second} …).",
        "en": "The commands also work in Swedish ({first} …) and Norwegian ({second} …).",
    },
    "help_line_status_report": {
        "sv": (
            "**{status_report}** *region*"
            " – lämna lägesrapport för en region (direkt: `{status_report} Kalmar: text`)"
        ),
        "nb": (
            "**{status_report}** *region*"
            " – statusrapport for en region (direkte: `{status_report} Kalmar: tekst`)"
        ),
        "en": (
            "**{status_report}** *region*"
            " – file a status report for a region (at once: `{status_report} Kalmar: text`)"
        ),
    },
    "help_line_status_reports": {
        "sv": "**{status_reports}** – vilka regioner som har rapporterat inför nästa möte "
        "(med en region: hela dess rapport)",
        "nb": "**{status_reports}** – hvilke regioner som har rapportert før neste møte "
        "(med en region: hele rapporten)",
        "en": "**{status_reports}** – which regions have reported for the next meeting "
        "(with a region: its whole report)",
    },
    "help_line_action": {
        "sv": (
            "**{action}** *text*"
            " – ny åtgärdspunkt, t.ex. `{action} Veronica kollar med Skåne till nästa möte`"
        ),
        "nb": (
            "**{action}** *tekst*"
            " – nytt tiltakspunkt, f.eks. `{action} Kari sjekker med Helse Vest til neste møte`"
        ),
        "en": (
            "**{action}** *text*"
            " – new action item, e.g. `{action} Veronica checks with Skåne by next meeting`"
        ),
    },
    "help_line_actions": {
        "sv": "**{actions}** – öppna åtgärdspunkter (`{actions} alla` med de stängda, "
        "`{actions} sida 2` för äldre)",
        "nb": "**{actions}** – åpne tiltakspunkter (`{actions} alle` med de lukkede, "
        "`{actions} side 2` for eldre)",
        "en": "**{actions}** – open action items (`{actions} all` with the closed ones, "
        "`{actions} page 2` for older)",
    },
    "help_line_done": {
        "sv": "**{done}** *nr* – stäng en åtgärdspunkt",
        "nb": "**{done}** *nr* – lukk et tiltakspunkt",
        "en": "**{done}** *no.* – close an action item",
    },
    "help_line_edit": {
        "sv": "**{edit}** *nr* – ändra en åtgärdspunkt, t.ex. `{edit} 3 ansvarig: Sara`",
        "nb": "**{edit}** *nr* – endre et tiltakspunkt, f.eks. `{edit} 3 ansvarlig: Kari`",
        "en": "**{edit}** *no.* – change an action item, e.g. `{edit} 3 owner: Sara`",
    },
    "help_line_delete": {
        "sv": "**{delete}** *nr* – ta bort en åtgärdspunkt (ordförande eller sekreterare)",
        "nb": "**{delete}** *nr* – slett et tiltakspunkt (leder eller sekretær)",
        "en": "**{delete}** *no.* – delete an action item (chair or secretary)",
    },
    "help_line_decision": {
        "sv": "**{decision}** *text* – anteckna ett beslut",
        "nb": "**{decision}** *tekst* – noter et vedtak",
        "en": "**{decision}** *text* – record a decision",
    },
    "help_line_point": {
        "sv": "**{point}** *text* – föreslå en punkt till nästa dagordning",
        "nb": "**{point}** *tekst* – foreslå et punkt til neste dagsorden",
        "en": "**{point}** *text* – propose an item for the next agenda",
    },
    "help_line_meetings": {
        "sv": (
            "**{meetings}** `{ex_day} kl 13-14 Teams; {ex_later} kl 11-12 Teams` – planera möten"
        ),
        "nb": (
            "**{meetings}** `{ex_day} kl 13-14 Teams; {ex_later} kl 11-12 Teams` – planlegg møter"
        ),
        "en": "**{meetings}** `{ex_day} 13-14 Teams; {ex_later} 11-12 Teams` – schedule meetings",
    },
    "help_line_next_meeting": {
        "sv": "**{next_meeting}** – visa nästa möte",
        "nb": "**{next_meeting}** – vis neste møte",
        "en": "**{next_meeting}** – show the next meeting",
    },
    "help_line_meeting_changes": {
        "sv": (
            "**{move_meeting}** `{ex_day} till {ex_moved} kl 13-14`,"
            " **{cancel_meeting}** `{ex_day}`"
            " – ändra ett möte"
        ),
        "nb": (
            "**{move_meeting}** `{ex_day} til {ex_moved} kl 13-14`,"
            " **{cancel_meeting}** `{ex_day}`"
            " – endre et møte"
        ),
        "en": (
            "**{move_meeting}** `{ex_day} to {ex_moved} at 13-14`,"
            " **{cancel_meeting}** `{ex_day}`"
            " – change a meeting"
        ),
    },
    "help_line_agenda": {
        "sv": "**{agenda}** – utkast till dagordning",
        "nb": "**{agenda}** – utkast til dagsorden",
        "en": "**{agenda}** – agenda draft",
    },
    "help_line_minutes": {
        "sv": "**{minutes}** – utkast till minnesanteckningar (`{minutes} 14/1` för ett annat "
        "möte, `{minutes} version 1` för en tidigare version)",
        "nb": "**{minutes}** – utkast til referat (`{minutes} 14/1` for et annet møte, "
        "`{minutes} versjon 1` for en tidligere versjon)",
        "en": "**{minutes}** – minutes draft (`{minutes} 14/1` for another meeting, "
        "`{minutes} version 1` for an earlier version)",
    },
    "help_line_attendance": {
        "sv": "**{present}**, **{absent}** *namn, namn* – närvaro på mötet (övriga i listan "
        "räknas som frånvarande); **{present}** ensamt ger listan att bocka i",
        "nb": "**{present}**, **{absent}** *navn, navn* – oppmøte på møtet (andre på listen "
        "regnes som forfall); **{present}** alene gir listen å krysse av",
        "en": "**{present}**, **{absent}** *name, name* – attendance at the meeting (everyone "
        "else on the list counts as absent); **{present}** alone gives the list to tick",
    },
    "help_line_note": {
        "sv": "**{note}** *avsnitt eller ämne*: *text* – anteckning till minnesanteckningarna",
        "nb": "**{note}** *punkt eller tema*: *tekst* – notat til referatet",
        "en": "**{note}** *section or topic*: *text* – a note for the minutes",
    },
    "help_line_approve": {
        "sv": "**{approve}** *version* – justera minnesanteckningarna (ordföranden eller "
        "justeraren); versionen låses (`{approve} 14/1` för ett annat möte)",
        "nb": "**{approve}** *versjon* – godkjenn referatet (lederen eller den som justerer); "
        "versjonen låses (`{approve} 14/1` for et annet møte)",
        "en": "**{approve}** *version* – approve the minutes (the chair or the adjuster); the "
        "version is locked (`{approve} 14/1` for another meeting)",
    },
    "help_line_settings": {
        "sv": "**{settings}** – gruppens inställningar och hur de ändras",
        "nb": "**{settings}** – gruppens innstillinger og hvordan de endres",
        "en": "**{settings}** – the group's settings and how to change them",
    },
    "help_line_regions": {
        "sv": "**{regions}** `Linköping (Region Östergötland, US), Jönköping, Kalmar` – visa "
        "eller ändra gruppens regioner, andra namn för en region inom parentes",
        "nb": "**{regions}** `Helse Vest (Vestlandet), Helse Nord` – vis eller endre gruppens "
        "regioner, andre navn på en region i parentes",
        "en": "**{regions}** `Linköping (Region Östergötland, US), Jönköping, Kalmar` – show or "
        "change the group's regions, other names for a region in parentheses",
    },
    "help_line_reporters": {
        "sv": "**{reporter}** `Kalmar @namn` – vem som rapporterar för en region (påminnelsen "
        "nämner hen); ensamt visar det alla",
        "nb": "**{reporter}** `Førde @navn` – hvem som rapporterer for en region (påminnelsen "
        "nevner dem); alene viser det alle",
        "en": "**{reporter}** `Kalmar @name` – who reports for a region (the reminder mentions "
        "them); alone it lists them all",
    },
    "owner_ambiguous": {
        "sv": "Vilken ”{name}” menar du: {people}? Skriv hela namnet (`åtgärd {example} …`) "
        "eller @nämn personen. Inget har sparats.",
        "nb": "Hvilken «{name}» mener du: {people}? Skriv hele navnet (`tiltak {example} …`) "
        "eller @nevn personen. Ingenting er lagret.",
        "en": "Which “{name}” do you mean: {people}? Write the whole name (`action {example} …`) "
        "or @mention the person. Nothing was saved.",
    },
    "roster_list": {
        "sv": "Närvarolistan: {names}.\n\nTa bort ett namn som lagts till (en gäst, en "
        "felstavning) med: närvarolista ta bort Namn",
        "nb": "Oppmøtelisten: {names}.\n\nFjern et navn som er lagt til (en gjest, en "
        "skrivefeil) med: oppmøteliste fjern Navn",
        "en": "The attendance list: {names}.\n\nRemove a name that was added (a guest, a "
        "typo) with: roster remove Name",
    },
    "roster_usage": {
        "sv": "Skriv t.ex. närvarolista ta bort Anna Berg",
        "nb": "Skriv f.eks. oppmøteliste fjern Kari Nordmann",
        "en": "Write e.g. roster remove Anna Berg",
    },
    "roster_removed": {
        "sv": "Borttaget från närvarolistan: {names}. Närvaron på tidigare möten står kvar.",
        "nb": "Fjernet fra oppmøtelisten: {names}. Oppmøtet på tidligere møter står.",
        "en": "Removed from the attendance list: {names}. Attendance at earlier meetings stays.",
    },
    "roster_not_added": {
        "sv": "Inte borttaget: {names} (inget tillagt namn på listan; den som har skrivit i "
        "kanalen står kvar).",
        "nb": "Ikke fjernet: {names} (ikke et navn som er lagt til; den som har skrevet i "
        "kanalen står).",
        "en": "Not removed: {names} (not a name that was added; someone who has written in the "
        "channel stays).",
    },
    "help_line_roster": {
        "sv": "**{roster}** – närvarolistan; `{roster} ta bort Namn` tar bort en gäst eller "
        "felstavning",
        "nb": "**{roster}** – oppmøtelisten; `{roster} fjern Navn` fjerner en gjest eller "
        "skrivefeil",
        "en": "**{roster}** – the attendance list; `{roster} remove Name` removes a guest or a "
        "typo",
    },
    "attendance_ambiguous": {
        "sv": "Vilken ”{name}” menar du: {people}? Skriv hela namnet. Inget har sparats.",
        "nb": "Hvilken «{name}» mener du: {people}? Skriv hele navnet. Ingenting er lagret.",
        "en": "Which “{name}” do you mean: {people}? Write the whole name. Nothing was saved.",
    },
    "reporter_usage": {
        "sv": "Skriv regionen och vem: `rapportör {example} @namn` (eller `mig`, eller `ingen`). "
        "Inget har ändrats.",
        "nb": "Skriv regionen og hvem: `rapportør {example} @navn` (eller `meg`, eller `ingen`). "
        "Ingenting er endret.",
        "en": "Write the region and who: `reporter {example} @name` (or `me`, or `none`). "
        "Nothing changed.",
    },
    "reporter_set": {
        "sv": "{name} rapporterar nu för **{region}**. Påminnelsen om lägesrapporter nämner "
        "{name} om {region} inte har rapporterat.",
        "nb": "{name} rapporterer nå for **{region}**. Påminnelsen om statusrapporter nevner "
        "{name} hvis {region} ikke har rapportert.",
        "en": "{name} now reports for **{region}**. The status report reminder mentions {name} "
        "if {region} has not reported.",
    },
    "reporter_removed": {
        "sv": "Ingen rapporterar längre särskilt för **{region}**.",
        "nb": "Ingen rapporterer lenger særskilt for **{region}**.",
        "en": "Nobody reports for **{region}** in particular any more.",
    },
    "reporters_show": {
        "sv": "Rapportörer: {reporters}. Ändra med: rapportör {example} @namn",
        "nb": "Rapportører: {reporters}. Endre med: rapportør {example} @navn",
        "en": "Reporters: {reporters}. Change with: reporter {example} @name",
    },
    "help_line_roles": {
        "sv": "**{roles}**, **{role}** `ordförande @namn` – vem som är ordförande, sekreterare "
        "och justerare",
        "nb": "**{roles}**, **{role}** `leder @navn` – hvem som er leder, sekretær og den som "
        "justerer",
        "en": "**{roles}**, **{role}** `chair @name` – who is chair, secretary and adjuster",
    },
    "help_line_log": {
        "sv": "**{log}** – de senaste ändringarna av inställningar, roller och borttagningar",
        "nb": "**{log}** – de siste endringene av innstillinger, roller og slettinger",
        "en": "**{log}** – the latest changes to settings, roles and deletions",
    },
    "help_line_help": {
        "sv": "**{help}** – den här listan",
        "nb": "**{help}** – denne listen",
        "en": "**{help}** – this list",
    },
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
    "unknown_action": {
        "sv": "Den knappen känner jag inte igen längre. Inget har ändrats.",
        "nb": "Den knappen kjenner jeg ikke igjen lenger. Ingenting er endret.",
        "en": "I no longer recognise that button. Nothing was changed.",
    },
    "empty_text": {
        "sv": "Texten är tom. Inget har sparats.",
        "nb": "Teksten er tom. Ingenting er lagret.",
        "en": "The text is empty. Nothing was saved.",
    },
    "role_chair": {"sv": "ordförande", "nb": "leder", "en": "chair"},
    "role_secretary": {"sv": "sekreterare", "nb": "sekretær", "en": "secretary"},
    "role_member": {"sv": "medlem", "nb": "medlem", "en": "member"},
    "role_adjuster": {"sv": "justerare", "nb": "justerer", "en": "adjuster"},
    "nobody": {"sv": "ingen", "nb": "ingen", "en": "nobody"},
    "roles_show": {
        "sv": "Ordförande: {chair}. Sekreterare: {secretary}. Ordföranden och sekreteraren "
        "ändrar inställningar, regioner och roller, tar bort åtgärdspunkter och läser loggen. "
        "Ändra med: roll ordförande @namn, roll sekreterare @namn, roll medlem @namn",
        "nb": "Leder: {chair}. Sekretær: {secretary}. Lederen og sekretæren endrer "
        "innstillinger, regioner og roller, sletter tiltakspunkter og leser loggen. Endre med: "
        "rolle leder @navn, rolle sekretær @navn, rolle medlem @navn",
        "en": "Chair: {chair}. Secretary: {secretary}. The chair and the secretary change "
        "settings, regions and roles, delete action items and read the log. Change with: role "
        "chair @name, role secretary @name, role member @name",
    },
    "roles_none": {
        "sv": "Gruppen har ingen ordförande än, så alla kan ändra inställningar, regioner och "
        "roller. Utse en med: roll ordförande @namn (eller roll ordförande mig)",
        "nb": "Gruppen har ingen leder ennå, så alle kan endre innstillinger, regioner og "
        "roller. Utpek en med: rolle leder @navn (eller rolle leder meg)",
        "en": "The group has no chair yet, so anyone can change settings, regions and roles. "
        "Appoint one with: role chair @name (or role chair me)",
    },
    "role_set": {
        "sv": "{name} är nu {role} i gruppen.",
        "nb": "{name} er nå {role} i gruppen.",
        "en": "{name} is now {role} of the group.",
    },
    "role_usage": {
        "sv": "Skriv roll ordförande @namn, roll sekreterare @namn, roll justerare @namn eller "
        "roll medlem @namn (mig för dig själv).",
        "nb": "Skriv rolle leder @navn, rolle sekretær @navn, rolle justerer @navn eller rolle "
        "medlem @navn (meg for deg selv).",
        "en": "Write role chair @name, role secretary @name, role adjuster @name or role member "
        "@name (me for yourself).",
    },
    "role_who": {
        "sv": "Jag vet inte vem {who} är. @-nämn personen, eller skriv mig.",
        "nb": "Jeg vet ikke hvem {who} er. @-nevn personen, eller skriv meg.",
        "en": "I don't know who {who} is. @mention the person, or write me.",
    },
    "forbidden_settings": {
        "sv": "Bara ordföranden eller sekreteraren kan ändra gruppens inställningar ({officers}).",
        "nb": "Bare lederen eller sekretæren kan endre gruppens innstillinger ({officers}).",
        "en": "Only the chair or the secretary can change the group's settings ({officers}).",
    },
    "forbidden_regions": {
        "sv": "Bara ordföranden eller sekreteraren kan ändra gruppens regioner ({officers}).",
        "nb": "Bare lederen eller sekretæren kan endre gruppens regioner ({officers}).",
        "en": "Only the chair or the secretary can change the group's regions ({officers}).",
    },
    "forbidden_roles": {
        "sv": "Bara ordföranden eller sekreteraren kan ändra roller ({officers}).",
        "nb": "Bare lederen eller sekretæren kan endre roller ({officers}).",
        "en": "Only the chair or the secretary can change roles ({officers}).",
    },
    "forbidden_delete": {
        "sv": "Bara ordföranden eller sekreteraren kan ta bort åtgärdspunkter ({officers}). "
        "Är den gjord? Skriv klar och numret.",
        "nb": "Bare lederen eller sekretæren kan slette tiltakspunkter ({officers}). Er det "
        "gjort? Skriv ferdig og nummeret.",
        "en": "Only the chair or the secretary can delete action items ({officers}). Is it "
        "done? Write done and its number.",
    },
    "forbidden_log": {
        "sv": "Bara ordföranden eller sekreteraren kan läsa loggen ({officers}).",
        "nb": "Bare lederen eller sekretæren kan lese loggen ({officers}).",
        "en": "Only the chair or the secretary can read the log ({officers}).",
    },
    "deleted": {
        "sv": "Åtgärd #{number} är borttagen: {text}",
        "nb": "Tiltak #{number} er slettet: {text}",
        "en": "Action item #{number} was deleted: {text}",
    },
    "log_empty": {
        "sv": "Loggen är tom: inga inställningar, roller eller borttagningar har ändrats än.",
        "nb": "Loggen er tom: ingen innstillinger, roller eller slettinger er endret ennå.",
        "en": "The log is empty: no settings, roles or deletions have changed yet.",
    },
    "log_header": {
        "sv": "Senaste ändringarna:",
        "nb": "Siste endringer:",
        "en": "Latest changes:",
    },
    "audit_meeting_chat": {
        "sv": "kopplade mötets chatt {chat} till gruppen",
        "nb": "koblet møtets chat {chat} til gruppen",
        "en": "linked the meeting chat {chat} to the group",
    },
    "audit_settings": {
        "sv": "ändrade inställningarna: {change}",
        "nb": "endret innstillingene: {change}",
        "en": "changed the settings: {change}",
    },
    "audit_regions": {
        "sv": "satte regionerna: {regions}",
        "nb": "satte regionene: {regions}",
        "en": "set the regions: {regions}",
    },
    "audit_minutes_approved": {
        "sv": "justerade version {version} av minnesanteckningarna från {meeting}",
        "nb": "godkjente versjon {version} av referatet fra {meeting}",
        "en": "approved version {version} of the minutes of {meeting}",
    },
    "audit_reporter": {
        "sv": "satte rapportör för {region}: {name}",
        "nb": "satte rapportør for {region}: {name}",
        "en": "set the reporter for {region}: {name}",
    },
    "audit_roles": {
        "sv": "gjorde {name} till {role}",
        "nb": "gjorde {name} til {role}",
        "en": "made {name} {role}",
    },
    "audit_delete": {
        "sv": "tog bort åtgärd #{number}: {text}",
        "nb": "slettet tiltak #{number}: {text}",
        "en": "deleted action item #{number}: {text}",
    },
    "audit_forget": {
        "sv": "tog bort namnet {name} ur öppna uppgifter ({count} ändringar)",
        "nb": "fjernet navnet {name} fra åpne opplysninger ({count} endringer)",
        "en": "removed the name {name} from open records ({count} changes)",
    },
    "audit_purge": {
        "sv": "rensade enligt lagringstiden: {count} uppgifter äldre än {before}",
        "nb": "slettet etter lagringstiden: {count} opplysninger eldre enn {before}",
        "en": "purged by the retention period: {count} records older than {before}",
    },
    "identity_number": {
        "sv": "Jag sparade ingenting: meddelandet ser ut att innehålla ett personnummer eller "
        "samordningsnummer. Patientuppgifter hör inte hemma i gruppens anteckningar. Skriv om "
        "det utan numret (t.ex. ”en patient i Kalmar”).",
        "nb": "Jeg lagret ingenting: meldingen ser ut til å inneholde et fødselsnummer eller "
        "D-nummer. Pasientopplysninger hører ikke hjemme i gruppens notater. Skriv den om uten "
        "nummeret (f.eks. «en pasient i Kalmar»).",
        "en": "I saved nothing: the message seems to contain a personal identity number "
        "(personnummer, samordningsnummer, fødselsnummer or D-nummer). Patient data does not "
        "belong in the group's notes. Please write it again without the number.",
    },
    "too_long": {
        "sv": "Texten är för lång ({length} tecken, högst {limit}). Inget har sparats – korta "
        "den eller dela upp den.",
        "nb": "Teksten er for lang ({length} tegn, høyst {limit}). Ingenting er lagret – "
        "kort den ned eller del den opp.",
        "en": "The text is too long ({length} characters, at most {limit}). Nothing was "
        "saved – shorten it or split it up.",
    },
    "no_regions": {
        "sv": "Gruppen har inga regioner än. Lägg till dem med: regioner Linköping, Jönköping, "
        "Kalmar",
        "nb": "Gruppen har ingen regioner ennå. Legg dem til med: regioner Bergen, Stavanger, "
        "Førde",
        "en": "The group has no regions yet. Add them with: regions Linköping, Jönköping, Kalmar",
    },
    "region_missing": {
        "sv": "Vilken region? Skriv t.ex. lägesrapport {example}. Gruppens regioner: {regions}.",
        "nb": "Hvilken region? Skriv f.eks. statusrapport {example}. Gruppens regioner: {regions}.",
        "en": "Which region? Write e.g. status {example}. The group's regions: {regions}.",
    },
    "unknown_region": {
        "sv": "Regionen ”{region}” känner jag inte till. Inget har sparats. Gruppens "
        "regioner: {regions}. Är det ett annat namn för en av dem? Ordföranden eller "
        "sekreteraren lägger till det inom parentes: `regioner {example}`",
        "nb": "Regionen «{region}» kjenner jeg ikke. Ingenting er lagret. Gruppens regioner: "
        "{regions}. Er det et annet navn på en av dem? Lederen eller sekretæren legger det til "
        "i parentes: `regioner {example}`",
        "en": "I don't know the region “{region}”. Nothing was saved. The group's regions: "
        "{regions}. Is it another name for one of them? The chair or the secretary adds it in "
        "parentheses: `regions {example}`",
    },
    "region_name_twice": {
        "sv": "”{name}” står två gånger bland regionerna och deras andra namn. Ett namn får bara "
        "höra till en region. Inget har ändrats.",
        "nb": "«{name}» står to ganger blant regionene og de andre navnene deres. Et navn kan bare "
        "høre til én region. Ingenting er endret.",
        "en": "“{name}” appears twice among the regions and their other names. A name can belong "
        "to one region only. Nothing changed.",
    },
    "unknown_region_suggest": {
        "sv": "Regionen ”{region}” känner jag inte till. Menade du {suggestions}? Inget har "
        "sparats.",
        "nb": "Regionen «{region}» kjenner jeg ikke. Mente du {suggestions}? Ingenting er lagret.",
        "en": "I don't know the region “{region}”. Did you mean {suggestions}? Nothing was saved.",
    },
    "for_meeting": {
        "sv": "inför mötet {when}",
        "nb": "til møtet {when}",
        "en": "for the meeting {when}",
    },
    # A decision taken at a meeting that has begun (or just ended) belongs to it.
    "at_meeting": {
        "sv": "vid mötet {when}",
        "nb": "på møtet {when}",
        "en": "at the meeting {when}",
    },
    "for_unplanned_meeting": {
        "sv": "inför nästa möte, som inte är planerat än",
        "nb": "til neste møte, som ikke er planlagt ennå",
        "en": "for the next meeting, not yet scheduled",
    },
    "report_saved": {
        "sv": "Lägesrapporten för **{region}** är sparad, {meeting}.",
        "nb": "Statusrapporten for **{region}** er lagret, {meeting}.",
        "en": "The status report for **{region}** is saved, {meeting}.",
    },
    "report_replaced": {
        "sv": "Lägesrapporten för **{region}** är sparad, {meeting}. Den ersätter den från "
        "{previous} (som finns kvar i historiken).",
        "nb": "Statusrapporten for **{region}** er lagret, {meeting}. Den erstatter den fra "
        "{previous} (som beholdes i historikken).",
        "en": "The status report for **{region}** is saved, {meeting}. It replaces the one "
        "from {previous} (kept in the history).",
    },
    "report_form_title": {
        "sv": "Lägesrapport – {region}",
        "nb": "Statusrapport – {region}",
        "en": "Status report – {region}",
    },
    "report_form_hint": {
        "sv": "Skriv rapporten här, högst {limit} tecken. Stycken och punktlistor blir kvar som "
        "du skriver dem.",
        "nb": "Skriv rapporten her, høyst {limit} tegn. Avsnitt og punktlister beholdes slik du "
        "skriver dem.",
        "en": "Write the report here, at most {limit} characters. Paragraphs and bullet lists "
        "stay as you write them.",
    },
    "report_prompt": {
        "sv": "Skriv lägesrapporten för **{region}** ({meeting}). Skriv avbryt för att avbryta.",
        "nb": "Skriv statusrapporten for **{region}** ({meeting}). Skriv avbryt for å avbryte.",
        "en": "Write the status report for **{region}** ({meeting}). Write cancel to stop.",
    },
    "report_confirm": {
        "sv": "Så här blir lägesrapporten för **{region}**:\n\n{text}\n\nVill du spara den?",
        "nb": "Slik blir statusrapporten for **{region}**:\n\n{text}\n\nVil du lagre den?",
        "en": "This is the status report for **{region}**:\n\n{text}\n\nSave it?",
    },
    "choose_retry": {
        "sv": "Välj Spara, Ändra eller Avbryt.",
        "nb": "Velg Lagre, Endre eller Avbryt.",
        "en": "Choose Save, Edit or Cancel.",
    },
    "save": {"sv": "Spara", "nb": "Lagre", "en": "Save"},
    "edit": {"sv": "Ändra", "nb": "Endre", "en": "Edit"},
    "cancel": {"sv": "Avbryt", "nb": "Avbryt", "en": "Cancel"},
    "done_button": {"sv": "Klar", "nb": "Ferdig", "en": "Done"},
    "dialog_draft_kept": {
        "sv": "Lägesrapporten du håller på med finns kvar men är inte sparad än. Vi fortsätter "
        "där vi var:",
        "nb": "Statusrapporten du holder på med er beholdt, men ikke lagret ennå. Vi fortsetter "
        "der vi var:",
        "en": "The status report you are writing is kept, but not saved yet. Let's carry on "
        "where we were:",
    },
    "dialog_draft_dropped": {
        "sv": "Lägesrapporten du höll på med är avbruten och inte sparad.",
        "nb": "Statusrapporten du holdt på med er avbrutt og ikke lagret.",
        "en": "The status report you were writing is dropped, not saved.",
    },
    "report_card_saved": {
        "sv": "Sparad av {author}, {meeting}.",
        "nb": "Lagret av {author}, {meeting}.",
        "en": "Saved by {author}, {meeting}.",
    },
    "cancelled": {
        "sv": "Avbrutet. Inget har sparats.",
        "nb": "Avbrutt. Ingenting er lagret.",
        "en": "Cancelled. Nothing was saved.",
    },
    "reports_heading": {
        "sv": "Lägesrapporter {meeting}:",
        "nb": "Statusrapporter {meeting}:",
        "en": "Status reports {meeting}:",
    },
    "reports_line_done": {
        "sv": "**{region}**: rapporterat av {author}, {when}",
        "nb": "**{region}**: rapportert av {author}, {when}",
        "en": "**{region}**: reported by {author}, {when}",
    },
    "reports_line_missing": {
        "sv": "**{region}**: ej rapporterat",
        "nb": "**{region}**: ikke rapportert",
        "en": "**{region}**: not reported",
    },
    "action_title": {"sv": "Åtgärd #{number}", "nb": "Tiltak #{number}", "en": "Action #{number}"},
    "action_owner": {"sv": "Ansvarig: {owner}", "nb": "Ansvarlig: {owner}", "en": "Owner: {owner}"},
    "action_no_owner": {
        "sv": "Ansvarig: ingen angiven",
        "nb": "Ansvarlig: ingen angitt",
        "en": "Owner: none given",
    },
    "action_due": {"sv": "Senast: {due}", "nb": "Frist: {due}", "en": "Due: {due}"},
    "action_no_due": {"sv": "Senast: inget datum", "nb": "Frist: ingen dato", "en": "Due: no date"},
    "action_overdue": {"sv": "försenad", "nb": "forsinket", "en": "overdue"},
    "action_closed_by": {
        "sv": "Klar {when} ({by})",
        "nb": "Ferdig {when} ({by})",
        "en": "Done {when} ({by})",
    },
    "action_no_meeting": {
        "sv": "”{phrase}”: inget möte är planerat än, så åtgärden fick inget datum.",
        "nb": "«{phrase}»: ingen møter er planlagt ennå, så tiltaket fikk ingen dato.",
        "en": "“{phrase}”: no meeting is scheduled yet, so the item has no due date.",
    },
    "actions_heading": {
        "sv": "Öppna åtgärder ({count})",
        "nb": "Åpne tiltak ({count})",
        "en": "Open action items ({count})",
    },
    "actions_all_heading": {
        "sv": "Alla åtgärder ({count})",
        "nb": "Alle tiltak ({count})",
        "en": "All action items ({count})",
    },
    "actions_none": {
        "sv": "Inga öppna åtgärder. Lägg till en med: åtgärd <text>",
        "nb": "Ingen åpne tiltak. Legg til et med: tiltak <tekst>",
        "en": "No open action items. Add one with: action <text>",
    },
    "action_done": {
        "sv": "Åtgärd #{number} är klar: {text}",
        "nb": "Tiltak #{number} er ferdig: {text}",
        "en": "Action #{number} is done: {text}",
    },
    "action_already_done": {
        "sv": "Åtgärd #{number} var redan klar ({when}, {by}).",
        "nb": "Tiltak #{number} var allerede ferdig ({when}, {by}).",
        "en": "Action #{number} was already done ({when}, {by}).",
    },
    "action_unknown": {
        "sv": "Det finns ingen åtgärd #{number}. Skriv åtgärder för att se de öppna.",
        "nb": "Det finnes ikke noe tiltak #{number}. Skriv tiltaksliste for å se de åpne.",
        "en": "There is no action #{number}. Write actions to see the open ones.",
    },
    "action_number_missing": {
        "sv": "Vilken åtgärd? Skriv numret, t.ex. klar 12.",
        "nb": "Hvilket tiltak? Skriv nummeret, f.eks. ferdig 12.",
        "en": "Which action item? Give its number, e.g. done 12.",
    },
    "action_edited": {
        "sv": "Åtgärd #{number} är ändrad.",
        "nb": "Tiltak #{number} er endret.",
        "en": "Action #{number} is changed.",
    },
    "edit_nothing": {
        "sv": "Vad ska ändras? Till exempel: ändra {number} ansvarig: Sara, ändra {number} "
        "senast {ex_day} eller ändra {number} text: ny text.",
        "nb": "Hva skal endres? For eksempel: endre {number} ansvarlig: Kari, endre {number} "
        "innen {ex_day} eller endre {number} tekst: ny tekst.",
        "en": "What should change? For example: edit {number} owner: Sara, edit {number} by "
        "{ex_day} or edit {number} text: new text.",
    },
    "date_vague": {
        "sv": "”{phrase}” är för vagt för ett datum. Skriv t.ex. ”senast {ex_day}”, ”vecka 10” "
        "eller ”till nästa möte”. Inget har sparats.",
        "nb": "«{phrase}» er for vagt for en dato. Skriv f.eks. «innen {ex_day}», «uke 10» eller "
        "«til neste møte». Ingenting er lagret.",
        "en": "“{phrase}” is too vague for a date. Write e.g. “by {ex_day}”, “week 10” or “by "
        "the next meeting”. Nothing was saved.",
    },
    "date_ambiguous": {
        "sv": "”{phrase}” kan betyda {first} eller {second}. Skriv det datum du menar. "
        "Inget har sparats.",
        "nb": "«{phrase}» kan bety {first} eller {second}. Skriv datoen du mener. "
        "Ingenting er lagret.",
        "en": "“{phrase}” could mean {first} or {second}. Write the date you mean. "
        "Nothing was saved.",
    },
    "date_period_read": {
        "sv": "”{phrase}”: senast {date} – skriv ett annat datum om du menade något annat.",
        "nb": "«{phrase}»: innen {date} – skriv en annen dato hvis du mente noe annet.",
        "en": "“{phrase}”: by {date} – write another date if you meant something else.",
    },
    "date_past": {
        "sv": "”{phrase}” ({date}) har redan varit. Inget har sparats.",
        "nb": "«{phrase}» ({date}) har allerede vært. Ingenting er lagret.",
        "en": "“{phrase}” ({date}) is in the past. Nothing was saved.",
    },
    "date_unreadable": {
        "sv": "”{phrase}” kan jag inte läsa som datum. Skriv t.ex. ”{ex_day}”, ”vecka 10” eller "
        "”om två veckor”. Inget har sparats.",
        "nb": "«{phrase}» kan jeg ikke lese som en dato. Skriv f.eks. «{ex_day}», «uke 10» eller "
        "«om to uker». Ingenting er lagret.",
        "en": "I can't read “{phrase}” as a date. Write e.g. “{ex_day}”, “week 10” or “in two "
        "weeks”. Nothing was saved.",
    },
    "decision_saved": {
        "sv": "Beslutet är antecknat, {meeting}: {text}",
        "nb": "Vedtaket er notert, {meeting}: {text}",
        "en": "The decision is recorded, {meeting}: {text}",
    },
    "point_saved": {
        "sv": "Punkten är föreslagen till nästa dagordning under **{section}**: {text}",
        "nb": "Punktet er foreslått til neste dagsorden under **{section}**: {text}",
        "en": "The item is proposed for the next agenda under **{section}**: {text}",
    },
    "regions_set": {
        "sv": "Gruppens regioner är nu: {regions}.",
        "nb": "Gruppens regioner er nå: {regions}.",
        "en": "The group's regions are now: {regions}.",
    },
    "regions_show": {
        "sv": "Gruppens regioner: {regions}. Ändra med: regioner Linköping, Jönköping, Kalmar "
        "(andra namn för en region inom parentes: regioner Linköping (Region Östergötland, US), "
        "Jönköping, Kalmar)",
        "nb": "Gruppens regioner: {regions}. Endre med: regioner Bergen, Stavanger, Førde "
        "(andre navn på en region i parentes: regioner Bergen (Helse Bergen), Stavanger, Førde)",
        "en": "The group's regions: {regions}. Change with: regions Linköping, Jönköping, Kalmar "
        "(other names for a region in parentheses: regions Linköping (Region Östergötland, US), "
        "Jönköping, Kalmar)",
    },
    "regions_too_many": {
        "sv": "Högst {limit} regioner med högst {length} tecken var. Inget har ändrats.",
        "nb": "Høyst {limit} regioner med høyst {length} tegn hver. Ingenting er endret.",
        "en": "At most {limit} regions of at most {length} characters each. Nothing changed.",
    },
    "no_group": {
        "sv": "Jag vet inte vilken arbetsgrupp du hör till. Skriv något till mig i gruppens "
        "kanal först (t.ex. @RAG hjälp), så känner jag igen dig här.",
        "nb": "Jeg vet ikke hvilken arbeidsgruppe du hører til. Skriv noe til meg i gruppens "
        "kanal først (f.eks. @RAG hjelp), så kjenner jeg deg igjen her.",
        "en": "I don't know which working group you belong to. Write to me in the group's "
        "channel first (e.g. @RAG help) and I will know you here.",
    },
    "edit_title": {
        "sv": "Ändra åtgärd #{number}",
        "nb": "Endre tiltak #{number}",
        "en": "Edit action #{number}",
    },
    "field_text": {
        "sv": "Text (högst {limit} tecken)",
        "nb": "Tekst (høyst {limit} tegn)",
        "en": "Text (at most {limit} characters)",
    },
    "field_owner": {"sv": "Ansvarig", "nb": "Ansvarlig", "en": "Owner"},
    "field_due": {
        "sv": "Senast (t.ex. {ex_day}, vecka 10, till nästa möte)",
        "nb": "Frist (f.eks. {ex_day}, uke 10, til neste møte)",
        "en": "Due (e.g. {ex_day}, week 10, by the next meeting)",
    },
    "and": {"sv": "och", "nb": "og", "en": "and"},
    "or": {"sv": "eller", "nb": "eller", "en": "or"},
    "section_opening": {"sv": "Mötets öppnande", "nb": "Møtets åpning", "en": "Opening"},
    "section_previous_minutes": {
        "sv": "Föregående mötesanteckningar",
        "nb": "Forrige referat",
        "en": "Previous minutes",
    },
    "section_development": {
        "sv": "Utvecklingsområde",
        "nb": "Utviklingsområde",
        "en": "Development",
    },
    "section_other": {"sv": "Övrigt", "nb": "Eventuelt", "en": "Other business"},
    "section_next_meetings": {
        "sv": "Nya mötestider",
        "nb": "Nye møtetider",
        "en": "Next meetings",
    },
    # --- meetings ------------------------------------------------------------------------
    "place_later": {
        "sv": "plats meddelas senare",
        "nb": "sted kommer senere",
        "en": "place to be announced",
    },
    "meeting_no_time": {
        "sv": "Jag hittar ingen tid i ”{entry}”. Skriv till exempel `{ex_day} kl 13-14 Teams`. "
        "Inget har sparats.",
        "nb": "Jeg finner ikke noe klokkeslett i ”{entry}”. Skriv for eksempel "
        "`{ex_day} kl 13-14 Teams`. Ingenting er lagret.",
        "en": "I can't find a time in ”{entry}”. Write for example `{ex_day} at 13-14 Teams`. "
        "Nothing was saved.",
    },
    "meeting_no_day": {
        "sv": "Jag hittar inget datum i ”{entry}”. Skriv till exempel `{ex_day} kl 13-14 Teams`. "
        "Inget har sparats.",
        "nb": "Jeg finner ingen dato i ”{entry}”. Skriv for eksempel `{ex_day} kl 13-14 Teams`. "
        "Ingenting er lagret.",
        "en": "I can't find a date in ”{entry}”. Write for example `{ex_day} at 13-14 Teams`. "
        "Nothing was saved.",
    },
    "meeting_unreadable": {
        "sv": "Jag förstår inte datumet ”{phrase}” i ”{entry}”. Skriv till exempel "
        "`{ex_day} kl 13-14 Teams`. Inget har sparats.",
        "nb": "Jeg forstår ikke datoen ”{phrase}” i ”{entry}”. Skriv for eksempel "
        "`{ex_day} kl 13-14 Teams`. Ingenting er lagret.",
        "en": "I don't understand the date ”{phrase}” in ”{entry}”. Write for example "
        "`{ex_day} at 13-14 Teams`. Nothing was saved.",
    },
    "meeting_bad_time": {
        "sv": "Tiden ”{phrase}” går inte att läsa: skriv till exempel `kl 13-14` (sluttiden efter "
        "starttiden). Inget har sparats.",
        "nb": "Klokkeslettet ”{phrase}” kan ikke leses: skriv for eksempel `kl 13-14` (slutt etter "
        "start). Ingenting er lagret.",
        "en": "The time ”{phrase}” can't be read: write for example `13-14` (the end after the "
        "start). Nothing was saved.",
    },
    "meeting_none_given": {
        "sv": "Skriv mötestiderna efter kommandot, till exempel "
        "`mötestider {ex_day} kl 13-14 Teams; {ex_later} kl 11-12 Teams`.",
        "nb": "Skriv møtetidene etter kommandoen, for eksempel "
        "`møtetider {ex_day} kl 13-14 Teams; {ex_later} kl 11-12 Teams`.",
        "en": "Write the meeting times after the command, for example "
        "`meetings {ex_day} at 13-14 Teams; {ex_later} at 11-12 Teams`.",
    },
    "meeting_too_many": {
        "sv": "Högst {limit} möten åt gången. Inget har sparats.",
        "nb": "Høyst {limit} møter om gangen. Ingenting er lagret.",
        "en": "At most {limit} meetings at a time. Nothing was saved.",
    },
    "meeting_past": {
        "sv": "Mötet {when} har redan varit, så det kan inte planeras. Inget har sparats.",
        "nb": "Møtet {when} har allerede vært, så det kan ikke planlegges. Ingenting er lagret.",
        "en": "The meeting {when} is in the past, so it can't be planned. Nothing was saved.",
    },
    "meeting_too_far": {
        "sv": "Mötet {when} ligger mer än tre år fram. Stämmer datumet? Inget har sparats.",
        "nb": "Møtet {when} ligger mer enn tre år frem. Stemmer datoen? Ingenting er lagret.",
        "en": "The meeting {when} is more than three years ahead. Is the date right? "
        "Nothing was saved.",
    },
    "meeting_overlap": {
        "sv": "Mötet {when} krockar med mötet {other}. Inget har sparats.",
        "nb": "Møtet {when} kolliderer med møtet {other}. Ingenting er lagret.",
        "en": "The meeting {when} overlaps the meeting {other}. Nothing was saved.",
    },
    "meeting_which": {
        "sv": "Vilket möte? Skriv dagen, till exempel `ställ in möte {ex_day}`.",
        "nb": "Hvilket møte? Skriv dagen, for eksempel `avlys møte {ex_day}`.",
        "en": "Which meeting? Give the day, for example `cancel meeting {ex_day}`.",
    },
    "meeting_not_found": {
        "sv": "Det finns inget planerat möte {day}. Skriv `mötestider` för att se de planerade.",
        "nb": "Det finnes ikke noe planlagt møte {day}. Skriv `møtetider` for å se de planlagte.",
        "en": "There is no meeting planned on {day}. Write `meetings` to see the planned ones.",
    },
    "meeting_move_how": {
        "sv": "Skriv vilket möte och vart det ska, till exempel "
        "`flytta möte {ex_day} till {ex_moved} kl 13-14`.",
        "nb": "Skriv hvilket møte og hvor det skal, for eksempel "
        "`flytt møte {ex_day} til {ex_moved} kl 13-14`.",
        "en": "Say which meeting and where to, for example "
        "`move meeting {ex_day} to {ex_moved} at 13-14`.",
    },
    "meeting_changed": {
        "sv": "Mötet har ändrats sedan frågan ställdes, så inget har gjorts. Försök igen.",
        "nb": "Møtet er endret siden spørsmålet ble stilt, så ingenting er gjort. Prøv igjen.",
        "en": "The meeting has changed since you were asked, so nothing was done. Try again.",
    },
    "meetings_added": {
        "sv": "Planerade möten:",
        "nb": "Planlagte møter:",
        "en": "Meetings planned:",
    },
    "meetings_already": {
        "sv": "Redan planerade sedan tidigare:",
        "nb": "Allerede planlagt fra før:",
        "en": "Already planned:",
    },
    "meetings_heading": {
        "sv": "Kommande möten:",
        "nb": "Kommende møter:",
        "en": "Upcoming meetings:",
    },
    "meetings_none": {
        "sv": "Inga möten är planerade. Planera med "
        "`mötestider {ex_day} kl 13-14 Teams; {ex_later} kl 11-12 Teams`.",
        "nb": "Ingen møter er planlagt. Planlegg med "
        "`møtetider {ex_day} kl 13-14 Teams; {ex_later} kl 11-12 Teams`.",
        "en": "No meetings are planned. Plan them with "
        "`meetings {ex_day} at 13-14 Teams; {ex_later} at 11-12 Teams`.",
    },
    "calendar_link": {
        "sv": "Kalenderfil (.ics) för alla kommande möten: {url}",
        "nb": "Kalenderfil (.ics) for alle kommende møter: {url}",
        "en": "Calendar file (.ics) with every upcoming meeting: {url}",
    },
    "next_meeting": {
        "sv": "Nästa möte: {meeting}.\nTill din kalender (.ics): {url}",
        "nb": "Neste møte: {meeting}.\nTil kalenderen din (.ics): {url}",
        "en": "Next meeting: {meeting}.\nTo your calendar (.ics): {url}",
    },
    "move_confirm": {
        "sv": "Flytta mötet {old} till {new}?",
        "nb": "Flytte møtet {old} til {new}?",
        "en": "Move the meeting {old} to {new}?",
    },
    "move_button": {"sv": "Flytta", "nb": "Flytt", "en": "Move"},
    "moved": {
        "sv": "Mötet är flyttat från {old} till {new}. Dagordning och påminnelser följer med.",
        "nb": "Møtet er flyttet fra {old} til {new}. Dagsorden og påminnelser følger med.",
        "en": "The meeting moved from {old} to {new}. Agenda and reminders follow it.",
    },
    "cancel_confirm": {
        "sv": "Ställa in mötet {when}?",
        "nb": "Avlyse møtet {when}?",
        "en": "Cancel the meeting {when}?",
    },
    "cancel_meeting_button": {"sv": "Ställ in", "nb": "Avlys", "en": "Cancel meeting"},
    "keep_button": {"sv": "Behåll", "nb": "Behold", "en": "Keep"},
    "meeting_cancelled": {
        "sv": "Mötet {when} är inställt. Lägesrapporter och förslag till dagordningen går vidare "
        "till nästa möte.",
        "nb": "Møtet {when} er avlyst. Statusrapporter og forslag til dagsorden går videre til "
        "neste møte.",
        "en": "The meeting {when} is cancelled. Status reports and proposed agenda items move on "
        "to the next meeting.",
    },
    "nothing_changed": {
        "sv": "Okej, mötet är oförändrat.",
        "nb": "Greit, møtet er uendret.",
        "en": "OK, the meeting is unchanged.",
    },
    # --- agenda --------------------------------------------------------------------------
    # The minutes (bot/domain/minutes.py, bot/domain/proceedings.py).
    "minutes_title": {
        "sv": "Minnesanteckningar {group}",
        "nb": "Referat {group}",
        "en": "Minutes {group}",
    },
    "minutes_date_label": {"sv": "Datum", "nb": "Dato", "en": "Date"},
    "minutes_time": {
        "sv": "{day}, kl. {start} – {end}",
        "nb": "{day}, kl. {start} – {end}",
        "en": "{day}, {start} – {end}",
    },
    "minutes_place_label": {"sv": "Plats", "nb": "Sted", "en": "Place"},
    "minutes_present_label": {"sv": "Närvarande", "nb": "Til stede", "en": "Present"},
    "minutes_absent_label": {"sv": "Frånvarande", "nb": "Forfall", "en": "Absent"},
    "minutes_compiled_by": {"sv": "Sammanställt av", "nb": "Referent", "en": "Minutes by"},
    "minutes_chair_line": {
        "sv": "Ordförande, {group}",
        "nb": "Leder, {group}",
        "en": "Chair, {group}",
    },
    "minutes_decision": {"sv": "Beslut: {text}", "nb": "Vedtak: {text}", "en": "Decision: {text}"},
    "minutes_item": {
        "sv": "Åtgärd #{number}: {text}",
        "nb": "Tiltak #{number}: {text}",
        "en": "Action #{number}: {text}",
    },
    "minutes_closed_items": {
        "sv": "Avklarade åtgärder sedan förra mötet",
        "nb": "Fullførte tiltak siden forrige møte",
        "en": "Action items done since the last meeting",
    },
    "minutes_item_done": {"sv": "klar {day}", "nb": "ferdig {day}", "en": "done {day}"},
    "minutes_no_meeting_on_day": {
        "sv": "Gruppen har inget möte {day}. Mötena visas med: mötestider",
        "nb": "Gruppen har ikke noe møte {day}. Møtene vises med: møtetider",
        "en": "The group has no meeting on {day}. Show the meetings with: meetings",
    },
    "minutes_not_held": {
        "sv": "Mötet {meeting} har inte hållits än. Minnesanteckningarna justeras efter mötet.",
        "nb": "Møtet {meeting} er ikke holdt ennå. Referatet godkjennes etter møtet.",
        "en": "The meeting {meeting} has not been held yet. Its minutes are approved after it.",
    },
    "minutes_no_meeting": {
        "sv": "Det finns inget möte att föra minnesanteckningar för. Planera mötena med: "
        "mötestider 23/11 kl 13-14 Teams",
        "nb": "Det finnes ikke noe møte å skrive referat for. Planlegg møtene med: "
        "møtetider 23/11 kl 13-14 Teams",
        "en": "There is no meeting to take minutes for. Plan the meetings with: "
        "meetings 23/11 13-14 Teams",
    },
    "attendance_usage": {
        "sv": "Vilka? Skriv t.ex. närvarande Sara Axelsson, Mats Homelius",
        "nb": "Hvem? Skriv f.eks. til stede Kari Nordmann, Ola Hansen",
        "en": "Who? Write e.g. present Sara Axelsson, Mats Homelius",
    },
    "attendance_saved": {
        "sv": "Närvaro vid mötet {meeting}.\n\nNärvarande: {present}\n\nFrånvarande: {absent}",
        "nb": "Oppmøte på møtet {meeting}.\n\nTil stede: {present}\n\nForfall: {absent}",
        "en": "Attendance at the meeting {meeting}.\n\nPresent: {present}\n\nAbsent: {absent}",
    },
    "attendance_card_title": {
        "sv": "Närvaro – mötet {meeting}",
        "nb": "Oppmøte – møtet {meeting}",
        "en": "Attendance – the meeting {meeting}",
    },
    "attendance_card_hint": {
        "sv": "Bocka i vilka som är med. Övriga på listan räknas som frånvarande.",
        "nb": "Kryss av hvem som er med. Andre på listen regnes som forfall.",
        "en": "Tick who is here. Everyone else on the list counts as absent.",
    },
    "attendance_guests_label": {
        "sv": "Fler närvarande (gäster, andra regioner)",
        "nb": "Flere til stede (gjester, andre regioner)",
        "en": "More present (guests, other regions)",
    },
    "attendance_guests_placeholder": {
        "sv": "Namn, Namn",
        "nb": "Navn, Navn",
        "en": "Name, Name",
    },
    "minutes_approve_button": {
        "sv": "Justera version {version}",
        "nb": "Godkjenn versjon {version}",
        "en": "Approve version {version}",
    },
    "attendance_added": {
        "sv": "Nya på närvarolistan: {names}.",
        "nb": "Nye på oppmøtelisten: {names}.",
        "en": "New on the attendance list: {names}.",
    },
    "note_usage": {
        "sv": "Under vilket avsnitt eller ämne? Skriv t.ex. anteckning Övrigt: text",
        "nb": "Under hvilket punkt eller tema? Skriv f.eks. notat Eventuelt: tekst",
        "en": "Under which section or topic? Write e.g. note Other business: text",
    },
    "note_did_you_mean": {
        "sv": "Menade du {suggestion}? Skriv i så fall `anteckning {suggestion}: …`. Inget har "
        "sparats.",
        "nb": "Mente du {suggestion}? Skriv i så fall `notat {suggestion}: …`. Ingenting er "
        "lagret.",
        "en": "Did you mean {suggestion}? Then write `note {suggestion}: …`. Nothing was saved.",
    },
    "note_no_section": {
        "sv": "Det finns inget avsnitt {number}; avsnitten är 1–{count}. Inget har sparats.",
        "nb": "Det finnes ikke noe punkt {number}; punktene er 1–{count}. Ingenting er lagret.",
        "en": "There is no section {number}; the sections are 1–{count}. Nothing was saved.",
    },
    "note_saved": {
        "sv": "Antecknat under **{part}**, mötet {meeting}.",
        "nb": "Notert under **{part}**, møtet {meeting}.",
        "en": "Noted under **{part}**, the meeting {meeting}.",
    },
    "minutes_locked_change": {
        "sv": "Version {version} är justerad och låst; ändringen kommer med i nästa version, "
        "som behöver justeras igen.",
        "nb": "Versjon {version} er godkjent og låst; endringen kommer med i neste versjon, "
        "som må godkjennes på nytt.",
        "en": "Version {version} is approved and locked; the change goes into the next "
        "version, which needs approval again.",
    },
    "minutes_draft_header": {
        "sv": "Utkast, version {version}. Justeras av ordföranden eller justeraren med: "
        "justera {version}",
        "nb": "Utkast, versjon {version}. Godkjennes av lederen eller den som justerer med: "
        "godkjenn {version}",
        "en": "Draft, version {version}. The chair or the adjuster approves it with: "
        "approve {version}",
    },
    "versions_one": {"sv": "1 version", "nb": "1 versjon", "en": "1 version"},
    "versions_many": {
        "sv": "{count} versioner",
        "nb": "{count} versjoner",
        "en": "{count} versions",
    },
    "minutes_draft_file_header": {
        "sv": "Utkast, version {version}",
        "nb": "Utkast, versjon {version}",
        "en": "Draft, version {version}",
    },
    "minutes_file_name": {"sv": "minnesanteckningar", "nb": "referat", "en": "minutes"},
    "minutes_approved_header": {
        "sv": "Version {version}, justerad av {name} {when}. Låst.",
        "nb": "Versjon {version}, godkjent av {name} {when}. Låst.",
        "en": "Version {version}, approved by {name} {when}. Locked.",
    },
    "minutes_older_versions": {
        "sv": "Tidigare versioner: minnesanteckningar version 1 … {last}",
        "nb": "Tidligere versjoner: referat versjon 1 … {last}",
        "en": "Earlier versions: minutes version 1 … {last}",
    },
    "minutes_links": {
        "sv": "Ladda ner: [PDF]({pdf}) · [Word]({docx}) · [Markdown]({markdown})",
        "nb": "Last ned: [PDF]({pdf}) · [Word]({docx}) · [Markdown]({markdown})",
        "en": "Download: [PDF]({pdf}) · [Word]({docx}) · [Markdown]({markdown})",
    },
    "minutes_cut": {
        "sv": "*Långa stycken är förkortade här; hela texten finns i Word-filen.*",
        "nb": "*Lange avsnitt er forkortet her; hele teksten finnes i Word-filen.*",
        "en": "*Long paragraphs are shortened here; the whole text is in the Word file.*",
    },
    "minutes_unknown_version": {
        "sv": "Version {version} finns inte. Minnesanteckningarna har {versions}.",
        "nb": "Versjon {version} finnes ikke. Referatet har {versions}.",
        "en": "There is no version {version}. The minutes have {versions}.",
    },
    "minutes_none_yet": {
        "sv": "Det finns inget utkast att justera än. Visa det först med: minnesanteckningar",
        "nb": "Det finnes ikke noe utkast å godkjenne ennå. Vis det først med: referat",
        "en": "There is no draft to approve yet. Show it first with: minutes",
    },
    "minutes_changed": {
        "sv": "Något har ändrats sedan version {version} visades. Visa det nya utkastet med "
        "minnesanteckningar och justera sedan det.",
        "nb": "Noe er endret siden versjon {version} ble vist. Vis det nye utkastet med referat "
        "og godkjenn det.",
        "en": "Something has changed since version {version} was shown. Show the new draft "
        "with minutes, then approve that.",
    },
    "minutes_not_latest": {
        "sv": "Version {version} är inte den senaste; den senaste är version {latest}.",
        "nb": "Versjon {version} er ikke den nyeste; den nyeste er versjon {latest}.",
        "en": "Version {version} is not the latest; the latest is version {latest}.",
    },
    "minutes_already_approved": {
        "sv": "Version {version} är redan justerad av {name} {when} och är låst.",
        "nb": "Versjon {version} er allerede godkjent av {name} {when} og er låst.",
        "en": "Version {version} was already approved by {name} {when} and is locked.",
    },
    "minutes_approved": {
        "sv": "Version {version} av minnesanteckningarna från mötet {meeting} är justerad av "
        "{name} {when}. Den är nu låst; senare ändringar blir en ny version.",
        "nb": "Versjon {version} av referatet fra møtet {meeting} er godkjent av {name} "
        "{when}. Den er nå låst; senere endringer blir en ny versjon.",
        "en": "Version {version} of the minutes of the meeting {meeting} is approved by {name} "
        "{when}. It is now locked; later changes make a new version.",
    },
    "minutes_approve_forbidden": {
        "sv": "Bara ordföranden eller justeraren kan justera minnesanteckningarna ({officers}).",
        "nb": "Bare lederen eller den som justerer kan godkjenne referatet ({officers}).",
        "en": "Only the chair or the adjuster can approve the minutes ({officers}).",
    },
    "minutes_approve_nobody": {
        "sv": "Gruppen har ingen ordförande eller justerare som kan justera. Utse en med: roll "
        "justerare @namn",
        "nb": "Gruppen har ingen leder eller justerer som kan godkjenne. Utnevn en med: rolle "
        "justerer @navn",
        "en": "The group has no chair or adjuster to approve. Appoint one with: role adjuster "
        "@name",
    },
    "agenda_title": {"sv": "Dagordning {group}", "nb": "Dagsorden {group}", "en": "Agenda {group}"},
    "agenda_when": {
        "sv": "Datum {day}, kl. {start} – {end}",
        "nb": "Dato {day}, kl. {start} – {end}",
        "en": "Date {day}, {start} – {end}",
    },
    "agenda_place": {"sv": "Plats {place}", "nb": "Sted {place}", "en": "Place {place}"},
    "agenda_cancelled": {
        "sv": "Mötet är inställt.",
        "nb": "Møtet er avlyst.",
        "en": "The meeting is cancelled.",
    },
    "section_development_for": {
        "sv": "Utvecklingsområde för {group}",
        "nb": "Utviklingsområde for {group}",
        "en": "Development of {group}",
    },
    "agenda_reports": {"sv": "Lägesrapport", "nb": "Statusrapport", "en": "Status reports"},
    "agenda_not_reported": {
        "sv": "ej rapporterat",
        "nb": "ikke rapportert",
        "en": "not reported",
    },
    # Proposed development points get their own heading: as bullets straight after the last
    # region's report they read as part of that report.
    "agenda_proposed": {
        "sv": "Föreslagna punkter",
        "nb": "Foreslåtte punkter",
        "en": "Proposed points",
    },
    "agenda_items": {
        "sv": "Öppna åtgärdspunkter",
        "nb": "Åpne tiltakspunkter",
        "en": "Open action items",
    },
    "agenda_owner": {"sv": "ansvarig {owner}", "nb": "ansvarlig {owner}", "en": "owner {owner}"},
    "agenda_due": {"sv": "senast {due}", "nb": "frist {due}", "en": "due {due}"},
    "agenda_overdue": {"sv": "(försenad)", "nb": "(forsinket)", "en": "(overdue)"},
    "agenda_posted": {
        "sv": "Utkast till dagordning inför nästa möte. Den uppdateras när lägesrapporter och "
        "åtgärder kommer in.",
        "nb": "Utkast til dagsorden for neste møte. Den oppdateres når statusrapporter og "
        "tiltak kommer inn.",
        "en": "Draft agenda for the next meeting. It updates as status reports and action items "
        "come in.",
    },
    "agenda_no_meeting": {
        "sv": "Inget möte är planerat, så det finns ingen dagordning än. Planera med "
        "`mötestider {ex_day} kl 13-14 Teams`.",
        "nb": "Ingen møter er planlagt, så det finnes ingen dagsorden ennå. Planlegg med "
        "`møtetider {ex_day} kl 13-14 Teams`.",
        "en": "No meeting is planned, so there is no agenda yet. Plan one with "
        "`meetings {ex_day} at 13-14 Teams`.",
    },
    # --- reminders -----------------------------------------------------------------------
    "reminder": {
        "sv": "Påminnelse: nästa möte är {when}, {meeting}.",
        "nb": "Påminnelse: neste møte er {when}, {meeting}.",
        "en": "Reminder: the next meeting is {when}, {meeting}.",
    },
    "in_minutes": {
        "sv": "om {minutes} minuter",
        "nb": "om {minutes} minutter",
        "en": "in {minutes} minutes",
    },
    "today": {"sv": "i dag", "nb": "i dag", "en": "today"},
    "tomorrow": {"sv": "i morgon", "nb": "i morgen", "en": "tomorrow"},
    "in_days": {"sv": "om {days} dagar", "nb": "om {days} dager", "en": "in {days} days"},
    # A region in the nudge, with the person who reports for it @mentioned.
    "nudge_region_reporter": {
        "sv": "{region} ({reporter})",
        "nb": "{region} ({reporter})",
        "en": "{region} ({reporter})",
    },
    "nudge": {
        "sv": "{regions} har inte lämnat lägesrapport inför mötet {meeting}. Skriv till exempel "
        "`@RAG lägesrapport {example}`.",
        "nb": "{regions} har ikke levert statusrapport til møtet {meeting}. Skriv for eksempel "
        "`@RAG statusrapport {example}`.",
        "en": "{regions} have not filed a status report for the meeting {meeting}. Write for "
        "example `@RAG status {example}`.",
    },
    "overdue_heading": {
        "sv": "**Försenade åtgärdspunkter**",
        "nb": "**Forsinkede tiltakspunkter**",
        "en": "**Overdue action items**",
    },
    "overdue_line_owner": {
        "sv": "#{number} {text} – ansvarig {owner}, skulle vara klar {due}",
        "nb": "#{number} {text} – ansvarlig {owner}, frist {due}",
        "en": "#{number} {text} – owner {owner}, due {due}",
    },
    "overdue_line": {
        "sv": "#{number} {text} – skulle vara klar {due}",
        "nb": "#{number} {text} – frist {due}",
        "en": "#{number} {text} – due {due}",
    },
    "overdue_footer": {
        "sv": "Skriv `@RAG klar <nr>` när en punkt är klar, eller `@RAG ändra <nr> <nytt datum>`.",
        "nb": "Skriv `@RAG ferdig <nr>` når et punkt er ferdig, eller `@RAG endre <nr> <ny dato>`.",
        "en": "Write `@RAG done <no>` when an item is done, or `@RAG edit <no> <new date>`.",
    },
    # --- settings ------------------------------------------------------------------------
    "lead_day": {
        "sv": "1 arbetsdag före, kl. 09.00",
        "nb": "1 arbeidsdag før, kl. 09.00",
        "en": "1 working day before, at 09:00",
    },
    "lead_days": {
        "sv": "{days} arbetsdagar före, kl. 09.00",
        "nb": "{days} arbeidsdager før, kl. 09.00",
        "en": "{days} working days before, at 09:00",
    },
    "lead_hour": {
        "sv": "1 timme före",
        "nb": "1 time før",
        "en": "1 hour before",
    },
    "lead_hours": {
        "sv": "{hours} timmar före",
        "nb": "{hours} timer før",
        "en": "{hours} hours before",
    },
    "lead_minutes": {
        "sv": "{minutes} minuter före",
        "nb": "{minutes} minutter før",
        "en": "{minutes} minutes before",
    },
    "language_sv": {"sv": "svenska", "nb": "svensk", "en": "Swedish"},
    "language_nb": {"sv": "norska", "nb": "norsk", "en": "Norwegian"},
    "language_en": {"sv": "engelska", "nb": "engelsk", "en": "English"},
    "reminders_none": {"sv": "inga", "nb": "ingen", "en": "none"},
    "settings_own": {
        "sv": "Dagordning och påminnelser har gruppens egna tider; `inställningar standard` "
        "återställer dem.",
        "nb": "Dagsorden og påminnelser har gruppens egne tider; `innstillinger standard` "
        "tilbakestiller dem.",
        "en": "The agenda and reminders have the group's own times; `settings default` resets "
        "them.",
    },
    "settings_defaults": {
        "sv": "Dagordning och påminnelser har standardtiderna.",
        "nb": "Dagsorden og påminnelser har standardtidene.",
        "en": "The agenda and reminders have the default times.",
    },
    "settings_show": {
        "sv": "**Inställningar för {group}**\n\n"
        "- Språk: {language_name} – ändra med `inställningar språk norska` (svenska, norska, "
        "engelska)\n"
        "- Tidszon: {timezone} (helgdagar: {country}) – ändra med "
        "`inställningar tidszon Europe/Oslo`\n"
        "- Dagordningen skickas: {agenda} – ändra med `inställningar dagordning 3 dagar`\n"
        "- Påminnelser: {reminders} – ändra med `inställningar påminnelser 1 dag, 15 minuter`\n"
        "- Försenade åtgärdspunkter, vardagar kl. 09.00: {overdue} – ändra med "
        "`inställningar försenade {overdue_switch}`\n"
        "- Utkast till minnesanteckningar: {draft} – ändra med "
        "`inställningar utkast 30 minuter` eller `av`\n"
        "- Inlägg när ett Teams-möte startar: {start_post} – ändra med "
        "`inställningar mötesstart {start_switch}`\n\n"
        "{own}",
        "nb": "**Innstillinger for {group}**\n\n"
        "- Språk: {language_name} – endre med `innstillinger språk svensk` (norsk, svensk, "
        "engelsk)\n"
        "- Tidssone: {timezone} (helligdager: {country}) – endre med "
        "`innstillinger tidssone Europe/Stockholm`\n"
        "- Dagsorden sendes: {agenda} – endre med `innstillinger dagsorden 3 dager`\n"
        "- Påminnelser: {reminders} – endre med `innstillinger påminnelser 1 dag, 15 minutter`\n"
        "- Forsinkede tiltakspunkter, hverdager kl. 09.00: {overdue} – endre med "
        "`innstillinger forsinkede {overdue_switch}`\n"
        "- Utkast til referat: {draft} – endre med "
        "`innstillinger utkast 30 minutter` eller `av`\n"
        "- Innlegg når et Teams-møte starter: {start_post} – endre med "
        "`innstillinger møtestart {start_switch}`\n\n"
        "{own}",
        "en": "**Settings of {group}**\n\n"
        "- Language: {language_name} – change with `settings language Swedish` (Swedish, "
        "Norwegian, English)\n"
        "- Time zone: {timezone} (public holidays: {country}) – change with "
        "`settings timezone Europe/Oslo`\n"
        "- The agenda is posted: {agenda} – change with `settings agenda 3 days`\n"
        "- Reminders: {reminders} – change with `settings reminders 1 day, 15 minutes`\n"
        "- Overdue action items, working days at 09:00: {overdue} – change with "
        "`settings overdue {overdue_switch}`\n"
        "- Minutes draft: {draft} – change with "
        "`settings draft 30 minutes` or `off`\n"
        "- A post when a Teams meeting starts: {start_post} – change with "
        "`settings meetingstart {start_switch}`\n\n"
        "{own}",
    },
    "settings_unknown": {
        "sv": "”{what}” kan jag inte ställa in. Det går att ändra `språk`, `tidszon`, "
        "`dagordning`, `påminnelser`, `försenade`, `utkast`, `mötesstart` eller `standard`.",
        "nb": "”{what}” kan jeg ikke stille inn. Det går an å endre `språk`, `tidssone`, "
        "`dagsorden`, `påminnelser`, `forsinkede`, `utkast`, `møtestart` eller `standard`.",
        "en": "I can't set ”{what}”. You can change `language`, `timezone`, `agenda`, "
        "`reminders`, `overdue`, `draft`, `meetingstart` or `default`.",
    },
    "settings_bad_language": {
        "sv": "”{text}” är inget språk jag kan: välj svenska, norska eller engelska. "
        "Inget har ändrats.",
        "nb": "”{text}” er ikke et språk jeg kan: velg norsk, svensk eller engelsk. "
        "Ingenting er endret.",
        "en": "”{text}” is not a language I speak: choose Swedish, Norwegian or English. "
        "Nothing was changed.",
    },
    "settings_bad_timezone": {
        "sv": "”{text}” är ingen tidszon jag känner till. Skriv den som `Europe/Stockholm` "
        "eller `Europe/Oslo`. Inget har ändrats.",
        "nb": "”{text}” er ingen tidssone jeg kjenner. Skriv den som `Europe/Oslo` eller "
        "`Europe/Stockholm`. Ingenting er endret.",
        "en": "”{text}” is not a time zone I know. Write it as `Europe/Stockholm` or "
        "`Europe/Oslo`. Nothing was changed.",
    },
    "settings_bad_switch": {
        "sv": "Skriv `på` eller `av`, till exempel `inställningar försenade av`. "
        "Inget har ändrats.",
        "nb": "Skriv `på` eller `av`, for eksempel `innstillinger forsinkede av`. "
        "Ingenting er endret.",
        "en": "Write `on` or `off`, for example `settings overdue off`. Nothing was changed.",
    },
    "minutes_draft_author": {"sv": "RAG-boten", "nb": "RAG-boten", "en": "the RAG bot"},
    "minutes_draft_post": {
        "sv": "Mötet är slut. Här är utkastet till minnesanteckningarna; rätta med "
        "`närvarande`, `frånvarande` eller `anteckning` och visa det nya utkastet med "
        "`minnesanteckningar`.",
        "nb": "Møtet er slutt. Her er utkastet til referatet; rett med `til stede`, `forfall` "
        "eller `notat` og vis det nye utkastet med `referat`.",
        "en": "The meeting has ended. Here is the draft of the minutes; correct it with "
        "`present`, `absent` or `note` and show the new draft with `minutes`.",
    },
    "draft_after": {
        "sv": "{delay} efter mötet",
        "nb": "{delay} etter møtet",
        "en": "{delay} after the meeting",
    },
    "delay_hour": {"sv": "1 timme", "nb": "1 time", "en": "1 hour"},
    "delay_hours": {"sv": "{hours} timmar", "nb": "{hours} timer", "en": "{hours} hours"},
    "delay_minutes": {
        "sv": "{minutes} minuter",
        "nb": "{minutes} minutter",
        "en": "{minutes} minutes",
    },
    "settings_draft_range": {
        "sv": "Utkastet kan skickas högst {hours} timmar efter mötet. Inget har ändrats.",
        "nb": "Utkastet kan sendes høyst {hours} timer etter møtet. Ingenting er endret.",
        "en": "The draft can be posted at most {hours} hours after the meeting. "
        "Nothing was changed.",
    },
    "meeting_started_post": {
        "sv": "Mötet har börjat: {meeting}. Dagordningen: skriv `dagordning`. Under mötet: "
        "`anteckning <punkt>: text` och `närvarande <namn>` (jag fyller i vilka som ansluter).",
        "nb": "Møtet har begynt: {meeting}. Dagsorden: skriv `dagsorden`. Under møtet: "
        "`notat <punkt>: tekst` og `til stede <navn>` (jeg fyller inn hvem som blir med).",
        "en": "The meeting has started: {meeting}. The agenda: type `agenda`. During the "
        "meeting: `note <item>: text` and `present <name>` (I fill in who joins).",
    },
    "link_usage": {
        "sv": "Skriv gruppens namn, till exempel `koppla RAG nuklearmedicin`, i mötets chatt.",
        "nb": "Skriv gruppens navn, for eksempel `koble RAG nuklearmedisin`, i møtets chat.",
        "en": "Write the group's name, for example `link RAG nuclear medicine`, in the "
        "meeting's chat.",
    },
    "link_not_chat": {
        "sv": "`koppla` används i ett mötes chatt, inte i en kanal eller en privat chatt.",
        "nb": "`koble` brukes i et møtes chat, ikke i en kanal eller en privat chat.",
        "en": "`link` is for a meeting's chat, not a channel or a personal chat.",
    },
    "link_unknown_group": {
        "sv": "Jag hittar ingen grupp som heter ”{name}”. Grupperna jag känner här: {groups}.",
        "nb": "Jeg finner ingen gruppe som heter ”{name}”. Gruppene jeg kjenner her: {groups}.",
        "en": "I find no group called ”{name}”. The groups I know here: {groups}.",
    },
    "link_forbidden": {
        "sv": "Bara ordföranden eller sekreteraren i {group} kan koppla ett möte till gruppen.",
        "nb": "Bare lederen eller sekretæren i {group} kan koble et møte til gruppen.",
        "en": "Only the chair or the secretary of {group} can link a meeting to the group.",
    },
    "link_saved": {
        "sv": "Den här chatten hör nu till {group}: det som skrivs här under mötet, och vilka "
        "som ansluter, hamnar i gruppens minnesanteckningar.",
        "nb": "Denne chatten hører nå til {group}: det som skrives her under møtet, og hvem "
        "som blir med, havner i gruppens referat.",
        "en": "This chat now belongs to {group}: what is written here during the meeting, and "
        "who joins, goes into the group's minutes.",
    },
    "help_line_link": {
        "sv": "**{link}** `RAG nuklearmedicin` – i ett Teams-mötes chatt: mötet hör till "
        "gruppen (ordförande, sekreterare)",
        "nb": "**{link}** `RAG nuklearmedisin` – i et Teams-møtes chat: møtet hører til gruppen "
        "(leder, sekretær)",
        "en": "**{link}** `RAG nuclear medicine` – in a Teams meeting's chat: the meeting "
        "belongs to the group (chair, secretary)",
    },
    "switch_on": {"sv": "på", "nb": "på", "en": "on"},
    "switch_off": {"sv": "av", "nb": "av", "en": "off"},
    "settings_bad_lead": {
        "sv": "”{text}” är ingen tid jag kan läsa. Skriv till exempel `2 dagar` eller "
        "`1 dag, 15 minuter`. Inget har ändrats.",
        "nb": "”{text}” er ingen tid jeg kan lese. Skriv for eksempel `2 dager` eller "
        "`1 dag, 15 minutter`. Ingenting er endret.",
        "en": "”{text}” is not a time I can read. Write for example `2 days` or "
        "`1 day, 15 minutes`. Nothing was changed.",
    },
    "settings_lead_range": {
        "sv": "En tid måste vara mellan en minut och {days} dagar. Inget har ändrats.",
        "nb": "En tid må være mellom ett minutt og {days} dager. Ingenting er endret.",
        "en": "A time must be between one minute and {days} days. Nothing was changed.",
    },
    "settings_one_lead": {
        "sv": "Dagordningen skickas en gång: ange en tid. Inget har ändrats.",
        "nb": "Dagsorden sendes én gang: oppgi én tid. Ingenting er endret.",
        "en": "The agenda is posted once: give one time. Nothing was changed.",
    },
    "settings_too_many": {
        "sv": "Högst {limit} påminnelser. Inget har ändrats.",
        "nb": "Høyst {limit} påminnelser. Ingenting er endret.",
        "en": "At most {limit} reminders. Nothing was changed.",
    },
    "error": {
        "sv": "Något gick fel hos mig och ditt meddelande blev inte behandlat. Försök igen strax.",
        "nb": "Noe gikk galt hos meg, og meldingen din ble ikke behandlet. Prøv igjen om litt.",
        "en": "Something went wrong on my side and your message was not handled. Please retry.",
    },
    "agenda_report_cut": {
        "sv": "Rapporten är förkortad här. Hela texten: `@RAG lägesrapporter {region}`",
        "nb": "Rapporten er forkortet her. Hele teksten: `@RAG statusrapporter {region}`",
        "en": "The report is shortened here. The whole text: `@RAG reports {region}`",
    },
    "agenda_more_items": {
        "sv": "… och {count} till. Alla: `@RAG åtgärder`",
        "nb": "… og {count} til. Alle: `@RAG tiltaksliste`",
        "en": "… and {count} more. All of them: `@RAG actions`",
    },
    "actions_page": {
        "sv": "Visar nr {first}–{last} av {count}. Äldre: `@RAG åtgärder{all} sida {next}`",
        "nb": "Viser nr. {first}–{last} av {count}. Eldre: `@RAG tiltaksliste{all} side {next}`",
        "en": "Showing #{first}–{last} of {count}. Older: `@RAG actions{all} page {next}`",
    },
    "word_all": {"sv": "alla", "nb": "alle", "en": "all"},
    "actions_last_page": {
        "sv": "Visar nr {first}–{last} av {count}. Det här är de äldsta.",
        "nb": "Viser nr. {first}–{last} av {count}. Dette er de eldste.",
        "en": "Showing #{first}–{last} of {count}. These are the oldest.",
    },
    "actions_no_page": {
        "sv": "Det finns bara {pages} sidor med åtgärder. Skriv `@RAG åtgärder` för den första.",
        "nb": "Det finnes bare {pages} sider med tiltak. Skriv `@RAG tiltaksliste` for den første.",
        "en": "There are only {pages} pages of action items. Write `@RAG actions` for the first.",
    },
    "report_full": {
        "sv": "**Lägesrapport {region}** ({meeting}), från {author}:",
        "nb": "**Statusrapport {region}** ({meeting}), fra {author}:",
        "en": "**Status report {region}** ({meeting}), from {author}:",
    },
    "report_none": {
        "sv": "**{region}** har ingen lägesrapport {meeting} än.",
        "nb": "**{region}** har ingen statusrapport {meeting} ennå.",
        "en": "**{region}** has no status report {meeting} yet.",
    },
    "error_after_saving": {
        "sv": "Det du skrev är sparat, men något gick fel hos mig när jag skulle svara. "
        "Du behöver inte skicka det igen.",
        "nb": "Det du skrev er lagret, men noe gikk galt hos meg da jeg skulle svare. "
        "Du trenger ikke sende det på nytt.",
        "en": "What you wrote is saved, but something went wrong on my side when I replied. "
        "There is no need to send it again.",
    },
    "already_saved": {
        "sv": "Det här var redan sparat alldeles nyss, så jag sparade det inte en gång till.",
        "nb": "Dette ble akkurat lagret, så jeg lagret det ikke en gang til.",
        "en": "This was saved a moment ago, so I did not save it a second time.",
    },
    "reply_too_large": {
        "sv": "Svaret blev för stort för Teams och kunde inte visas. Inget av det du skrev har "
        "gått förlorat.",
        "nb": "Svaret ble for stort for Teams og kunne ikke vises. Ingenting av det du skrev er "
        "tapt.",
        "en": "The answer was too large for Teams to show. Nothing you wrote was lost.",
    },
    "minutes_links_approved": {
        "sv": "Ladda ner: [PDF/A]({pdf}) · [Word]({docx}) · [Markdown]({markdown}) · "
        "[JSON-sidecar]({sidecar})",
        "nb": "Last ned: [PDF/A]({pdf}) · [Word]({docx}) · [Markdown]({markdown}) · "
        "[JSON-sidecar]({sidecar})",
        "en": "Download: [PDF/A]({pdf}) · [Word]({docx}) · [Markdown]({markdown}) · "
        "[JSON sidecar]({sidecar})",
    },
    "minutes_archive_header": {
        "sv": "Justerade minnesanteckningar, senaste mötet först:",
        "nb": "Godkjente referater, siste møte først:",
        "en": "Approved minutes, the latest meeting first:",
    },
    "minutes_archive_line": {
        "sv": "- **{day}**: version {version}, justerad av {name} {when} – [PDF/A]({pdf}) · "
        "[Word]({docx}) · [JSON]({sidecar})",
        "nb": "- **{day}**: versjon {version}, godkjent av {name} {when} – [PDF/A]({pdf}) · "
        "[Word]({docx}) · [JSON]({sidecar})",
        "en": "- **{day}**: version {version}, approved by {name} {when} – [PDF/A]({pdf}) · "
        "[Word]({docx}) · [JSON]({sidecar})",
    },
    "minutes_archive_more": {
        "sv": "… och {count} äldre möten.",
        "nb": "… og {count} eldre møter.",
        "en": "… and {count} earlier meetings.",
    },
    "minutes_archive_empty": {
        "sv": "Gruppen har inga justerade minnesanteckningar än. Visa utkastet med "
        "minnesanteckningar och justera det med justera.",
        "nb": "Gruppen har ingen godkjente referater ennå. Vis utkastet med referat og godkjenn "
        "det med godkjenn.",
        "en": "The group has no approved minutes yet. Show the draft with minutes and approve "
        "it with approve.",
    },
    "minutes_links_revoked": {
        "sv": "Länkarna till minnesanteckningarna är återkallade: {versions} har fått "
        "nya länkar och de gamla fungerar inte längre. De nya visas med minnesanteckningar "
        "och arkiv.",
        "nb": "Lenkene til referatene er tilbakekalt: {versions} har fått nye lenker, "
        "og de gamle virker ikke lenger. De nye vises med referat og arkiv.",
        "en": "The minutes links are revoked: new links for {versions}, and the old ones no "
        "longer work. Show the new ones with minutes and archive.",
    },
    "minutes_links_none": {
        "sv": "Gruppen har inga länkar till minnesanteckningar att återkalla.",
        "nb": "Gruppen har ingen lenker til referater å tilbakekalle.",
        "en": "The group has no minutes links to revoke.",
    },
    "forbidden_links": {
        "sv": "Bara ordföranden eller sekreteraren kan återkalla länkarna till "
        "minnesanteckningarna ({officers}).",
        "nb": "Bare lederen eller sekretæren kan tilbakekalle lenkene til referatene ({officers}).",
        "en": "Only the chair or the secretary can revoke the minutes links ({officers}).",
    },
    "audit_minutes_links_revoked": {
        "sv": "återkallade länkarna till minnesanteckningarna (versioner: {count})",
        "nb": "tilbakekalte lenkene til referatene (versjoner: {count})",
        "en": "revoked the minutes links (versions: {count})",
    },
    "help_line_archive": {
        "sv": "**{archive}** – justerade minnesanteckningar från alla möten (PDF/A, Word, JSON)",
        "nb": "**{archive}** – godkjente referater fra alle møter (PDF/A, Word, JSON)",
        "en": "**{archive}** – approved minutes of every meeting (PDF/A, Word, JSON)",
    },
    "help_line_revoke_links": {
        "sv": "**{revoke_links}** – nya länkar till alla minnesanteckningar; de gamla slutar "
        "fungera (ordföranden eller sekreteraren)",
        "nb": "**{revoke_links}** – nye lenker til alle referater; de gamle slutter å virke "
        "(lederen eller sekretæren)",
        "en": "**{revoke_links}** – new links to all minutes; the old ones stop working (the "
        "chair or the secretary)",
    },
    "minutes_link_gone": {
        "sv": "Länken finns inte eller har återkallats. Be gruppen om en ny länk.",
        "nb": "Lenken finnes ikke eller er tilbakekalt. Be gruppen om en ny lenke.",
        "en": "This link does not exist or has been revoked. Ask the group for a new link.",
    },
    "agenda_previous_minutes": {
        "sv": "Minnesanteckningarna från {day}, justerade: [PDF/A]({link})",
        "nb": "Referatet fra {day}, godkjent: [PDF/A]({link})",
        "en": "The minutes of {day}, approved: [PDF/A]({link})",
    },
    "minutes_previous_approved": {
        "sv": "Minnesanteckningarna från {day} är justerade.",
        "nb": "Referatet fra {day} er godkjent.",
        "en": "The minutes of {day} are approved.",
    },
    "agenda_previous_not_approved": {
        "sv": "Minnesanteckningarna från {day} är inte justerade ännu.",
        "nb": "Referatet fra {day} er ikke godkjent ennå.",
        "en": "The minutes of {day} are not approved yet.",
    },
    # --- standing topics and seminar series ------------------------------------------------
    "help_line_topics": {
        "sv": "**{topic}** `Radiofarmakaupphandling` – ett stående ämne på varje dagordning och "
        "i minnesanteckningarna, **{topic_done}** `Radiofarmakaupphandling` avslutar det, "
        "**{topics}** listar dem",
        "nb": "**{topic}** `Radiofarmakaanskaffelse` – et fast tema på hver dagsorden og i "
        "referatet, **{topic_done}** `Radiofarmakaanskaffelse` avslutter det, **{topics}** "
        "viser dem",
        "en": "**{topic}** `Radiopharmaceutical procurement` – a standing topic on every agenda "
        "and in the minutes, **{topic_done}** `Radiopharmaceutical procurement` ends it, "
        "**{topics}** lists them",
    },
    "help_line_seminars": {
        "sv": "**{seminar}** `{ex_day} kl 8-9: Fysiologiska kliniken i Linköping` – "
        "seminarieserien (också som listan i minnesanteckningarna, ett per rad; påminnelse en "
        "vecka och en dag före), **{seminars}** listar dem, **{seminar_remove}** `{ex_day}`",
        "nb": "**{seminar}** `{ex_day} kl 8-9: Fysiologisk avdeling i Linköping` – "
        "seminarrekken (også som listen i referatet, ett per linje; påminnelse en uke og en "
        "dag før), **{seminars}** viser dem, **{seminar_remove}** `{ex_day}`",
        "en": "**{seminar}** `{ex_day} at 8-9: Clinical Physiology, Linköping` – the seminar "
        "series (also as the minutes list it, one per line; a reminder a week and a day "
        "before), **{seminars}** lists them, **{seminar_remove}** `{ex_day}`",
    },
    "topic_added": {
        "sv": "**{name}** står nu som ämne på varje dagordning och i minnesanteckningarna under "
        "Utvecklingsområde, tills någon skriver `ämne klart {name}`. Anteckningar under "
        "ämnet: `anteckning {name}: text`.",
        "nb": "**{name}** står nå som tema på hver dagsorden og i referatet under "
        "Utviklingsområde, til noen skriver `tema ferdig {name}`. Notater under temaet: "
        "`notat {name}: tekst`.",
        "en": "**{name}** is now a topic on every agenda and in the minutes under Development "
        "area, until someone writes `topic done {name}`. Notes under it: `note {name}: text`.",
    },
    "topic_exists": {
        "sv": "**{name}** finns redan bland gruppens ämnen. Inget har ändrats.",
        "nb": "**{name}** finnes allerede blant gruppens temaer. Ingenting er endret.",
        "en": "**{name}** is already one of the group's topics. Nothing was changed.",
    },
    "topic_is_part": {
        "sv": "”{name}” är redan en del av mallen (ett avsnitt eller en region), så det blir "
        "inget eget ämne. Inget har sparats.",
        "nb": "«{name}» er allerede en del av malen (en del eller en region), så det blir ikke "
        "et eget tema. Ingenting er lagret.",
        "en": "“{name}” is already part of the template (a section or a region), so it can't "
        "be a topic of its own. Nothing was saved.",
    },
    "topic_usage": {
        "sv": "Skriv ämnets namn, till exempel `ämne Radiofarmakaupphandling`.",
        "nb": "Skriv temaets navn, for eksempel `tema Radiofarmakaanskaffelse`.",
        "en": "Write the topic's name, for example `topic Radiopharmaceutical procurement`.",
    },
    "topic_closed": {
        "sv": "Ämnet **{name}** är avslutat: det kommer inte med på nästa dagordning, men står "
        "kvar i minnesanteckningarna från mötena där det var med.",
        "nb": "Temaet **{name}** er avsluttet: det kommer ikke med på neste dagsorden, men står "
        "igjen i referatene fra møtene der det var med.",
        "en": "The topic **{name}** is done: it is not on the next agenda, but stays in the "
        "minutes of the meetings it was part of.",
    },
    "topic_unknown": {
        "sv": "Jag hittar inget öppet ämne ”{name}”. Gruppens ämnen: {topics}. Inget har ändrats.",
        "nb": "Jeg finner ikke noe åpent tema «{name}». Gruppens temaer: {topics}. Ingenting er "
        "endret.",
        "en": "I can't find an open topic “{name}”. The group's topics: {topics}. Nothing was "
        "changed.",
    },
    "topic_unknown_none": {
        "sv": "Jag hittar inget öppet ämne ”{name}”: gruppen har inga ämnen just nu. Inget har "
        "ändrats.",
        "nb": "Jeg finner ikke noe åpent tema «{name}»: gruppen har ingen temaer nå. Ingenting "
        "er endret.",
        "en": "I can't find an open topic “{name}”: the group has no topics now. Nothing was "
        "changed.",
    },
    "topic_close_usage": {
        "sv": "Skriv vilket ämne som är klart, till exempel `ämne klart Radiofarmakaupphandling`. "
        "Gruppens ämnen: {topics}.",
        "nb": "Skriv hvilket tema som er ferdig, for eksempel `tema ferdig "
        "Radiofarmakaanskaffelse`. Gruppens temaer: {topics}.",
        "en": "Write which topic is done, for example `topic done Radiopharmaceutical "
        "procurement`. The group's topics: {topics}.",
    },
    "topics_listed": {
        "sv": "Gruppens ämnen, på varje dagordning:\n{topics}",
        "nb": "Gruppens temaer, på hver dagsorden:\n{topics}",
        "en": "The group's topics, on every agenda:\n{topics}",
    },
    "topics_none": {
        "sv": "Gruppen har inga stående ämnen. Lägg till ett med `ämne Radiofarmakaupphandling`.",
        "nb": "Gruppen har ingen faste temaer. Legg til et med `tema Radiofarmakaanskaffelse`.",
        "en": "The group has no standing topics. Add one with `topic Radiopharmaceutical "
        "procurement`.",
    },
    "agenda_seminars": {"sv": "Seminarier", "nb": "Seminarer", "en": "Seminars"},
    "seminar_summary": {"sv": "Seminarium", "nb": "Seminar", "en": "Seminar"},
    # "7/12, kl. 8-9 – leds av Fysiologiska kliniken i Linköping" ({topic} is ": PET-CT" or "").
    "seminar_line": {
        "sv": "{day}, kl. {span}{topic} – leds av {unit}",
        "nb": "{day}, kl. {span}{topic} – ledes av {unit}",
        "en": "{day}, at {span}{topic} – led by {unit}",
    },
    "seminar_reminder": {
        "sv": "Påminnelse: seminarium {when}, {day}{topic} – leds av {unit}.",
        "nb": "Påminnelse: seminar {when}, {day}{topic} – ledes av {unit}.",
        "en": "Reminder: seminar {when}, {day}{topic} – led by {unit}.",
    },
    "in_a_week": {"sv": "om en vecka", "nb": "om en uke", "en": "in a week"},
    "seminars_added": {
        "sv": "Inlagt i seminarieserien:\n{seminars}\n\nJag påminner kanalen en vecka och en dag "
        "före varje seminarium.",
        "nb": "Lagt inn i seminarrekken:\n{seminars}\n\nJeg minner kanalen på det en uke og en "
        "dag før hvert seminar.",
        "en": "Added to the seminar series:\n{seminars}\n\nI will remind the channel a week and "
        "a day before each seminar.",
    },
    "seminars_also_already": {
        "sv": "Fanns redan:\n{seminars}",
        "nb": "Fantes allerede:\n{seminars}",
        "en": "Already there:\n{seminars}",
    },
    "seminars_already": {
        "sv": "De här seminarierna fanns redan, så inget nytt har sparats:\n{seminars}",
        "nb": "Disse seminarene fantes allerede, så ikke noe nytt er lagret:\n{seminars}",
        "en": "These seminars were already there, so nothing new was saved:\n{seminars}",
    },
    "seminars_listed": {
        "sv": "Kommande seminarier:\n{seminars}",
        "nb": "Kommende seminarer:\n{seminars}",
        "en": "Coming seminars:\n{seminars}",
    },
    "seminars_none": {
        "sv": "Inga seminarier är inplanerade. Lägg till med till exempel `seminarium {ex_day} "
        "kl 8-9: Fysiologiska kliniken i Linköping`.",
        "nb": "Ingen seminarer er planlagt. Legg til med for eksempel `seminar {ex_day} kl 8-9: "
        "Fysiologisk avdeling i Linköping`.",
        "en": "No seminars are planned. Add one with for example `seminar {ex_day} at 8-9: "
        "Clinical Physiology, Linköping`.",
    },
    "seminar_removed": {
        "sv": "Seminariet {when} ({unit}) är borttaget, och påminnelserna om det skickas inte.",
        "nb": "Seminaret {when} ({unit}) er slettet, og påminnelsene om det sendes ikke.",
        "en": "The seminar {when} ({unit}) is removed, and its reminders will not be sent.",
    },
    "seminar_usage": {
        "sv": "Skriv dag, tid och vem som leder seminariet, till exempel `seminarium {ex_day} "
        "kl 8-9: Fysiologiska kliniken i Linköping`. Inget har sparats.",
        "nb": "Skriv dag, tid og hvem som leder seminaret, for eksempel `seminar {ex_day} kl "
        "8-9: Fysiologisk avdeling i Linköping`. Ingenting er lagret.",
        "en": "Write the day, the time and who leads the seminar, for example `seminar "
        "{ex_day} at 8-9: Clinical Physiology, Linköping`. Nothing was saved.",
    },
    "seminar_no_time": {
        "sv": "Jag hittar ingen tid i ”{entry}”. Skriv till exempel `seminarium {ex_day} kl 8-9: "
        "Fysiologiska kliniken i Linköping`. Inget har sparats.",
        "nb": "Jeg finner ikke noe klokkeslett i «{entry}». Skriv for eksempel `seminar {ex_day} "
        "kl 8-9: Fysiologisk avdeling i Linköping`. Ingenting er lagret.",
        "en": "I can't find a time in “{entry}”. Write for example `seminar {ex_day} at 8-9: "
        "Clinical Physiology, Linköping`. Nothing was saved.",
    },
    "seminar_no_day": {
        "sv": "Jag hittar inget datum i ”{entry}”. Skriv till exempel `seminarium {ex_day} kl "
        "8-9: Fysiologiska kliniken i Linköping`. Inget har sparats.",
        "nb": "Jeg finner ingen dato i «{entry}». Skriv for eksempel `seminar {ex_day} kl 8-9: "
        "Fysiologisk avdeling i Linköping`. Ingenting er lagret.",
        "en": "I can't find a date in “{entry}”. Write for example `seminar {ex_day} at 8-9: "
        "Clinical Physiology, Linköping`. Nothing was saved.",
    },
    "seminar_unreadable": {
        "sv": "Jag förstår inte datumet ”{phrase}” i ”{entry}”. Skriv till exempel `seminarium "
        "{ex_day} kl 8-9: Fysiologiska kliniken i Linköping`. Inget har sparats.",
        "nb": "Jeg forstår ikke datoen «{phrase}» i «{entry}». Skriv for eksempel `seminar "
        "{ex_day} kl 8-9: Fysiologisk avdeling i Linköping`. Ingenting er lagret.",
        "en": "I don't understand the date “{phrase}” in “{entry}”. Write for example `seminar "
        "{ex_day} at 8-9: Clinical Physiology, Linköping`. Nothing was saved.",
    },
    "seminar_no_unit": {
        "sv": "Vem leder seminariet ”{entry}”? Skriv enheten efter tiden, till exempel "
        "`seminarium {ex_day} kl 8-9: Fysiologiska kliniken i Linköping`. Inget har sparats.",
        "nb": "Hvem leder seminaret «{entry}»? Skriv enheten etter klokkeslettet, for eksempel "
        "`seminar {ex_day} kl 8-9: Fysiologisk avdeling i Linköping`. Ingenting er lagret.",
        "en": "Who leads the seminar “{entry}”? Write the unit after the time, for example "
        "`seminar {ex_day} at 8-9: Clinical Physiology, Linköping`. Nothing was saved.",
    },
    "seminar_past": {
        "sv": "Seminariet {when} har redan varit, så det kan inte läggas in. Skriv till exempel "
        "`seminarium {ex_day} kl 8-9: Fysiologiska kliniken i Linköping`. Inget har sparats.",
        "nb": "Seminaret {when} har allerede vært, så det kan ikke legges inn. Skriv for "
        "eksempel `seminar {ex_day} kl 8-9: Fysiologisk avdeling i Linköping`. Ingenting er "
        "lagret.",
        "en": "The seminar {when} is in the past, so it can't be added. Write for example "
        "`seminar {ex_day} at 8-9: Clinical Physiology, Linköping`. Nothing was saved.",
    },
    "seminar_too_far": {
        "sv": "Seminariet {when} ligger mer än tre år fram. Stämmer datumet? Inget har sparats.",
        "nb": "Seminaret {when} ligger mer enn tre år frem. Stemmer datoen? Ingenting er lagret.",
        "en": "The seminar {when} is more than three years ahead. Is the date right? Nothing "
        "was saved.",
    },
    "seminar_taken": {
        "sv": "Det finns redan ett seminarium {when}, som leds av {unit}. Ta bort det först om "
        "det ska bytas. Inget har sparats.",
        "nb": "Det finnes allerede et seminar {when}, som ledes av {unit}. Slett det først hvis "
        "det skal byttes. Ingenting er lagret.",
        "en": "There is already a seminar {when}, led by {unit}. Remove it first to replace it. "
        "Nothing was saved.",
    },
    "seminar_remove_usage": {
        "sv": "Skriv dagen för seminariet som ska bort, till exempel `seminarium ta bort "
        "{ex_day}`.",
        "nb": "Skriv dagen for seminaret som skal slettes, for eksempel `seminar slett {ex_day}`.",
        "en": "Write the day of the seminar to remove, for example `seminar remove {ex_day}`.",
    },
    "seminar_remove_unreadable": {
        "sv": "Jag förstår inte datumet ”{phrase}”. Skriv till exempel `seminarium ta bort "
        "{ex_day}`. Inget har ändrats.",
        "nb": "Jeg forstår ikke datoen «{phrase}». Skriv for eksempel `seminar slett {ex_day}`. "
        "Ingenting er endret.",
        "en": "I don't understand the date “{phrase}”. Write for example `seminar remove "
        "{ex_day}`. Nothing was changed.",
    },
    "seminar_not_found": {
        "sv": "Det finns inget kommande seminarium {day}. Kommande seminarier:\n{seminars}",
        "nb": "Det finnes ikke noe kommende seminar {day}. Kommende seminarer:\n{seminars}",
        "en": "There is no coming seminar on {day}. Coming seminars:\n{seminars}",
    },
    "seminar_not_found_none": {
        "sv": "Det finns inget kommande seminarium {day}: inga seminarier är inplanerade.",
        "nb": "Det finnes ikke noe kommende seminar {day}: ingen seminarer er planlagt.",
        "en": "There is no coming seminar on {day}: no seminars are planned.",
    },
    "seminar_which": {
        "sv": "Det finns flera seminarier den dagen. Skriv tiden också, till exempel "
        "`seminarium ta bort {day} kl {hour}`. Inget har ändrats.\n{seminars}",
        "nb": "Det finnes flere seminarer den dagen. Skriv klokkeslettet også, for eksempel "
        "`seminar slett {day} kl {hour}`. Ingenting er endret.\n{seminars}",
        "en": "There are several seminars that day. Write the time too, for example `seminar "
        "remove {day} at {hour}`. Nothing was changed.\n{seminars}",
    },
    "seminar_too_many": {
        "sv": "Högst {limit} seminarier åt gången. Inget har sparats.",
        "nb": "Høyst {limit} seminarer om gangen. Ingenting er lagret.",
        "en": "At most {limit} seminars at a time. Nothing was saved.",
    },
    "forbidden_seminars": {
        "sv": "Bara ordföranden eller sekreteraren kan ta bort seminarier ({officers}).",
        "nb": "Bare lederen eller sekretæren kan slette seminarer ({officers}).",
        "en": "Only the chair or the secretary can remove seminars ({officers}).",
    },
    "audit_seminar_removed": {
        "sv": "tog bort seminariet {seminar}",
        "nb": "slettet seminaret {seminar}",
        "en": "removed the seminar {seminar}",
    },
}


def message(language: str, key: str, **values: object) -> str:
    """The string ``key`` in ``language`` (Swedish if the language is unknown), filled in."""
    texts = MESSAGES[key]
    template = texts.get(language, texts[DEFAULT_LANGUAGE])  # type: ignore[call-overload]
    return template.format(**values)


_WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS: dict[Language, tuple[str, ...]] = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def _language(language: str) -> Language:
    return language if language in _WEEKDAYS else DEFAULT_LANGUAGE  # type: ignore[return-value]


def format_day(moment: date, language: str) -> str:
    """ "fredag 27 november" / "fredag 27. november" / "Friday 27 November"."""
    lang = _language(language)
    weekday = _WEEKDAYS[lang][moment.weekday()]
    month = _MONTHS[lang][moment.month - 1]
    dot = "." if lang == "nb" else ""
    return f"{weekday} {moment.day}{dot} {month}"


def clock_time(moment: datetime, language: str) -> str:
    """A time of day as each language writes it: "13.00" in Swedish and Norwegian (the
    languages' own standard), "13:00" in English."""
    separator = ":" if _language(language) == "en" else "."
    return f"{moment.hour:02d}{separator}{moment.minute:02d}"


def at_time(language: str) -> str:
    """The word before a time of day: "kl." / "at"."""
    return "at" if _language(language) == "en" else "kl."


def format_when(moment: datetime, language: str, *, with_time: bool = True) -> str:
    """A day, and its time unless it is a whole day: "måndag 23 november kl. 13.00"."""
    day = format_day(moment, language)
    if not with_time:
        return day
    return f"{day} {at_time(language)} {clock_time(moment, language)}"


def join_words(words: list[str], language: str, key: str = "and") -> str:
    """ "Linköping, Jönköping och Kalmar"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {message(language, key)} {words[-1]}"
