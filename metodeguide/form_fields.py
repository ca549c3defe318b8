"""How a form's inputs are named: one scheme for the page, the fillable PDF, the Word file and the tests.

Every input's name starts with the form's id and the field's id (``samarbejde-moeder``), so the
names stay the same when fields are added or moved. The PDF's fields carry these names, and each
gets the question as the description a screen reader reads.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import RESERVED_FIELD_IDS, Form, FormField
from .words import form_labels

# Every form starts with a line for the name and one for the date: input name -> its label's key
# in templates/form_labels.yml. No field may take these names (model.RESERVED_FIELD_IDS).
HEADING_LINES = dict(zip(RESERVED_FIELD_IDS, ("name_line", "date_line")))


@dataclass(frozen=True)
class FieldNames:
    """The ids and names of one field's inputs (the HTML id and name are the same unless noted)."""

    form_id: str
    field: FormField

    @property
    def base(self) -> str:
        return f"{self.form_id}-{self.field.id}"

    @property
    def help(self) -> str:
        return f"{self.base}-hjaelp"

    def option(self, number: int) -> str:
        """The id of option ``number`` (from 1); also its name when options are check boxes."""
        return f"{self.base}-{number}"

    @property
    def dont_know(self) -> str:
        return f"{self.base}-ved-ikke"

    @property
    def other(self) -> str:
        return f"{self.base}-andet"

    @property
    def other_text(self) -> str:
        return f"{self.base}-andet-tekst"

    def cell(self, row: int, column: int) -> str:
        return f"{self.base}-{row}-{column}"

    @property
    def multiple(self) -> bool:
        return self.field.kind == "multiple_choice"

    def option_name(self, number: int) -> str:
        """Radio buttons share the field's name; check boxes each have their own."""
        return self.option(number) if self.multiple else self.base

    @property
    def other_name(self) -> str:
        return self.other if self.multiple else self.base


def field_names(form: Form, field: FormField) -> FieldNames:
    return FieldNames(form.id, field)


def heading_line(form: Form, line: str) -> str:
    """The input for the name or the date at the top of every form."""
    return f"{form.id}-{line}"


@dataclass(frozen=True)
class PdfField:
    name: str
    kind: Literal["/Tx", "/Btn"]      # a text field, or a check box or radio group
    description: str                   # what a screen reader says: the question, not the name
    choices: int = 0                   # the options of a radio group


def pdf_fields(form: Form) -> list[PdfField]:
    """Every field the form's PDF has, in the order a person tabs through them."""
    labels = form_labels()
    found = [PdfField(heading_line(form, line), "/Tx", labels[label].rstrip(":")) for line, label in HEADING_LINES.items()]
    for field in form.fields():
        found += _fields_of(field_names(form, field), labels)
    return found


def _fields_of(names: FieldNames, labels: dict) -> list[PdfField]:
    field = names.field
    other_text = PdfField(names.other_text, "/Tx",
                          f"{field.label} {labels['other']}: {labels['other_text'].rstrip(':')}")
    if field.kind in ("short_text", "long_text"):
        return [PdfField(names.base, "/Tx", field.label)]
    if field.kind == "table":
        return [PdfField(names.cell(row, number), "/Tx", f"{field.label} {column.label}, {labels['row'].lower()} {row}")
                for row in range(1, field.rows + 1) for number, column in enumerate(field.columns, start=1)]
    if field.kind == "multiple_choice":
        boxes = [PdfField(names.option(n), "/Btn", f"{field.label} {option}")
                 for n, option in enumerate(field.options, start=1)]
        if field.other:
            boxes += [PdfField(names.other, "/Btn", f"{field.label} {labels['other']}"), other_text]
        return boxes
    choices = len(field.options) + field.dont_know + field.other
    return [PdfField(names.base, "/Btn", field.label, choices)] + ([other_text] if field.other else [])
