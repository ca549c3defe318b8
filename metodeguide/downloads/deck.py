"""The printable dilemma card deck: a PDF drawn at build with reportlab, from the content alone.

A4 sheets with four cards each, fronts and backs on alternating sheets. For duplex printing
(flip on the long edge) a card's back sits in the mirrored column, so it lands behind its front.
Crop marks at every card corner show where to cut. Words on the cards other than the content's
come from ``templates/deck_labels.yml``.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, ListFlowable, Paragraph

from ..model import Content, Dilemma, Principle
from ..words import template_words

CARD_WIDTH, CARD_HEIGHT = 90 * mm, 128 * mm
GUTTER = 12 * mm                      # room between cards for the crop marks
CARDS_PER_ROW, ROWS = 2, 2
CARDS_PER_SHEET = CARDS_PER_ROW * ROWS
MARK_OFFSET, MARK_LENGTH = 1.5 * mm, 4 * mm
PADDING = 5 * mm                      # text stays this far inside the cut line
INK = HexColor("#1a237e")             # the site's indigo, dark enough to read in greyscale

FONT, BOLD = "Helvetica", "Helvetica-Bold"   # standard PDF fonts: WinAnsi covers æ, ø, å and –
STYLES = {
    "small": ParagraphStyle("small", fontName=FONT, fontSize=8.5, leading=11, textColor=INK),
    "label": ParagraphStyle("label", fontName=BOLD, fontSize=10, leading=13, textColor=INK, spaceAfter=6),
    "question": ParagraphStyle("question", fontName=BOLD, fontSize=15, leading=19, spaceBefore=8),
    "reminder": ParagraphStyle("reminder", fontName="Helvetica-Oblique", fontSize=9, leading=12, spaceAfter=6),
    "advice": ParagraphStyle("advice", fontName=FONT, fontSize=10.5, leading=13, spaceAfter=5),
}
# All backs share one type size: the largest at which every back fits, but never below this share
# of the normal size. Only a back that cannot fit even then is shrunk on its own.
SMALLEST_BACK_SCALE = 0.84            # 10.5 pt advice becomes 8.8 pt at the least
BACK_SCALE_STEP = 0.01


@dataclass(frozen=True)
class Card:
    number: int
    principle: Principle
    dilemma: Dilemma
    phase_names: tuple[str, ...]


def cards(content: Content) -> list[Card]:
    """Every dilemma in the content, in principle order."""
    found = [(p, d) for p in content.principles for d in p.dilemmas]
    return [Card(number, principle, dilemma, tuple(content.phase_names(dilemma.phases)))
            for number, (principle, dilemma) in enumerate(found, start=1)]


def sheet_count(card_total: int) -> int:
    """Sheets of paper: each holds four fronts and, on its other side, four backs."""
    return -(-card_total // CARDS_PER_SHEET)


def dilemma_deck_pdf(content: Content) -> bytes:
    labels = template_words("deck_labels")
    deck = cards(content)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
    canvas.setTitle(labels["title"])
    canvas.setAuthor(labels["author"])
    canvas.setSubject(labels["subject"])
    scale = back_type_scale(deck, labels)
    for start in range(0, len(deck), CARDS_PER_SHEET):
        sheet = deck[start:start + CARDS_PER_SHEET]
        _draw_sheet(canvas, sheet, lambda card, x, y: _draw_front(canvas, card, len(deck), x, y, labels), mirrored=False)
        _draw_sheet(canvas, sheet, lambda card, x, y: _draw_back(canvas, card, x, y, labels, scale), mirrored=True)
    canvas.save()
    return buffer.getvalue()


def card_position(slot: int, mirrored: bool) -> tuple[float, float]:
    """Lower-left corner of the card in ``slot`` (0-3, reading order); backs mirror the columns."""
    column, row = slot % CARDS_PER_ROW, slot // CARDS_PER_ROW
    if mirrored:
        column = CARDS_PER_ROW - 1 - column
    page_width, page_height = A4
    left = (page_width - CARDS_PER_ROW * CARD_WIDTH - GUTTER) / 2
    bottom = (page_height - ROWS * CARD_HEIGHT - GUTTER) / 2
    x = left + column * (CARD_WIDTH + GUTTER)
    y = bottom + (ROWS - 1 - row) * (CARD_HEIGHT + GUTTER)
    return x, y


def _draw_sheet(canvas: Canvas, sheet: list[Card], draw_card, mirrored: bool) -> None:
    for slot, card in enumerate(sheet):
        x, y = card_position(slot, mirrored)
        _crop_marks(canvas, x, y)
        canvas.setStrokeColor(HexColor("#c5cae9"))
        canvas.setLineWidth(0.5)
        canvas.rect(x, y, CARD_WIDTH, CARD_HEIGHT)   # a faint edge, for those who cut by eye
        draw_card(card, x, y)
    canvas.showPage()


def _crop_marks(canvas: Canvas, x: float, y: float) -> None:
    canvas.setStrokeColor(HexColor("#000000"))
    canvas.setLineWidth(0.4)
    for corner_x, away_x in ((x, -1), (x + CARD_WIDTH, 1)):
        for corner_y, away_y in ((y, -1), (y + CARD_HEIGHT, 1)):
            near, far = MARK_OFFSET, MARK_OFFSET + MARK_LENGTH
            canvas.line(corner_x + away_x * near, corner_y, corner_x + away_x * far, corner_y)
            canvas.line(corner_x, corner_y + away_y * near, corner_x, corner_y + away_y * far)


def _draw_front(canvas: Canvas, card: Card, total: int, x: float, y: float, labels: dict) -> None:
    principle = f"{labels['principle']} {card.principle.number}: {card.principle.title}"
    story = [
        Paragraph(_plain(f"{labels['front_label']} {card.dilemma.code}"), STYLES["label"]),
        Paragraph(_plain(principle), STYLES["small"]),
        Paragraph(_plain(card.dilemma.question), STYLES["question"]),
    ]
    footer = [
        Paragraph(_plain(f"{labels['phases']}: {', '.join(card.phase_names)}"), STYLES["small"]),
        Paragraph(_plain(labels["card_of"].format(number=card.number, total=total)), STYLES["small"]),
    ]
    _fill(canvas, story, x, y + 18 * mm, CARD_HEIGHT - 18 * mm)
    _fill(canvas, footer, x, y, 20 * mm)


def _draw_back(canvas: Canvas, card: Card, x: float, y: float, labels: dict, scale: float) -> None:
    _fill(canvas, _back_story(card, labels, scale), x, y, CARD_HEIGHT)


def _back_story(card: Card, labels: dict, scale: float) -> list:
    styles = {name: _scaled(STYLES[name], scale) for name in ("label", "reminder", "advice")}
    advice = ListFlowable([Paragraph(_plain(a.text), styles["advice"]) for a in card.dilemma.advice],
                          bulletType="bullet", start="•", leftIndent=10 * scale, bulletFontName=FONT,
                          bulletFontSize=styles["advice"].fontSize)
    return [
        Paragraph(_plain(f"{labels['back_label']} · {card.dilemma.code}"), styles["label"]),
        Paragraph(_plain(card.dilemma.question), styles["reminder"]),
        advice,
    ]


def back_type_scale(deck: list[Card], labels: dict) -> float:
    """The largest share of the normal type size at which every back fits (not below the floor)."""
    scale = 1.0
    while scale > SMALLEST_BACK_SCALE and not all(_fits(_back_story(card, labels, scale)) for card in deck):
        scale = round(scale - BACK_SCALE_STEP, 2)
    return max(scale, SMALLEST_BACK_SCALE)


def _scaled(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{scale}", parent=style, fontSize=style.fontSize * scale,
                          leading=style.leading * scale, spaceBefore=style.spaceBefore * scale,
                          spaceAfter=style.spaceAfter * scale)


def _inner_box(height: float) -> tuple[float, float]:
    return CARD_WIDTH - 2 * PADDING, height - PADDING * 1.6


def _fits(story: list) -> bool:
    """Whether the story fits a card's box at its own size: laid out on a scratch canvas, never kept."""
    frame = _card_frame(0, 0, CARD_HEIGHT)
    scratch = Canvas(io.BytesIO())
    return all(frame.add(flowable, scratch, trySplit=0) for flowable in story)


def _card_frame(x: float, y: float, height: float) -> Frame:
    return Frame(x, y, CARD_WIDTH, height, leftPadding=PADDING, rightPadding=PADDING,
                 topPadding=PADDING, bottomPadding=PADDING * 0.6, showBoundary=0)


def _fill(canvas: Canvas, story: list, x: float, y: float, height: float) -> None:
    """Lay the story out in the card's box, shrinking the type if it would not fit."""
    inner_width, inner_height = _inner_box(height)
    _card_frame(x, y, height).addFromList([KeepInFrame(inner_width, inner_height, story, mode="shrink")], canvas)


def _plain(markdown: str) -> str:
    """Markdown emphasis and links as plain text, escaped for reportlab's paragraph markup."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    text = re.sub(r"\*\*?([^*]+)\*\*?", r"\1", text)
    return escape(" ".join(text.split()), quote=False)

