"""What every exported PDF shares: embedded fonts, the letterhead, styles, safe metadata."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from casetracker.domain.errors import CaseTrackerError
from casetracker.export.projection import Letterhead

FONT, BOLD = "CaseTrackerSans", "CaseTrackerSans-Bold"
INK = colors.HexColor("#1b2a3a")
ACCENT = colors.HexColor("#1f6f43")
MUTED = colors.HexColor("#5b6670")


@cache
def register_fonts() -> None:
    """Embed DejaVu Sans, so accents print everywhere."""
    folder = resources.files("casetracker.resources") / "fonts"
    for name, file in ((FONT, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        with resources.as_file(folder / file) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=15, textColor=INK)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=19, leading=24,
                                spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, textColor=MUTED, fontSize=10,
                                   spaceAfter=14),
        "heading": ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=12,
                                  leading=16, textColor=ACCENT, spaceBefore=12, spaceAfter=4),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11,
                                textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=10, leading=13),
    }


def escape(text: str) -> str:
    """Text for a reportlab Paragraph (which reads a little markup)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(story: list[Flowable], *, title: str, letterhead: Letterhead,
           footer: str) -> bytes:
    """A letter-size PDF in memory; metadata names the document kind and the organisation only."""
    register_fonts()
    buffer = io.BytesIO()

    def page(canvas: Any, document: Any) -> None:
        _letterhead(canvas, letterhead)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(0.9 * inch, 0.6 * inch, footer)
        canvas.drawRightString(LETTER[0] - 0.9 * inch, 0.6 * inch, f"{document.page}")

    document = SimpleDocTemplate(
        buffer, pagesize=LETTER, leftMargin=0.9 * inch, rightMargin=0.9 * inch,
        topMargin=1.55 * inch, bottomMargin=0.95 * inch, title=title,
        author=letterhead.organisation or "Case Tracker", subject=title,
        creator="Case Tracker", producer="Case Tracker", keywords="",
        # No creation time or random file id: the same document on the same day is the same
        # file (its date is printed on the page, from the program's clock).
        invariant=True)
    try:
        document.build(story, onFirstPage=page, onLaterPages=page)
    except LayoutError as exc:
        raise CaseTrackerError(
            "a value is too long to fit on a page; shorten the longest field and try again"
        ) from exc
    return buffer.getvalue()


def _letterhead(canvas: Any, head: Letterhead) -> None:
    width, height = LETTER
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 0.28 * inch, width, 0.28 * inch, stroke=0, fill=1)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 14)
    left = 0.9 * inch
    if head.logo:
        logo = ImageReader(io.BytesIO(head.logo))
        wide, high = logo.getSize()
        box = 0.5 * inch
        scale = min(box / wide, box / high)
        canvas.drawImage(logo, left, height - 0.92 * inch, wide * scale, high * scale,
                         mask="auto")
        left += wide * scale + 0.15 * inch
    # No organisation set yet: no name at all rather than the program's ("Case Tracker"); the
    # sharing preview and the supervisor are told the details are missing.
    canvas.drawString(left, height - 0.75 * inch, head.organisation)
    canvas.setFont(FONT, 8.5)
    canvas.setFillColor(MUTED)
    lines = [line for line in head.address.splitlines() if line.strip()] + (
        [head.phone] if head.phone else [])
    for index, line in enumerate(lines[:3]):
        canvas.drawRightString(width - 0.9 * inch, height - 0.62 * inch - index * 11, line)
    canvas.setStrokeColor(colors.HexColor("#d5dbe0"))
    canvas.line(0.9 * inch, height - 1.05 * inch, width - 0.9 * inch, height - 1.05 * inch)
    canvas.restoreState()


def long_date(day: date, language: str = "en") -> str:
    if language == "es":
        months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre"]
        return f"{day.day} de {months[day.month - 1]} de {day.year}"
    return day.strftime("%B %d, %Y").replace(" 0", " ")


Renderer = Callable[..., bytes]
