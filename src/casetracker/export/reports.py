"""Reports: the caseload audit (staff) and the outcome report (funders), as PDF and CSV,
with the funnel drawn once as a reportlab chart that the dashboard also shows."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from casetracker.domain.employment import WORKSHOP_LABELS, WorkshopTopic
from casetracker.domain.reports import (
    METRIC_LABELS,
    METRICS,
    SUPPRESSION_NOTE,
    TOPICS_TOTAL,
    Funnel,
    ManagerFigures,
    Outcomes,
    outcome_measures,
    shown,
    suppress_outcomes,
    topic_key,
    withheld_reason,
)
from casetracker.export.pdf_common import (
    ACCENT,
    FONT,
    escape,
    long_date,
    register_fonts,
    render,
    styles,
)
from casetracker.export.projection import Letterhead


def funnel_chart(funnel: Funnel, width: float = 460, height: float = 190,
                 names: Mapping[str, str] | None = None) -> Drawing:
    """The placement funnel as horizontal bars (for PDFs, and as SVG for the dashboard).

    `names` gives a step's name in the reader's language (the screen's), else English.
    """
    steps = funnel.steps()
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 120, 12
    chart.width, chart.height = width - 150, height - 24
    chart.data = [[count for _, count in reversed(steps)]]
    chart.categoryAxis.categoryNames = [(names or {}).get(label, label)
                                        for label, _ in reversed(steps)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _table(rows: list[list[str]], widths: list[float]) -> Table:
    s = styles()
    # Headings in a smaller size, so that words like "outstanding" fit a column unbroken.
    head = ParagraphStyle("head", parent=s["cell"], fontSize=8.5, leading=11)
    table = Table([[Paragraph(escape(cell), head if index == 0 else s["cell"]) for cell in row]
                   for index, row in enumerate(rows)], colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, "#f3f6f8"])]))
    return table


def caseload_rows(figures: list[ManagerFigures]) -> list[list[str]]:
    header = ["Case manager", *(METRIC_LABELS[m] for m in METRICS)]
    return [header] + [[f.case_manager or "(unassigned)",
                        *(str(getattr(f, m)) for m in METRICS)] for f in figures]


def safe_cell(value: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ (or a tab or return) as a formula:
    such cells get a leading apostrophe, which spreadsheets show as plain text."""
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def write_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[safe_cell(str(cell)) for cell in row] for row in rows])
    return buffer.getvalue()


def caseload_csv(figures: list[ManagerFigures]) -> str:
    return write_csv(caseload_rows(figures))


def caseload_pdf(figures: list[ManagerFigures], funnel: Funnel, head: Letterhead,
                 today: date, audit_line: str = "") -> bytes:
    """`audit_line` states the audit trail's head and its countersigning, on paper, so that a
    later rollback of the files contradicts a printed page."""
    s = styles()
    story: list[Flowable] = [
        Paragraph("Caseload audit", s["title"]),
        Paragraph(escape(f"{long_date(today)} · for supervision; names no survivor"),
                  s["subtitle"]),
        *([Paragraph(escape(audit_line), s["small"])] if audit_line else []),
        _table(caseload_rows(figures), [1.0 * inch] + [0.95 * inch] * len(METRICS)),
        Paragraph("Placement funnel (everyone ever in the program)", s["heading"]),
        funnel_chart(funnel),
    ]
    for days in (30, 60, 90):
        rate = funnel.retention_rate(days)
        story.append(Paragraph(escape(
            f"Retained {days} days: " + ("no placements yet" if rate is None
                                         else f"{rate:.0%} of those placed")), s["body"]))
    return render(story, title="Caseload audit", letterhead=head, footer="Internal: supervision")


def outcome_rows(result: Outcomes) -> list[list[str]]:
    """The report's lines; a figure is withheld when `result.hidden` names it (counted
    across the shorter periods inside this one), or by the report's own rules."""
    topics = [t.value for t in WorkshopTopic]
    measures = outcome_measures({
        "participants": result.participants,
        "completed_a_workshop": result.completed_a_workshop,
        "internships": result.internships, "placements": result.placements,
        "retained_30": result.retained_30, "retained_60": result.retained_60,
        "retained_90": result.retained_90,
        "completions_by_topic": result.completions_by_topic}, topics)
    hidden = suppress_outcomes(measures, result.hidden)
    own = suppress_outcomes(measures, frozenset())  # what this report alone would withhold

    def cell(name: str, words: str) -> list[str]:
        # The count, and beside a withheld one the reason it is not shown: withheld only
        # because of the shorter periods' reports, or by this report's own figures.
        return [words, shown(measures[name], name in hidden),
                withheld_reason(measures[name], name in hidden, name not in own)]

    rows = [["Measure", "People", "Why not shown"],
            cell("participants", "Took part in readiness workshops"),
            cell("completed_a_workshop", "Completed at least one workshop"),
            cell("internships", "Started a paid internship"),
            cell("placements", "Placed in a job"),
            cell("retained_30", "Still employed after 30 days"),
            cell("retained_60", "Still employed after 60 days"),
            cell("retained_90", "Still employed after 90 days"),
            cell(TOPICS_TOTAL, "Workshop completions, all topics")]
    rows += [cell(topic_key(t), f"  {WORKSHOP_LABELS[WorkshopTopic(t)]}") for t in topics]
    return rows


def outcomes_csv(result: Outcomes) -> str:
    return write_csv([["period", f"{result.period.label}: {result.start.isoformat()} to "
                                 f"{result.end.isoformat()}"],
                      *outcome_rows(result), ["note", SUPPRESSION_NOTE]])


def outcomes_pdf(result: Outcomes, head: Letterhead, today: date) -> bytes:
    s = styles()
    story: list[Flowable] = [
        Paragraph("Outcomes report", s["title"]),
        Paragraph(escape(f"{result.period.label}: {long_date(result.start)} to "
                         f"{long_date(result.end)}"), s["subtitle"]),
        _table(outcome_rows(result), [3.2 * inch, 0.8 * inch, 2.5 * inch]),
        Spacer(1, 12),
        Paragraph("Counts only; no person is listed. " + SUPPRESSION_NOTE, s["small"]),
    ]
    return render(story, title="Outcomes report", letterhead=head,
                  footer=f"Prepared {long_date(today)}")


def funnel_svg(funnel: Funnel, names: Mapping[str, str] | None = None) -> bytes:
    """The same funnel drawing, as SVG for the dashboard on screen."""
    from reportlab.graphics import renderSVG

    register_fonts()
    svg: str = renderSVG.drawToString(funnel_chart(funnel, names=names), useClip=True)
    return svg.encode("utf-8")
