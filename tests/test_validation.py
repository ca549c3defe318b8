"""Bad content stops with a message naming file, field path and problem in Danish."""
import re

import pytest

from metodeguide.loading import load_content
from metodeguide.problems import ContentError, field_path

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


def test_yaml_syntax_error_names_the_line(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("number: 3", "number: 3\n  title: [oops", 1))
    [message] = problems(content_copy)
    assert message.startswith(f"content/{PRINCIPLE_3}: YAML-fejl i linje 3, kolonne")
    assert "Tjek indrykning, kolon efter feltnavne og anførselstegn." in message


def test_missing_required_field(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: re.sub(r"(?m)^reason: .*\n", "", text))
    assert problems(content_copy) == [f"content/{PRINCIPLE_3}: reason: feltet mangler"]


def test_wrong_type(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("number: 3", "number: tre"))
    assert problems(content_copy) == [f"content/{PRINCIPLE_3}: number: skal være et helt tal"]


def test_unknown_field_suggests_the_right_name(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("\nwhy:", "\nwhyy:"))
    assert problems(content_copy) == [
        f"content/{PRINCIPLE_3}: why: feltet mangler",
        f"content/{PRINCIPLE_3}: whyy: ukendt felt 'whyy' – mente du 'why'?",
    ]


def test_unknown_phase(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("- phase: bestilling", "- phase: bevilling"))
    assert problems(content_copy) == [
        f"content/{PRINCIPLE_3}: phases[3].phase: ukendt fase 'bevilling' (kendte: afgoerelse, "
        "bestilling, opfoelgning, sagsaabning, sagsoplysning, sagsvurdering)"]


def test_unknown_source(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("document: myndighedsguide", "document: guiden"))
    [message] = problems(content_copy)
    assert message.startswith(f"content/{PRINCIPLE_3}: source.document: ukendt kilde 'guiden' (kendte: ")


def test_duplicate_principle_id(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("id: netvaerk-faellesskaber", "id: ressourcer", 1))
    assert problems(content_copy) == [
        f"content/{PRINCIPLE_3}: id: id 'ressourcer' bruges allerede i content/principles/02-ressourcer.yml"]


def test_duplicate_dilemma_id(content_copy):
    path = content_copy / PRINCIPLE_3
    ids = re.findall(r"(?m)^  - id: (\S+)", path.read_text(encoding="utf-8"))
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace(f"- id: {ids[1]}", f"- id: {ids[0]}"))
    assert problems(content_copy) == [f"content/{PRINCIPLE_3}: dilemmas: id '{ids[0]}' står flere gange (nr. 1, 2)"]


def test_empty_text(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: re.sub(r"(?m)^reason: .*$", 'reason: "   "', text))
    assert problems(content_copy) == [f"content/{PRINCIPLE_3}: reason: teksten er tom"]


def test_dilemma_without_advice(content_copy):
    def drop_advice_of_second_dilemma(text):
        start = [m.start() for m in re.finditer(r"(?m)^  - id: ", text)][1]
        advice = text.index("    advice:\n", start) + len("    advice:\n")
        end = re.compile(r"(?m)^(  - id: |story:|\S)").search(text, advice).start()
        return text[:advice - 1] + " []\n" + text[end:]
    edit(content_copy, PRINCIPLE_3, drop_advice_of_second_dilemma)
    assert problems(content_copy) == [f"content/{PRINCIPLE_3}: dilemmas[2].advice: mindst ét råd mangler"]


def test_id_that_is_not_an_ascii_slug(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("id: netvaerk-faellesskaber", "id: netværk", 1))
    assert problems(content_copy) == [
        f"content/{PRINCIPLE_3}: id: må kun indeholde små bogstaver a-z, tal og bindestreger "
        "(skriv ae, oe og aa for æ, ø og å)"]


def test_problems_in_several_files_are_all_reported(content_copy):
    edit(content_copy, PRINCIPLE_3, lambda text: text.replace("number: 3", "number: tre"))
    edit(content_copy, "phases.yml", lambda text: text.replace("name: Bestilling", "navn: Bestilling"))
    found = problems(content_copy)
    assert "content/phases.yml: phases[5].name: feltet mangler" in found
    assert "content/phases.yml: phases[5].navn: ukendt felt 'navn' – mente du 'name'?" in found
    assert f"content/{PRINCIPLE_3}: number: skal være et helt tal" in found


def test_empty_file(content_copy):
    (content_copy / PRINCIPLE_3).write_text("\n", encoding="utf-8")
    assert problems(content_copy) == [f"content/{PRINCIPLE_3}: filen er tom"]


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
