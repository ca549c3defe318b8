"""The content as open data (data/*.json): every file valid against its own JSON Schema (checked with
a JSON Schema library, not with pydantic), read back into the models equal to the content, with the
version, the build date, ids and short codes; and the page that explains it."""
import json
from datetime import date

import jsonschema
import pytest

from html_tools import Page
from metodeguide import opendata

BUILT = date(2026, 11, 30)
EVERY_FILE = [*opendata.PARTS, opendata.EVERYTHING]


@pytest.fixture(scope="module")
def files(content):
    return opendata.open_data_files(content, BUILT)


def loaded(files, name):
    return json.loads(files[opendata.data_path(name)]), json.loads(files[opendata.schema_path(name)])


@pytest.mark.parametrize("name", EVERY_FILE)
def test_each_file_is_valid_against_its_schema_and_reads_back_as_the_content(files, content, name):
    data, schema = loaded(files, name)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    back = opendata.file_model(name).model_validate_json(files[opendata.data_path(name)])
    parts = opendata.PARTS.values() if name == opendata.EVERYTHING else [opendata.PARTS[name]]
    assert all(getattr(back, part) == getattr(content, part) for part in parts)
    assert data["version"] == content.settings.version and data["built"] == "2026-11-30"


def test_a_schema_refuses_data_that_breaks_the_contents_rules(files):
    data, schema = loaded(files, "principper")
    data["principles"][0]["reflection_questions"][0]["code"] = "R99"     # not a question code
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)
    data["principles"][0]["reflection_questions"][0]["code"] = "R1-1"
    data["principles"][0]["kode"] = "P1"                                  # a field the content has not
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_ids_and_short_codes_are_in_the_data(files, content):
    everything, _ = loaded(files, opendata.EVERYTHING)
    principle = everything["principles"][2]
    assert principle["id"] == content.principles[2].id
    assert [d["code"] for d in principle["dilemmas"]] == [d.code for d in content.principles[2].dilemmas]
    assert everything["code_ledger"]["codes"] == content.code_ledger.codes
    assert "settings" not in everything and "files" not in everything      # about this copy, not the content


def test_the_reuse_page_links_every_file_and_schema_and_shows_an_example(site_dir, content):
    page = Page(site_dir / "genbrug" / "index.html")
    for name in EVERY_FILE:
        for path in (opendata.data_path(name), opendata.schema_path(name)):
            assert (site_dir / path).is_file(), path
            assert any(link.endswith(path) for link in page.links), path
    html = (site_dir / "genbrug" / "index.html").read_text(encoding="utf-8")
    example = html.split('<code class="language-json">')[1].split("</code>")[0]
    assert "R1-1" in example and "<a " not in example          # shown as data: no glossary link inside
    assert "CC BY 4.0" in page.text and "VIVE" in page.text and "Social- og Boligstyrelsen" in page.text
