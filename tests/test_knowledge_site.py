"""The knowledge-base pages in the built site: every item on its page, with its links."""
import re
import xml.etree.ElementTree as ElementTree
from collections import deque
from urllib.parse import urldefrag, urljoin

from html_tools import Page, normalise, site_pages
from metodeguide.charts import format_value
from metodeguide.glossary import official_names

TOOLS = "metoder/index.html"
TAET = "taet/index.html"
EVALUATION = "taet/evaluering/index.html"
SAMARBEJDSMODELLEN = "samarbejdsmodellen/index.html"
LEADERS = "ledere/index.html"
RECOVERY = "recovery/index.html"
GLOSSARY = "ordliste/index.html"


def page(site_dir, path) -> Page:
    return Page(site_dir / path)


def test_every_tool_has_its_section_with_phases_principles_and_core_elements(site_dir, content):
    catalogue = page(site_dir, TOOLS)
    for tool in content.tools:
        assert tool.id in catalogue.ids
        assert normalise(tool.what) in catalogue.text, tool.id
        for limit in tool.limits:
            assert normalise(limit) in catalogue.text, tool.id
        for principle_id in tool.principles:
            assert f"../principper/{principle_id}/" in catalogue.links, (tool.id, principle_id)
        for element_id in tool.taet_elements:
            assert f"../taet/#{element_id}" in catalogue.links, (tool.id, element_id)
        for phase_id in tool.phases:
            assert content.phase(phase_id).name in catalogue.text


def test_principle_pages_list_their_tools_back(site_dir, content):
    for principle in content.principles:
        links = page(site_dir, f"principper/{principle.id}/index.html").links
        listed = {link.split("#")[1] for link in links if link.startswith("../../metoder/#")}
        assert listed == {t.id for t in content.tools_for_principle(principle.id)}, principle.id
    assert any(content.tools_for_principle(p.id) for p in content.principles)


def test_taet_page_has_core_elements_prerequisites_municipalities_and_both_sides_of_disagreements(site_dir, content):
    taet_page = page(site_dir, TAET)
    taet = content.taet
    for element in taet.core_elements:
        assert element.id in taet_page.ids
        for item in [*element.experiences, *element.watch_out]:
            assert normalise(item) in taet_page.text, element.id
        tools = {link.split("#")[1] for link in taet_page.links if link.startswith("../metoder/#")}
        assert {t.id for t in content.tools_for_taet_element(element.id)} <= tools
    for prerequisite in taet.prerequisites:
        assert prerequisite.id in taet_page.ids
        for demand in prerequisite.leadership_requires:
            assert normalise(demand) in taet_page.text
    for municipality in taet.municipalities:
        for fact in (municipality.name, municipality.target_group, municipality.advisers, municipality.cases):
            assert normalise(fact) in taet_page.text
    for disagreement in taet.disagreements:
        assert disagreement.id in taet_page.ids
        for value in disagreement.values:
            assert normalise(value.value) in taet_page.text


def test_evaluation_page_answers_every_question_and_draws_every_chart(site_dir, content):
    html = (site_dir / EVALUATION).read_text(encoding="utf-8")
    evaluation_page = page(site_dir, EVALUATION)
    for question in content.evaluation.questions:
        assert question.id in evaluation_page.ids
        assert normalise(question.short_answer) in evaluation_page.text
    svgs = re.findall(r"<svg\b[^>]*mg-chart__svg.*?</svg>", html, flags=re.S)
    assert len(svgs) == len(content.evaluation.charts)
    for chart, svg in zip(content.evaluation.charts, svgs):
        texts = [t.text for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
        for bar in chart.bars:
            assert bar.label in texts and format_value(bar.value, chart.unit) in texts, chart.id
        assert normalise(chart.respondents) in evaluation_page.text


def test_samarbejdsmodellen_page_has_values_elements_course_levers_and_competences(site_dir, content):
    model_page = page(site_dir, SAMARBEJDSMODELLEN)
    model = content.samarbejdsmodellen
    for item in [*model.values, *model.core_elements, *model.levers]:
        assert item.id in model_page.ids
    for element in model.core_elements:
        for point in element.contains:
            assert normalise(point) in model_page.text
    for lever in model.levers:
        for activity in lever.activities:
            assert normalise(activity.title) in model_page.text
    for phase in model.course.phases:
        assert phase.name in model_page.text
    for competence in model.coordinator_competences.items:
        assert competence.name in model_page.text
    for condition in model.inclusion_conditions:
        assert normalise(condition) in model_page.text


def test_leaders_page_gathers_tasks_start_prerequisites_and_levers_with_links(site_dir, content):
    leaders = page(site_dir, LEADERS)
    for area in content.leadership.areas:
        assert area.id in leaders.ids
        for item in area.items:
            assert normalise(item.title) in leaders.text
    for step in content.leadership.getting_started:
        assert normalise(step.text) in leaders.text
    for prerequisite in content.taet.prerequisites:
        assert f"../taet/#{prerequisite.id}" in leaders.links
    for lever in content.samarbejdsmodellen.levers:
        assert f"../samarbejdsmodellen/#{lever.id}" in leaders.links


def test_recovery_page_names_chime_and_the_origin_of_the_principles(site_dir, content):
    recovery = page(site_dir, RECOVERY)
    for element in content.recovery.chime.elements:
        assert element.english in recovery.text and element.danish in recovery.text
    for section in [*content.recovery.concepts, *content.recovery.origin]:
        assert section.id in recovery.ids


def test_glossary_lists_every_term(site_dir, content):
    glossary = page(site_dir, GLOSSARY)
    for term in content.glossary.terms:
        assert term.id in glossary.ids
        assert normalise(term.definition) in glossary.text


def test_terms_are_linked_to_the_glossary_from_where_they_appear(site_dir, content):
    """Every term that occurs in running text somewhere has at least one link to its entry.

    Headings and links are never linked, and official names are read as one unit and never linked
    inside, so all three are left out of the text searched."""
    pages = [Page(p) for p in site_pages(site_dir, "index.html") if "ordliste" not in p.parts]
    linked = {urldefrag(link).fragment for p in pages for link in p.links if "ordliste/#" in link}
    texts = [p.linkable_text for p in pages]  # a link cannot hold another link
    for name in official_names(content):
        texts = [text.replace(name, " ") for text in texts]
    appearing = set()
    for term in content.glossary.terms:
        forms = [term.term, *term.forms]
        pattern = re.compile(r"(?<![\w§-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])",
                             0 if term.term != term.term.lower() else re.IGNORECASE)
        if any(pattern.search(text) for text in texts):
            appearing.add(term.id)
    assert appearing, "no glossary term appears anywhere: the test would prove nothing"
    assert appearing <= linked, sorted(appearing - linked)


def test_every_citation_links_to_an_entry_on_the_sources_page(site_dir, content):
    sources = page(site_dir, "kilder/index.html")
    for source in content.sources:
        assert source.id in sources.ids
        for url in source.urls:
            assert url in sources.links
        if source.authors:
            assert normalise(source.authors) in sources.text
    for path in site_pages(site_dir, "index.html"):
        for link in Page(path).links:
            if "kilder/#" in link:
                assert urldefrag(link).fragment in sources.ids, (path, link)


def test_every_page_is_at_most_two_clicks_from_the_front_page(site_dir):
    all_pages = {p.relative_to(site_dir).as_posix() for p in site_pages(site_dir, "index.html")}
    distance = {"index.html": 0}
    queue = deque(["index.html"])
    while queue:
        current = queue.popleft()
        if distance[current] == 2:
            continue
        for link in Page(site_dir / current).content_links:  # the navigation lists every page
            target = _page_of(current, link)
            if target in all_pages and target not in distance:
                distance[target] = distance[current] + 1
                queue.append(target)
    assert set(distance) == all_pages, sorted(all_pages - set(distance))


def _page_of(current: str, link: str) -> str | None:
    if "://" in link or link.startswith(("mailto:", "#")):
        return None
    path = urldefrag(urljoin("/" + current, link)).url.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path
