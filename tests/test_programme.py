"""Programmes from the building blocks: the ready-made half-day kits, and the arithmetic behind them."""
import io
import re
from urllib.parse import urldefrag, urljoin

import pytest
from pypdf import PdfReader

from html_tools import Page
from metodeguide import paths, programme
from metodeguide.loading import load_content
from metodeguide.problems import ContentError
from test_validation import edit_yaml
from metodeguide.model import Block, BlockUses, Duration
from metodeguide.programme import Focus, PlannedBlock


def planned(kind: str, suggested: int, shortest: int, longest: int, block_id: str = "") -> PlannedBlock:
    block = Block(id=block_id or kind, kind=kind, title=kind, purpose="Et formål.", roles=["leder"],
                  duration=Duration(suggested=suggested, shortest=shortest, longest=longest),
                  steps=["Et trin."], source={"document": "myndighedsguide", "section": "Princip 1"})
    return PlannedBlock(block, None, BlockUses(), suggested)


def test_fitting_moves_the_blocks_in_turns_within_their_limits_and_never_the_break():
    blocks = [planned("introduktion", 20, 15, 30), planned("pause", 15, 10, 20), planned("case", 40, 30, 60)]
    fitted = programme.fit_to(blocks, 90)
    assert [b.minutes for b in fitted] == [30, 15, 45]      # 15 more: 5 + 5 to one, 5 to the other
    assert programme.fit_to(blocks, 60) == [blocks[0].with_minutes(15), blocks[1], blocks[2].with_minutes(30)]
    assert programme.fit_to(blocks, 200) is None             # longer than every block's longest


def test_a_schedule_runs_block_after_block_in_clock_time():
    blocks = [planned("aabning", 10, 5, 15), planned("pause", 15, 10, 20)]
    scheduled = programme.schedule(blocks, start=9 * 60)
    assert [(programme.clock_time(s.start), programme.clock_time(s.end)) for s in scheduled] == [
        ("9.00", "9.10"), ("9.10", "9.25")]


def every_proposal_on_one_focus(content):
    """(focus, length, group, programme) for every focus, length and group the planner offers."""
    for focus in programme.focuses(content):
        for length in content.planner.lengths:
            for group in content.planner.groups:
                yield focus, length, group, programme.propose(content, [focus], length, group)


def test_every_proposal_on_one_focus_fills_its_length_exactly_within_each_blocks_limits(content):
    for focus, length, group, blocks in every_proposal_on_one_focus(content):
        case = (focus.id, length.id, group.id)
        assert sum(b.minutes for b in blocks) == length.minutes, case
        assert len({b.id for b in blocks if b.block.kind not in programme.BREAKS}) == len(
            [b for b in blocks if b.block.kind not in programme.BREAKS]), case          # nothing twice
        for block in blocks:
            assert block.block.duration.shortest <= block.minutes <= block.block.duration.longest, case
            assert set(block.block.roles) & set(group.roles), case
        kinds = [b.block.kind for b in blocks]
        assert kinds[0] == "aabning" and kinds[-1] == "afslutning", case
        assert sum(programme.concerns(b, focus) for b in blocks) >= (1 if length.minutes <= 60 else 2), case


def test_breaks_come_where_the_length_puts_them_and_lunch_on_a_full_day(content):
    for focus, length, group, blocks in every_proposal_on_one_focus(content):
        breaks = [(b.block.id, sum(x.minutes for x in blocks[:i])) for i, b in enumerate(blocks)
                  if b.block.kind in programme.BREAKS]
        assert [block for block, _ in breaks] == [placed.block for placed in length.breaks], (focus, length.id)
        for (_, starts), placed in zip(breaks, length.breaks):
            assert abs(starts - placed.after) <= 45, (focus, length.id, starts)   # at a block boundary near it
    full_day = next(length for length in content.planner.lengths if length.id == "hel-dag")
    assert "frokost" in [placed.block for placed in full_day.breaks]


def test_several_focuses_take_turns_and_a_team_meeting_on_too_many_runs_over(content):
    half_day, team_meeting = (next(L for L in content.planner.lengths if L.id == i) for i in ("halv-dag", "teammoede"))
    everyone = content.planner.groups[0]
    two = [Focus("principle", "foelg-op"), Focus("taet_element", "kontakt-og-opfoelgning")]
    blocks = programme.propose(content, two, half_day, everyone)
    assert sum(b.minutes for b in blocks) == 180
    assert all(any(programme.concerns(b, focus) for b in blocks) for focus in two)
    introductions = [b.focus for b in blocks if b.block.kind == "introduktion"]
    assert introductions == two                      # each focus introduced, in the order chosen
    all_principles = [Focus("principle", p.id) for p in content.principles]
    crowded = programme.propose(content, all_principles, team_meeting, everyone)
    assert sum(b.minutes for b in crowded) > 60      # shown as running over; nothing dropped silently
    assert all(b.minutes == b.block.duration.shortest for b in crowded)


@pytest.fixture(scope="module")
def kits(content):
    return {focus: programme.kit(content, focus) for focus in programme.kit_focuses(content)}


def test_there_is_a_kit_for_every_principle_and_every_taet_core_element(content, kits):
    assert [focus.id for focus in kits] == ([p.id for p in content.principles]
                                            + [e.id for e in content.taet.core_elements])


def test_every_kit_uses_all_of_its_principles_cards_and_questions(content, kits):
    for focus, blocks in kits.items():
        principle = content.principle(focus.id) if focus.kind == "principle" else None
        if principle and principle.dilemmas:
            used = {code for b in blocks for code in b.uses.dilemmas}
            assert used == {d.code for d in principle.dilemmas}, focus
        if principle and principle.reflection_questions:
            used = {code for b in blocks for code in b.uses.questions}
            assert used == {q.code for q in principle.reflection_questions}, focus


def test_a_pattern_block_becomes_one_block_per_focus_with_that_focus_items(content):
    focus = Focus("principle", "netvaerk-faellesskaber")
    case = next(b for b in programme.blocks_for(content, focus) if b.block.kind == "case")
    assert case.id == f"{case.block.id}-netvaerk-faellesskaber"
    assert case.uses.dilemmas == ["D3-1", "D3-2", "D3-3", "D3-4"]
    without_dilemmas = Focus("principle", "viden-og-metoder")
    assert not [b for b in programme.blocks_for(content, without_dilemmas) if b.block.kind == "case"]


# --- The kit pages as built ------------------------------------------------------------------------

def kit_url(focus) -> str:
    """A kit page's address from the site root: kompetencedage/<id>/."""
    return paths.page_url(paths.kit_page_path(focus))


def kit_pages(site_dir, content):
    return {focus: Page(site_dir / kit_url(focus) / "index.html") for focus in programme.kit_focuses(content)}


def test_every_kit_page_shows_a_programme_whose_times_add_up(site_dir, content):
    for focus, page in kit_pages(site_dir, content).items():
        table = page.text.split("Tid Aktivitet Minutter")[1].split("I alt")[0]   # the programme table only
        times = re.findall(r"(\d{1,2})\.(\d{2})–(\d{1,2})\.(\d{2})", table)
        spans = [(int(a) * 60 + int(b), int(c) * 60 + int(d)) for a, b, c, d in times]
        assert spans and spans[0][0] == programme.kit_start(content), focus
        assert all(end == next_start for (_, end), (next_start, _) in zip(spans, spans[1:])), focus
        assert spans[-1][1] - spans[0][0] == 180, focus
        assert "I alt 180 minutter" in page.text, focus


def test_every_kit_page_links_to_exactly_what_its_blocks_use(site_dir, content):
    for focus, page in kit_pages(site_dir, content).items():
        blocks = programme.kit(content, focus)
        used = programme.materials(content, blocks)
        for principle, dilemma in used.dilemmas:
            assert dilemma.code in page.text and f"?princip={principle.id}" in " ".join(page.links), focus
        for principle, question in used.questions:
            assert question.question in page.text, (focus, question.code)   # printed in full for the leader
        for form in used.forms:
            assert any(link.endswith(f"downloads/skemaer/{form.id}.pdf") for link in page.links), focus
        for tool in used.tools:
            assert any(link.endswith(f"metoder/#{tool.id}") for link in page.links), focus
        here = "/" + kit_url(focus) + "index.html"
        for link in page.content_links:
            target = urldefrag(urljoin(here, link.split("?")[0])).url
            if not target.startswith("/") or "//" in link:
                continue
            file = site_dir / target.lstrip("/")
            assert file.is_file() or (file / "index.html").is_file(), (focus, link)


@pytest.mark.browser
def test_a_kit_page_prints_on_a4_without_site_chrome_and_nothing_cut(page, site_url, content):
    focus = programme.kit_focuses(content)[2]
    page.goto(site_url + kit_url(focus))
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 673, "height": 950})   # A4 minus the print margins, at 96 dpi
    assert page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert 2 <= len(pdf.pages) <= 8, len(pdf.pages)
    assert "Kompetencedag" in text and "I alt 180 minutter" in " ".join(text.split())
    assert all(abs(float(p.mediabox.width) - 595) < 2 and abs(float(p.mediabox.height) - 842) < 2 for p in pdf.pages)


def test_a_length_the_blocks_cannot_fill_stops_the_build_in_danish(content_copy):
    def longer_team_meeting(planner):
        planner["lengths"][0]["minutes"] = 600
    edit_yaml(content_copy, "planlaegger.yml", longer_team_meeting)
    with pytest.raises(ContentError) as raised:
        load_content(content_copy)
    first = str(raised.value.problems[0])
    assert first == ("content/byggeklodser: der er ikke byggeklodser nok til 'Teammøde, 1 time' om "
                     "'Tag udgangspunkt i borgernes håb, ønsker og drømme' for 'Både sagsbehandlere og ledere'. "
                     "Skriv en byggeklods, "
                     "der handler om den (uses eller for_each).")
