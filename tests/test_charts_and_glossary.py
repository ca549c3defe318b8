"""Charts and glossary links: pure functions, tested without MkDocs."""
import re
import xml.etree.ElementTree as ElementTree

from metodeguide import rendering
from metodeguide.charts import bar_chart_svg, format_value
from metodeguide.glossary import link_terms, official_names
from metodeguide.model import Chart, Term

SVG = "{http://www.w3.org/2000/svg}"


def chart(**changes) -> Chart:
    data = dict(id="tillid", title="Borgernes tillid", question="Hvor mange er enige?", unit="procent",
                maximum=100, bars=[{"label": "Har tillid & tryghed", "value": 71}, {"label": "Øget tillid", "value": 51.5}],
                respondents="59 borgere", source={"document": "taet-erfaringer", "section": "Udbyttet"})
    return Chart.model_validate(data | changes)


def test_chart_is_valid_svg_with_its_numbers_and_labels_as_text():
    svg = ElementTree.fromstring(bar_chart_svg(chart()))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts == ["Har tillid & tryghed", "71 %", "Øget tillid", "51,5 %"]
    assert svg.find(f"{SVG}title").text == "Borgernes tillid"
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "tillid-titel"


def test_bar_lengths_are_proportional_to_the_values():
    svg = ElementTree.fromstring(bar_chart_svg(chart(unit="antal", maximum=9, bars=[
        {"label": "Alle", "value": 9}, {"label": "Nogle", "value": 3}, {"label": "Ingen", "value": 0}])))
    widths = [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")]
    assert widths[0] == 3 * widths[1] and 0 < widths[2] < widths[1]


def test_values_are_written_the_danish_way():
    assert format_value(61, "procent") == "61 %"
    assert format_value(2.5, "procent") == "2,5 %"
    assert format_value(9, "antal") == "9"


def term(id, word, forms=(), definition="En forklaring. Mere tekst."):
    return Term(id=id, term=word, forms=list(forms), definition=definition,
                source={"document": "myndighedsguide", "section": "Princip 6"})


TERMS = [term("udfoerer", "udfører", ["udføreren"]), term("vum", "VUM"), term("paragraf-82", "§ 82")]


def link(t):
    return f"ordliste.md#{t.id}"


def test_first_mention_of_each_term_is_linked_with_a_tooltip():
    text = "Udføreren og udfører taler om VUM. Hjælp efter § 82 kan komme hurtigt."
    linked = link_terms(text, TERMS, link)
    assert linked.startswith('[Udføreren](ordliste.md#udfoerer "udfører: En forklaring.") og udfører')
    assert '[VUM](ordliste.md#vum "VUM: En forklaring.")' in linked
    assert '[§ 82](ordliste.md#paragraf-82 "§ 82: En forklaring.")' in linked


def test_whole_words_only_and_abbreviations_in_their_own_case():
    text = "Udførerne, vum-skemaet, vumse og § 82a nævnes, men ikke vum."
    assert link_terms(text, TERMS, link) == text


def test_headings_links_code_and_raw_html_are_left_alone():
    text = ("# Om udføreren\n\n[udfører](x.md) og `VUM`\n\n<p class=\"mg-lead\">udfører</p>\n\n"
            "<figure markdown=\"0\"><svg><text>VUM</text></svg></figure>\n\n{: #udfoerer }\n\n"
            "```json\n{\"roles\": [\"udfører\", \"VUM\"]}\n```\n\nTil sidst VUM.")
    linked = link_terms(text, TERMS, link)
    assert linked.replace('[VUM](ordliste.md#vum "VUM: En forklaring.")', "VUM") == text
    assert linked.endswith('Til sidst [VUM](ordliste.md#vum "VUM: En forklaring.").')


def test_markdown_inside_html_marked_markdown_is_linked():
    text = '<div class="grid cards" markdown>\n\n- Tal med udføreren.\n\n</div>\n\nudfører'
    linked = link_terms(text, TERMS, link)
    assert "- Tal med [udføreren](" in linked and linked.endswith("\n\nudfører")


def test_quotes_in_a_definition_do_not_break_the_link_title():
    quoted = term("bic", "BIC", definition='Modellen hed "Borgeren i Centrum". Mere.')
    assert '"BIC: Modellen hed ”Borgeren i Centrum”."' in link_terms("BIC", [quoted], link)


def test_names_to_keep_are_not_linked_inside():
    recovery = term("recovery", "recovery")
    linked = link_terms("Recovery Star måler recovery.", [recovery], link, keep=["Recovery Star"])
    assert linked == 'Recovery Star måler [recovery](ordliste.md#recovery "recovery: En forklaring.").'


def test_official_names_hold_every_principle_tool_and_core_element(content):
    names = official_names(content)
    assert "Behovstilpasset kontakt og opfølgning" in names and "Recovery Star" in names
    assert "Inddrag borgernes netværk og de almene fællesskaber" in names


def test_glossary_says_which_explanations_are_the_guides_own(content):
    page = rendering.render_fragment("glossary", content, "ordliste.md")
    entries = {re.search(r"\{#([a-z0-9-]+)\}", entry).group(1): entry
               for entry in re.split(r"^### ", page, flags=re.MULTILINE)[1:]}
    assert set(entries) == {t.id for t in content.glossary.terms}
    assert any(t.own_explanation for t in content.glossary.terms)
    for term in content.glossary.terms:
        assert ("Forklaringen af selve ordet er guidens egen." in entries[term.id]) == term.own_explanation, term.id
