"""What validation decides: which staged rows are published, quarantined or kept as findings.

Great Expectations checks one table at a time, so the rules that span tables (a mention's
offsets give its text in the article body, an event is not dated after its article's
publication, every fact's keys exist) are computed here as check columns that the suites in
`expectations/` then state. A row that breaks a critical expectation is quarantined with the
expectation and its description, together with the rows that depend on it; a row that breaks a
warning is published and recorded as a finding. A run fails, publishing nothing, when a
critical expectation fails for the table as a whole or too large a share of rows is quarantined.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from newswire.extract.geocode import country_codes
from newswire.load.staging import StagedBatch
from newswire.outlines import country_bounds, within
from newswire.quality.validate import SAMPLE_SIZE, ExpectationOutcome, critical_failures
from newswire.records import FlaggedRow

# Above this share of staged rows quarantined, a run fails rather than publish a thin batch.
MAX_QUARANTINED_SHARE = 0.05
MENTION_TABLES = ("actor_mentions", "date_mentions", "figures", "events")
# The checks on a run as a whole: a failure there is the run's, not a row's.
RUN_TABLE = "run"
_TEXT_COLUMN = {"actor_mentions": "mention_text", "date_mentions": "mention_text", "figures": "mention_text",
                "events": "trigger_text"}
_ROW_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "actors": ("actor_id",),
    "actor_mentions": ("article_id", "start_char", "end_char"),
    "date_mentions": ("article_id", "start_char", "end_char"),
    "figures": ("figure_id",),
    "events": ("event_id",),
    "event_actors": ("event_id", "actor_id"),
    "dates": ("date",),
    "article_places": ("article_id", "actor_id"),
}
# How far (in degrees) a point may lie outside its country's Natural Earth 1:110m bounding box:
# that scale simplifies coasts and borders, and draws some territories apart (the Gaza Strip
# beside the West Bank's box).
BOUNDS_MARGIN = 1.0
_SHOWN_TEXT = 200


@dataclass(frozen=True, slots=True)
class QualityDecision:
    batch: StagedBatch  # what is published
    quarantined: tuple[FlaggedRow, ...]
    findings: tuple[FlaggedRow, ...]
    table_failures: tuple[ExpectationOutcome, ...]  # critical failures of a whole table
    staged_rows: int

    @property
    def quarantined_rows(self) -> int:
        return distinct_rows(self.quarantined)

    def failure(self, max_share: float = MAX_QUARANTINED_SHARE) -> str | None:
        """Why a run of this one batch must not publish, or None."""
        return run_failure([self], [], max_share)


def distinct_rows(rows: Iterable[FlaggedRow]) -> int:
    """How many rows are flagged: a row that breaks several expectations counts once."""
    return len({(r.table_name, r.row_key) for r in rows})


def run_failure(
    decisions: Sequence[QualityDecision],
    run_outcomes: Sequence[ExpectationOutcome],
    max_share: float = MAX_QUARANTINED_SHARE,
) -> str | None:
    """Why a run of these batches must not publish, or None."""
    table_failures = [o for d in decisions for o in d.table_failures]
    table_failures += critical_failures(run_outcomes)
    if table_failures:
        failed = ", ".join(f"{o.suite}: {o.description or o.expectation}" for o in table_failures)
        return f"critical expectation failed for a whole table ({failed})"
    staged = sum(d.staged_rows for d in decisions)
    share = sum(d.quarantined_rows for d in decisions) / max(staged, 1)
    if share > max_share:
        return f"{share:.1%} of staged rows broke critical expectations (more than {max_share:.0%})"
    return None


def combine(batches: Sequence[Sequence[ExpectationOutcome]]) -> list[ExpectationOutcome]:
    """One outcome per expectation over the batches of a run (validated with the same suites)."""
    combined = []
    for outcomes in zip(*batches, strict=True):
        first = outcomes[0]
        samples = [value for o in outcomes for value in json.loads(o.unexpected_sample)]
        combined.append(
            replace(
                first,
                success=all(o.success for o in outcomes),
                element_count=sum(o.element_count for o in outcomes),
                unexpected_count=sum(o.unexpected_count for o in outcomes),
                unexpected_sample=json.dumps(samples[:SAMPLE_SIZE]),
                unexpected_rows=(),
            )
        )
    return combined


def with_checks(frames: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The staged frames with their cross-table check columns."""
    articles = frames["articles"]
    bodies = dict(zip(articles["article_id"], articles["body"]))
    published = dict(zip(articles["article_id"], articles["published_at"]))
    checked = dict(frames)
    for table in MENTION_TABLES:
        frame = frames[table].copy()
        text = _TEXT_COLUMN[table]
        frame["article_known"] = frame["article_id"].map(lambda a: a in bodies).astype(object)
        frame["offset_gives_text"] = [
            a in bodies and isinstance(s, int) and isinstance(e, int) and bodies[a][s:e] == t
            for a, s, e, t in zip(frame["article_id"], frame["start_char"], frame["end_char"], frame[text])
        ]
        checked[table] = frame
    checked["events"]["days_after_publication"] = _days_after(checked["events"], "event_date", published)
    checked["date_mentions"]["days_after_publication"] = _days_after(
        checked["date_mentions"], "resolved_date", published
    )
    event_actors = frames["event_actors"].copy()
    event_actors["event_known"] = event_actors["event_id"].isin(set(frames["events"]["event_id"])).astype(object)
    event_actors["actor_known"] = event_actors["actor_id"].isin(set(frames["actors"]["actor_id"])).astype(object)
    checked["event_actors"] = event_actors
    figures = checked["figures"]
    figures["percent_value"] = [v if u == "percent" else None for v, u in zip(figures["value"], figures["unit"])]
    for table in ("article_places", "events"):
        if table in checked:
            checked[table] = _with_geo_checks(checked[table])
    actors = checked["actors"].copy()
    actors["actor_country_known"] = [_country_known(c) for c in actors["actor_country"]]
    checked["actors"] = actors
    return checked


def _country_known(code: object) -> bool:
    """Whether a country code is empty or a known ISO 3166-1 alpha-2 code."""
    return code is None or (isinstance(code, float) and pd.isna(code)) or code in country_codes()


def _within_country(code: object, latitude: object, longitude: object) -> bool:
    """Whether a point lies within its country's bounding box (widened by `BOUNDS_MARGIN`);
    a row without a point, or of a country Natural Earth's small-scale map leaves out, passes."""
    if not isinstance(latitude, float | int) or not isinstance(longitude, float | int) or pd.isna(latitude):
        return True
    bounds = country_bounds().get(code) if isinstance(code, str) else None
    if bounds is None:
        return True
    return within(bounds, latitude, longitude, BOUNDS_MARGIN)


def _with_geo_checks(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame with places with its geo check columns: `country_known` (its country code is a
    known one) and `point_in_country` (its point lies within its country)."""
    frame = frame.copy()
    frame["country_known"] = [_country_known(c) for c in frame["country_code"]]
    frame["point_in_country"] = [
        _within_country(c, lat, lon) for c, lat, lon in zip(frame["country_code"], frame["latitude"], frame["longitude"])
    ]
    return frame


def run_checks(inputs: int, articles: int, undated: int) -> pd.DataFrame:
    """The one-row frame the `run` suite checks: what a whole run read and staged."""
    return pd.DataFrame(
        [{
            "inputs": inputs,
            "articles_staged": articles,
            "loads_rows": inputs == 0 or articles > 0,
            "undated_share": undated / articles if articles else 0.0,
        }],
        dtype=object,
    )


def _days_after(frame: pd.DataFrame, column: str, published: Mapping[str, date | None]) -> list[int | None]:
    days = []
    for article_id, day in zip(frame["article_id"], frame[column]):
        base = published.get(article_id)
        days.append((day - base).days if isinstance(day, date) and isinstance(base, date) else None)
    return days


def _row_json(row: pd.Series) -> str:
    shown = {}
    for column, value in row.items():
        if column == "body":
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, str) and len(value) > _SHOWN_TEXT:
            value = value[:_SHOWN_TEXT] + "…"
        elif value is not None and pd.api.types.is_scalar(value) and pd.isna(value):
            value = None
        elif hasattr(value, "item"):
            value = value.item()
        shown[column] = value
    return json.dumps(shown, ensure_ascii=False, default=str)


def _flag(table: str, frame: pd.DataFrame, position: int, outcome: ExpectationOutcome, description: str) -> FlaggedRow:
    row = frame.iloc[position]
    return FlaggedRow(
        table_name=table,
        expectation=outcome.expectation,
        column_name=outcome.column,
        severity=outcome.severity,
        description=description,
        article_id=row.get("article_id") if "article_id" in frame.columns else None,
        row_key=":".join(str(row[k]) for k in _ROW_KEYS.get(table, ()) if k in frame.columns),
        row_json=_row_json(row),
    )


def _dependents(frames: Mapping[str, pd.DataFrame], table: str, rows: pd.DataFrame) -> Iterable[tuple[str, pd.Series]]:
    """Rows of other tables that cannot be published without these: (table, mask)."""
    if table == "articles":
        gone = set(rows["article_id"])
        for other in (*MENTION_TABLES, "article_places"):
            yield other, frames[other]["article_id"].isin(gone)
        yield "event_actors", frames["event_actors"]["event_id"].isin(
            set(frames["events"].loc[frames["events"]["article_id"].isin(gone), "event_id"])
        )
    elif table == "events":
        yield "event_actors", frames["event_actors"]["event_id"].isin(set(rows["event_id"]))
    elif table == "actors":
        gone = set(rows["actor_id"])
        yield "actor_mentions", frames["actor_mentions"]["actor_id"].isin(gone)
        yield "event_actors", frames["event_actors"]["actor_id"].isin(gone)
        yield "article_places", frames["article_places"]["actor_id"].isin(gone)


def decide(
    frames: Mapping[str, pd.DataFrame], outcomes: Sequence[ExpectationOutcome]
) -> QualityDecision:
    """Split validated frames into what is published, quarantined and found."""
    quarantined: list[FlaggedRow] = []
    findings: list[FlaggedRow] = []
    table_failures: list[ExpectationOutcome] = []
    dropped: dict[str, set[int]] = {table: set() for table in frames}
    for outcome in outcomes:
        if outcome.success:
            continue
        frame = frames[outcome.suite]
        if not outcome.unexpected_rows:
            if outcome.severity == "critical":
                table_failures.append(outcome)
            continue
        target = quarantined if outcome.severity == "critical" else findings
        for position in outcome.unexpected_rows:
            target.append(_flag(outcome.suite, frame, position, outcome, outcome.description))
        if outcome.severity == "critical":
            dropped[outcome.suite].update(outcome.unexpected_rows)
    for table in ("articles", "actors", "events"):
        rows = frames[table].iloc[sorted(dropped[table])] if dropped[table] else None
        if rows is None:
            continue
        for other, mask in _dependents(frames, table, rows):
            for position in [i for i, hit in enumerate(mask.tolist()) if hit and i not in dropped[other]]:
                dropped[other].add(position)
                reason = f"depends on a quarantined {table} row"
                quarantined.append(_flag(other, frames[other], position, _CASCADE, reason))
    published = {
        table: frame.drop(index=frame.index[sorted(dropped[table])]).reset_index(drop=True)
        for table, frame in frames.items()
    }
    staged = sum(len(frame.index) for frame in frames.values())
    return QualityDecision(
        StagedBatch(published), tuple(quarantined), tuple(findings), tuple(table_failures), staged
    )


_CASCADE = ExpectationOutcome(
    suite="", expectation="depends_on_quarantined_row", column=None, severity="critical", success=False,
    element_count=0, unexpected_count=0, unexpected_sample="[]", description="",
)
