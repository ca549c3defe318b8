"""The forms: schema, plain language, the fillable PDF, the Word document and the overview."""
import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader, PdfWriter

from html_tools import Page, normalise
from metodeguide.downloads.forms import EMPTY_BOX, field_descriptions, form_docx, form_pdf, paragraph_text
from metodeguide.form_fields import field_names, pdf_fields
from metodeguide.words import form_labels
from metodeguide.model import Form
from metodeguide.readability import form_lix

DANISH = "Åse Ærø-Møller: højst én time – gerne på gåtur"
W14_CHECKBOX = "{http://schemas.microsoft.com/office/word/2010/wordml}checkbox"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
                assert field.columns in headers, (form.id, field.id)
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


def test_form_pages_hold_every_field_and_never_a_form_that_could_post(site_dir, content):
    for form in content.forms:
        html = (site_dir / "skemaer" / form.id / "index.html").read_text(encoding="utf-8")
        assert not re.search(r"<form\b", html.split('class="md-content"')[1]), form.id
        page = Page(site_dir / "skemaer" / form.id / "index.html")
        for field in form.fields():
            assert normalise(field.label) in page.text
        assert f"skema-{form.id}" in page.ids


def test_phase_pages_list_the_forms_for_their_phase(site_dir, content):
    for phase in content.phases:
        links = Page(site_dir / "faser" / phase.id / "index.html").content_links
        listed = {link.split("/")[-2] for link in links if link.startswith("../../skemaer/") and link.count("/") == 4}
        assert listed == {f.id for f in content.forms_in(phase.id)}, phase.id
