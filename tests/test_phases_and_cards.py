"""Working by case phase, the dilemma cards and the question bank, in the built site and the deck PDF."""
import math
import re
from urllib.parse import urldefrag, urljoin

from pypdf import PdfReader

from html_tools import Page, normalise, site_pages
from metodeguide import paths
from metodeguide.downloads import deck


def without_space(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text))


def phase_page(site_dir, phase) -> Page:
    return Page(site_dir / "faser" / phase.id / "index.html")


def test_every_phase_has_a_page_with_its_principles_tools_dilemmas_and_questions(site_dir, content):
    for phase in content.phases:
        page = phase_page(site_dir, phase)
        assert normalise(phase.description) in page.text
        for principle in content.principles_in(phase.id):
            assert normalise(principle.guidance_for(phase.id).guidance) in page.text, (phase.id, principle.id)
            assert f"../../principper/{principle.id}/#fase-{phase.id}" in page.links
        for tool in content.tools_in(phase.id):
            assert f"../../metoder/#{tool.id}" in page.links
        for principle, dilemma in content.dilemmas_in(phase.id):
            assert f"../../dilemmaer/#{principle.id}-{dilemma.id}" in page.links
        for _, question in content.questions_in(phase.id):
            assert normalise(question.question) in page.text
        for element in content.taet.core_elements:
            assert f"../../taet/#{element.id}" in page.links


def test_a_phase_page_shows_nothing_from_other_phases(site_dir, content):
    for phase in content.phases:
        page = phase_page(site_dir, phase)
        links = page.content_links
        dilemmas = {link.split("#")[1] for link in links if link.startswith("../../dilemmaer/#")}
        assert dilemmas == {f"{p.id}-{d.id}" for p, d in content.dilemmas_in(phase.id)}
        principles = {link.split("/")[3] for link in links if re.match(r"^\.\./\.\./principper/[a-z0-9-]+/#fase-", link)}
        assert principles == {p.id for p in content.principles_in(phase.id)}
        tools = {link.split("#")[1] for link in links if link.startswith("../../metoder/#")}
        assert tools == {t.id for t in content.tools_in(phase.id)}
        for principle in content.principles:
            for question in principle.reflection_questions:
                shown = normalise(question.question) in page.running_text
                assert shown == (phase.id in question.phases), (phase.id, question.question)
    assert len(content.dilemmas_in("afgoerelse")) < sum(len(p.dilemmas) for p in content.principles)


def test_every_page_reaches_every_phase_page(site_dir, content):
    """The phase chooser is the "Sagens faser" section of the navigation, on every page."""
    for path in site_pages(site_dir, "index.html"):
        here = "/" + path.relative_to(site_dir).as_posix()
        targets = {urldefrag(urljoin(here, link)).url for link in Page(path).links}
        for phase in content.phases:
            assert f"/faser/{phase.id}/" in targets, (here, phase.id)


def test_phase_matrix_heads_link_to_the_phase_pages(site_dir, content):
    html = (site_dir / "fasematrix" / "index.html").read_text(encoding="utf-8")
    head = re.search(r"<thead\b.*?</thead>", html, flags=re.S).group()
    linked = re.findall(r'<th scope="col"><a href="\.\./faser/([a-z]+)/">', head)
    assert linked == [phase.id for phase in content.phases]


def test_every_dilemma_is_a_card_with_its_principle_and_phases(site_dir, content):
    page = Page(site_dir / "dilemmaer" / "index.html")
    for principle in content.principles:
        for dilemma in principle.dilemmas:
            card = page.elements[f"{principle.id}-{dilemma.id}"]
            assert (card["tag"], card["class"]) == ("article", "mg-card")
            assert card["data-principle"] == principle.id
            assert card["data-phases"] == " ".join(dilemma.phases)
            for advice in dilemma.advice:
                assert normalise(advice.text) in page.text
    assert paths.DECK_PDF.replace(".pdf", "") in " ".join(page.links)


def test_question_bank_lists_every_question_with_its_roles_and_phases(site_dir, content):
    page = Page(site_dir / "refleksionsspoergsmaal" / "index.html")
    for principle in content.principles:
        for question in principle.reflection_questions:
            item = page.elements[paths.bank_question_anchor(principle.id, question.id)]
            assert item["data-principle"] == principle.id
            assert item["data-roles"] == " ".join(question.roles)
            assert item["data-phases"] == " ".join(question.phases)
            assert normalise(question.question) in page.text


def test_deck_pdf_has_a_front_and_a_back_sheet_per_four_cards_and_every_text(site_dir, content):
    reader = PdfReader(site_dir / paths.DECK_PDF)
    dilemmas = [d for p in content.principles for d in p.dilemmas]
    assert len(reader.pages) == 2 * math.ceil(len(dilemmas) / 4)
    # Lines wrap anywhere in a long address, so compare the texts without their white space.
    text = without_space(" ".join(page.extract_text() for page in reader.pages))
    for dilemma in dilemmas:
        assert without_space(dilemma.question) in text
        assert without_space(f"Dilemma {dilemma.code}") in text   # the front, and the back:
        assert without_space(f"Gode råd · {dilemma.code}") in text
        for advice in dilemma.advice:
            assert without_space(advice.text) in text, advice.id
    assert "æ" in text and "ø" in text and "å" in text
    assert reader.metadata.title == "Dilemmakort"
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points


def advice_type_sizes(reader: PdfReader, cards: list) -> dict[str, set[float]]:
    """The size the advice is printed in on each card's back, read from the PDF (points)."""
    sizes = {card.dilemma.code: set() for card in cards}
    for sheet, page in enumerate(reader.pages[1::2]):
        def visit(text, cm, tm, font, size, sheet=sheet):
            if not text.strip() or text.strip() == "•" or not font or font.get("/BaseFont") != "/Helvetica":
                return
            x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
            column = 0 if x > deck.A4[0] / 2 else 1      # backs mirror the columns of the fronts
            row = 1 if y < deck.A4[1] / 2 else 0
            card = cards[sheet * deck.CARDS_PER_SHEET + row * deck.CARDS_PER_ROW + column]
            sizes[card.dilemma.code].add(round(size * tm[0] * cm[0], 1))
        page.extract_text(visitor_text=visit)
    return sizes


def test_every_back_is_printed_in_one_type_size(site_dir, content):
    cards = deck.cards(content)
    sizes = advice_type_sizes(PdfReader(site_dir / paths.DECK_PDF), cards)
    assert all(sizes.values()), "advice text not found on every back"
    smallest = min(sizes, key=lambda code: min(sizes[code]))
    assert len(set().union(*sizes.values())) == 1, (
        f"backs in several sizes; the smallest is {smallest} at {min(sizes[smallest])} pt: {sizes}")
    assert min(sizes[smallest]) >= 8.5, f"{smallest} is printed too small"


def test_backs_sit_behind_their_fronts_when_printed_on_both_sides():
    """Flipped on the long edge, the left column of a sheet's back lies behind its right column."""
    for slot in range(deck.CARDS_PER_SHEET):
        front_x, front_y = deck.card_position(slot, mirrored=False)
        back_x, back_y = deck.card_position(slot, mirrored=True)
        page_width = deck.A4[0]
        assert back_y == front_y
        assert math.isclose(back_x, page_width - front_x - deck.CARD_WIDTH)


def test_cards_fit_on_the_sheet_with_room_for_crop_marks():
    page_width, page_height = deck.A4
    corners = [deck.card_position(slot, mirrored=False) for slot in range(deck.CARDS_PER_SHEET)]
    room = deck.MARK_OFFSET + deck.MARK_LENGTH
    assert min(x for x, _ in corners) >= room and min(y for _, y in corners) >= room
    assert max(x for x, _ in corners) + deck.CARD_WIDTH + room <= page_width
    assert max(y for _, y in corners) + deck.CARD_HEIGHT + room <= page_height
    assert deck.sheet_count(21) == 6 and deck.sheet_count(4) == 1 and deck.sheet_count(5) == 2


def test_card_text_is_plain_and_escaped_for_the_pdf():
    assert deck._plain("Brug **netværket** & [guiden](https://x.dk) <nu>") == "Brug netværket &amp; guiden &lt;nu&gt;"
