"""Sentences for the patient-data guard's tests.

``ordinary_sentences()`` is what a working group writes: meeting lines in the style of the
reference minutes, filled (with a fixed seed) with the digits that come up in them — dates in
every form the group uses, times, Swedish phone numbers in every common notation (ten bare
digits only after a phone word), diarienummer, organisation numbers, postcodes, amounts,
counts and years. None names a person's identity number. ``identity_numbers()`` makes valid
numbers of every kind the guard must catch.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

TEMPLATES = [
    "Edyta hälsade alla välkomna till mötet {date}.",
    "Nästa möte {day}, kl. {time}, Teams.",
    "Veronica kollar med Region Skåne till {date} och återkommer.",
    "Ring Mats på {phone} om PET-schemat.",
    "Kontakta fysikerna, tel. {phone}, före {date}.",
    "Lägesrapport Kalmar: två nya gammakameror levererade {date}, driftstart vecka {week}.",
    "Jönköping har {count} undersökningar i kö, väntetid {count} dagar.",
    "Beslut: gemensam upphandling av radiofarmaka, diarienummer RJL {year}/{count}.",
    "Leverantören har organisationsnummer {orgnr}.",
    "Studiebesöket på Cyklotronen flyttas från {date} till {date2}.",
    "Seminarium {day}, {time}, leds av Fysiologiska kliniken i Linköping.",
    "Kostnaden beräknas till {amount} kr för {year}.",
    "Skicka fakturan till Region Kalmar län, Box {count}, {postcode} Kalmar.",
    "Växeln nås på {phone}, fråga efter nuklearmedicin.",
    "Sara Axelsson tar fram statistik för perioden {date}–{date2}.",
    "Mobil: {phone_bare}",
    "Hans nås på mobil {phone_bare} efter kl. {time}.",
    "Agnetha bokar lokal Läderbaggen {day} kl {time}, plan {count}.",
    "Underlaget skickas senast {date}, ärende {year}-{count}.",
    "Vi siktar på {count} patienter per vecka från och med {date}.",
    "Antal PET-CT {year}: {amount}, jämfört med {amount2} året innan.",
    "Ring växeln {phone} eller sms:a {phone_bare_sms}.",
    "ST-läkarutbildningen startar {date}; ansökan till studierektor senast {date2}.",
    "Tillgången till isotoper är begränsad t.o.m. {date}.",
    "Kalmar rapporterar driftstopp {date} kl. {time}, åtgärdat {date2}.",
    "Telefonmöte {day} kl {time}: ring in på {phone}, kod {pin}.",
    "Remissflödet följs upp {date}, rapport nr {count}.",
    "Personalläget: {count} BMA, {count2} röntgensjuksköterskor och en fysiker.",
    "Avtalet löper {date} – {date2}, avtalsnummer {contract}.",
    "Karl skickar kontaktuppgifter till Camelia, tfn {phone}.",
]


def _date_forms(rng: random.Random, day: date) -> str:
    forms = [
        day.isoformat(),
        f"{day.day}/{day.month}",
        f"{day.day}/{day.month} {day.year}",
        f"{day.day}/{day.month}-{day.year % 100:02d}",
        f"{day.year}{day.month:02d}{day.day:02d}",
        f"{day.year % 100:02d}{day.month:02d}{day.day:02d}",
        f"{day.day}.{day.month}.{day.year}",
        day.strftime("%d.%m.%Y"),
    ]
    return rng.choice(forms)


def _phone(rng: random.Random) -> str:
    mobile = f"07{rng.choice('02369')}"
    digits = [rng.randrange(10) for _ in range(7)]
    area = rng.choice(["010", "013", "036", "0480", "0490", "08"])
    rest = "".join(map(str, digits))
    forms = [
        f"{mobile}-{rest[:3]} {rest[3:5]} {rest[5:]}",
        f"{mobile}{rest[:1]}-{rest[1:3]} {rest[3:5]} {rest[5:]}",
        f"+46 {mobile[1:]} {rest[:3]} {rest[3:5]} {rest[5:]}",
        f"+46{mobile[1:]}{rest}",
        f"{area}-{rest[:2]} {rest[2:4]} {rest[4:6]}",
        f"{area}-{rest[:3]} {rest[3:5]} {rest[5:]}",
        f"{area} {rest[:2]} {rest[2:4]} {rest[4:6]}",
        f"({area}) {rest[:3]} {rest[3:5]}",
    ]
    return rng.choice(forms)


def ordinary_sentences(count: int = 600, seed: int = 20261122) -> list[str]:
    rng = random.Random(seed)
    start = date(1998, 1, 1)
    sentences = []
    for index in range(count):
        template = TEMPLATES[index % len(TEMPLATES)]
        day = start + timedelta(days=rng.randrange(365 * 32))
        values = {
            "date": _date_forms(rng, day),
            "date2": _date_forms(rng, day + timedelta(days=rng.randrange(1, 400))),
            "day": f"{day.day}/{day.month}",
            "time": rng.choice(["13-14", "13.00 – 14.00", "8–9", "10:30", "15.15", "09.00"]),
            "phone": _phone(rng),
            "phone_bare": f"07{rng.choice('02369')}{rng.randrange(10**7):07d}",
            "phone_bare_sms": f"07{rng.choice('02369')}{rng.randrange(10**7):07d}",
            "week": rng.randrange(1, 53),
            "count": rng.randrange(1, 2000),
            "count2": rng.randrange(1, 40),
            "year": rng.randrange(2015, 2031),
            "orgnr": f"{rng.choice(['232100', '556677', '212000', '802012'])}-"
            f"{rng.randrange(10**4):04d}",
            "amount": f"{rng.randrange(1, 999)} {rng.randrange(1000):03d}",
            "amount2": f"{rng.randrange(1, 999)} {rng.randrange(1000):03d}",
            "postcode": f"{rng.randrange(100, 999)} {rng.randrange(10, 99)}",
            "pin": f"{rng.randrange(10**6):06d}#",
            "contract": f"{rng.randrange(2015, 2031)}-{rng.randrange(10**4):04d}",
        }
        sentences.append(template.format(**values))
    return sentences


def luhn_digit(nine: str) -> str:
    total = 0
    for index, digit in enumerate(int(d) for d in nine):
        digit *= 2 if index % 2 == 0 else 1
        total += digit - 9 if digit > 9 else digit
    return str((10 - total % 10) % 10)


def swedish_number(born: date, serial: int, *, coordination: bool = False) -> str:
    """Ten digits YYMMDDNNNC; a samordningsnummer has 60 added to the day."""
    day = born.day + (60 if coordination else 0)
    nine = f"{born.year % 100:02d}{born.month:02d}{day:02d}{serial:03d}"
    return nine + luhn_digit(nine)


def norwegian_number(born: date, serial: int, *, d_number: bool = False) -> str | None:
    """Eleven digits DDMMYYIIIKK (a D-nummer has 40 added to the day), or None where the
    serial gives a control digit of 10 (such numbers are never issued)."""
    day = born.day + (40 if d_number else 0)
    digits = [int(d) for d in f"{day:02d}{born.month:02d}{born.year % 100:02d}{serial:03d}"]
    for weights in ((3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)):
        control = (11 - sum(w * d for w, d in zip(weights, digits, strict=False)) % 11) % 11
        if control == 10:
            return None
        digits.append(control)
    return "".join(map(str, digits))


def identity_numbers(count: int = 200, seed: int = 7) -> list[str]:
    """Valid numbers in every written form: Swedish with and without century and separator,
    samordningsnummer, Norwegian fødselsnummer and D-nummer with and without a space."""
    rng = random.Random(seed)
    numbers: list[str] = []
    while len(numbers) < count:
        born = date(1920, 1, 1) + timedelta(days=rng.randrange(365 * 100))
        serial = rng.randrange(1000)
        kind = len(numbers) % 8
        if kind < 5:
            ten = swedish_number(born, serial, coordination=kind == 4)
            century = str(born.year // 100)
            numbers.append(
                [
                    f"{ten[:6]}-{ten[6:]}",
                    ten,
                    f"{century}{ten[:6]}-{ten[6:]}",
                    f"{century}{ten}",
                    f"{ten[:6]}-{ten[6:]}",
                ][kind]
            )
        else:
            eleven = norwegian_number(born, serial, d_number=kind == 7)
            if eleven is not None:
                numbers.append(eleven if kind != 6 else f"{eleven[:6]} {eleven[6:]}")
    return numbers
