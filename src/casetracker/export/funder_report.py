"""The funder report as CSV (laid out as OVC's TIMS performance measures read: a section, a
measure, a value) and as PDF with a chart, every count suppressed as `domain.reports` says."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Spacer

from casetracker.domain.employment import Industry
from casetracker.domain.funder_report import (
    INDUSTRY_LABELS,
    TRAFFICKING_LABELS,
    FunderFigures,
)
from casetracker.domain.reports import (
    SMALL,
    SUPPRESSION_NOTE,
    shown,
    suppress_chain,
    suppress_partition,
)
from casetracker.domain.service_log import SERVICE_LABELS, ServiceType
from casetracker.domain.survivors import TraffickingType
from casetracker.export.pdf_common import ACCENT, FONT, escape, long_date, render, styles
from casetracker.export.projection import Letterhead
from casetracker.export.reports import _table, write_csv

DEFINITIONS = (
    "Served: anything was done with the survivor in the period (intake, a service, a check-in, "
    "a workshop attended, a contact that reached them, a placement step). New: intake in the "
    "period; the others served are continuing. Adult or minor: age on the day of intake. "
    "Services count each survivor once per type (people) and every service (contacts); "
    "check-ins count as case management and workshop attendance as employment readiness. "
    "Employers: where a survivor interviewed, interned or was hired in the period.")


@dataclass(frozen=True, slots=True)
class Line:
    section: str
    measure: str
    value: str
    count: int | None = None  # the number behind `value` when it is shown, for the chart


def _partition(section: str, total: int, parts: list[tuple[str, int]]) -> list[Line]:
    hidden = suppress_partition([n for _, n in parts], total)
    return [Line(section, label, shown(n, h), None if h else n)
            for (label, n), h in zip(parts, hidden, strict=True)]


def _small(count: int) -> bool:
    return 0 < count < SMALL


def lines(figures: FunderFigures) -> list[Line]:
    """Every measure of the report, in order, as printed (suppressed)."""
    served = figures.served
    hide_served = _small(served)
    out = [Line("Clients served", "Survivors served", shown(served, hide_served),
                None if hide_served else served)]
    out += _partition("Clients served", served, [("New", figures.new),
                                                 ("Continuing", figures.continuing)])
    out += _partition("Age at intake", served, [
        ("Adults (18 and over)", figures.age_groups.get("adult", 0)),
        ("Minors (under 18)", figures.age_groups.get("minor", 0)),
        ("Age not recorded", figures.age_groups.get("unknown", 0))])
    out += _partition("Trafficking type", served, [
        (TRAFFICKING_LABELS[t], figures.trafficking.get(t, 0))
        for t in (TraffickingType.SEX, TraffickingType.LABOR, TraffickingType.LABOR_AND_SEX,
                  TraffickingType.AT_RISK, TraffickingType.UNKNOWN)])
    for kind in ServiceType:
        people = figures.service_people.get(kind, 0)
        contacts = figures.service_contacts.get(kind, 0)
        # A small number of contacts can tell as much as a small number of people.
        hide = _small(people) or _small(contacts)
        out.append(Line("Services (people)", SERVICE_LABELS[kind], shown(people, hide),
                        None if hide else people))
        out.append(Line("Services (contacts)", SERVICE_LABELS[kind], shown(contacts, hide),
                        None if hide else contacts))
    chain = [figures.placed, *(figures.retained[d] for d in (30, 60, 90))]
    hidden = suppress_chain(chain)
    hide_internships = _small(figures.internships_started)
    out.append(Line("Placement outcomes", "Started a paid internship",
                    shown(figures.internships_started, hide_internships)))
    out += [Line("Placement outcomes", label, shown(n, h)) for label, n, h in zip(
        ("Placed in a job", "Retained 30 days", "Retained 60 days", "Retained 90 days"),
        chain, hidden, strict=True)]
    industries = [(INDUSTRY_LABELS[i], figures.employers_by_industry.get(i, 0))
                  for i in Industry]
    total = sum(n for _, n in industries)
    out.append(Line("Employers", "Employers hosting survivors", shown(total, _small(total))))
    out += _partition("Employers by industry", total, industries)
    port = figures.port_related
    out.append(Line("Employers by industry",
                    "Port-related together (maritime, aviation, warehousing and logistics)",
                    shown(port, _small(port))))
    return out


def funder_csv(figures: FunderFigures) -> str:
    period = figures.period
    rows = [["Report", "Funder report"],
            ["Reporting period", f"{period.label}: {period.start.isoformat()} to "
                                 f"{period.end.isoformat()}"],
            ["Section", "Measure", "Value"],
            *([line.section, line.measure, line.value] for line in lines(figures)),
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


def funder_pdf(figures: FunderFigures, head: Letterhead, today: date) -> bytes:
    s = styles()
    found = lines(figures)
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
