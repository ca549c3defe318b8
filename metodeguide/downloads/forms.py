"""A form's downloads, made from the same YAML as its page: a fillable PDF and a Word document.

The PDF is the form's HTML (``rendering.render_form_document``) laid out by WeasyPrint, which turns
the inputs into AcroForm fields and writes a tagged PDF/UA file with language and title. The Word
document is built with python-docx: A4 with Danish margins, the PDF's sans-serif, real check boxes
(content controls), and tables with room to write whose columns share the width as on the page and
in the PDF; no answer box or table row is split over two pages.
"""
from __future__ import annotations

import io
import logging

from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt

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
# The Word page: A4 (python-docx's template is US Letter, which no Danish printer holds), with 2.5 cm
# at top and bottom and 2 cm at the sides, as Danish public-sector letters commonly have. That
# leaves a 17 cm line, close to the PDF's 17.4 cm (form_print.css), so a table's columns get about
# the same room in both.
PAGE_SIZE = (Cm(21), Cm(29.7))
MARGINS = {"top_margin": Cm(2.5), "bottom_margin": Cm(2.5), "left_margin": Cm(2), "right_margin": Cm(2)}
# The PDF's fonts (form_print.css: Verdana, "DejaVu Sans", sans-serif). A Word file names one font per
# run, so the styles name Verdana, which every Windows and Mac with Word has; the font table adds
# DejaVu Sans as its alternative and marks it a sans-serif ("swiss"). LibreOffice, where Verdana is
# missing (as on Debian), takes DejaVu Sans: the PDF's own font. Either way, the same wide, open
# sans-serif as the PDF, never the template's serif (Cambria).
FONT = "Verdana"
FONT_ALTERNATIVE = "DejaVu Sans"
VERDANA_FONT_XML = (
    f'<w:font {nsdecls("w")} w:name="{FONT}"><w:altName w:val="{FONT_ALTERNATIVE}"/>'
    '<w:panose1 w:val="020B0604030504040204"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
    '<w:pitch w:val="variable"/></w:font>'
)
TABLE_TYPE = Pt(10)   # a table's type size, as .mg-form-table in form_print.css
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
    _set_page(document.sections[0])
    _use_font_everywhere(document)
    document.add_heading(form.title, level=0)
    document.add_paragraph(f"{labels['code']} {form.code}")
    document.add_paragraph(f"{labels['name_line']} ____________________    {labels['date_line']} ____________")
    for part in paragraph_texts(form.introduction):
        document.add_paragraph(part)
    for section in form.sections:
        if section.heading:
            document.add_heading(section.heading, level=1)  # the style keeps it with what follows
        if section.intro:
            for part in paragraph_texts(section.intro):
                document.add_paragraph(part).paragraph_format.keep_with_next = True
        for field in section.fields:
            _add_field(document, field, labels)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_field(document, field: FormField, labels: dict) -> None:
    """A question with its help, kept on the page with its answer: options, a box or a table."""
    question = document.add_paragraph()
    question.add_run(field.label).bold = True
    question.paragraph_format.keep_with_next = True
    if field.help:
        help_text = document.add_paragraph()
        help_text.add_run(field.help).italic = True
        help_text.paragraph_format.keep_with_next = True
    if field.kind in ("single_choice", "multiple_choice", "rating_scale"):
        options = [*field.options, *([labels["dont_know"]] if field.dont_know else [])]
        if field.other:
            options.append(f"{labels['other']}   {labels['other_text']} ______________________________")
        for number, option in enumerate(options, start=1):
            _add_choice(document, option).paragraph_format.keep_with_next = number < len(options)
    elif field.kind == "table":
        _add_table(document, field)
    else:
        _add_box(document, 1 if field.kind == "short_text" else field.lines)


def _set_page(section) -> None:
    section.page_width, section.page_height = PAGE_SIZE
    for margin, length in MARGINS.items():
        setattr(section, margin, length)


def _line_width(document) -> Emu:
    section = document.sections[0]
    return Emu(section.page_width - section.left_margin - section.right_margin)


def _use_font_everywhere(document) -> None:
    """Every style in FONT: the template's theme fonts (a serif body, Calibri Light headings) go."""
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for attribute in [name for name in fonts.attrib if name.lower().endswith("theme")]:
            del fonts.attrib[attribute]   # asciiTheme, hAnsiTheme, eastAsiaTheme, cstheme
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
    font_table = next(part for part in document.part.package.parts if part.partname == "/word/fontTable.xml")
    fonts = parse_xml(font_table.blob)
    fonts.insert(0, parse_xml(VERDANA_FONT_XML))
    font_table._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_default_language(document, language: str) -> None:
    """The language Word and screen readers use for the text (core properties are only metadata)."""
    run_defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = run_defaults.makeelement(qn("w:lang"), {})
        run_defaults.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)


def _add_choice(document, text: str):
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(CHECK_BOX_XML))
    paragraph.add_run(f" {text}")
    return paragraph


def paragraph_text(paragraph) -> str:
    """A paragraph's text including what sits in content controls (python-docx's .text skips it)."""
    return "".join(node.text or "" for node in paragraph._p.iter(qn("w:t")))


def _add_box(document, lines: int) -> None:
    """A one-cell table with a border, the width of the line: room to write by hand, or to type in."""
    table = _new_table(document, rows=1, shares=[1.0])
    cell = table.cell(0, 0)
    cell.text = ""
    for _ in range(lines - 1):
        cell.add_paragraph("")
    document.add_paragraph("")


def _add_table(document, field: FormField) -> None:
    """The field's table: a head row repeated on each page, each column its share of the line."""
    table = _new_table(document, rows=field.rows + 1, shares=field.column_shares())
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(table.rows[0].cells, field.columns):
        cell.text = column.label
        run = cell.paragraphs[0].runs[0]
        run.bold, run.font.size = True, TABLE_TYPE   # the PDF's table type: a narrow head fits its words
        cell.paragraphs[0].paragraph_format.keep_with_next = True   # the heads stay with a first row
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(header.makeelement(qn("w:tblHeader"), {}))  # read as column heads, repeated on new pages
    for row in table.rows[1:]:
        row.height = Cm(1.3)
        for cell in row.cells:   # what is typed in takes the empty paragraph's type size
            _set_mark_size(cell.paragraphs[0], TABLE_TYPE)
    document.add_paragraph("")


def _set_mark_size(paragraph, size) -> None:
    """The type size Word gives text typed into an empty paragraph (its paragraph mark's)."""
    properties = paragraph._p.get_or_add_pPr()
    mark = properties.find(qn("w:rPr"))
    if mark is None:
        mark = properties.makeelement(qn("w:rPr"), {})
        properties.append(mark)
    for name in ("w:sz", "w:szCs"):
        mark.append(mark.makeelement(qn(name), {qn("w:val"): str(int(size.pt * 2))}))


def _new_table(document, rows: int, shares: list[float]):
    """A bordered table as wide as the line, with fixed column widths and rows that never split."""
    table = document.add_table(rows=rows, cols=len(shares))
    table.style = "Table Grid"
    table.autofit = False   # fixed layout: Word and LibreOffice keep the widths below
    line = _line_width(document)
    widths = [Emu(round(line * share)) for share in shares]
    table_width = table._tbl.tblPr.find(qn("w:tblW"))   # python-docx writes it ("auto")
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(sum(width.twips for width in widths)))
    for column, width in zip(table.columns, widths):
        column.width = width   # the table grid, which LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width   # each cell's own width, which Word reads
        properties = row._tr.get_or_add_trPr()
        properties.append(properties.makeelement(qn("w:cantSplit"), {}))  # a row stays on one page
    return table
