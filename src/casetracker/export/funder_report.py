"""The funder report as CSV (laid out as OVC's TIMS performance measures read: a section, a
measure, a value) and as PDF with a chart, every count suppressed as `domain.reports` says."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Spacer

from casetracker.domain.employment import Industry
from casetracker.domain.funder_report import (
    GENDER_ORDER,
    GENDER_REPORT_LABELS,
    INDUSTRY_LABELS,
    TRAFFICKING_LABELS,
    TRAFFICKING_ORDER,
    FunderFigures,
    gender_key,
    measures,
    service_kinds,
    suppress_funder,
)
from casetracker.domain.reports import SUPPRESSION_NOTE, shown
from casetracker.domain.service_log import kind_label
from casetracker.export.pdf_common import ACCENT, FONT, escape, long_date, render, styles
from casetracker.export.projection import Letterhead
from casetracker.export.reports import _table, write_csv

DEFINITIONS = (
    "Served: anything was done with the survivor in the period (intake, a service, a check-in, "
    "a workshop attended, a contact that reached them, a placement step). New: intake in the "
    "period; the others served are continuing. Adult or minor: age on the day of intake. "
    "Services count each survivor once per type (people) and every service (contacts); "
    "check-ins count as case management and workshop attendance as employment readiness. "
    "Gender: as the survivor gave it, if they did; self-described genders are counted "
    "together and their words never printed. Apprenticeships: pre- and registered, started "
    "in the period, and completed in it. "
    "Employers: where a survivor interviewed, interned, was an apprentice or was hired in the "
    "period.")


@dataclass(frozen=True, slots=True)
class Line:
    section: str
    measure: str
    value: str
    count: int | None = None  # the number behind `value` when it is shown, for the chart


def lines(figures: FunderFigures, hidden: AbstractSet[str] | None = None) -> list[Line]:
    """Every measure of the report, in order, as printed: the figures `hidden` names (by
    default, what `suppress_funder` withholds in this period alone) as "<5" or "*"."""
    found = measures(figures)
    withheld = suppress_funder(found, frozenset()) if hidden is None else hidden

    def line(section: str, measure: str, name: str) -> Line:
        count = found[name]
        return Line(section, measure, shown(count, name in withheld),
                    None if name in withheld else count)

    out = [line("Clients served", "Survivors served", "served"),
           line("Clients served", "New", "new"),
           line("Clients served", "Continuing", "continuing")]
    out += [line("Age at intake", text, f"age:{group}") for group, text in (
        ("adult", "Adults (18 and over)"), ("minor", "Minors (under 18)"),
        ("unknown", "Age not recorded"))]
    out += [line("Trafficking type", TRAFFICKING_LABELS[t], f"trafficking:{t.value}")
            for t in TRAFFICKING_ORDER]
    out += [line("Gender", GENDER_REPORT_LABELS[g], gender_key(g)) for g in GENDER_ORDER]
    for kind in service_kinds(figures):
        out.append(line("Services (people)", kind_label(kind), f"people:{kind}"))
        out.append(line("Services (contacts)", kind_label(kind), f"contacts:{kind}"))
    out += [line("Placement outcomes", text, name) for name, text in (
        ("internships", "Started a paid internship"),
        ("apprenticeships", "Started an apprenticeship"),
        ("apprenticeships_completed", "Completed an apprenticeship"),
        ("placed", "Placed in a job"),
        ("retained_30", "Retained 30 days"), ("retained_60", "Retained 60 days"),
        ("retained_90", "Retained 90 days"))]
    out.append(line("Employers", "Employers hosting survivors", "employers"))
    out += [line("Employers by industry", INDUSTRY_LABELS[i], f"industry:{i.value}")
            for i in Industry]
    out.append(line("Employers by industry",
                    "Port-related together (maritime, aviation, warehousing and logistics)",
                    "port_related"))
    return out


def funder_csv(figures: FunderFigures, hidden: AbstractSet[str] | None = None) -> str:
    period = figures.period
    rows = [["Report", "Funder report"],
            ["Reporting period", f"{period.label}: {period.start.isoformat()} to "
                                 f"{period.end.isoformat()}"],
            ["Section", "Measure", "Value"],
            *([line.section, line.measure, line.value] for line in lines(figures, hidden)),
            ["Definitions", DEFINITIONS], ["Note", SUPPRESSION_NOTE]]
    return write_csv(rows)


def services_chart(found: list[Line], width: float = 460, height: float = 230) -> Drawing:
    """People served by each type of service; a suppressed count draws no bar, and its
    name says "<5" or "*" instead."""
    people = [line for line in found if line.section == "Services (people)"]
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 190, 10
    chart.width, chart.height = width - 215, height - 20
    chart.data = [[line.count or 0 for line in reversed(people)]]
    chart.categoryAxis.categoryNames = [
        line.measure if line.count is not None else f"{line.measure} ({line.value})"
        for line in reversed(people)]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName = FONT
        axis.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def funder_pdf(figures: FunderFigures, hidden: AbstractSet[str] | None, head: Letterhead,
               today: date) -> bytes:
    s = styles()
    found = lines(figures, hidden)
    period = figures.period
    story: list[Flowable] = [
        Paragraph("Funder report", s["title"]),
        Paragraph(escape(f"{period.label}: {long_date(period.start)} to "
                         f"{long_date(period.end)}"), s["subtitle"])]
    widths = [4.6 * inch, 1.4 * inch]
    sections: dict[str, list[Line]] = {}
    for line in found:
        sections.setdefault(line.section, []).append(line)
    contacts = {line.measure: line.value for line in sections.pop("Services (contacts)")}
    for section, members in sections.items():
        if section == "Services (people)":
            story += [Paragraph("Services", s["heading"]), _table(
                [["Service", "People", "Contacts"],
                 *([m.measure, m.value, contacts[m.measure]] for m in members)],
                [3.8 * inch, 1.1 * inch, 1.1 * inch])]
            continue
        story += [Paragraph(escape(section), s["heading"]),
                  _table([["Measure", "Count"], *([m.measure, m.value] for m in members)],
                         widths)]
    story += [Paragraph("People served by type of service", s["heading"]),
              services_chart(found), Spacer(1, 10),
              Paragraph(escape("Counts only; no person is listed. " + DEFINITIONS + " "
                               + SUPPRESSION_NOTE), s["small"])]
    return render(story, title="Funder report", letterhead=head,
                  footer=f"Prepared {long_date(today)}")
