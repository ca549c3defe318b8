"""The renderers, without MkDocs: content model in, Markdown out."""
import re

import pytest
import yaml

from metodeguide import rendering
from metodeguide.text import first_sentence


def test_one_generated_page_per_principle_phase_and_form(content):
    pages = rendering.generated_pages(content)
    assert sorted(pages) == sorted([f"principper/{p.id}.md" for p in content.principles]
                                   + [f"faser/{p.id}.md" for p in content.phases]
                                   + [f"skemaer/{f.id}.md" for f in content.forms] + ["k.md", "planlaegger.md"]
                                   + [f"kompetencedage/{p.id}.md" for p in content.principles]
                                   + [f"kompetencedage/taet-{e.id}.md" for e in content.taet.core_elements])


def test_principle_page_holds_every_part(content):
    for principle in content.principles:
        page = rendering.render_principle_page(content, principle)
        assert page.startswith("---\n"), principle.id
        assert f"# {principle.number}. {principle.title}\n" in page
        for way in principle.ways_of_working:
            assert f"### <span class=\"mg-code\">{way.code}</span> {way.title} {{#arbejdsmaade-{way.id}}}\n" in page
        for question in (q.question for q in principle.reflection_questions):
            assert question in page
        for dilemma in principle.dilemmas:
            assert f"### <span class=\"mg-code\">{dilemma.code}</span> {dilemma.question} {{#dilemma-{dilemma.id}}}" in page
            for advice in dilemma.advice:
                assert f"- {advice.text}" in page
        for guidance in principle.phases:
            assert f"{{#fase-{guidance.phase}}}" in page
            assert guidance.guidance in page
        if principle.story:
            assert principle.story.title in page and principle.story.summary in page


def test_phase_sections_only_for_the_phases_the_principle_names(content):
    page = rendering.render_principle_page(content, content.principles[6])  # principle 7
    assert re.findall(r"\{#fase-([a-z]+)\}", page) == ["opfoelgning"]


def test_absent_parts_are_not_shown(content):
    page = rendering.render_principle_page(content, content.principles[7])  # principle 8
    assert "Overvej jeres praksis" not in page
    assert "Dilemmaer" not in page
    assert "Borgerens historie" not in page


def test_principle_page_cites_its_source(content):
    page = rendering.render_principle_page(content, content.principles[0])
    assert "Kilde: [Guide til myndighedsområdet](../kilder.md#myndighedsguide), Princip 1." in page
    assert "Princip 1, Hvordan kan du arbejde med princippet." in page


def test_matrix_marks_exactly_the_cells_the_content_names(content):
    matrix = rendering.render_fragment("phase_matrix", content, "fasematrix.md")
    links = re.findall(r"\]\(principper/([a-z0-9-]+)\.md#fase-([a-z]+)\)", matrix)
    expected = [(p.id, g.phase) for p in content.principles for g in p.phases]
    assert sorted(links) == sorted(expected)
    assert matrix.count("<td ") == len(content.principles) * len(content.phases)
    assert matrix.count("mg-matrix__cell--marked") == len(expected)


def test_cards_link_to_every_principle_relative_to_their_page(content):
    cards = rendering.render_fragment("principle_cards", content, "principper/index.md")
    assert re.findall(r"\]\(([a-z0-9-]+)\.md\)", cards) == [p.id for p in content.principles]
    cards = rendering.render_fragment("principle_cards", content, "index.md")
    assert re.findall(r"\]\(principper/([a-z0-9-]+)\.md\)", cards) == [p.id for p in content.principles]


def test_collected_questions_and_dilemmas_are_grouped_by_principle(content):
    questions = rendering.render_fragment("reflection_questions", content, "refleksionsspoergsmaal.md")
    dilemmas = rendering.render_fragment("dilemmas", content, "dilemmaer.md")
    for principle in content.principles:
        has_parts = bool(principle.reflection_questions)
        assert (f"{{#{principle.id}}}" in questions) == has_parts
        for question in (q.question for q in principle.reflection_questions):
            assert question in questions
        for dilemma in principle.dilemmas:
            assert f'id="{principle.id}-{dilemma.id}"' in dilemmas


def test_phase_list_names_each_phase_with_its_principles(content):
    listing = rendering.render_fragment("phase_list", content, "index.md")
    for phase in content.phases:
        line = next(line for line in listing.splitlines() if line.startswith(f"-   **[{phase.name}](faser/{phase.id}.md):**"))
        assert line.count("](principper/") == len(content.principles_in(phase.id))


def test_phase_page_holds_the_guidance_of_each_principle_in_that_phase_only(content):
    phase = content.phase("bestilling")
    page = rendering.render_phase_page(content, phase)
    assert page.startswith("---\n") and "# Bestilling\n" in page
    headed = re.findall(r"^### \d+\. .* \{#([a-z0-9-]+)\}$", page, flags=re.MULTILINE)
    assert headed == [p.id for p in content.principles_in("bestilling")]
    for principle in content.principles:
        guidance = principle.guidance_for("bestilling")
        if guidance:
            assert guidance.guidance in page
    assert '<strong aria-current="page">Bestilling</strong>' in page


def test_first_sentence():
    assert first_sentence("Et redskab. Det bruges i opfølgningen.") == "Et redskab."
    assert first_sentence("Kun én sætning") == "Kun én sætning"


def test_sources_have_an_anchor_each(content):
    sources = rendering.render_fragment("sources", content, "kilder.md")
    assert re.findall(r"\{#([a-z0-9-]+)\}", sources) == [s.id for s in content.sources]


def test_relative_links():
    assert rendering.relative_link("index.md", "principper/a.md") == "principper/a.md"
    assert rendering.relative_link("principper/a.md", "kilder.md", "x") == "../kilder.md#x"
    assert rendering.relative_link("principper/a.md", "principper/b.md") == "b.md"


def test_principle_navigation(content):
    navigation = rendering.principle_navigation(content)
    assert navigation[0] == {"1. Tag udgangspunkt i borgernes håb, ønsker og drømme": "principper/haab-oensker-droemme.md"}
    assert len(navigation) == 8


def test_an_unknown_fragment_is_refused(content):
    with pytest.raises(ValueError):
        rendering.render_fragment("no_such_part", content, "index.md")


def test_front_matter_survives_quotes_and_colons(content):
    principle = content.principles[0].model_copy(update={"title": 'Tag "borgerens" håb: alvorligt'})
    page = rendering.render_principle_page(content, principle)
    front_matter = yaml.safe_load(page.split("---\n")[1])
    assert front_matter["title"] == '1. Tag "borgerens" håb: alvorligt'
    assert front_matter["render_macros"] is False


# --- Text from YAML is text: a "<" or "&" never becomes markup ------------------------------------

MARKUP = "<b>fed</b> & <script>alert(1)</script>"


def as_html(markdown_text: str) -> str:
    """The Markdown as the site turns it into HTML (the same extensions as mkdocs.yml)."""
    import markdown
    body = markdown_text.split("---\n", 2)[-1]   # without the front matter
    return markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"])


def shows_as_text(html_text: str) -> bool:
    return "<b>" not in html_text and "<script>" not in html_text and "&lt;b&gt;fed&lt;/b&gt; &amp; " in html_text


def test_markup_in_a_principle_shows_as_text(content):
    principle = content.principles[2]
    dilemma = principle.dilemmas[0].model_copy(update={"question": MARKUP})
    principle = principle.model_copy(update={"contains": MARKUP, "dilemmas": [dilemma, *principle.dilemmas[1:]]})
    html_text = as_html(rendering.render_principle_page(content, principle))
    assert shows_as_text(html_text)
    assert html_text.count("&lt;b&gt;fed") == 2


def test_markup_on_a_dilemma_card_shows_as_text(content):
    principle = content.principles[2]
    dilemma = principle.dilemmas[0].model_copy(update={"question": MARKUP})
    principle = principle.model_copy(update={"dilemmas": [dilemma, *principle.dilemmas[1:]]})
    changed = content.model_copy(update={"principles": (*content.principles[:2], principle, *content.principles[3:])})
    assert shows_as_text(as_html(rendering.render_fragment("dilemmas", changed, "dilemmaer.md")))


def test_markup_in_a_form_shows_as_text(content):
    form = content.forms[0]
    section = form.sections[0]
    field = section.fields[0].model_copy(update={"label": MARKUP})
    form = form.model_copy(update={"sections": [section.model_copy(update={"fields": [field, *section.fields[1:]]}),
                                                *form.sections[1:]]})
    assert shows_as_text(as_html(rendering.render_form_page(content, form)))
    assert shows_as_text(rendering.render_form_document(form))


def test_counts_read_as_a_person_says_them(content):
    """Never "8 af de 8 principper": all of them is "alle", and small numbers are words."""
    for phase in content.phases:
        page = rendering.render_phase_page(content, phase)
        count = len(content.principles_in(phase.id))
        expected = "Alle otte principper" if count == len(content.principles) else "af de otte principper"
        assert expected in page, phase.id
        assert not re.search(r"\d+ af de \d+", page), phase.id
    assert any(len(content.principles_in(p.id)) == len(content.principles) for p in content.phases)
    for principle in content.principles:
        page = rendering.render_principle_page(content, principle)
        assert not re.search(r"\d+ af sagens \d+", page), principle.id
        assert ("alle sagens seks faser" in page) == (len(principle.phases) == len(content.phases))



def test_the_footer_follows_the_settings_a_municipality_writes(content):
    from metodeguide.model import Publisher
    from metodeguide.site import footer
    settings = content.settings.model_copy(update={"publisher": Publisher(name="Roskilde Kommune", url="https://roskilde.dk")})
    data = footer(content.model_copy(update={"settings": settings}))
    assert data["publisher"] == {"name": "Roskilde Kommune", "url": "https://roskilde.dk"}
    assert data["source_publishers"] == ["Socialstyrelsen", "VIVE", "Social- og Boligstyrelsen"]
    assert [link["url"] for link in data["links"]] == ["om-guiden/", "kilder/", "k/", "tilgaengelighed/"]
