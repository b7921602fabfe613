"""Reading commands from what people type: Swedish, Norwegian and English keywords, any case
or accents, whole words only, arguments kept exactly as written."""

from __future__ import annotations

import pytest

from bot.domain.commands import VOCABULARY, CommandName, parse_command, suggest_keyword
from bot.domain.text import fold, quote

C = CommandName


@pytest.mark.parametrize(
    ("text", "name", "args"),
    [
        ("hjälp", C.HELP, ""),
        ("HJÄLP", C.HELP, ""),
        ("hjalp", C.HELP, ""),
        ("Help", C.HELP, ""),
        ("hjelp", C.HELP, ""),
        ("lägesrapport Jönköping", C.STATUS_REPORT, "Jönköping"),
        ("Lagesrapport jonkoping: Allt lugnt.", C.STATUS_REPORT, "jonkoping: Allt lugnt."),
        ("status Kalmar", C.STATUS_REPORT, "Kalmar"),
        ("statusrapport Kalmar", C.STATUS_REPORT, "Kalmar"),
        ("lägesrapporter", C.STATUS_REPORTS, ""),
        ("åtgärd Alla kollar i sina verksamheter", C.ACTION, "Alla kollar i sina verksamheter"),
        ("atgard: Boka lokal", C.ACTION, "Boka lokal"),
        ("tiltak Kari sjekker", C.ACTION, "Kari sjekker"),
        ("åtgärder", C.ACTIONS, ""),
        ("åtgärder alla", C.ACTIONS, "alla"),
        ("actions", C.ACTIONS, ""),
        ("klar 12", C.DONE, "12"),
        ("done 12", C.DONE, "12"),
        ("ändra 3 ansvarig: Sara", C.EDIT, "3 ansvarig: Sara"),
        ("beslut Gruppen ställer sig bakom målen", C.DECISION, "Gruppen ställer sig bakom målen"),
        ("vedtak Noe", C.DECISION, "Noe"),
        ("punkt Övrigt: studiebesök", C.POINT, "Övrigt: studiebesök"),
        ("item Visit", C.POINT, "Visit"),
        ("dagordning", C.AGENDA, ""),
        ("agenda", C.AGENDA, ""),
        ("dagsorden", C.AGENDA, ""),
        ("mötestider 23/11 kl 13-14 Teams", C.MEETINGS, "23/11 kl 13-14 Teams"),
        ("møtetider 23/11", C.MEETINGS, "23/11"),
        ("nästa möte", C.NEXT_MEETING, ""),
        ("Nästa  Möte", C.NEXT_MEETING, ""),
        ("next meeting", C.NEXT_MEETING, ""),
        ("neste møte", C.NEXT_MEETING, ""),
        ("minnesanteckningar", C.MINUTES, ""),
        ("referat", C.MINUTES, ""),
        ("inställningar", C.SETTINGS, ""),
        ("regioner Linköping, Jönköping, Kalmar", C.REGIONS, "Linköping, Jönköping, Kalmar"),
        ("", C.EMPTY, ""),
        ("   \n ", C.EMPTY, ""),
        ("hjälpen", C.UNKNOWN, "hjälpen"),
        ("statusen Kalmar", C.UNKNOWN, "statusen Kalmar"),
        ("nästa", C.UNKNOWN, "nästa"),
    ],
)
def test_commands_are_read_in_every_language(text, name, args):
    command = parse_command(text)
    assert (command.name, command.args) == (name, args)


def test_a_report_keeps_its_paragraphs_and_lists_as_written():
    text = "lägesrapport Linköping:\nArbetet pågår.\n\n- Rekrytering klar\n- SSM i februari"

    command = parse_command(text)

    assert command.args == "Linköping:\nArbetet pågår.\n\n- Rekrytering klar\n- SSM i februari"


def test_the_keyword_as_typed_is_kept_for_answers():
    assert parse_command("LÄGESRAPPORT Kalmar").word == "LÄGESRAPPORT"
    assert parse_command("Nästa  Möte").word == "Nästa  Möte"
    assert parse_command("blaha blaha").word == "blaha"


def test_every_keyword_maps_to_exactly_one_command():
    folded = [fold(keyword) for words in VOCABULARY.values() for keyword in words]
    assert len(folded) == len(set(folded))


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [
        ("dagordnig", "dagordning"),
        ("lägesraport", "lägesrapport"),
        ("hjäl", "hjälp"),
        ("møtetid", "mötestider"),
        ("xyzzy", None),
    ],
)
def test_close_misses_get_the_swedish_keyword(typo, suggestion):
    assert suggest_keyword(typo) == suggestion


def test_fold_keeps_length_so_positions_carry_over():
    for text in ["Jönköping", "Møte i Tromsø", "Ærlig", "İstanbul", "straße"]:
        assert len(fold(text)) == len(text)
    assert fold("Jönköping") == "jonkoping"
    assert fold("Møte") == "mote"


def test_quote_escapes_markup_and_caps_length():
    assert quote("<script>*x*</script>") == "\\<script\\>\\*x\\*\\</script\\>"
    assert quote("a  b\n c") == "a b c"
    assert quote("x" * 100) == "x" * 59 + "…"
