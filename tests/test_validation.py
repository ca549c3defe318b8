"""Bad content stops with a message naming file, field path and problem in Danish.

One broken file and its exact message is a case in tests/broken_content/ (test_broken_content.py
runs the real build over each); the tests here are what a case cannot say: several files at once,
problems that follow from another, a limit changed, the messages' machinery.
"""

import typing

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from metodeguide import model
from metodeguide.loading import load_content
from metodeguide.model import FormField
from metodeguide.problems import PATTERN_MESSAGES, ContentError, field_path

PRINCIPLE_3 = "principles/03-netvaerk-faellesskaber.yml"


def edit(content_dir, relative, change):
    path = content_dir / relative
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def problems(content_dir) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(content_dir)
    return [str(p) for p in raised.value.problems]


def test_the_real_content_loads(content_copy):
    assert len(load_content(content_copy).principles) == 8


def test_unknown_source(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("document: myndighedsguide", "document: guiden"))
    [message] = problems(content_copy)
    assert message.startswith(f"content/{PRINCIPLE_3}: source.document: ukendt kilde 'guiden' (kendte: ")


def test_duplicate_principle_id(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("id: netvaerk-faellesskaber", "id: ressourcer", 1))
    found = problems(content_copy)
    assert found[0] == f"content/{PRINCIPLE_3}: id: id 'ressourcer' bruges allerede i content/principles/02-ressourcer.yml"
    # The tools that named the old id now point at nothing, and are told so.
    assert all("ukendt princip 'netvaerk-faellesskaber'" in problem for problem in found[1:])


def test_problems_in_several_files_are_all_reported(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("number: 3", "number: tre"))
    edit(content_copy, "phases.yml", lambda text: text.replace("name: Bestilling", "navn: Bestilling"))
    found = problems(content_copy)
    assert "content/phases.yml: phases[5].name: feltet mangler" in found
    assert "content/phases.yml: phases[5].navn: ukendt felt 'navn' – mente du 'name'?" in found
    assert f"content/{PRINCIPLE_3}: number: skal være et helt tal" in found


def test_field_paths_count_list_positions_from_one():
    assert field_path(("dilemmas", 1, "advice")) == "dilemmas[2].advice"
    assert field_path(("phases", 0, "phase")) == "phases[1].phase"
    assert field_path(()) == ""


def test_cross_references_are_checked_in_the_files_that_did_parse(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("number: 3", "number: tre"))
    edit(content_copy, "principles/07-foelg-op.yml", lambda text: text.replace("- phase: opfoelgning", "- phase: opfolgning"))
    found = problems(content_copy)
    assert f"content/{PRINCIPLE_3}: number: skal være et helt tal" in found
    assert any(p.startswith("content/principles/07-foelg-op.yml: phases[1].phase: ukendt fase 'opfolgning'") for p in found)


# --- The knowledge base: one bad input per content type --------------------------------------

def edit_yaml(content_dir, relative, change):
    """Load a YAML file, let ``change`` alter the data, and write it back."""
    path = content_dir / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_two_tools_with_the_same_id(content_copy):
    edit_yaml(content_copy, "tools/fit.yml", lambda tool: tool.update(id="aaben-dialog"))
    found = problems(content_copy)
    assert found[0] == "content/tools/fit.yml: id: id 'aaben-dialog' bruges allerede i content/tools/aaben-dialog.yml"
    # A building block that used the old id now points at nothing, and is told so.
    assert found[1:] and all("ukendt redskab 'fit'" in problem for problem in found[1:])


def test_lever_without_activities(content_copy):
    edit_yaml(content_copy, "samarbejdsmodellen.yml", lambda model: model["levers"][1].update(activities=[]))
    assert problems(content_copy) == ["content/samarbejdsmodellen.yml: levers[2].activities: mindst én aktivitet mangler"]


def test_leader_area_without_items(content_copy):
    edit_yaml(content_copy, "ledelse.yml", lambda leadership: leadership["areas"][2].update(items=[]))
    assert problems(content_copy) == ["content/ledelse.yml: areas[3].items: mindst ét punkt mangler"]


# --- Phases and roles on dilemmas and reflection questions ------------------------------------

def test_dilemma_with_an_unknown_phase_and_a_question_without_roles(content_copy):
    def break_items(principle):
        principle["dilemmas"][1]["phases"] = ["sagsaabning", "bevilling"]
        principle["reflection_questions"][0]["roles"] = []
    edit_yaml(content_copy, PRINCIPLE_3, break_items)
    assert problems(content_copy) == [
        f"content/{PRINCIPLE_3}: reflection_questions[1].roles: mindst én rolle (sagsbehandler eller leder) mangler"]
    edit_yaml(content_copy, PRINCIPLE_3, lambda p: p["reflection_questions"][0].update(roles=["leder"]))
    [message] = problems(content_copy)
    assert message.startswith(f"content/{PRINCIPLE_3}: dilemmas[2].phases[2]: ukendt fase 'bevilling' (kendte: ")


def test_dilemma_without_phases(content_copy):
    edit_yaml(content_copy, PRINCIPLE_3, lambda p: p["dilemmas"][0].update(phases=[]))
    assert problems(content_copy) == [f"content/{PRINCIPLE_3}: dilemmas[1].phases: mindst én fase mangler"]


# --- Forms ------------------------------------------------------------------------------------

FORM = "tools/skemaer/samarbejde.yml"


def first_field(form, kind):
    for s, section in enumerate(form["sections"]):
        for f, field in enumerate(section["fields"]):
            if field["kind"] == kind:
                return s, f, field
    raise AssertionError(f"no {kind} field")


def test_the_same_field_id_twice_in_a_form(content_copy):
    def duplicate(form):
        fields = [field for section in form["sections"] for field in section["fields"]]
        fields[-1]["id"] = fields[0]["id"]
    edit_yaml(content_copy, FORM, duplicate)
    [message] = problems(content_copy)
    assert message.startswith(f"content/{FORM}: sections: feltet '") and "står flere gange" in message


def test_citizen_form_above_the_plain_language_limit_stops_the_build(content_copy):
    edit_yaml(content_copy, "settings.yml", lambda settings: settings.update(citizen_form_max_lix=10))
    found = problems(content_copy)
    assert found and all("skemaer til borgere må højst have LIX 10 (content/settings.yml)" in p for p in found)
    assert not any("perspektivskifte" in p for p in found)  # the staff worksheet is not held to it


def test_form_field_named_like_the_lines_every_form_has(content_copy):
    edit_yaml(content_copy, FORM, lambda form: form["sections"][0]["fields"][0].update(id="navn"))
    [message] = problems(content_copy)
    assert message == (f"content/{FORM}: sections[1].fields[1]: felterne 'navn' og 'dato' findes allerede øverst "
                       "på alle skemaer; brug et andet id")


TABLE_FORM = "tools/skemaer/maal-og-aftaleskema.yml"


def test_table_column_without_an_answer_length_or_with_an_unknown_one(content_copy):
    """Each column says how long an answer it expects (it sets the column's width)."""
    def break_columns(form):
        s, f, table = first_field(form, "table")
        table["columns"][0]["answer"] = "lang"
        del table["columns"][1]["answer"]
        table["columns"][2] = "Hvem gør det?"   # the old way: a heading alone
    edit_yaml(content_copy, TABLE_FORM, break_columns)
    path = f"content/{TABLE_FORM}: sections[2].fields[1].columns"
    assert problems(content_copy) == [
        f"{path}[1].answer: skal være en af disse: 'short', 'medium' eller 'long'",
        f"{path}[2].answer: feltet mangler",
        f"{path}[3]: skal være en gruppe af felter (navn: værdi)",
    ]


def test_table_with_columns_too_narrow_to_write_in(content_copy):
    """Six columns, five of them long: the short one would get 11 % of the width, a 16 mm field in the PDF."""
    def crowd(form):
        s, f, table = first_field(form, "table")
        table["columns"] = [{"label": "Hvornår?", "answer": "short"}] + [
            {"label": f"Kolonne {n}", "answer": "long"} for n in range(1, 6)]
    edit_yaml(content_copy, TABLE_FORM, crowd)
    assert problems(content_copy) == [
        f"content/{TABLE_FORM}: sections[2].fields[1]: kolonnen 'Hvornår?' får kun 11 % af tabellens bredde, "
        "så der er ikke plads til at skrive (mindst 13 %); brug færre kolonner, eller giv de andre et kortere "
        "svar (answer: short eller medium)"]


def test_columns_on_a_field_that_is_no_table(content_copy):
    edit_yaml(content_copy, FORM, lambda form: form["sections"][0]["fields"][0].update(
        columns=[{"label": "Mål", "answer": "long"}]))
    assert problems(content_copy) == [
        f"content/{FORM}: sections[1].fields[1]: kun tabeller kan have kolonner (columns)"]


def test_chart_bar_above_its_maximum(content_copy):
    edit_yaml(content_copy, "evaluering.yml", lambda evaluation: evaluation["charts"][0]["bars"][0].update(value=110))
    assert problems(content_copy) == [
        "content/evaluering.yml: charts[1]: en søjle er større end diagrammets maximum; ret tallet eller maximum"]


def test_our_own_checks_raise_their_own_error_type_not_a_message_to_read_back():
    """problems.py looks the Danish message up by the error's type; no message text is parsed."""
    with pytest.raises(ValidationError) as raised:
        FormField(id="svar", kind="single_choice", label="Hvad synes du?", options=["Godt"])
    assert [error["type"] for error in raised.value.errors()] == ["choice_needs_options"]


def _patterns(annotation) -> set[str]:
    found = {meta.pattern for meta in getattr(annotation, "__metadata__", ()) if getattr(meta, "pattern", None)}
    return found.union(*(_patterns(argument) for argument in typing.get_args(annotation)))


def test_every_pattern_a_text_must_match_has_its_own_message():
    """A version or a clock time written wrong is told what it should look like, not to write an id."""
    patterns = set()
    for schema in vars(model).values():
        if isinstance(schema, type) and issubclass(schema, BaseModel):
            for field in schema.model_fields.values():
                patterns |= _patterns(field.annotation) | {meta.pattern for meta in field.metadata
                                                           if getattr(meta, "pattern", None)}
    slug = model.Slug.__metadata__[0].pattern
    assert slug in patterns and patterns - {slug} == set(PATTERN_MESSAGES)


# --- The settings of one copy: who answers for it, and its accessibility statement ------------------

SETTINGS = "content/settings.yml"


def test_the_responsible_unit_needs_an_e_mail_address_and_a_telephone_number(content_copy):
    edit_yaml(content_copy, "settings.yml", lambda settings: settings["responsible"].pop("phone"))
    assert problems(content_copy) == [f"{SETTINGS}: responsible.phone: feltet mangler"]


@pytest.mark.parametrize("field, value, message", [
    ("email", "redaktion.kommune.dk", "skal være en e-mailadresse, fx 'handicap@kommune.dk'"),
    ("email", "redaktion@kommune", "skal være en e-mailadresse, fx 'handicap@kommune.dk'"),
    ("phone", "ring på 12 34 56 78", "skal være et telefonnummer skrevet med cifre og mellemrum, fx '12 34 56 78' "
                                     "eller '+45 12 34 56 78'"),
    ("phone", "1234", "skal være et telefonnummer skrevet med cifre og mellemrum, fx '12 34 56 78' "
                      "eller '+45 12 34 56 78'"),
    ("name", "  ", "teksten er tom"),
])
def test_a_bad_contact_is_named_in_danish(content_copy, field, value, message):
    edit_yaml(content_copy, "settings.yml", lambda settings: settings["responsible"].update({field: value}))
    assert problems(content_copy) == [f"{SETTINGS}: responsible.{field}: {message}"]


def test_the_compliance_status_is_one_of_three(content_copy):
    edit_yaml(content_copy, "settings.yml", lambda settings: settings["accessibility"].update(status="næsten"))
    assert problems(content_copy) == [
        f"{SETTINGS}: accessibility.status: skal være en af disse: 'fuldt', 'delvist' eller 'ikke'"]


@pytest.mark.parametrize("written", ["30-11-2026", "30. november 2026", "2026-13-01", "2026-02-30"])
def test_a_date_that_is_no_date_is_named_not_a_crash(content_copy, written):
    """YAML reads 2026-11-30 as a date; anything else, even 2026-13-01, which PyYAML itself cannot
    read, reaches the schema as text."""
    edit(content_copy, "settings.yml", lambda text: text.replace("prepared: 2026-11-30", f"prepared: {written}"))
    assert problems(content_copy) == [
        f"{SETTINGS}: accessibility.prepared: skal være en dato skrevet år-måned-dag, fx 2026-11-30"]


def test_the_statement_cannot_be_reviewed_before_it_was_made(content_copy):
    edit(content_copy, "settings.yml", lambda text: text.replace("reviewed: 2026-11-30", "reviewed: 2026-11-29"))
    assert problems(content_copy) == [
        f"{SETTINGS}: accessibility.reviewed: erklæringen kan ikke være gennemgået (reviewed) før den dag, den blev lavet "
        "(prepared)"]


def test_addresses_in_the_statement_are_whole_https_addresses(content_copy):
    def addresses(settings):
        settings["accessibility"]["was_url"] = "was.digst.dk/kommune-dk"
        settings["accessibility"]["supervisor"] = {"url": "http://digst.dk"}
    edit_yaml(content_copy, "settings.yml", addresses)
    assert problems(content_copy) == [
        f"{SETTINGS}: accessibility.was_url: skal være en hel webadresse, der starter med https://",
        f"{SETTINGS}: accessibility.supervisor.url: skal være en hel webadresse, der starter med https://"]


def test_an_unknown_statement_field_is_named(content_copy):
    edit(content_copy, "settings.yml", lambda text: text.replace("  reviewed:", "  revieved:"))
    assert problems(content_copy) == [f"{SETTINGS}: accessibility.reviewed: feltet mangler",
                                      f"{SETTINGS}: accessibility.revieved: ukendt felt 'revieved' – mente du 'reviewed'?"]


def test_the_supervisor_is_digitaliseringsstyrelsen_unless_written(content):
    supervisor = content.settings.accessibility.supervisor
    assert supervisor.name == "Digitaliseringsstyrelsen"
    assert supervisor.url == "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"
