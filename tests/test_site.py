"""The built site: every YAML item has its page, every page shows its content, nothing external."""
import re
from urllib.parse import urlparse

from conftest import PROJECT_DIR
from html_tools import Page, expected_page_urls, normalise, site_pages
from metodeguide import paths


def principle_html(site_dir, principle):
    return Page(site_dir / "principper" / principle.id / "index.html")


def test_the_built_site_has_exactly_the_expected_pages(site_dir):
    """The browser tests check one page each from the expected list; nothing may escape that list."""
    built = [path.relative_to(site_dir).as_posix() for path in site_pages(site_dir)]
    assert sorted(re.sub(r"(^|/)index\.html$", r"\1", page) for page in built) == expected_page_urls(PROJECT_DIR)


def test_the_build_leaves_no_staging_folder_behind(site_dir):
    assert [path.name for path in site_dir.parent.iterdir()] == ["site"]


def test_every_principle_has_a_page_and_every_page_a_principle(site_dir, content):
    pages = {p.name for p in (site_dir / "principper").iterdir() if p.is_dir()}
    assert pages == {p.id for p in content.principles}


def test_no_hand_written_page_stands_in_for_a_generated_one():
    written = {p.stem for p in (PROJECT_DIR / "docs" / "principper").glob("*.md")}
    assert written == {"index"}


def test_principle_pages_show_questions_dilemmas_and_phase_guidance(site_dir, content):
    for principle in content.principles:
        page = principle_html(site_dir, principle)
        for question in (q.question for q in principle.reflection_questions):
            assert normalise(question) in page.text, (principle.id, question)
        for dilemma in principle.dilemmas:
            assert f"dilemma-{dilemma.id}" in page.ids
            assert normalise(dilemma.question) in page.text
            for advice in dilemma.advice:
                assert normalise(advice.text) in page.text, (principle.id, advice.id)
        for guidance in principle.phases:
            assert f"fase-{guidance.phase}" in page.ids
            assert normalise(guidance.guidance) in page.text
        for way in principle.ways_of_working:
            assert normalise(way.title) in page.text


def test_matrix_has_exactly_the_cells_the_content_names(site_dir, content):
    page = Page(site_dir / "fasematrix" / "index.html")
    cells = {tuple(m) for link in page.links
             for m in re.findall(r"^\.\./principper/([a-z0-9-]+)/#fase-([a-z]+)$", link)}
    assert cells == {(p.id, g.phase) for p in content.principles for g in p.phases}


def test_matrix_links_land_on_existing_anchors(site_dir, content):
    for principle in content.principles:
        ids = principle_html(site_dir, principle).ids
        for guidance in principle.phases:
            assert paths.phase_anchor(guidance.phase) in ids


def test_collected_pages_list_every_question_and_dilemma(site_dir, content):
    questions = Page(site_dir / "refleksionsspoergsmaal" / "index.html")
    dilemmas = Page(site_dir / "dilemmaer" / "index.html")
    for principle in content.principles:
        for question in (q.question for q in principle.reflection_questions):
            assert normalise(question) in questions.text
        for dilemma in principle.dilemmas:
            assert f"{principle.id}-{dilemma.id}" in dilemmas.ids


def test_overview_has_a_card_per_principle(site_dir, content):
    page = Page(site_dir / "principper" / "index.html")
    for principle in content.principles:
        assert f"{principle.id}/" in page.links
        assert normalise(principle.reason) in page.text


def test_pages_are_danish_and_described(site_dir):
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert '<html lang="da"' in text, path
        assert '<meta name="description"' in text, path


def test_no_resource_is_loaded_from_another_host(site_dir):
    """Pages may link out to sources, but nothing the browser loads by itself is external."""
    for path in site_dir.rglob("*.html"):
        for resource in Page(path).resources:
            assert not urlparse(resource).netloc, (path, resource)
    # The theme's bundle names CDNs for features this site does not use (mermaid, file:// search);
    # the browser tests prove none is requested. Our own styles must not reach out either.
    for path in site_dir.glob("stylesheets/*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", path.read_text(encoding="utf-8")), path


def test_only_source_links_point_to_other_hosts(site_dir, content):
    # Besides the sources: the theme's credit in the footer, the licence the reuse page names, and the
    # authority the accessibility statement sends complaints to (and its WAS-Tool copy, if named).
    statement = content.settings.accessibility
    allowed = ({urlparse(url).netloc for s in content.sources for url in s.urls}
               | {"squidfunk.github.io", "www.mkdocs.org", "creativecommons.org"}
               | {urlparse(url).netloc for url in (statement.supervisor.url, statement.was_url) if url})
    for path in site_dir.rglob("*.html"):
        for link in Page(path).links:
            host = urlparse(link).netloc
            assert not host or host in allowed, (path, link)


def test_no_page_has_the_same_id_twice(site_dir):
    """A content id that equals a heading's anchor would make links land on the wrong place."""
    duplicates = {path.relative_to(site_dir).as_posix(): Page(path).duplicate_ids for path in site_dir.rglob("*.html")}
    assert {page: ids for page, ids in duplicates.items() if ids} == {}


def test_every_footer_is_danish_and_names_the_publisher_and_the_sources(site_dir, content):
    publishers = {source.publisher for source in content.sources}
    for path in site_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        footer = html[html.index('class="md-copyright'):]
        footer = footer[:footer.index("</div>")]
        assert "Made with" not in footer, path
        assert f"Udgivet af\n    {content.settings.publisher.name}." in footer, path
        assert all(publisher in footer for publisher in publishers), path
        for link in re.findall(r'<li><a href="([^"]+)">', footer):
            base = site_dir if link.startswith("/") else path.parent   # the 404 page links from the root
            target = (base / link.lstrip("/") / "index.html").resolve()
            assert target.is_file(), (path, link)
