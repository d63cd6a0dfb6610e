"""The data-quality dashboard: one self-contained HTML page built from the warehouse's run tables.

`render` turns what `newswire.quality.dashboard_data.collect` read into a page that loads nothing
from the network (inline CSS, charts as inline SVG, no script); `write_site` writes that page as
`index.html`. Text from the data (names, titles, reasons) is shown escaped: its markup as
text, its control characters written out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from html import escape as escape_markup
from math import ceil, floor, log10
from pathlib import Path

import duckdb

from newswire.ingest.clean import printable
from newswire.quality.dashboard_data import (
    DashboardData,
    ExpectationResult,
    FlaggedRowWithArticle,
    RunHistoryRow,
    collect,
)
from newswire.records import Rejection

# Runs shown in the charts and the row-volume table, newest last.
HISTORY = 30
DATA_DOCS = Path("data_docs") / "index.html"
# Fields of a flagged row that say what it is, shown beside its key when the row has them.
_TELLING_FIELDS = (
    "event_type", "trigger_text", "mention_text", "name", "actor_type", "value", "category",
    "timex_value", "resolved_date", "event_date", "published_at",
)
_SHOWN_FIELDS = 5


def escape(text: str) -> str:
    """Text from the data as HTML: markup escaped, control characters written out (`\\x1b`)."""
    return escape_markup(printable(text))


def write_site(con: duckdb.DuckDBPyConnection, site_dir: Path) -> Path:
    """Write the dashboard as site_dir/index.html, linking site_dir/data_docs when it is there."""
    data = collect(con)
    if (site_dir / DATA_DOCS).is_file():
        data = replace(data, data_docs_href=DATA_DOCS.as_posix())
    site_dir.mkdir(parents=True, exist_ok=True)
    page = site_dir / "index.html"
    page.write_text(render(data), encoding="utf-8")
    return page


_CRITICAL = "#c0362c"
_WARNING = "#d08a00"
_ACCENT = "#3a63c8"

_CSS = """
:root { --ink:#1d2430; --muted:#5d6676; --line:#e3e6eb; --bg:#f5f6f8; --card:#fff;
  --critical:#c0362c; --critical-bg:#fdecea; --warning:#9a6700; --warning-bg:#fff4d6;
  --pass:#2f8a4c; --pass-bg:#e7f5ec; --accent:#3a63c8; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.top { background:#1d2430; color:#fff; padding:14px 32px; display:flex; align-items:baseline;
  gap:24px; flex-wrap:wrap; }
header.top h1 { font-size:18px; margin:0; font-weight:600; letter-spacing:.2px; }
header.top nav a { color:#c9d3e6; text-decoration:none; margin-right:16px; font-size:14px; }
header.top nav a:hover { color:#fff; }
main { max-width:1200px; margin:0 auto; padding:24px 32px 48px; }
section { margin-top:28px; }
h2 { font-size:17px; margin:0 0 10px; }
h3 { font-size:15px; margin:18px 0 6px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:16px 20px; }
.status { display:flex; gap:20px; align-items:center; flex-wrap:wrap; border-left:6px solid var(--pass); }
.status.failed { border-left-color:var(--critical); }
.status.unknown { border-left-color:var(--muted); }
.verdict { font-size:28px; font-weight:700; color:var(--pass); }
.failed .verdict { color:var(--critical); }
.unknown .verdict { color:var(--muted); }
.reason { color:var(--critical); font-weight:600; }
.meta { color:var(--muted); font-size:13px; }
.kpis { display:grid; grid-template-columns:repeat(auto-fit, minmax(118px, 1fr)); gap:12px; margin-top:14px; }
.kpi { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:10px 14px; }
.kpi .n { font-size:26px; font-weight:700; font-variant-numeric:tabular-nums; }
.kpi .l { color:var(--muted); font-size:13px; }
.kpi.bad { background:var(--critical-bg); border-color:#f3c3be; } .kpi.bad .n { color:var(--critical); }
.kpi.warn { background:var(--warning-bg); border-color:#f0dc9c; } .kpi.warn .n { color:var(--warning); }
table { border-collapse:collapse; width:100%; font-size:14px; }
th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { color:var(--muted); font-weight:600; font-size:12px; text-transform:uppercase; letter-spacing:.4px; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
tr.fail td { background:#fffafa; }
.scroll { overflow-x:auto; }
.badge { display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:600;
  white-space:nowrap; }
.badge.critical { background:var(--critical-bg); color:var(--critical); }
.badge.warning { background:var(--warning-bg); color:var(--warning); }
.badge.pass { background:var(--pass-bg); color:var(--pass); }
.badge.fail { background:var(--critical); color:#fff; }
.badge.muted { background:#eceef2; color:var(--muted); }
code, .mono { font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:12.5px; }
.chip { display:inline-block; background:#f0f2f5; border-radius:4px; padding:0 5px; margin:1px 2px;
  font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:12px; max-width:28em;
  overflow:hidden; text-overflow:ellipsis; white-space:nowrap; vertical-align:bottom; }
details.suite { background:var(--card); border:1px solid var(--line); border-radius:10px; margin-bottom:10px; }
details.suite > summary { cursor:pointer; padding:10px 16px; display:flex; gap:10px; align-items:center;
  font-weight:600; }
details.suite > summary .count { color:var(--muted); font-weight:400; font-size:13px; }
details.suite > div { padding:0 16px 12px; }
.flag { border-left:4px solid var(--critical); margin-bottom:10px; }
.flag.warning { border-left-color:#e0a800; }
.flag .what { font-weight:600; }
.flag .article { margin-top:4px; }
.flag .article .title { font-style:italic; }
.flag dl { display:grid; grid-template-columns:max-content 1fr; gap:2px 12px; margin:8px 0 0; font-size:13px; }
.flag dt { color:var(--muted); } .flag dd { margin:0; }
.flag .hit { background:var(--warning-bg); border-radius:4px; padding:0 4px; font-weight:600; }
.flag details { margin-top:6px; font-size:13px; } .flag details summary { cursor:pointer; color:var(--accent); }
.charts { display:grid; grid-template-columns:1fr; gap:16px; }
.multiples { display:grid; grid-template-columns:repeat(auto-fill, minmax(260px, 1fr)); gap:12px; }
.multiples .card { padding:10px 12px; }
.multiples h3 { margin:0 0 4px; font-size:13px; }
table.volumes { font-size:13px; } table.volumes td, table.volumes th { white-space:nowrap; }
svg { display:block; width:100%; height:auto; }
.legend { display:flex; gap:14px; font-size:13px; color:var(--muted); margin-bottom:6px; }
.legend i { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:5px; }
.empty { color:var(--muted); }
a { color:var(--accent); }
"""


def render(data: DashboardData) -> str:
    """The dashboard as a complete HTML page."""
    latest = data.latest
    if latest is None:
        body = (
            '<section id="status"><div class="card status unknown"><div>'
            '<div class="verdict">No runs yet</div>'
            "<p>The warehouse has no recorded run. Run <code>newswire run</code> to load articles; "
            "their data quality shows here afterwards.</p></div></div></section>"
        )
        nav: Sequence[tuple[str, str]] = ()
    else:
        body = "".join((
            _status_section(latest, data.results),
            _flagged_section(data),
            _suites_section(data.results),
            _trends_section(data.runs[-HISTORY:]),
            _rejected_section(data.rejected),
            _volumes_section(data.runs[-HISTORY:]),
        ))
        nav = (
            ("#status", "Status"), ("#flagged", "Quarantine & findings"), ("#suites", "Expectations"),
            ("#trends", "Trends"), ("#rejected", "Rejected inputs"), ("#volumes", "Row volumes"),
        )
    links = "".join(f'<a href="{href}">{escape(text)}</a>' for href, text in nav)
    if data.data_docs_href:
        links += f'<a href="{escape(data.data_docs_href)}">Great Expectations Data Docs</a>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>newswire · data quality</title>"
        f"<style>{_CSS}</style></head><body>"
        f'<header class="top"><h1>newswire · data quality</h1><nav>{links}</nav></header>'
        f"<main>{body}</main></body></html>\n"
    )


def _status_section(run: RunHistoryRow, results: Sequence[ExpectationResult]) -> str:
    if run.status is None:
        kind, verdict = "unknown", "Not validated"
    elif run.published:
        kind, verdict = "published", "Published"
    else:
        kind, verdict = "failed", "Failed"
    reason = f'<div class="reason">{escape(run.failure_reason)}</div>' if run.failure_reason else ""
    timing = []
    if run.started_at:
        timing.append(f"started {_when(run.started_at)}")
    if run.started_at and run.finished_at:
        timing.append(f"took {(run.finished_at - run.started_at).total_seconds():.1f} s")
    if run.source:
        timing.append(f"source <code>{escape(run.source)}</code>")
    total = run.expectations if run.expectations is not None else len(results)
    failed = run.failed if run.failed is not None else sum(not r.success for r in results)
    kpis = "".join((
        _kpi(run.articles_read, "articles read"),
        _kpi(run.articles_rejected, "articles rejected", "warn"),
        _kpi(run.articles_duplicate, "duplicates"),
        _kpi(run.critical_failures, "critical failures", "bad"),
        _kpi(run.warnings, "warnings", "warn"),
        _kpi(run.quarantined_rows, "quarantined rows", "bad"),
        _kpi(run.flagged_rows, "findings (loaded)", "warn"),
        f'<div class="kpi"><div class="n">{total - failed}/{total}</div><div class="l">expectations passed</div></div>',
    ))
    return (
        '<section id="status"><h2>Latest run</h2>'
        f'<div class="card status {kind}"><div><div class="verdict">{verdict}</div>{reason}</div>'
        f'<div class="meta">run <code>{escape(run.run_id)}</code><br>{" · ".join(timing)}</div></div>'
        f'<div class="kpis">{kpis}</div></section>'
    )


def _kpi(value: int | None, label: str, alarm: str = "") -> str:
    kind = alarm if alarm and value else ""
    shown = "–" if value is None else f"{value:,}"
    return f'<div class="kpi {kind}"><div class="n">{shown}</div><div class="l">{escape(label)}</div></div>'


def _flagged_section(data: DashboardData) -> str:
    parts = ['<section id="flagged"><h2>Quarantined rows and findings of the latest run</h2>']
    parts.append(
        '<p class="meta">Quarantined rows broke a critical expectation and were not loaded; '
        "findings broke a warning and were loaded anyway.</p>"
    )
    for title, rows, empty in (
        ("Quarantined", data.quarantined, "No row was quarantined."),
        ("Findings", data.findings, "No finding."),
    ):
        parts.append(f"<h3>{title} ({len(rows)})</h3>")
        parts.append("".join(_flag_card(row) for row in rows) or f'<p class="empty">{empty}</p>')
    parts.append("</section>")
    return "".join(parts)


def _flag_card(row: FlaggedRowWithArticle) -> str:
    severity = "warning" if row.severity == "warning" else "critical"
    what = escape(row.description or row.expectation)
    article = ""
    if row.article_id or row.external_id or row.title:
        pieces = [f"article <b>{escape(row.external_id or row.article_id or '')}</b>"]
        if row.title:
            pieces.append(f'<span class="title">{escape(row.title)}</span>')
        if row.published_at:
            pieces.append(f"published {escape(row.published_at)}")
        article = f'<div class="article">{" · ".join(pieces)}</div>'
    details = [f"<dt>table</dt><dd><code>{escape(row.table_name)}</code></dd>",
               f"<dt>key</dt><dd><code>{escape(row.row_key)}</code></dd>",
               f"<dt>expectation</dt><dd><code>{escape(row.expectation)}</code></dd>"]
    if row.column_name:
        value = row.checked_value
        shown = f' = <span class="hit">{escape(value)}</span>' if value is not None else ""
        details.append(f"<dt>column</dt><dd><code>{escape(row.column_name)}</code>{shown}</dd>")
    details += [f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>" for name, value in _telling_fields(row)]
    everything = "".join(f"<dt>{escape(k)}</dt><dd class=\"mono\">{escape(v)}</dd>" for k, v in row.fields)
    full = f"<details><summary>whole row</summary><dl>{everything}</dl></details>" if row.fields else ""
    return (
        f'<div class="card flag {severity}"><div class="what"><span class="badge {severity}">{severity}</span> '
        f"{what}</div>{article}<dl>{''.join(details)}</dl>{full}</div>"
    )


def _telling_fields(row: FlaggedRowWithArticle) -> tuple[tuple[str, str], ...]:
    values = dict(row.fields)
    names = [n for n in _TELLING_FIELDS if n in values and n != row.column_name and values[n] != "null"]
    return tuple((n, values[n]) for n in names[:_SHOWN_FIELDS])


def _suites_section(results: Sequence[ExpectationResult]) -> str:
    parts = ['<section id="suites"><h2>Expectations of the latest run, by suite</h2>']
    suites: dict[str, list[ExpectationResult]] = {}
    for result in results:
        suites.setdefault(result.suite, []).append(result)
    if not suites:
        parts.append('<p class="empty">The latest run has no expectation results.</p>')
    for suite, rows in suites.items():
        failed = [r for r in rows if not r.success]
        critical = sum(r.severity == "critical" for r in failed)
        badges = (
            (f'<span class="badge critical">{critical} critical</span>' if critical else "")
            + (f'<span class="badge warning">{len(failed) - critical} warning</span>' if len(failed) > critical else "")
            or '<span class="badge pass">all pass</span>'
        )
        lines = "".join(_result_line(r) for r in rows)
        parts.append(
            f'<details class="suite"{" open" if failed else ""}><summary>{escape(suite)} {badges}'
            f'<span class="count">{_plural(len(rows), "expectation")}, {len(failed)} failed</span></summary>'
            '<div class="scroll"><table><thead><tr><th>result</th><th>severity</th><th>expectation</th>'
            '<th>column</th><th>description</th><th class="num">unexpected</th><th>sample</th></tr></thead>'
            f"<tbody>{lines}</tbody></table></div></details>"
        )
    parts.append("</section>")
    return "".join(parts)


def _result_line(result: ExpectationResult) -> str:
    outcome = '<span class="badge pass">pass</span>' if result.success else '<span class="badge fail">fail</span>'
    sample = "".join(f'<span class="chip" title="{escape(v)}">{escape(v)}</span>' for v in result.unexpected_sample)
    return (
        f'<tr class="{"" if result.success else "fail"}"><td>{outcome}</td>'
        f'<td><span class="badge {escape(result.severity)}">{escape(result.severity)}</span></td>'
        f"<td><code>{escape(result.expectation)}</code></td><td><code>{escape(result.column_name or '')}</code></td>"
        f"<td>{escape(result.description or '')}</td>"
        f'<td class="num">{result.unexpected_count:,} / {result.element_count:,}</td><td>{sample}</td></tr>'
    )


def _trends_section(runs: Sequence[RunHistoryRow]) -> str:
    labels = [_label(run) for run in runs]
    tips = [f"run {run.run_id[:8]} · {_when(run.when) if run.when else 'no start time'}" for run in runs]
    failures = _bar_chart(
        labels, tips,
        (("critical", _CRITICAL, [run.critical_failures or 0 for run in runs]),
         ("warning", _WARNING, [run.warnings or 0 for run in runs])),
        width=900, height=220, title="Failed expectations per run",
    )
    tables = _tables(runs)
    multiples = "".join(
        f'<div class="card"><h3>{escape(table)}</h3>'
        + _bar_chart(labels, tips, ((table, _ACCENT, [dict(run.row_counts).get(table, 0) for run in runs]),),
                     width=300, height=100, title=f"rows of {table} per run", x_labels=False)
        + "</div>"
        for table in tables
    )
    legend = (f'<div class="legend"><span><i style="background:{_CRITICAL}"></i>critical</span>'
              f'<span><i style="background:{_WARNING}"></i>warning</span></div>')
    return (
        f'<section id="trends"><h2>Trends over the last {_plural(len(runs), "run")}</h2>'
        f'<div class="charts"><div class="card"><h3 style="margin-top:0">Failed expectations per run</h3>'
        f"{legend}{failures}</div></div>"
        f'<h3>Rows loaded per table and run</h3><div class="multiples">'
        f'{multiples or "<p class=empty>No run recorded row counts.</p>"}</div></section>'
    )


def _bar_chart(
    labels: Sequence[str],
    tips: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[int]]],
    width: int,
    height: int,
    title: str,
    x_labels: bool = True,
) -> str:
    """Stacked bars, one per run, as inline SVG; each bar's tooltip gives its numbers."""
    left, right, top, bottom = 44, 8, 10, 24 if x_labels else 6
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(values[i] for _, _, values in series) for i in range(len(labels))]
    ceiling = _nice_ceiling(max(totals, default=0))
    band = plot_w / max(len(labels), 1)
    bar = min(band * 0.7, 36)
    out = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
           f'font-size="11" font-family="system-ui, sans-serif">']
    for tick in (0, ceiling / 2, ceiling):
        y = top + plot_h - plot_h * tick / ceiling
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e6eb"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#5d6676">{_short(tick)}</text>')
    every = ceil(len(labels) / max(1, plot_w // 110))
    for i, label in enumerate(labels):
        x = left + band * i + (band - bar) / 2
        y = top + plot_h
        parts = [f"{name} {values[i]:,}" for name, _, values in series]
        out.append(f"<g><title>{escape(tips[i])}: {escape(', '.join(parts))}</title>")
        out.append(f'<rect x="{left + band * i:.1f}" y="{top}" width="{band:.1f}" height="{plot_h}" fill="transparent"/>')
        for _, color, values in series:
            h = plot_h * values[i] / ceiling
            if h > 0:
                y -= h
                out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{color}" rx="2"/>')
        out.append("</g>")
        if x_labels and i % every == 0:
            out.append(f'<text x="{x + bar / 2:.1f}" y="{height - 6}" text-anchor="middle" fill="#5d6676">'
                       f"{escape(label)}</text>")
    out.append("</svg>")
    return "".join(out)


def _nice_ceiling(value: float) -> int:
    """The top of an axis for value: 1, 2, 4, 6 or 8 times a power of ten, at least 2, so its half is whole."""
    if value <= 2:
        return 2
    power = 10 ** floor(log10(value))
    return next(step * power for step in (1, 2, 4, 6, 8, 10) if step * power >= value)


def _short(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 1_000:
        return f"{value / 1_000:g}k"
    return f"{value:g}"


def _rejected_section(rejected: Sequence[Rejection]) -> str:
    if not rejected:
        table = '<p class="empty">No input was rejected in the latest run.</p>'
    else:
        lines = "".join(f"<tr><td><code>{escape(r.input_path)}</code></td><td>{escape(r.reason)}</td></tr>"
                        for r in rejected)
        table = (f'<div class="card scroll"><table><thead><tr><th>input</th><th>reason</th></tr></thead>'
                 f"<tbody>{lines}</tbody></table></div>")
    return f'<section id="rejected"><h2>Rejected inputs of the latest run ({len(rejected)})</h2>{table}</section>'


def _volumes_section(runs: Sequence[RunHistoryRow]) -> str:
    tables = _tables(runs)
    head = "".join(f'<th class="num">{escape(t)}</th>' for t in tables)
    lines = []
    for run in reversed(runs):
        counts = dict(run.row_counts)
        if run.status is None:
            status = '<span class="badge muted">not validated</span>'
        elif run.published:
            status = '<span class="badge pass">published</span>'
        else:
            status = f'<span class="badge fail" title="{escape(run.status)}">failed</span>'
        cells = "".join(f'<td class="num">{_count(counts.get(t))}</td>' for t in tables)
        lines.append(
            f"<tr><td>{run.when.strftime('%Y-%m-%d %H:%M') if run.when else ''}</td><td><code>{escape(run.run_id[:8])}</code></td>"
            f'<td>{status}</td><td class="num">{_count(run.articles_read)}</td>'
            f'<td class="num">{_count(run.articles_rejected)}</td><td class="num">{_count(run.quarantined_rows)}</td>'
            f'<td class="num">{_count(run.flagged_rows)}</td>{cells}</tr>'
        )
    return (
        '<section id="volumes"><h2>Row volumes per table and run</h2>'
        '<p class="meta">Rows per table that each run loaded, newest first; a failed run loaded none of the rows it counts.</p>'
        '<div class="card scroll"><table class="volumes"><thead><tr><th>started</th><th>run</th><th>status</th>'
        '<th class="num">read</th><th class="num">rejected</th><th class="num">quarantined</th>'
        f'<th class="num">findings</th>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table></div></section>'
    )


def _tables(runs: Sequence[RunHistoryRow]) -> list[str]:
    """Every table with row counts, in the order of the newest run that has it."""
    tables: list[str] = []
    for run in reversed(runs):
        tables += [table for table, _ in run.row_counts if table not in tables]
    return tables


def _label(run: RunHistoryRow) -> str:
    return run.when.strftime("%m-%d %H:%M") if run.when else run.run_id[:8]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _count(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")
