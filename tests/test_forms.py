"""The forms: schema, plain language, the fillable PDF, the Word document and the overview."""
import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from docx.shared import Cm
from pypdf import PdfReader, PdfWriter

from conftest import PROJECT_DIR
from html_tools import Page, hidden_texts, normalise
from metodeguide.downloads.forms import EMPTY_BOX, field_descriptions, form_docx, form_pdf, paragraph_text
from metodeguide.form_fields import field_names, pdf_fields
from metodeguide.words import form_labels
from metodeguide.model import Form
from metodeguide.readability import form_lix
from metodeguide.rendering import render_form_document

DANISH = "Åse Ærø-Møller: højst én time – gerne på gåtur"
W14_CHECKBOX = "{http://schemas.microsoft.com/office/word/2010/wordml}checkbox"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM = 25.4 / 72   # millimetres per PDF point
# Room to write in a PDF field. 18 mm wide is about nine characters of the tables' 10-point type
# (DejaVu Sans, 2 mm a character) on each line: a first name, a date, "Ja" or "Nej"; by hand, a short
# word. The issue's table cells were 3.8 to 9.1 mm. 5 mm high is one line of the 12-point type
# (4.2 mm); a table cell is for a few words, so it must take two lines of 10-point type: 10 mm.
MIN_FIELD_WIDTH_MM = 18
MIN_FIELD_HEIGHT_MM = 5
MIN_TABLE_CELL_HEIGHT_MM = 10
A4_CM = (21.0, 29.7)
WORD_MARGINS_CM = {"top_margin": 2.5, "bottom_margin": 2.5, "left_margin": 2.0, "right_margin": 2.0}


def expected_pdf_fields(form: Form) -> dict[str, str]:
    """Every AcroForm field a form should have (the shared naming scheme), with its PDF type."""
    return {field.name: field.kind for field in pdf_fields(form)}


def radio_choices(form: Form) -> dict[str, int]:
    return {field.name: field.choices for field in pdf_fields(form) if field.choices}


def test_the_naming_scheme_gives_every_input_its_own_name(content):
    """Ids and names in the page come from the same scheme; no two inputs of a form share a name."""
    for form in content.forms:
        names = [field.name for field in pdf_fields(form)]
        assert len(names) == len(set(names)), form.id
        radio_groups = [f for f in form.fields() if f.kind in ("single_choice", "rating_scale")]
        assert {field_names(form, f).base for f in radio_groups} <= set(radio_choices(form))


@pytest.fixture(scope="module")
def pdfs(content):
    return {form.id: form_pdf(form) for form in content.forms}


def test_there_are_the_six_forms_the_issue_names(content):
    assert {f.id for f in content.forms} == {
        "samarbejde", "feedback-efter-moedet", "forberedelse-haab-oensker-droemme", "netvaerkskort",
        "maal-og-aftaleskema", "perspektivskifte"}
    assert {f.audience for f in content.forms} == {"borger", "medarbejder"}


def test_every_citizen_form_reads_at_or_below_the_limit(content):
    limit = content.settings.citizen_form_max_lix
    scores = {f.id: round(form_lix(f), 1) for f in content.forms if f.audience == "borger"}
    assert scores and {k: v for k, v in scores.items() if v > limit} == {}


def test_pdf_has_every_field_with_its_type_and_every_radio_option(content, pdfs):
    for form in content.forms:
        fields = PdfReader(io.BytesIO(pdfs[form.id])).get_fields()
        found = {name: field.get("/FT") for name, field in fields.items() if "." not in name}
        assert found == expected_pdf_fields(form), form.id
        for name, count in radio_choices(form).items():
            states = [s for s in fields[name]["/_States_"] if s != "/Off"]
            assert len(states) == count, (form.id, name)


def test_pdf_fields_are_named_by_their_questions_for_screen_readers(content, pdfs):
    for form in content.forms:
        fields = PdfReader(io.BytesIO(pdfs[form.id])).get_fields()
        named = {name: field.get("/TU") for name, field in fields.items() if "." not in name}
        assert named == {name: field_descriptions(form)[name] for name in named}, form.id
        for field in form.fields():
            if field.kind in ("short_text", "long_text", "single_choice", "rating_scale"):
                assert named[field_names(form, field).base] == field.label


def test_pdf_tab_order_follows_the_questions(content, pdfs):
    for form in content.forms:
        reader = PdfReader(io.BytesIO(pdfs[form.id]))
        assert all(page.get("/Tabs") == "/S" for page in reader.pages)  # tab in structure order
        on_pages = [a.get_object().get("/T") for page in reader.pages for a in page.get("/Annots") or []]
        in_order = [name for i, name in enumerate(on_pages) if i == 0 or name != on_pages[i - 1]]
        assert in_order == list(expected_pdf_fields(form)), form.id


def test_pdf_takes_danish_letters_typed_into_it(content, pdfs):
    for form in content.forms:
        reader = PdfReader(io.BytesIO(pdfs[form.id]))
        writer = PdfWriter(clone_from=reader)
        text_fields = [n for n, t in expected_pdf_fields(form).items() if t == "/Tx"]
        values = {name: DANISH for name in text_fields}
        for page in writer.pages:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
        buffer = io.BytesIO()
        writer.write(buffer)
        filled = PdfReader(io.BytesIO(buffer.getvalue())).get_fields()
        assert {name: filled[name].get("/V") for name in text_fields} == values, form.id


def test_pdf_is_tagged_in_danish_with_title_and_author(content, pdfs):
    for form in content.forms:
        reader = PdfReader(io.BytesIO(pdfs[form.id]))
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "da" and "/StructTreeRoot" in root
        assert reader.metadata.title == form.title
        assert reader.metadata.author == form_labels()["author"]
        labels = normalise(" ".join(page.extract_text() for page in reader.pages))
        assert f"{form_labels()['code']} {form.code}" in labels   # the code a caseworker quotes
        for field in form.fields():
            assert normalise(field.label)[:40] in labels, (form.id, field.id)


def text_field_boxes(pdf: bytes) -> dict[str, tuple[float, float, float, float]]:
    """Each text field's widget as (left, bottom, right, top) in millimetres, read back from the PDF."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            widget = annotation.get_object()
            field = widget if "/T" in widget else widget["/Parent"].get_object()
            if field.get("/FT") == "/Tx":
                x0, y0, x1, y1 = (float(value) * MM for value in widget["/Rect"])
                found[field["/T"]] = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return found


def text_field_rectangles(pdf: bytes) -> dict[str, tuple[float, float]]:
    """Each text field's widget as (width, height) in millimetres."""
    return {name: (right - left, top - bottom) for name, (left, bottom, right, top) in text_field_boxes(pdf).items()}


def test_every_pdf_field_has_room_to_write(content, pdfs):
    """No field too narrow or too low to write in, typed or by hand: the issue's table cells were 4 mm."""
    for form in content.forms:
        sizes = text_field_rectangles(pdfs[form.id])
        assert set(sizes) == {name for name, kind in expected_pdf_fields(form).items() if kind == "/Tx"}
        cramped = {name: (round(width, 1), round(height, 1)) for name, (width, height) in sizes.items()
                   if width < MIN_FIELD_WIDTH_MM or height < MIN_FIELD_HEIGHT_MM}
        assert cramped == {}, form.id
        for field in form.fields():
            if field.kind == "table":
                names = field_names(form, field)
                low = [name for name, (_, height) in sizes.items()
                       if name.startswith(names.base + "-") and height < MIN_TABLE_CELL_HEIGHT_MM]
                assert low == [], (form.id, field.id)


def test_pdf_table_columns_are_as_wide_as_their_answers_say(content, pdfs):
    """Each column's share of the table follows its "answer" in the YAML, as on the page and in Word."""
    tables = [(form, field) for form in content.forms for field in form.fields() if field.kind == "table"]
    assert tables
    for form, field in tables:
        boxes = text_field_boxes(pdfs[form.id])
        names = field_names(form, field)
        cells = [boxes[names.cell(1, column)] for column in range(1, len(field.columns) + 1)]
        # From one field's left edge to the next is its column's width (every cell has the same padding).
        lefts = [left for left, _, _, _ in cells]
        padding = lefts[1] - lefts[0] - (cells[0][2] - cells[0][0])
        ends = [*lefts[1:], cells[-1][2] + padding]
        widths = [end - left for left, end in zip(lefts, ends)]
        shares = [width / sum(widths) for width in widths]
        assert shares == pytest.approx(field.column_shares(), abs=0.005), (form.id, field.id)


def test_pdf_shows_no_text_meant_for_screen_readers_or_narrow_screens(content, pdfs):
    """What only a screen reader should hear ("… Andet: ") and a narrow screen's names for a table's
    rows never show in the PDF, nor in its text: the fields carry their descriptions (/TU) instead."""
    checked = 0
    for form in content.forms:
        html = render_form_document(form)
        printed = normalise(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdfs[form.id])).pages))
        for text in hidden_texts(html, {"mg-sr-only", "mg-form-table__row"}):
            assert text not in printed, (form.id, text)
            checked += 1
    assert checked   # the forms do have such text: the "Andet" lines and the tables' rows


def docx_text(data: bytes) -> tuple[str, list]:
    document = Document(io.BytesIO(data))
    return "\n".join(paragraph_text(p) for p in document.paragraphs), document


def test_word_document_has_every_question_option_and_table(content):
    for form in content.forms:
        text, document = docx_text(form_docx(form))
        assert document.core_properties.title == form.title
        assert f"{form_labels()['code']} {form.code}" in text
        assert document.core_properties.language == "da-DK"
        defaults = document.styles.element.find(f".//{W}docDefaults//{W}lang")
        assert defaults.get(f"{W}val") == "da-DK"  # what Word's spelling and screen readers use
        headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
        for field in form.fields():
            if field.kind == "table":
                assert [column.label for column in field.columns] in headers, (form.id, field.id)
                assert field.label in text
                continue
            assert field.label in text, (form.id, field.id)
            for option in field.options:
                assert f"{EMPTY_BOX} {option}" in text, (form.id, field.id, option)
            if field.dont_know:
                assert f"{EMPTY_BOX} {form_labels()['dont_know']}" in text
            if field.other:
                assert f"{EMPTY_BOX} {form_labels()['other']}" in text
        boxes = sum(len(f.options) + f.dont_know + f.other for f in form.fields()
                    if f.kind in ("single_choice", "multiple_choice", "rating_scale"))
        assert len(document.element.body.findall(".//" + W14_CHECKBOX)) == boxes, form.id


def test_word_document_is_a4_with_danish_margins(content):
    for form in content.forms:
        section = Document(io.BytesIO(form_docx(form))).sections[0]
        assert (section.page_width.cm, section.page_height.cm) == pytest.approx(A4_CM, abs=0.01), form.id
        margins = {name: getattr(section, name).cm for name in WORD_MARGINS_CM}
        assert margins == pytest.approx(WORD_MARGINS_CM, abs=0.01), form.id


def word_font_names(document) -> list[dict]:
    """Every font setting in the styles (defaults and each style), as attribute name -> value."""
    return [{key.split("}")[1]: value for key, value in fonts.attrib.items()}
            for fonts in document.styles.element.iter(f"{W}rFonts")]


def pdf_font_family() -> list[str]:
    """The families form_print.css asks for in the PDF's body."""
    css = (PROJECT_DIR / "metodeguide" / "templates" / "form_print.css").read_text(encoding="utf-8")
    body = re.search(r"(?m)^body \{(.*?)\}", css, re.S).group(1)
    families = re.search(r"font-family:\s*([^;]+);", body).group(1)
    return [family.strip().strip('"') for family in families.split(",")]


def test_word_document_uses_the_pdfs_sans_serif_in_body_and_headings(content):
    """Not the template's serif body (Cambria) or theme headings: the PDF's font family everywhere."""
    word_font = pdf_font_family()[0]
    assert pdf_font_family()[-1] == "sans-serif"
    document = Document(io.BytesIO(form_docx(content.forms[0])))
    settings = word_font_names(document)
    assert settings, "the styles name no font"
    for fonts in settings:
        assert not [name for name in fonts if name.lower().endswith("theme")], fonts  # a theme font wins
        assert {fonts.get(name) for name in ("ascii", "hAnsi", "cs", "eastAsia")} == {word_font}, fonts
    for style in ("Normal", "Title", "Heading 1"):
        assert document.styles[style].font.name in (None, word_font), style   # None: from the defaults
    font_table = next(p for p in document.part.package.parts if p.partname == "/word/fontTable.xml").blob.decode()
    assert re.search(rf'<w:font w:name="{word_font}"><w:altName w:val="{pdf_font_family()[1]}"/>.*?'
                     r'<w:family w:val="swiss"/>', font_table)


def test_word_document_keeps_answers_whole_on_a_page(content):
    """No table row (an answer box, a row of a table) splits over two pages, and every question stays
    with the answer below it: its help and options keep with the next paragraph."""
    for form in content.forms:
        document = Document(io.BytesIO(form_docx(form)))
        rows = document.element.body.findall(f".//{W}tr")
        assert rows and all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows), form.id
        paragraphs = {paragraph_text(p): p for p in document.paragraphs}
        for field in form.fields():
            assert paragraphs[field.label].paragraph_format.keep_with_next, (form.id, field.id)
            for option in field.options[:-1]:
                assert paragraphs[f"{EMPTY_BOX} {option}"].paragraph_format.keep_with_next, (form.id, option)


def test_word_table_columns_are_as_wide_as_their_answers_say(content):
    """The same shares as on the page and in the PDF, of the whole 17 cm line, cell by cell."""
    line = Cm(A4_CM[0] - WORD_MARGINS_CM["left_margin"] - WORD_MARGINS_CM["right_margin"]).twips
    for form in content.forms:
        document = Document(io.BytesIO(form_docx(form)))
        tables = [field for field in form.fields() if field.kind == "table"]
        found = [table for table in document.tables if len(table.columns) > 1]
        assert len(found) == len(tables), form.id
        for field, table in zip(tables, found):
            grid = [int(column.get(f"{W}w")) for column in table._tbl.findall(f"{W}tblGrid/{W}gridCol")]
            assert sum(grid) == pytest.approx(line, abs=len(grid)), (form.id, field.id)
            assert [width / line for width in grid] == pytest.approx(field.column_shares(), abs=0.005)
            for row in table.rows:
                assert [cell.width.twips for cell in row.cells] == pytest.approx(grid, abs=1), (form.id, field.id)
            layout = table._tbl.tblPr.find(f"{W}tblLayout")
            assert layout is not None and layout.get(f"{W}type") == "fixed"


@pytest.mark.libreoffice
def test_libreoffice_opens_every_word_document(content, tmp_path):
    """A second, independent reader: LibreOffice turns each .docx into a PDF with the questions."""
    assert shutil.which("soffice"), "LibreOffice is missing: `make test` installs it"
    for form in content.forms:
        (tmp_path / f"{form.id}.docx").write_bytes(form_docx(form))
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *sorted(str(p) for p in tmp_path.glob("*.docx"))],
        capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    for form in content.forms:
        converted = PdfReader(tmp_path / "pdf" / f"{form.id}.pdf")
        text = normalise(" ".join(page.extract_text() for page in converted.pages))
        for field in form.fields():
            assert normalise(field.label)[:40] in text, (form.id, field.id)
        a4_points = tuple(length / 2.54 * 72 for length in A4_CM)
        for page in converted.pages:   # A4 as LibreOffice lays it out, not US Letter
            assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(a4_points, abs=1)
        fonts = {font.get_object()["/BaseFont"].split("+")[-1] for page in converted.pages
                 for font in (page["/Resources"].get("/Font") or {}).values()}
        # Verdana is missing here, so LibreOffice takes the PDF's DejaVu Sans, never a serif.
        assert fonts and all(name.startswith("DejaVuSans") for name in fonts), (form.id, fonts)


def test_overview_lists_every_form_with_audience_phases_downloads_and_lix(site_dir, content):
    page = Page(site_dir / "skemaer" / "index.html")
    for form in content.forms:
        assert form.id in page.ids
        assert normalise(form.purpose) in page.text
        for extension in ("pdf", "docx"):
            assert f"../downloads/skemaer/{form.id}.{extension}" in page.links
            assert (site_dir / "downloads" / "skemaer" / f"{form.id}.{extension}").is_file()
        assert f"{form.id}/" in page.links
        for phase_id in form.phases:
            assert f"../faser/{phase_id}/" in page.links
        assert f"Læsbarhed (LIX): {form_lix(form):.0f}" in page.text


def test_every_form_in_the_overview_has_its_lix_note(site_dir, content):
    """Citizen and staff forms alike say what their LIX is measured against (the citizen limit)."""
    page = Page(site_dir / "skemaer" / "index.html")
    limit = f"{content.settings.citizen_form_max_lix:g}"
    for form in content.forms:
        note = re.search(rf"Læsbarhed \(LIX\): {form_lix(form):.0f} \(([^)]*)\)", page.text)
        assert note and re.search(rf"\b{limit}\b", note.group(1)), form.id


def test_form_pages_hold_every_field_and_never_a_form_that_could_post(site_dir, content):
    for form in content.forms:
        html = (site_dir / "skemaer" / form.id / "index.html").read_text(encoding="utf-8")
        # Only the form that keeps the browser from restoring ticks: method="dialog" outside a
        # dialog submits nothing, and there is no action or submit button to send anything.
        main = html.split('class="md-content"')[1]
        forms = re.findall(r"<form\b[^>]*>", main)
        assert len(forms) == 1 and 'method="dialog"' in forms[0] and 'autocomplete="off"' in forms[0], form.id
        assert not re.search(r"\b(action|formaction|formmethod)=|type=\"submit\"", main), form.id
        page = Page(site_dir / "skemaer" / form.id / "index.html")
        for field in form.fields():
            assert normalise(field.label) in page.text
        assert f"skema-{form.id}" in page.ids


def test_phase_pages_list_the_forms_for_their_phase(site_dir, content):
    for phase in content.phases:
        links = Page(site_dir / "faser" / phase.id / "index.html").content_links
        listed = {link.split("/")[-2] for link in links if link.startswith("../../skemaer/") and link.count("/") == 4}
        assert listed == {f.id for f in content.forms_in(phase.id)}, phase.id
