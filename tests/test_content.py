"""The real content: complete, consistent and as the source holds it."""
from collections import Counter

from metodeguide.readability import lix

PHASE_ORDER = ["sagsaabning", "sagsoplysning", "sagsvurdering", "afgoerelse", "bestilling", "opfoelgning"]


def test_the_six_case_phases_in_order(content):
    assert [p.id for p in content.phases] == PHASE_ORDER
    assert [p.name for p in content.phases] == [
        "Sagsåbning", "Sagsoplysning", "Sagsvurdering", "Afgørelse", "Bestilling", "Opfølgning"]


def test_eight_principles_numbered_one_to_eight_with_official_titles(content):
    assert [(p.number, p.title) for p in content.principles] == [
        (1, "Tag udgangspunkt i borgernes håb, ønsker og drømme"),
        (2, "Fokusér på borgernes ressourcer"),
        (3, "Inddrag borgernes netværk og de almene fællesskaber"),
        (4, "Mød borgerne med åbenhed, tillid og respekt"),
        (5, "Hjælp borgerne så tidligt som muligt"),
        (6, "Arbejd koordineret med borgernes samlede livssituation"),
        (7, "Følg op, så indsatsen altid er den rette"),
        (8, "Brug viden og metoder, der virker"),
    ]


def test_totals_match_the_source(content):
    """The source holds 39 ways of working, 17 questions, 21 dilemmas with 59 pieces of advice
    and 7 citizen stories (seeds README)."""
    principles = content.principles
    assert sum(len(p.ways_of_working) for p in principles) == 39
    assert sum(len(p.reflection_questions) for p in principles) == 17
    assert sum(len(p.dilemmas) for p in principles) == 21
    assert sum(len(d.advice) for p in principles for d in p.dilemmas) == 59
    assert sum(p.story is not None for p in principles) == 7


def test_counts_per_principle_match_the_source(content):
    counts = {p.number: (len(p.ways_of_working), len(p.reflection_questions), len(p.dilemmas),
                         sum(len(d.advice) for d in p.dilemmas)) for p in content.principles}
    assert counts == {1: (6, 2, 2, 9), 2: (5, 3, 3, 10), 3: (6, 3, 4, 10), 4: (5, 3, 3, 9),
                      5: (6, 2, 3, 7), 6: (5, 2, 3, 6), 7: (4, 2, 3, 8), 8: (2, 0, 0, 0)}


def test_principle_8_has_only_what_the_source_has(content):
    principle = content.principles[7]
    assert principle.reflection_questions == [] and principle.dilemmas == [] and principle.story is None
    assert [g.phase for g in principle.phases] == ["sagsoplysning", "sagsvurdering", "opfoelgning"]
    assert {g.section for g in principle.phases} == {"Metoder, der understøtter recovery-orienteret rehabilitering"}


def test_every_principle_is_in_at_least_one_phase_and_phases_keep_their_order(content):
    for principle in content.principles:
        ids = [g.phase for g in principle.phases]
        assert ids and ids == sorted(ids, key=PHASE_ORDER.index), principle.id


def test_reflection_questions_are_questions(content):
    for principle in content.principles:
        for question in (q.question for q in principle.reflection_questions):
            assert question.endswith("?"), (principle.id, question)
        for dilemma in principle.dilemmas:
            assert dilemma.question.endswith("?"), (principle.id, dilemma.id)


def test_every_item_cites_a_known_source(content):
    known = {s.id for s in content.sources}
    assert len(known) == 5
    cited = Counter(p.source.document for p in content.principles)
    cited.update(p.source.document for p in content.phases)
    assert set(cited) <= known


def test_reasons_are_whole_sentences(content):
    """Shown as they stand on cards and pages, so each ends with its own full stop."""
    for principle in content.principles:
        assert principle.reason.endswith("."), principle.id


REQUIRED_TOOLS = {
    "aaben-dialog", "fit", "vum", "recovery-star", "motivational-interviewing", "narrativ-praksis", "la2",
    "relationel-koordinering", "netvaerkskortet", "chime", "loeft", "signs-of-safety", "visuelt-arbejde",
    "min-plan", "brief-inspire-o", "en-plan", "feedbackspoergsmaal", "perspektivskifte", "moedeformer",
}
REQUIRED_TERMS = {"myndighed", "udfoerer", "bestilling", "handleplan", "vum", "ffb", "paragraf-82", "sapa",
                  "peer", "sagsstamme", "sagstyngde", "paaroerende", "vaerge"}


def test_taet_model_has_its_three_core_elements_and_four_prerequisites(content):
    assert [(e.id, e.name) for e in content.taet.core_elements] == [
        ("kontakt-og-opfoelgning", "Behovstilpasset kontakt og opfølgning"),
        ("kommunikation-og-samarbejde", "Praktisk kommunikation og samarbejde"),
        ("forventningsafstemning-og-feedback", "Forventningsafstemning og dialogisk feedback")]
    assert [p.name for p in content.taet.prerequisites] == [
        "Tydelig og vedholdende ledelse", "Passende sagstyngde", "Styrkelse af kompetencer og faglighed",
        "Tæt samarbejde på tværs"]
    assert [m.name for m in content.taet.municipalities] == ["Aarhus Kommune", "Hedensted Kommune", "Roskilde Kommune"]


def test_disagreeing_sources_are_both_shown(content):
    """Case loads 35–63 (000) against 35–65 (001); project period 2023–2025 against 2022–2025."""
    shown = {d.id: {(v.value, v.source.document) for v in d.values} for d in content.taet.disagreements}
    case_loads = " ".join(value for value, _ in shown["sagstal"])
    assert "35–63" in case_loads and "35–65" in case_loads
    assert {document for _, document in shown["sagstal"]} == {"taet-erfaringer", "taet-hovedresultater"}
    periods = " ".join(value for value, _ in shown["projektperiode"])
    assert "2023–2025" in periods and "2022–2025" in periods


def test_evaluation_answers_the_five_questions(content):
    assert len(content.evaluation.questions) == 5
    figures = {bar.value for chart in content.evaluation.charts for bar in chart.bars}
    assert {61, 72, 71, 51} <= figures  # the citizens' survey (000, "Udbyttet for borgerne")


def test_samarbejdsmodellen_has_its_values_elements_course_and_levers(content):
    model = content.samarbejdsmodellen
    assert [v.name for v in model.values] == ["Recovery-orienteret rehabilitering", "Helhedsorientering", "Ejerskab"]
    assert [(e.id, e.name) for e in model.core_elements] == [
        ("koordinator", "Én ansvarlig tværgående koordinator"),
        ("netvaerksmoeder", "Tværfaglige netværksmøder med borgeren i centrum"),
        ("aftaler-og-opfoelgning", "Forpligtende aftaler og opfølgning på borgerens mål og behov"),
        ("tvaergaaende-ledelse", "Tværgående ledelse")]
    assert [p.name for p in model.course.phases] == [
        "Opsporing og visitation", "Opstart af borgerforløb", "Afholdelse af tværfaglige netværksmøder",
        "Afslutning af borgerforløb"]
    # Section 6 of the source: 5, 4, 7 and 5 activities under the four levers.
    assert [len(lever.activities) for lever in model.levers] == [5, 4, 7, 5]
    assert len(model.coordinator_competences.items) == 4


def test_leaders_task_has_three_areas_with_thirteen_items_and_four_steps_to_start(content):
    leadership = content.leadership
    assert [a.title for a in leadership.areas] == [
        "Vær tydelig og vedholdende i din ledelse", "Styrk sagsbehandlernes kompetencer og faglighed",
        "Støt et tæt samarbejde på tværs af fag og områder"]
    assert sum(len(a.items) for a in leadership.areas) == 13
    assert [s.verb for s in leadership.getting_started] == ["organiserer", "prioriterer", "systematiserer", "evaluerer"]


def test_chime_has_its_five_elements(content):
    assert [(e.english, e.danish) for e in content.recovery.chime.elements] == [
        ("Connectedness", "Samhørighed"), ("Hope", "Håb"), ("Identity", "Identitet"),
        ("Meaning", "Mening"), ("Empowerment", "Handlekraft")]


def test_catalogue_and_glossary_hold_what_the_issue_names(content):
    assert REQUIRED_TOOLS <= {t.id for t in content.tools}
    assert REQUIRED_TERMS <= {t.id for t in content.glossary.terms}


def test_glossary_marks_the_definitions_that_are_the_guides_own(content):
    # The sources use these words without explaining them; the glossary's explanation is the guide's own.
    assert {t.id for t in content.glossary.terms if t.own_explanation} == {
        "personkreds", "paaroerende", "civilsamfund", "socialt-tilbud"}


def test_feedback_form_asks_all_seven_of_hedensteds_questions(content):
    form = next(f for f in content.forms if f.id == "feedback-efter-moedet")
    kinds = {field.id: field.kind for field in form.fields()}
    # Erfaringer med TÆT-modellen, "Feedbackspørgsmål": seven questions in this order. The answer sheet
    # gives the first a scale and the second yes or no; the other five are open questions.
    seven = ["moedet", "talt-om", "talt-nok", "droemme", "sted-og-form", "naeste-moede", "en-ting"]
    assert [field_id for field_id in kinds if field_id in seven] == seven
    assert [kinds[field_id] for field_id in seven] == ["rating_scale", "single_choice"] + ["long_text"] * 5
    # The answer sheet also asks what is missing and whether the citizen felt heard.
    assert set(kinds) - set(seven) == {"mangler", "hoert"}
    assert kinds["mangler"] == "long_text" and kinds["hoert"] == "rating_scale"


def test_source_notes_state_what_is_known_without_guessing(content):
    """A note on a source says plainly what the guide had; it does not guess at a title."""
    for source in content.sources:
        assert "måske" not in (source.note or ""), source.id


# --- Building blocks for competence days and team meetings (issue 12) ------------------------

BLOCK_KINDS = {"aabning", "introduktion", "case", "refleksion", "historie", "metode", "feedback", "perspektivskifte",
               "handleplan", "afslutning", "evaluering", "pause", "frokost"}


def test_building_blocks_of_every_kind_the_issue_names(content):
    assert {block.kind for block in content.blocks} == BLOCK_KINDS
    patterns = {(block.kind, block.for_each) for block in content.blocks if block.for_each}
    # An introduction for each kind of focus; the principle's cards, questions and story as exercises.
    assert {("introduktion", "principle"), ("introduktion", "taet_element"), ("introduktion", "sm_element"),
            ("case", "principle"), ("refleksion", "principle"), ("historie", "principle")} <= patterns


def test_every_block_is_for_someone_and_lives_in_the_file_named_by_its_id(content):
    for block in content.blocks:
        assert block.roles, block.id
        assert content.files[f"blocks/{block.id}"] == f"content/byggeklodser/{block.id}.yml"


def test_pattern_blocks_name_no_focus_item_of_their_own(content):
    """A block written for each principle or core element gets its items from the focus (programme.py)."""
    for block in (b for b in content.blocks if b.for_each):
        uses = block.uses
        assert not (uses.principles or uses.taet_elements or uses.sm_elements or uses.dilemmas or uses.questions), block.id
        assert uses.story == (block.kind == "historie"), block.id


def test_method_blocks_use_a_tool_and_name_only_what_their_tools_support(content):
    tools = {tool.id: tool for tool in content.tools}
    for block in (b for b in content.blocks if b.kind in ("metode", "feedback", "perspektivskifte")):
        assert block.uses.tools, block.id
        supported = [tools[tool_id] for tool_id in block.uses.tools]
        assert set(block.uses.principles) <= {p for tool in supported for p in tool.principles}, block.id
        assert set(block.uses.taet_elements) <= {e for tool in supported for e in tool.taet_elements}, block.id
    forms = {form.id: form for form in content.forms}
    for block in content.blocks:
        for form_id in block.uses.forms:   # a form a block prints belongs to a tool the block uses
            assert forms[form_id].tool in block.uses.tools, (block.id, form_id)


def block_text(block) -> str:
    return "\n".join([block.title + ".", block.purpose, *block.steps, *block.prepare])


def test_every_block_reads_at_lix_40_or_below(content):
    scores = {block.id: round(lix(block_text(block)), 1) for block in content.blocks}
    assert len(scores) >= len(BLOCK_KINDS)
    assert {block_id: score for block_id, score in scores.items() if score > 40} == {}
