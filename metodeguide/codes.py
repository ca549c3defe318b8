"""Short codes: the citable items, where each code leads, and the checks that keep codes permanent.

A code is written once in an item's YAML (``code: D3-2``) and recorded in ``content/koder.yml``.
The checks here make sure that every code is unique, carries its principle's number, is in the
ledger, and that the ledger never gives a published code to another item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from .model import CODE_LETTERS, CodeLedger, Content, Form, Principle, Tool
from .paths import (TOOLS_PAGE, dilemma_anchor, form_page_path, principle_page_path, question_anchor,
                    way_anchor)
from .problems import Problem

LEDGER_FILE = "content/koder.yml"


@dataclass(frozen=True)
class CitableItem:
    kind: str                    # dilemma, question, way, tool or form (see model.CODE_LETTERS)
    code: str
    key: str                     # permanent name in the ledger: principles/<id>/dilemmas/<id>, tools/<id> …
    title: str                   # what a person recognises the item by
    field: str                   # where the code is written in the item's file, e.g. dilemmas[2].code
    page: str                    # the page the code leads to, and the anchor on it
    anchor: str = ""
    principle: Principle | None = None


def principle_items(principle: Principle) -> Iterator[CitableItem]:
    base = f"principles/{principle.id}"
    page = principle_page_path(principle)
    for index, way in enumerate(principle.ways_of_working, start=1):
        yield CitableItem("way", way.code, f"{base}/ways_of_working/{way.id}", way.title,
                          f"ways_of_working[{index}].code", page, way_anchor(way.id), principle)
    for index, question in enumerate(principle.reflection_questions, start=1):
        yield CitableItem("question", question.code, f"{base}/reflection_questions/{question.id}", question.question,
                          f"reflection_questions[{index}].code", page, question_anchor(question.id), principle)
    for index, dilemma in enumerate(principle.dilemmas, start=1):
        yield CitableItem("dilemma", dilemma.code, f"{base}/dilemmas/{dilemma.id}", dilemma.question,
                          f"dilemmas[{index}].code", page, dilemma_anchor(dilemma.id), principle)


def tool_item(tool: Tool) -> CitableItem:
    return CitableItem("tool", tool.code, f"tools/{tool.id}", tool.name, "code", TOOLS_PAGE, tool.id)


def form_item(form: Form) -> CitableItem:
    return CitableItem("form", form.code, f"forms/{form.id}", form.title, "code", form_page_path(form))


def citable_items(content: Content) -> list[CitableItem]:
    """Every item with a code, in the order of the kinds in CODE_LETTERS and then as in the guide."""
    items = [item for principle in content.principles for item in principle_items(principle)]
    items += [tool_item(tool) for tool in content.tools]
    items += [form_item(form) for form in content.forms]
    order = list(CODE_LETTERS)
    return sorted(items, key=lambda item: (order.index(item.kind), _serial(item.code)))


def retired_codes(content: Content) -> dict[str, str]:
    """Codes in the ledger whose item has left the guide: code -> the item key it once named."""
    current = {item.code for item in citable_items(content)}
    return {code: key for code, key in content.code_ledger.codes.items() if code not in current}


def _serial(code: str) -> tuple[int, ...]:
    return tuple(int(number) for number in re.findall(r"\d+", code))


# --- Checks ---------------------------------------------------------------------------------------

def code_problems(located: Iterable[tuple[str, CitableItem]], ledger: CodeLedger | None) -> Iterator[Problem]:
    """Problems with the codes of the items given as (file, item); ledger None if it did not load."""
    located = list(located)
    yield from _principle_number_problems(located)
    yield from _duplicate_code_problems(located)
    if ledger is not None:
        yield from _ledger_problems(located, ledger)


def _principle_number_problems(located) -> Iterator[Problem]:
    for file, item in located:
        if item.principle and _serial(item.code)[0] != item.principle.number:
            letter, serial = item.code[0], item.code.split("-")[1]
            yield Problem(file, item.field, f"koden '{item.code}' skal have princippets nummer: "
                                            f"'{letter}{item.principle.number}-{serial}'")


def _duplicate_code_problems(located) -> Iterator[Problem]:
    first: dict[str, tuple[str, CitableItem]] = {}
    for file, item in located:
        if item.code in first:
            other_file, other = first[item.code]
            yield Problem(file, item.field, f"koden '{item.code}' bruges allerede af {other.key} ({other_file})")
        first.setdefault(item.code, (file, item))


def _ledger_problems(located, ledger: CodeLedger) -> Iterator[Problem]:
    code_of_key = {key: code for code, key in ledger.codes.items()}
    used = set(ledger.codes) | {item.code for _, item in located}
    for file, item in located:
        published_for = ledger.codes.get(item.code)
        if item.key in code_of_key and code_of_key[item.key] != item.code:
            yield Problem(file, item.field, f"punktet har koden '{code_of_key[item.key]}' i {LEDGER_FILE}; "
                                            "en udgivet kode må ikke ændres")
        elif published_for is None:
            yield Problem(file, item.field, f"koden '{item.code}' står ikke i {LEDGER_FILE}. "
                                            f"Tilføj linjen:  {item.code}: {item.key}")
        elif published_for != item.key:
            yield Problem(file, item.field, f"koden '{item.code}' er udgivet for {published_for} ({LEDGER_FILE}); "
                                            "en udgivet kode må aldrig skifte betydning. "
                                            f"Brug en ny kode, fx '{next_free_code(item, used)}'")


def next_free_code(item: CitableItem, used: set[str]) -> str:
    prefix = f"{item.code[0]}{item.principle.number}-" if item.principle else item.code[0]
    serial = 1
    while f"{prefix}{serial}" in used:
        serial += 1
    return f"{prefix}{serial}"
