"""The offline copy (downloads/metodeguide-offline.zip), unzipped and opened from disk (file://) in
Chromium with every request that is not a file refused: navigation, search (Danish, from the inlined
index), the cards and the planner work, and nothing is fetched from anywhere."""
import zipfile

import pytest

from conftest import guarded_page


pytestmark = pytest.mark.browser

OFFLINE_COPY = "downloads/metodeguide-offline.zip"


@pytest.fixture(scope="module")
def offline_copy(site_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site_dir / OFFLINE_COPY) as zipped:
        zipped.extractall(folder)
    return folder / "metodeguide"


@pytest.fixture
def disk_page(browser):
    """A page that lets only files load and records everything else it was asked for."""
    page = guarded_page(browser, allowed=("file:", "data:", "blob:", "about:"))
    yield page
    page.context.close()


def test_the_copy_is_one_folder_of_files_with_the_search_index_inlined(site_dir):
    names = zipfile.ZipFile(site_dir / OFFLINE_COPY).namelist()
    assert all(name.startswith("metodeguide/") for name in names)
    assert {"metodeguide/index.html", "metodeguide/principper/foelg-op.html", "metodeguide/search/search_index.js",
            "metodeguide/assets/vendor/iframe-worker/shim.js", "metodeguide/downloads/dilemmakort.pdf"} <= set(names)
    index = zipfile.ZipFile(site_dir / OFFLINE_COPY).read("metodeguide/search/search_index.js").decode("utf-8")
    assert index.startswith("var __index = ") and "Dilemmakort D1-1" in index     # the build's own index


def test_from_disk_navigation_search_cards_and_planner_work_with_nothing_fetched(disk_page, offline_copy):
    page = disk_page
    page.goto((offline_copy / "index.html").as_uri())
    page.click(".md-content a[href$='principper/foelg-op.html']")
    assert page.url.endswith("/principper/foelg-op.html")

    page.click("input.md-search__input")
    page.fill("input.md-search__input", "opfolgning")          # typed without ø: the Danish search works too
    page.keyboard.press("End")
    page.wait_for_function("""() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
        .some(a => a.href.includes('faser/opfoelgning.html'))""")

    page.goto((offline_copy / "dilemmaer.html").as_uri())
    page.click("[data-draw]")
    assert page.locator(".mg-card--drawn").count() == 1

    page.goto((offline_copy / "kompetencedage" / "foelg-op.html").as_uri())
    page.click("text=Ret programmet til i planlæggeren")
    page.wait_for_selector("[data-list] > li")
    assert page.inner_text("[data-summary]").endswith("Programmet slutter præcis kl. 12.00.")
    assert page.foreign_requests == []


def test_the_worker_shim_is_the_pinned_npm_package_s_own():
    """Copied from node_modules (package.json pins it), as docx is: the build needs no npm."""
    from conftest import PROJECT_DIR
    vendored = PROJECT_DIR / "docs" / "assets" / "vendor" / "iframe-worker"
    package = PROJECT_DIR / "node_modules" / "iframe-worker"
    assert (vendored / "shim.js").read_bytes() == (package / "shim" / "index.js").read_bytes()
    assert (vendored / "LICENSE").read_bytes() == (package / "LICENSE").read_bytes()


# The copy cannot hold itself; its link on "Om guiden" is the only one that leads nowhere in it.
NOT_IN_THE_COPY = {"downloads/metodeguide-offline.zip"}


def test_every_link_and_script_in_the_copy_leads_to_a_file_in_it(offline_copy):
    """The pages of the offline copy are files: a link written for the online site's folders
    (principper/x/) would lead nowhere from disk."""
    import re
    from urllib.parse import unquote, urlsplit
    dead = set()
    for page in offline_copy.rglob("*.html"):
        if page.name == "404.html":     # what a server shows for a missing address; no page links to it
            continue
        html = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"]+)"', html):
            if re.match(r"^[a-z]+:|^#|^//", target):
                continue                                   # another scheme, or a place on the page
            path = unquote(urlsplit(target).path)
            if not path:
                continue
            file = (page.parent / path).resolve()
            relative = file.relative_to(offline_copy.resolve()).as_posix() if file.is_relative_to(offline_copy.resolve()) else path
            if not file.is_file() and relative not in NOT_IN_THE_COPY:
                dead.add(f"{page.relative_to(offline_copy)} -> {target}")
    assert sorted(dead)[:20] == []


def test_the_copys_search_index_names_what_each_result_is_with_its_file_addresses(site_dir):
    index = zipfile.ZipFile(site_dir / OFFLINE_COPY).read("metodeguide/search/search_index.js").decode("utf-8")
    assert '"location":"principper/foelg-op.html","title":"Princip 7.' in index
    assert '"location":"metoder.html#fit"' in index and '"tags":["FIT"]' in index
    assert "refleksionsspoergsmaal.html#foelg-op-spoergsmaal-" in index and "refleksionsspoergsmaal/#" not in index
