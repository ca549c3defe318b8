"""The pages about the guide itself: "Om guiden" and the accessibility statement
("Tilgængelighedserklæring"), linked from every page's footer.

The statement shows every value content/settings.yml gives it. It also says things about the site
that no setting holds: what is not accessible, and how the guide was tested. Those sentences are
held to the code here, so a fix or a change of the checks that makes one of them untrue fails a
test that says which sentence to change.
"""
from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from pypdf import PdfReader

from conftest import PROJECT_DIR
from html_tools import Page, site_pages
from metodeguide import paths, rendering
from metodeguide.model import Publisher, Responsible, Supervisor
from metodeguide.site import footer
from test_rendering import MARKUP, as_html, shows_as_text

STATEMENT_TEMPLATE = PROJECT_DIR / "metodeguide" / "templates" / "accessibility_statement.md.j2"
BUILT = date(2026, 12, 3)
DIGST = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"


def with_settings(content, **changes):
    return content.model_copy(update={"settings": content.settings.model_copy(update=changes)})


def with_statement(content, **changes):
    return with_settings(content, accessibility=content.settings.accessibility.model_copy(update=changes))


def statement(content) -> str:
    return as_html(rendering.render_fragment("accessibility_statement", content, paths.ACCESSIBILITY_PAGE, BUILT))


def about(content, built=BUILT) -> str:
    return as_html(rendering.render_fragment("about_guide", content, paths.ABOUT_PAGE, built))


A_MUNICIPALITY = {"publisher": Publisher(name="Eksempel Kommune", url="https://eksempel.dk"),
                  "responsible": Responsible(name="Eksempel Kommune, Myndighed Voksne", email="voksne@eksempel.dk",
                                             phone="70 10 20 30")}


# --- The statement shows what the settings say ----------------------------------------------------

def test_the_statement_names_the_publisher_and_gives_its_contact_as_mail_and_phone_links(content):
    html = statement(with_settings(content, **A_MUNICIPALITY))
    assert html.startswith("<p>Eksempel Kommune vil gøre metodeguiden tilgængelig, så alle kan bruge den.")
    assert "Skriv eller ring til Eksempel Kommune, Myndighed Voksne, hvis du ikke kan bruge noget" in html
    assert '<a href="mailto:voksne@eksempel.dk">voksne@eksempel.dk</a>' in html
    assert '<a href="tel:+4570102030">70 10 20 30</a>' in html


@pytest.mark.parametrize("written, link", [("12 34 56 78", "tel:+4512345678"), ("+45 12 34 56 78", "tel:+4512345678"),
                                           ("+46 8 123 456 78", "tel:+46812345678"), ("70102030", "tel:+4570102030")])
def test_a_telephone_number_becomes_a_link_with_its_country_code(written, link):
    assert Responsible(name="Enheden", email="a@b.dk", phone=written).phone_uri() == link


def test_the_statement_gives_its_dates_in_danish(content):
    html = statement(with_statement(content, prepared=date(2026, 1, 5), reviewed=date(2027, 1, 4)))
    assert "Erklæringen blev lavet den 5. januar 2026. Den blev sidst gennemgået den 4. januar 2027." in html


STATUS_SENTENCES = {"fuldt": "Guiden overholder standarden fuldt ud.",
                    "delvist": "Guiden overholder standarden delvist.",
                    "ikke": "Guiden overholder ikke standarden."}


@pytest.mark.parametrize("status", STATUS_SENTENCES)
def test_the_statement_gives_the_status_the_settings_name_and_no_other(content, status):
    html = statement(with_statement(content, status=status))
    assert [sentence for sentence in STATUS_SENTENCES.values() if sentence in html] == [STATUS_SENTENCES[status]]
    assert "EN 301 549" in html and "WCAG 2.1 på niveau AA" in html


def test_the_complaint_goes_to_digitaliseringsstyrelsen_unless_the_settings_name_another(content):
    html = statement(content)
    assert "<h2 id=\"klage\">Klage til Digitaliseringsstyrelsen</h2>" in html
    assert "Hvis du ikke har fået svar inden for 10 arbejdsdage" in html
    assert f'<a href="{DIGST}">Sådan henvender du dig til Digitaliseringsstyrelsen</a>' in html
    other = Supervisor(name="Tilsynet", url="https://tilsynet.example/klage")
    html = statement(with_statement(content, supervisor=other))
    assert '<a href="https://tilsynet.example/klage">Sådan henvender du dig til Tilsynet</a>' in html
    assert "Digitaliseringsstyrelsen fører" not in html and "Tilsynet fører tilsyn" in html


def test_a_statement_made_in_was_tool_is_linked_from_the_page_and_every_footer(content):
    assert "was.digst.dk" not in statement(content)
    assert [link["url"] for link in footer(content)["links"]] == ["om-guiden/", "kilder/", "k/", "tilgaengelighed/"]
    published = with_statement(content, was_url="https://was.digst.dk/eksempel-dk")
    assert '<a href="https://was.digst.dk/eksempel-dk">https://was.digst.dk/eksempel-dk</a>' in statement(published)
    links = {link["title"]: link["url"] for link in footer(published)["links"]}
    assert links["Tilgængelighedserklæring"] == "https://was.digst.dk/eksempel-dk"
    assert links["Om guiden"] == "om-guiden/"
    offline = {link["title"]: link["url"] for link in footer(content, file_urls=True)["links"]}
    assert offline["Tilgængelighedserklæring"] == "tilgaengelighed.html"


def test_names_from_the_settings_show_as_text(content):
    responsible = Responsible(name=MARKUP, email="a@b.dk", phone="12 34 56 78")
    changed = with_settings(content, publisher=Publisher(name=MARKUP), responsible=responsible)
    assert shows_as_text(statement(changed))
    assert shows_as_text(about(changed))


def test_the_statement_names_the_source_publishers_as_outside_its_scope(content):
    html = statement(content)
    assert "Guiden bygger på udgivelser fra Socialstyrelsen, VIVE og Social- og Boligstyrelsen." in html


# --- "Om guiden" -----------------------------------------------------------------------------------

def test_about_lists_every_source_linked_to_its_entry_on_the_sources_page(content):
    html = about(content)
    for source in content.sources:
        assert f'<a href="kilder.md#{source.id}">{source.short_title}</a>' in html, source.id
    assert html.count('href="kilder.md#') == len(content.sources)


def test_about_names_who_answers_for_the_content_with_links_to_write_and_call(content):
    html = about(with_settings(content, **A_MUNICIPALITY))
    assert "Eksempel Kommune udgiver guiden. Eksempel Kommune, Myndighed Voksne har ansvaret for indholdet." in html
    assert '<a href="mailto:voksne@eksempel.dk">voksne@eksempel.dk</a>' in html
    assert '<a href="tel:+4570102030">70 10 20 30</a>' in html
    same = about(content)   # the publisher answers for it itself
    assert f"{content.settings.publisher.name} udgiver guiden og har ansvaret for indholdet." in same


def test_about_gives_the_version_and_the_build_date_in_danish(content):
    html = about(with_settings(content, version="2.3"))
    assert "Denne udgave er version 2.3. Siderne blev lavet den 3. december 2026." in html
    assert "Siderne blev lavet" not in about(content, built=None)


def test_about_links_the_downloads_the_news_the_open_data_and_the_statement(content):
    html = about(content)
    for target in ["downloads/metodeguide.pdf", "nyt.md", "genbrug.md", "tilgaengelighed.md"]:
        assert f'href="{target}"' in html, target
    # Made after MkDocs has built the site: the adapter resolves it against the page's address.
    assert f'<a download href="{paths.page_link(paths.OFFLINE_COPY)}">' in html or \
           f'<a href="{paths.page_link(paths.OFFLINE_COPY)}" download>' in html


# --- What the statement says of the site is true of it -------------------------------------------

def statement_text() -> str:
    return STATEMENT_TEMPLATE.read_text(encoding="utf-8")


def test_the_deck_the_statement_calls_untagged_is_untagged(content):
    """If the deck is tagged now, take it out of "Det følger ikke loven" in the statement."""
    from metodeguide.downloads.deck import dilemma_deck_pdf
    assert "**Dilemmakortene som PDF.**" in statement_text()
    root = PdfReader(io.BytesIO(dilemma_deck_pdf(content))).trailer["/Root"]
    assert "/StructTreeRoot" not in root and "/Lang" not in root


def test_the_settings_claim_no_full_compliance_while_the_statement_lists_what_does_not_comply(content):
    """The status is the publisher's to set, but "fuldt" beside a list of faults would say two things."""
    faults = statement_text().split("{#manglende-overholdelse}")[1].split("\n### ")[0]
    if re.search(r"^- \*\*", faults, re.MULTILINE):
        assert content.settings.accessibility.status != "fuldt"


def test_the_statement_names_the_axe_core_the_tests_inject():
    lock = json.loads((PROJECT_DIR / "package-lock.json").read_text(encoding="utf-8"))
    major, minor, _ = lock["packages"]["node_modules/axe-core"]["version"].split(".")
    assert f"axe-core {major}.{minor} " in statement_text()


# The pages the statement names as examples of those checked at a phone's width.
PHONE_EXAMPLES = {"fasematrixen": "fasematrix/", "dilemmakortene": "dilemmaer/", "et skema": "skemaer/"}
DANISH_NUMBERS = {1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}


def test_the_checks_the_statement_names_are_the_ones_the_tests_make():
    """Each check the statement names, and where in the tests it is made."""
    from test_accessibility import DESKTOP, PHONE
    from test_browser import PHONE_PAGES, WCAG_22_AA
    from test_html_validity import THEME_ERRORS, VNU
    tests = {path.name: path.read_text(encoding="utf-8") for path in (PROJECT_DIR / "tests").glob("test_*.py")}
    text = statement_text()
    assert "WCAG 2.2 på niveau A og AA" in text and {"wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"} <= set(WCAG_22_AA)
    assert f"{DESKTOP['width']} pixels bred" in text
    assert 'parametrize("path", expected_page_urls(PROJECT_DIR))' in tests["test_browser.py"]   # "alle sider"
    # "Udvalgte sider, fx …": only the pages in PHONE_PAGES are checked at a phone's width.
    examples = re.search(r"Udvalgte sider, fx ([^.]+?), er også tjekket i en bredde på (\d+) pixels", text)
    assert examples and int(examples[2]) == PHONE["width"]
    named = re.split(r", | og ", examples[1])
    assert named == list(PHONE_EXAMPLES), "name the page in PHONE_EXAMPLES too"
    for example, folder in PHONE_EXAMPLES.items():
        assert any(path.startswith(folder) for path in PHONE_PAGES), f"{example} ({folder}) is not in PHONE_PAGES"
    # Valid HTML but for the theme's own errors, which the HTML test lets through (THEME_ERRORS).
    assert VNU.name == "vnu.jar" and "Nu HTML Checker" in text
    assert (f"er gyldig HTML, bortset fra {DANISH_NUMBERS[len(THEME_ERRORS)]} fejl i det tema, guiden er bygget "
            "med. De har ingen betydning for brugen.") in text, "the theme's errors are counted in THEME_ERRORS"


@pytest.mark.browser
def test_the_position_list_moves_a_block_at_each_arrow_key_as_the_statement_says(page, site_url):
    """If "Flyt til plads" no longer moves the block while the list is closed, take it out of the
    statement's "Det følger ikke loven"."""
    assert '**"Flyt til plads" i planlæggeren.**' in statement_text()
    page.goto(site_url + paths.page_url(paths.PLANNER_PAGE))
    page.wait_for_selector("[data-mg-module=planner][data-mg-ready]")
    page.locator("input[name=fokus]").first.check()
    page.click("[data-propose]")
    titles = "items => items.map(item => item.textContent)"
    first = page.eval_on_selector_all("[data-list] > li [data-title]", titles)[0]
    page.focus("[data-list] > li:first-child [data-position]")
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector_all("[data-list] > li [data-title]", titles)[1] == first


# --- In the built site -----------------------------------------------------------------------------

def test_every_page_links_to_the_statement_and_about_the_guide_in_its_footer(site_dir):
    for path in site_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        footer_html = html[html.index('class="md-copyright'):]
        footer_html = footer_html[:footer_html.index("</div>")]
        links = dict((title, href) for href, title in re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', footer_html))
        for title, folder in [("Tilgængelighedserklæring", "tilgaengelighed"), ("Om guiden", "om-guiden")]:
            base = site_dir if links[title].startswith("/") else path.parent   # the 404 page links from the root
            assert (base / links[title].lstrip("/")).resolve() == (site_dir / folder).resolve(), (path, title)


def test_both_pages_are_built_under_baggrund_with_om_guiden_first(site_dir):
    html = (site_dir / "metoder" / "index.html").read_text(encoding="utf-8")   # a page outside the section
    title = re.search(r'<label class="md-nav__title" for="__nav_\d+">\s*<span[^>]*></span>\s*Baggrund\s*</label>', html)
    section = html[title.end():html.index("</nav>", title.end())]
    links = re.findall(r'<a href="([^"]+)" class="md-nav__link', section)
    assert links[0] == "../om-guiden/" and links[-1] == "../tilgaengelighed/" and "../kilder/" in links
    for folder in ["om-guiden", "tilgaengelighed"]:
        assert (site_dir / folder / "index.html").is_file()


def test_the_front_page_leaves_the_downloads_to_om_guiden(site_dir):
    front = Page(site_dir / "index.html")
    assert "om-guiden/" in front.content_links
    assert not any("downloads/" in link or link.startswith("genbrug/") for link in front.content_links)
    about_page = Page(site_dir / "om-guiden" / "index.html")
    downloads = [link for link in about_page.content_links if "downloads/" in link]
    assert downloads == ["../downloads/metodeguide.pdf", "../downloads/metodeguide-offline.zip"]
    assert all((site_dir / "om-guiden" / link).resolve().is_file() for link in downloads)


def test_the_download_sizes_om_guiden_gives_are_the_sizes_of_the_files(site_dir):
    """The sizes are written in about_guide.md.j2 (the zip is made after MkDocs has built the
    pages, so no build can pass its size in): if a file grows or shrinks, change the number there."""
    html = (site_dir / "om-guiden" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="hent"'):]
    section = section[:section.index("</ul>")]
    sizes = {}
    for item in re.findall(r"<li>(.*?)</li>", section, re.DOTALL):
        link = re.search(r'href="\.\./(downloads/[^"]+)"', item)
        size = re.search(r"(\d+(?:,\d+)?) MB\b", item)
        if link and size:
            sizes[link[1]] = size[1]
    assert set(sizes) == {"downloads/metodeguide.pdf", "downloads/metodeguide-offline.zip"}, sizes
    for download, written in sizes.items():
        decimals = len(written.partition(",")[2])
        actual = round((site_dir / download).stat().st_size / 1_000_000, decimals)
        assert float(written.replace(",", ".")) == actual, \
            f"{download} is {actual:.{decimals}f} MB, but about_guide.md.j2 says {written} MB"


@pytest.mark.parametrize("email, example", [("redaktion@metodeguide.example", True),
                                            ("Voksne@Kommune.EXAMPLE", True),
                                            ("voksne@kommune.dk", False),
                                            ("voksne@example.dk", False)])
def test_a_contact_at_a_domain_kept_for_examples_is_an_example(email, example):
    assert Responsible(name="Enheden", email=email, phone="12 34 56 78").is_example() is example
