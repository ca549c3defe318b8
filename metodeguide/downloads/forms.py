"""A form's downloads, made from the same YAML as its page: a fillable PDF and a Word document.

The PDF is the form's HTML (``rendering.render_form_document``) laid out by WeasyPrint, which turns
the inputs into AcroForm fields and writes a tagged PDF/UA file with language and title. The Word
document is built with python-docx: real check boxes (content controls) and tables with room to
write.
"""
from __future__ import annotations

import io
import logging

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from ..form_fields import pdf_fields
from ..model import Form, FormField
from ..rendering import render_form_document
from ..text import first_sentence, paragraph_texts
from ..words import form_labels

EMPTY_BOX = "☐"
# A Word check box (a content control that Word and LibreOffice tick on click), showing ☐ or ☒.
CHECK_BOX_XML = (
    f'<w:sdt {nsdecls("w")} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
    "<w:sdtPr><w14:checkbox><w14:checked w14:val=\"0\"/>"
    '<w14:checkedState w14:val="2612" w14:font="DejaVu Sans"/>'
    '<w14:uncheckedState w14:val="2610" w14:font="DejaVu Sans"/></w14:checkbox></w:sdtPr>'
    f"<w:sdtContent><w:r><w:t>{EMPTY_BOX}</w:t></w:r></w:sdtContent></w:sdt>"
)
logging.getLogger("weasyprint").setLevel(logging.ERROR)   # its layout notes are not our errors
logging.getLogger("pypdf").setLevel(logging.ERROR)        # nor are notes on the radio groups it reads


def form_pdf(form: Form) -> bytes:
    import weasyprint  # here, not at the top: the quick tests run without WeasyPrint and Pango

    document = weasyprint.HTML(string=render_form_document(form))
    pdf = document.write_pdf(pdf_forms=True, pdf_variant="pdf/ua-1")
    return _with_field_names_read_aloud(pdf, field_descriptions(form))


def field_descriptions(form: Form) -> dict[str, str]:
    """What a screen reader should say for each PDF field: its question, not its technical name."""
    return {field.name: field.description for field in pdf_fields(form)}


def _with_field_names_read_aloud(pdf: bytes, descriptions: dict[str, str]) -> bytes:
    """WeasyPrint names each field's tooltip (/TU) after the field; give it the question instead."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for annotation in page.get("/Annots") or []:
            node = annotation.get_object()
            while node is not None:  # the widget, and the radio group above it
                if node.get("/T") in descriptions:
                    node[NameObject("/TU")] = TextStringObject(descriptions[node["/T"]])
                node = node["/Parent"].get_object() if "/Parent" in node else None
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def form_docx(form: Form) -> bytes:
    labels = form_labels()
    document = Document()
    properties = document.core_properties
    properties.title, properties.author, properties.language = form.title, labels["author"], "da-DK"
    properties.subject = first_sentence(form.purpose)[:255]  # Word allows 255 characters here
    document.styles["Normal"].font.size = Pt(12)
    _set_default_language(document, "da-DK")
    document.add_heading(form.title, level=0)
    document.add_paragraph(f"{labels['code']} {form.code}")
    document.add_paragraph(f"{labels['name_line']} ____________________    {labels['date_line']} ____________")
    for part in paragraph_texts(form.introduction):
        document.add_paragraph(part)
    for section in form.sections:
        if section.heading:
            document.add_heading(section.heading, level=1)
        if section.intro:
            for part in paragraph_texts(section.intro):
                document.add_paragraph(part)
        for field in section.fields:
            _add_field(document, field, labels)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_field(document, field: FormField, labels: dict) -> None:
    question = document.add_paragraph()
    question.add_run(field.label).bold = True
    question.paragraph_format.keep_with_next = True
    if field.help:
        help_text = document.add_paragraph()
        help_text.add_run(field.help).italic = True
        help_text.paragraph_format.keep_with_next = True
    if field.kind in ("single_choice", "multiple_choice", "rating_scale"):
        options = [*field.options, *([labels["dont_know"]] if field.dont_know else [])]
        for option in options:
            _add_choice(document, option)
        if field.other:
            _add_choice(document, f"{labels['other']}   {labels['other_text']} ______________________________")
    elif field.kind == "table":
        _add_table(document, field.columns, field.rows)
    else:
        _add_box(document, 1 if field.kind == "short_text" else field.lines)


def _set_default_language(document, language: str) -> None:
    """The language Word and screen readers use for the text (core properties are only metadata)."""
    run_defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = run_defaults.makeelement(qn("w:lang"), {})
        run_defaults.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)


def _add_choice(document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(CHECK_BOX_XML))
    paragraph.add_run(f" {text}")


def paragraph_text(paragraph) -> str:
    """A paragraph's text including what sits in content controls (python-docx's .text skips it)."""
    return "".join(node.text or "" for node in paragraph._p.iter(qn("w:t")))


def _add_box(document, lines: int) -> None:
    """A one-cell table with a border: room to write by hand, or to type in."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    cell.text = ""
    for _ in range(lines - 1):
        cell.add_paragraph("")
    document.add_paragraph("")


def _add_table(document, columns: list[str], rows: int) -> None:
    table = document.add_table(rows=rows + 1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(table.rows[0].cells, columns):
        cell.text = column
        cell.paragraphs[0].runs[0].bold = True
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(header.makeelement(qn("w:tblHeader"), {}))  # read as column heads, repeated on new pages
    for row in table.rows[1:]:
        row.height = Cm(1.3)
    document.add_paragraph("")
