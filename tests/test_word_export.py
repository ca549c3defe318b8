"""The browser's Word export (docs/assets/javascripts/word-export.js): the vendored docx library is
the pinned npm package's browser build, both files reach the built site, and in Chromium a small
Danish page becomes a .docx (read back with python-docx) after loading the library once, from this
site only."""
import json

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Twips

from conftest import PROJECT_DIR

EXPORT = "assets/javascripts/word-export.js"
LIBRARY = "assets/vendor/docx/docx.iife.js"
VENDOR = PROJECT_DIR / "docs" / "assets" / "vendor" / "docx"
# Upgrading: npm install --save-dev --save-exact docx@<version>, then copy this file to VENDOR.
NODE_PACKAGE = PROJECT_DIR / "node_modules" / "docx"
NODE_BUILD = NODE_PACKAGE / "dist" / "index.iife.js"

FIXTURE = """
<h1>Kompetencedag om opfølgning</h1>
<p>Dagen handler om <strong>fælles mål</strong> og <em>små skridt</em>.<br>
   Læs mere i <a href="#kilder">kilderne</a>.</p>
<section>
  <h2>Program</h2>
  <ul>
    <li>Velkomst
      <ul><li>Kaffe og præsentation</li></ul>
    </li>
    <li>Oplæg</li>
  </ul>
  <ol><li>Første øvelse</li><li>Anden øvelse</li></ol>
  <ol><li>Næste liste</li></ol>
  <p data-word-skip>Denne tekst kommer ikke med.</p>
  <p hidden>Skjult tekst.</p>
  <button type="button">Hent som Word</button>
</section>
<section data-word-page-break>
  <h3>Materialer</h3>
  <table>
    <thead><tr><th>Tid</th><th>Aktivitet</th></tr></thead>
    <tbody><tr><td>9.00</td><td>Velkomst</td></tr><tr><td>9.30</td><td><p>Øvelse i grupper</p></td></tr></tbody>
  </table>
</section>
"""

EXPORT_TWICE = """async html => {
    const root = document.createElement('article');
    root.innerHTML = html;
    document.body.append(root);
    const blob = await metodeguide.wordExport(root, {title: 'Kompetencedag om opfølgning'});
    await metodeguide.wordExport(root, {title: 'Igen'});
    metodeguide.saveFile(blob, 'kompetencedag.docx');
    return blob.type;
}"""


@pytest.mark.browser  # node_modules comes with the browser tests' tools (make test)
def test_the_vendored_library_is_the_pinned_packages_browser_build():
    pinned = json.loads((PROJECT_DIR / "package.json").read_text(encoding="utf-8"))["devDependencies"]["docx"]
    lock = json.loads((PROJECT_DIR / "package-lock.json").read_text(encoding="utf-8"))
    installed = json.loads((NODE_PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    assert pinned == lock["packages"]["node_modules/docx"]["version"] == installed
    assert (VENDOR / "docx.iife.js").read_bytes() == NODE_BUILD.read_bytes()
    assert (VENDOR / "LICENSE").read_bytes() == (NODE_PACKAGE / "LICENSE").read_bytes()


def test_the_export_script_and_the_library_are_on_the_built_site(site_dir):
    for path in [EXPORT, LIBRARY, "assets/vendor/docx/LICENSE"]:
        assert (site_dir / path).is_file(), path


def numbering_format(document, paragraph):
    """The list format ("bullet", "decimal") and level of a list paragraph, and its numbering's id."""
    number = paragraph._p.pPr.numPr
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(number.numId.val).abstractNumId.val
    level = number.ilvl.val
    formats = numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val")
    return formats[0], level, abstract


@pytest.mark.browser
def test_a_page_becomes_a_word_document(page, site_url, tmp_path):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A page two folders down: the library's address is found from the script's own.
    page.goto(site_url + "skemaer/samarbejde/")
    page.add_script_tag(url="../../" + EXPORT)
    assert [url for url in requests if url.endswith(EXPORT)] == [site_url + EXPORT]
    assert [url for url in requests if LIBRARY in url] == []

    with page.expect_download() as download:
        assert page.evaluate(EXPORT_TWICE, FIXTURE) == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert download.value.suggested_filename == "kompetencedag.docx"
    path = tmp_path / "kompetencedag.docx"
    download.value.save_as(path)
    assert [url for url in requests if LIBRARY in url] == [site_url + LIBRARY]
    assert page.foreign_requests == [] and errors == []

    document = docx.Document(str(path))
    assert document.core_properties.title == "Kompetencedag om opfølgning"
    paragraphs = document.paragraphs
    styles = [p.style.name if p.style else "" for p in paragraphs]  # None: Word's own Normal
    assert [(style, p.text) for style, p in zip(styles, paragraphs) if style.startswith(("Title", "Heading"))] == [
        ("Title", "Kompetencedag om opfølgning"), ("Heading 1", "Program"), ("Heading 2", "Materialer")]

    intro = paragraphs[1]
    assert intro.text == "Dagen handler om fælles mål og små skridt.\nLæs mere i kilderne."
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in intro.runs] == [
        ("Dagen handler om ", False, False), ("fælles mål", True, False), (" og ", False, False),
        ("små skridt", False, True), (".", False, False), ("\nLæs mere i ", False, False),
        ("kilderne", False, False), (".", False, False)]

    items = [(p.text, *numbering_format(document, p)) for p in paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [item[:3] for item in items] == [
        ("Velkomst", "bullet", 0), ("Kaffe og præsentation", "bullet", 1), ("Oplæg", "bullet", 0),
        ("Første øvelse", "decimal", 0), ("Anden øvelse", "decimal", 0), ("Næste liste", "decimal", 0)]
    # Each numbered list counts on its own (a numbering of its own), so the second starts at 1 again.
    assert items[3][3] == items[4][3] != items[5][3]

    text = "\n".join(p.text for p in paragraphs)
    assert "Denne tekst kommer ikke med" not in text and "Skjult tekst" not in text and "Hent som Word" not in text
    breaks = [p.text for p in paragraphs if p.paragraph_format.page_break_before]
    assert breaks == ["Materialer"]

    [table] = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Tid", "Aktivitet"], ["9.00", "Velkomst"], ["9.30", "Øvelse i grupper"]]
    assert [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows] == [True, False, False]
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)

    section = document.sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))  # A4
    width = section.page_width - section.left_margin - section.right_margin
    grid = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(Twips(sum(grid)) - width) < Twips(len(grid))  # the whole width between the margins

    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "da-DK"
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Arial"
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "22"  # 11 pt
