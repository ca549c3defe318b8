"""Content problems, told in Danish words an editor understands.

A problem names the file, the field path (``dilemmas[2].advice``, counting from 1 like a person
does) and what is wrong. The loader collects every problem in every file before it stops, so an
editor can fix them all in one go.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable

import yaml
from pydantic import ValidationError

# What a list holds, so an empty list can be named ("mindst ét råd mangler").
LIST_ITEMS = {
    "advice": "ét råd",
    "phases": "én fase",
    "ways_of_working": "én arbejdsmåde",
    "sources": "én kilde",
    "items": "ét punkt",
    "activities": "én aktivitet",
    "experiences": "én erfaring",
    "leadership_requires": "ét krav til ledelsen",
    "bars": "én søjle",
    "terms": "ét ord",
    "roles": "én rolle (sagsbehandler eller leder)",
    "steps": "ét trin",
}

# Our own validators raise these error types (``model.problem``); each gets its Danish explanation.
CUSTOM_ERRORS = {
    "empty_text": "teksten er tom",
    "choice_needs_options": "et valg eller en skala skal have mindst to svarmuligheder (options)",
    "options_only_for_choices": "kun valg og skalaer kan have svarmuligheder (options)",
    "table_needs_columns_and_rows": "en tabel skal have kolonner (columns) og mindst én række (rows)",
    "columns_only_for_tables": "kun tabeller kan have kolonner (columns)",
    "column_too_narrow": ("kolonnen '{column}' får kun {share} % af tabellens bredde, så der er ikke plads til "
                          "at skrive (mindst {minimum} %); brug færre kolonner, eller giv de andre et "
                          "kortere svar (answer: short eller medium)"),
    "other_only_for_choices": "kun valg kan have 'andet' (other)",
    "dont_know_only_for_scales": "kun skalaer kan have 'ved ikke' (dont_know)",
    "reserved_field_id": "felterne 'navn' og 'dato' findes allerede øverst på alle skemaer; brug et andet id",
    "bar_above_maximum": "en søjle er større end diagrammets maximum; ret tallet eller maximum",
    "code_format": "skal være en kort kode som '{example}' (se README: Korte koder)",
    "ledger_line": "disse linjer er ikke en kode med et punkt af samme slags: {lines} "
                   "(skriv fx 'D3-2: principles/<princip>/dilemmas/<id>' eller 'M5: tools/<id>')",
    "ledger_item_twice": "et punkt må kun have én kode, men disse står under flere koder: {items}",
    "duration_order": "varigheden skal gå fra shortest over suggested til longest (korteste ≤ foreslået ≤ længste)",
    "frame_block_for_each": "en byggeklods af slagsen '{kind}' er den samme for alle emner og kan ikke have for_each",
    "block_needs_source": "en byggeklods med indhold skal have en kilde (source); kun pauser, frokost, åbning og afslutning kan undvære den",
    "email_format": "skal være en e-mailadresse, fx 'handicap@kommune.dk'",
    "phone_format": "skal være et telefonnummer skrevet med cifre og mellemrum, fx '12 34 56 78' eller '+45 12 34 56 78'",
    "web_address": "skal være en hel webadresse, der starter med https://",
    "reviewed_before_prepared": "erklæringen kan ikke være gennemgået (reviewed) før den dag, den blev lavet (prepared)",
}

DATE = "skal være en dato skrevet år-måned-dag, fx 2026-11-30"

MESSAGES = {
    "missing": "feltet mangler",
    "string_type": "skal være en tekst",
    "int_type": "skal være et helt tal",
    "int_parsing": "skal være et helt tal",
    "int_from_float": "skal være et helt tal",
    "list_type": "skal være en liste (linjer der starter med '- ')",
    "model_type": "skal være en gruppe af felter (navn: værdi)",
    "dict_type": "skal være en gruppe af felter (navn: værdi)",
    "model_attributes_type": "skal være en gruppe af felter (navn: værdi)",
    "string_pattern_mismatch": "må kun indeholde små bogstaver a-z, tal og bindestreger (skriv ae, oe og aa for æ, ø og å)",
    "greater_than_equal": "skal være mindst {ge}",
    "too_short": "der skal være mindst ét punkt",
    "float_type": "skal være et tal",
    "float_parsing": "skal være et tal (brug punktum, ikke komma, i decimaltal)",
    "greater_than": "skal være større end {gt}",
    "less_than_equal": "må højst være {le}",
    "multiple_of": "skal kunne deles med {multiple_of}",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    "literal_error": "skal være en af disse: {expected}",
    "date_type": DATE,
    "date_parsing": DATE,
    "date_from_datetime_parsing": DATE,
    "date_from_datetime_inexact": DATE,
}

# A text that must match a pattern is told what it should look like; any other pattern is a slug's.
PATTERN_MESSAGES = {
    r"^[0-9]+(\.[0-9]+)*$": 'skal være et versionsnummer: tal med punktum imellem, som "1.0" eller "2.1"',
    r"^([01][0-9]|2[0-3]):[0-5][0-9]$": 'skal være et klokkeslæt som "09:00" (timer og minutter, med kolon imellem)',
}

# A check of a whole item that is about one of its fields names that field in the message's path.
CUSTOM_ERROR_FIELDS = {"frame_block_for_each": "for_each", "block_needs_source": "source",
                       "ledger_line": "codes", "ledger_item_twice": "codes",
                       "reviewed_before_prepared": "reviewed"}

# What PyYAML says, in Danish: a regular expression found in its "context: problem" (groups go into
# {0}) and the explanation; {start} is where the list, group or text that is not closed begins.
YAML_PROBLEMS = [
    (r"repeated key: (.*)", "'{0}' står to gange; kun den sidste ville tælle. Slet eller ret den ene"),
    (r"mapping values are not allowed here", "et kolon (:) står inde i en værdi. Sæt hele værdien i anførselstegn, "
                                             "eller ret indrykningen"),
    (r"could not find expected ':'", "der mangler et kolon (:) efter feltnavnet i {start}"),
    (r"found character '\\t' that cannot start any token", "linjen er rykket ind med tabulator; brug mellemrum"),
    (r"found character '(.)' that cannot start any token", "en værdi kan ikke begynde med '{0}'. Sæt hele værdien i "
                                                          "anførselstegn"),
    (r"found undefined alias", "en værdi kan ikke begynde med '*'. Sæt hele værdien i anførselstegn"),
    (r"expected ',' or '\]'", "listen i [ ], der begynder i {start}, er ikke lukket med ]"),
    (r"expected ',' or '\}'", "gruppen i {{ }}, der begynder i {start}, er ikke lukket med }}"),
    (r"quoted scalar: found unexpected end of stream", "anførselstegnet i {start} bliver aldrig lukket"),
    (r"found unknown escape character '(.)'", "'\\{0}' kan ikke stå i en tekst i dobbelte anførselstegn. Skriv '\\\\' "
                                             "for en omvendt skråstreg, eller brug enkelte anførselstegn"),
    (r"expected <block end>", "linjen passer ikke ind her. Tjek indrykningen, og at en tekst i anførselstegn ikke "
                              "fortsætter efter det sidste anførselstegn"),
]


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}" if self.field else f"{self.file}: {self.message}"


def example_contact_note(settings) -> str | None:
    """Not a problem, since the repository itself builds with its examples: while the contact in
    content/settings.yml is still the shipped example, the build tells a publisher so."""
    if not settings.responsible.is_example():
        return None
    return (f"Bemærk: content/settings.yml: responsible: {settings.responsible.email} er et eksempel. "
            "Skriv jeres egen kontakt, før guiden udgives (README: Publishing it as a municipality).")


class ContentError(Exception):
    """Raised when the content cannot be built; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self) -> str:
        """What a build prints, scripts/build.py and MkDocs (make serve) alike: every problem, one a line."""
        return f"Indholdet under content/ har fejl:\n{self}"


def field_path(location: Iterable[str | int]) -> str:
    """('dilemmas', 1, 'advice') -> 'dilemmas[2].advice': list positions counted from 1."""
    path = ""
    for part in location:
        path += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def problems_from_validation(file: str, error: ValidationError, known_fields: set[str]) -> list[Problem]:
    return [
        Problem(file, field_path(_location(detail)), _message(detail, known_fields))
        for detail in error.errors()
    ]


def _location(detail: dict) -> tuple:
    field = CUSTOM_ERROR_FIELDS.get(detail["type"])
    return (*detail["loc"], field) if field else detail["loc"]


def _message(detail: dict, known_fields: set[str]) -> str:
    kind, location = detail["type"], detail["loc"]
    if kind == "extra_forbidden":
        return _unknown_field(str(location[-1]), known_fields)
    if kind == "too_short" and detail.get("ctx", {}).get("min_length", 1) > 1:
        return f"der skal være mindst {detail['ctx']['min_length']} punkter"
    if kind == "too_short" and location and location[-1] in LIST_ITEMS:
        return f"mindst {LIST_ITEMS[location[-1]]} mangler"
    context = {name: _readable(value) for name, value in (detail.get("ctx") or {}).items()}
    if kind in CUSTOM_ERRORS:
        return CUSTOM_ERRORS[kind].format(**context)
    if kind == "string_pattern_mismatch" and detail["ctx"]["pattern"] in PATTERN_MESSAGES:
        return PATTERN_MESSAGES[detail["ctx"]["pattern"]]
    if kind in MESSAGES:
        return MESSAGES[kind].format(**context)
    return f"ugyldig værdi ({detail['msg']})"


def _readable(value) -> str:
    """A limit or a list of choices as a Danish sentence has it: 0 not 0.0, 'eller' not 'or'."""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value).replace(" or ", " eller ")


def _unknown_field(name: str, known_fields: set[str]) -> str:
    guess = difflib.get_close_matches(name, sorted(known_fields), n=1, cutoff=0.5)
    hint = f" – mente du '{guess[0]}'?" if guess else " – feltet findes ikke i skemaet"
    return f"ukendt felt '{name}'{hint}"


def yaml_message(error: yaml.YAMLError) -> str:
    """A file PyYAML cannot read: where, and what is wrong, in Danish (YAML_PROBLEMS)."""
    def place(mark) -> str:
        return f"linje {mark.line + 1}, kolonne {mark.column + 1}"
    mark, start = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    where = f" i {place(mark)}" if mark else ""
    said = f"{getattr(error, 'context', None)}: {getattr(error, 'problem', None)}"
    for pattern, danish in YAML_PROBLEMS:
        found = re.search(pattern, said)
        if found and ("{start}" not in danish or start):
            return f"YAML-fejl{where}: {danish.format(*found.groups(), start=start and place(start))}."
    return f"YAML-fejl{where}: filen kan ikke læses. Tjek indrykning, kolon efter feltnavne og anførselstegn."
