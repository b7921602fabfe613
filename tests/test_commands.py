"""Reading commands from what people type, with the keywords the feature handlers declare:
Swedish, Norwegian and English keywords, any case or accents, whole words only, arguments
kept exactly as written."""

from __future__ import annotations

import pytest

from bot.domain.text import fold, quote
from bot.handlers.registry import REGISTRY

parse_command = REGISTRY.vocabulary.parse
suggest_keyword = REGISTRY.vocabulary.suggest


@pytest.mark.parametrize(
    ("text", "name", "args"),
    [
        ("hjälp", "help", ""),
        ("HJÄLP", "help", ""),
        ("hjalp", "help", ""),
        ("Help", "help", ""),
        ("hjelp", "help", ""),
        ("lägesrapport Jönköping", "status_report", "Jönköping"),
        ("Lagesrapport jonkoping: Allt lugnt.", "status_report", "jonkoping: Allt lugnt."),
        ("status Kalmar", "status_report", "Kalmar"),
        ("statusrapport Kalmar", "status_report", "Kalmar"),
        ("lägesrapporter", "status_reports", ""),
        ("åtgärd Alla kollar i sina verksamheter", "action", "Alla kollar i sina verksamheter"),
        ("atgard: Boka lokal", "action", "Boka lokal"),
        ("tiltak Kari sjekker", "action", "Kari sjekker"),
        ("åtgärder", "actions", ""),
        ("åtgärder alla", "actions", "alla"),
        ("actions", "actions", ""),
        ("klar 12", "done", "12"),
        ("done 12", "done", "12"),
        ("ändra 3 ansvarig: Sara", "edit", "3 ansvarig: Sara"),
        ("beslut Gruppen ställer sig bakom målen", "decision", "Gruppen ställer sig bakom målen"),
        ("vedtak Noe", "decision", "Noe"),
        ("punkt Övrigt: studiebesök", "point", "Övrigt: studiebesök"),
        ("item Visit", "point", "Visit"),
        ("dagordning", "agenda", ""),
        ("agenda", "agenda", ""),
        ("dagsorden", "agenda", ""),
        ("mötestider 23/11 kl 13-14 Teams", "meetings", "23/11 kl 13-14 Teams"),
        ("møtetider 23/11", "meetings", "23/11"),
        ("nästa möte", "next_meeting", ""),
        ("Nästa  Möte", "next_meeting", ""),
        ("next meeting", "next_meeting", ""),
        ("neste møte", "next_meeting", ""),
        ("minnesanteckningar", "minutes", ""),
        ("referat", "minutes", ""),
        ("inställningar", "settings", ""),
        ("regioner Linköping, Jönköping, Kalmar", "regions", "Linköping, Jönköping, Kalmar"),
        ("", "empty", ""),
        ("   \n ", "empty", ""),
        ("hjälpen", "unknown", "hjälpen"),
        ("statusen Kalmar", "unknown", "statusen Kalmar"),
        ("nästa", "unknown", "nästa"),
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
    words = REGISTRY.vocabulary.keywords.values()
    folded = [fold(keyword) for keywords in words for keyword in keywords.all()]
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
