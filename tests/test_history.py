"""When content changed (metodeguide.history): git's log read into dates per file, per item and per
page, the page "Nyt i guiden", and "Sidst ændret" on the built pages."""
import subprocess
from datetime import date


from conftest import PROJECT_DIR
from html_tools import Page
from metodeguide import history, paths, rendering
from metodeguide.words import template_words

LOG = """\x002026-11-30

M\tcontent/principles/07-foelg-op.yml
D\tcontent/tools/gammel.yml
\x002026-11-30

A\tcontent/principles/07-foelg-op.yml
\x002026-10-02

R100\tcontent/tools/fit-gammel.yml\tcontent/tools/fit.yml
M\tcontent/taet.yml
"""


def test_the_log_becomes_changes_newest_first_with_a_rename_as_a_change_of_the_new_file():
    changes = history.parse_git_log(LOG)
    assert changes[0] == history.Change(date(2026, 11, 30), "content/principles/07-foelg-op.yml", "changed")
    assert history.Change(date(2026, 10, 2), "content/tools/fit.yml", "changed") in changes
    assert not [c for c in changes if c.file == "content/tools/fit-gammel.yml"]
    assert history.last_changed(changes)["content/taet.yml"] == date(2026, 10, 2)


def test_a_day_lists_each_file_once_new_if_it_came_that_day():
    (day, changes), older = history.changes_by_day(history.parse_git_log(LOG))[:2]
    assert day == date(2026, 11, 30) and older[0] == date(2026, 10, 2)
    assert [(c.file, c.kind) for c in changes] == [("content/principles/07-foelg-op.yml", "added"),
                                                   ("content/tools/gammel.yml", "removed")]


def test_a_page_is_as_new_as_the_newest_content_behind_it(content):
    dates = {"principles/foelg-op": date(2026, 11, 30), "principles/ressourcer": date(2026, 9, 1),
             "taet": date(2026, 10, 2)}
    principle = content.principle("ressourcer")
    assert history.page_changed(paths.principle_page_path(principle), content, dates) == date(2026, 9, 1)
    assert history.page_changed(paths.TAET_PAGE, content, dates, {"taet_model"}) == date(2026, 10, 2)
    assert history.page_changed("dilemmaer.md", content, dates, {"dilemmas"}) == date(2026, 11, 30)
    assert history.page_changed("recovery.md", content, dates, {"recovery"}) is None     # no date known


def test_news_names_each_changed_item_and_links_it(content):
    words = template_words("changes_labels")
    changes = [history.Change(date(2026, 11, 30), content.files["principles/foelg-op"], "changed"),
               history.Change(date(2026, 11, 30), content.files["tools/fit"], "added"),
               history.Change(date(2026, 11, 30), "content/tools/gammel.yml", "removed")]
    changes.append(history.Change(date(2026, 11, 30), "content/settings.yml", "changed"))     # not news
    entries = history.change_entries(content, changes, words)                 # in Danish alphabetical order
    assert entries == [
        history.ChangeEntry("removed", "Fil gammel.yml"),
        history.ChangeEntry("added", "Metode M5: Feedback Informed Treatment", paths.TOOLS_PAGE, "fit"),
        history.ChangeEntry("changed", "Princip 7. " + content.principle("foelg-op").title,
                            paths.principle_page_path(content.principle("foelg-op")))]
    page = rendering.render_changes_page(content, changes)
    assert "## 30. november 2026 {#dato-2026-11-30}" in page and "- Fjernet: Fil gammel.yml" in page


def git(folder, *args, day="2026-03-04T10:00:00"):
    environment = {"GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day, "HOME": str(folder),
                   "GIT_AUTHOR_NAME": "R", "GIT_AUTHOR_EMAIL": "r@example.org",
                   "GIT_COMMITTER_NAME": "R", "GIT_COMMITTER_EMAIL": "r@example.org"}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=environment)


def test_git_is_read_for_the_content_folder_only_and_no_history_is_none(tmp_path):
    assert history.read_history(tmp_path) is None
    git(tmp_path, "init", "-q")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "taet.yml").write_text("a: 1\n")
    (tmp_path / "README.md").write_text("x\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "one")
    (tmp_path / "content" / "taet.yml").write_text("a: 2\n")
    git(tmp_path, "commit", "-q", "-am", "two", day="2026-05-06T10:00:00")
    assert history.read_history(tmp_path) == [history.Change(date(2026, 5, 6), "content/taet.yml", "changed"),
                                              history.Change(date(2026, 3, 4), "content/taet.yml", "added")]


def test_a_built_page_says_when_the_content_behind_it_last_changed(site_dir, content):
    principle = content.principle("foelg-op")
    log = subprocess.run(["git", "-C", str(PROJECT_DIR), "log", "-1", "--format=%cs", "--",
                          content.files["principles/foelg-op"]], capture_output=True, text=True, check=True)
    day = date.fromisoformat(log.stdout.strip())
    text = Page(site_dir / paths.page_url(paths.principle_page_path(principle)) / "index.html").text
    assert f"Sidst ændret {history.danish_date(day, template_words('changes_labels'))}." in text
    newest = subprocess.run(["git", "-C", str(PROJECT_DIR), "log", "-1", "--format=%cs", "--", "content/"],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert f"dato-{newest}" in Page(site_dir / "nyt" / "index.html").ids   # "Nyt i guiden" starts there


def test_every_fragment_a_page_may_call_names_the_content_behind_it():
    assert set(history.FRAGMENT_CONTENT) == set(rendering.FRAGMENTS)
