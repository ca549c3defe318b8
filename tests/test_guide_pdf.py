"""The whole guide as one PDF (downloads/metodeguide.pdf): read back from the built site with pypdf,
and its HTML checked before WeasyPrint lays it out."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from metodeguide import paths
from metodeguide.downloads.guide import guide_html, guide_parts, link_target, page_anchor

PART_TITLES = ["De otte principper", "Principperne i sagens faser", "TÆT-modellen", "Samarbejdsmodellen",
               "Metoder og redskaber", "For ledere", "Kompetencedage", "Skemaer", "Ordliste", "Kilder"]
MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"


def squeezed(text: str) -> str:
    """Text without spaces, line breaks and hyphens (WeasyPrint hyphenates with U+2010), and without
    the list bullets, which the text of a page gives at its end: a word split over two lines reads as one."""
    return re.sub(r"[\s\-\u00ad\u2010•]+", "", text)


# --- The PDF, from the built site ---------------------------------------------------------------

@pytest.fixture(scope="module")
def guide(site_dir):
    return PdfReader(site_dir / paths.GUIDE_PDF)


@pytest.fixture(scope="module")
def page_texts(guide):
    return [page.extract_text() for page in guide.pages]


@pytest.fixture(scope="module")
def text(page_texts):
    return squeezed("".join(page_texts))


@pytest.fixture(scope="module")
def outline(guide):
    """[(title, page number, [(title, page number)])] for each top-level bookmark."""
    top, entries = [], guide.outline
    for number, entry in enumerate(entries):
        if isinstance(entry, list):
            continue
        children = entries[number + 1] if number + 1 < len(entries) and isinstance(entries[number + 1], list) else []
        top.append((entry.title, guide.get_destination_page_number(entry),
                    [(child.title, guide.get_destination_page_number(child)) for child in children
                     if not isinstance(child, list)]))
    return top


def body_text(page_texts, outline) -> str:
    """The text after the contents: where the parts begin."""
    first_part = next(page for title, page, _ in outline if title == PART_TITLES[0])
    return squeezed("".join(page_texts[first_part:]))


def test_the_guide_is_an_a4_document_of_the_expected_length(guide):
    assert 120 <= len(guide.pages) <= 220
    width, height = (float(value) for value in guide.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)   # A4 in points


def test_the_cover_has_title_date_in_danish_and_version(page_texts, content):
    cover = " ".join(page_texts[0].split())
    assert squeezed("Metodeguide: recovery-orienteret myndighedsrådgivning") in squeezed(cover)
    assert re.search(rf"\b\d{{1,2}}\. ({MONTHS}) \d{{4}}\b", cover)
    assert content.settings.version in cover


def test_every_part_has_a_bookmark_in_order_and_an_entry_with_its_page_in_the_contents(outline, page_texts):
    titles = [title for title, _, _ in outline]
    assert titles == ["Indhold", *PART_TITLES]
    pages = [page for _, page, _ in outline]
    assert pages == sorted(pages)
    contents = page_texts[pages[0]]
    for title, page, _ in outline[1:]:
        assert re.search(rf"{re.escape(title)}[ .]*{page + 1}\b", contents), title


def test_each_principle_kit_and_form_has_a_bookmark_under_its_part(outline, content):
    children = {title: [child for child, _ in kids] for title, _, kids in outline}
    assert children["De otte principper"] == [f"{p.number}. {p.title}" for p in content.principles]
    assert children["Skemaer"][-len(content.forms):] == [form.title for form in content.forms]
    for principle in content.principles:
        assert f"Kompetencedag: {principle.number}. {principle.title}" in children["Kompetencedage"]


def test_every_principle_title_dilemma_and_reflection_question_is_in_the_text(text, content):
    for principle in content.principles:
        assert squeezed(principle.title) in text
        for dilemma in principle.dilemmas:
            assert squeezed(dilemma.question) in text, dilemma.code
            for advice in dilemma.advice:
                assert squeezed(advice.text) in text, dilemma.code
        for question in principle.reflection_questions:
            assert squeezed(question.question) in text, question.code


def test_text_comes_out_in_reading_order(page_texts, outline, content):
    body = body_text(page_texts, outline)
    places = [body.index(squeezed(f"{p.number}. {p.title}")) for p in content.principles]
    assert places == sorted(places)
    for principle, place in zip(content.principles, places):
        first_way = principle.ways_of_working[0]
        assert place < body.index(squeezed(first_way.title), place)
        assert body.index(squeezed(first_way.title), place) < body.index(squeezed(first_way.text[:60]), place)


def test_the_forms_are_printed_with_every_question(text, content):
    for form in content.forms:
        assert squeezed(form.title) in text
        for section in form.sections:
            for field in section.fields:
                assert squeezed(field.label) in text, (form.id, field.label)


def test_the_evaluation_charts_are_drawn_with_their_numbers(text, content):
    for chart in content.evaluation.charts:
        assert squeezed(chart.title) in text
        for bar in chart.bars:
            assert squeezed(bar.label) in text


# Every link and bookmark inside the PDF leads to a destination on one of its pages, and it has
# more than 100 of them: tests/test_links.py, with the other PDFs' links.


def test_the_pdf_is_tagged_in_danish_with_its_title(guide):
    root = guide.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert guide.metadata.title == "Metodeguide: recovery-orienteret myndighedsrådgivning"
    assert root.get("/ViewerPreferences", {}).get("/DisplayDocTitle")


def test_danish_letters_come_out_right(page_texts, content):
    words = " ".join(page_texts)
    for letter in "æøåÆØÅ":
        assert letter in words
    assert squeezed("Følg op, så indsatsen altid er den rette") in squeezed(words)
    assert squeezed("håb, ønsker og drømme") in squeezed(words)


# --- The document before it is laid out (quick: no WeasyPrint) ------------------------------------

@pytest.fixture(scope="module")
def document(content):
    return guide_html(content, date(2025, 5, 3))


def test_every_id_in_the_document_is_unique_and_every_inner_link_has_its_target(document):
    ids = re.findall(r'\sid="([^"]*)"', document)
    assert [name for name, count in Counter(ids).items() if count > 1] == []
    hrefs = re.findall(r'\shref="([^"]*)"', document)
    inner = [href[1:] for href in hrefs if href.startswith("#")]
    assert len(inner) > 100
    assert set(inner) <= set(ids)
    assert [href for href in hrefs if not href.startswith(("#", "https://", "http://", "mailto:"))] == []


def test_the_document_holds_the_parts_in_order_with_the_cover_first(document, content):
    assert "3. maj 2025" in document and content.settings.version in document
    places = [document.index(f'id="{page_anchor(part[0])}"') for part in guide_parts(content)]
    assert places == sorted(places)
    assert document.index("mg-guide-cover") < document.index("mg-guide-contents") < places[0]


def test_links_are_rewritten_to_the_page_they_lead_to_inside_the_document():
    anchors = {page: page_anchor(page) for page in ("principper/foelg-op.md", "metoder.md", "fasematrix.md")}
    assert link_target("../metoder.md#fit", "principper/foelg-op.md", anchors) == "#metoder--fit"
    assert link_target("foelg-op.md", "principper/index.md", anchors | {"principper/index.md": "principper"}) \
        == "#principper-foelg-op"
    assert link_target("#dilemma-x", "principper/foelg-op.md", anchors) == "#principper-foelg-op--dilemma-x"
    assert link_target("planlaegger.md", "fasematrix.md", anchors) is None          # not in the PDF
    assert link_target("downloads/dilemmakort.pdf", "fasematrix.md", anchors) is None
    assert link_target("https://vive.dk/", "fasematrix.md", anchors) == "https://vive.dk/"


def test_a_page_other_than_the_first_of_its_part_goes_one_heading_level_down(document, content):
    first = content.principles[0]
    assert re.search(rf'<h1[^>]*>{re.escape("De otte principper")}</h1>', document)
    assert re.search(rf'<h2[^>]*>{first.number}\. {re.escape(first.title)}</h2>', document)
