"""make build: a failed build names the problem and leaves the previous site untouched."""
import shutil

import pytest

from conftest import PROJECT_DIR, run_build

pytestmark = pytest.mark.weasyprint   # a build imports it, and a successful one makes the forms' PDFs

PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "macros", "metodeguide", "scripts", "content"]


@pytest.fixture
def project_copy(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = PROJECT_DIR / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / part)
    return project


@pytest.fixture
def previous_site(project_copy):
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("forrige udgave", encoding="utf-8")
    return site


def test_a_broken_link_in_a_page_stops_the_build(project_copy, previous_site):
    page = project_copy / "docs" / "kilder.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Fejl](fasematrix.md#findes-ikke)\n", encoding="utf-8")
    result = run_build(project_copy, previous_site)
    assert result.returncode != 0
    assert "findes-ikke" in result.stderr
    assert (previous_site / "index.html").read_text(encoding="utf-8") == "forrige udgave"


def test_an_undefined_macro_stops_the_build(project_copy, previous_site):
    page = project_copy / "docs" / "kilder.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ no_such_macro() }}\n", encoding="utf-8")
    result = run_build(project_copy, previous_site)
    assert result.returncode != 0
    assert (previous_site / "index.html").read_text(encoding="utf-8") == "forrige udgave"


def test_a_copy_without_git_history_builds_and_says_once_that_dates_are_left_out(project_copy, tmp_path):
    site = tmp_path / "site"
    result = run_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Ingen git-historik") == 1
    # The contact the repository ships is an example, and a publisher is told so.
    assert "Bemærk: content/settings.yml: responsible: redaktion@metodeguide.example er et eksempel." in result.stderr
    assert "mg-changed" not in (site / "principper" / "foelg-op" / "index.html").read_text(encoding="utf-8")
    assert "Denne kopi af guiden har ikke historikken med" in (site / "nyt" / "index.html").read_text(encoding="utf-8")
