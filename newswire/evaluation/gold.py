"""Scoring the warehouse against hand-made gold annotations (the `seeds_gold.json` format).

Gold items marked `"required": false` are neither rewarded nor penalised: a prediction that
matches one is not counted, and missing one is not a miss. Spans match when they overlap.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from newswire.evaluation.scores import f1, ratio
from newswire.reference import alias_key

# Gold event types to the PLOVER types the extractor uses.
GOLD_EVENT_TYPES = {"meeting": "CONSULT", "cancellation": "REJECT", "attack": "ASSAULT", "vote": "AGREE"}
# The gold annotates people, organisations and places, not nationalities or groups (NORP).
SCORED_ACTOR_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
# The gold's dates are points in time (day, week, month or year); durations and sets are
# annotated as figures where they are quantities, so only these types are scored as dates.
SCORED_TIMEX_TYPES = {"DATE", "TIME"}


def _line(name: str, precision: float, recall: float, detail: str) -> str:
    return f"{name:<24} P {precision:.3f}  R {recall:.3f}  F1 {f1(precision, recall):.3f}  ({detail})"


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def line(self) -> str:
        return _line(self.name, self.precision, self.recall, f"tp {self.tp}, fp {self.fp}, fn {self.fn}")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How many matched items also have an attribute right."""

    name: str
    correct: int
    total: int

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def line(self) -> str:
        return f"{self.name:<24} accuracy {self.value:.3f}  ({self.correct} of {self.total} matched)"


@dataclass(frozen=True, slots=True)
class _ArticleMatch:
    span: Score
    value: Score
    pairs: tuple[tuple[Mapping, Mapping], ...]  # (gold, predicted) for each matched required item


def _score_spans(
    name: str,
    gold: Sequence[Mapping],
    predicted: Sequence[Mapping],
    same_value: Callable[[Mapping, Mapping], bool],
) -> _ArticleMatch:
    """Span and value scores of one article's predictions against its gold items."""
    span_tp = value_tp = fp = 0
    matched_gold: set[int] = set()
    pairs: list[tuple[Mapping, Mapping]] = []
    for p in predicted:
        hits = [i for i, g in enumerate(gold) if _overlaps((p["start_char"], p["end_char"]), (g["start_char"], g["end_char"]))]
        if not hits:
            fp += 1
            continue
        required = [i for i in hits if gold[i].get("required", True)]
        if not required:
            continue
        best = next((i for i in required if same_value(gold[i], p)), required[0])
        if best in matched_gold:
            fp += 1
            continue
        matched_gold.add(best)
        pairs.append((gold[best], p))
        span_tp += 1
        value_tp += same_value(gold[best], p)
    required_total = sum(1 for g in gold if g.get("required", True))
    return _ArticleMatch(
        Score(f"{name} (span)", span_tp, fp, required_total - span_tp),
        Score(f"{name} (value)", value_tp, fp + span_tp - value_tp, required_total - value_tp),
        tuple(pairs),
    )


def _sum(scores: Iterable[Score], name: str) -> Score:
    scores = list(scores)
    return Score(name, sum(s.tp for s in scores), sum(s.fp for s in scores), sum(s.fn for s in scores))


def _same_date(g: Mapping, p: Mapping) -> bool:
    return p.get("timex_value") == g["value"]


def _same_figure(g: Mapping, p: Mapping) -> bool:
    value = p.get("value")
    if value is None or pd.isna(value):
        return False
    return abs(float(value) - float(g["value"])) <= 1e-3 * max(1.0, abs(float(g["value"])))


def _records(frame: pd.DataFrame, article_id: str) -> list[dict]:
    return frame[frame["article_id"] == article_id].to_dict("records")


def score_mentions(
    gold: Mapping, articles: pd.DataFrame, dates: pd.DataFrame, figures: pd.DataFrame
) -> list[Score | Accuracy]:
    """Dates and figures: span and value P/R/F1 over the gold articles, figure qualifier accuracy."""
    by_external = dict(zip(articles["external_id"], articles["article_id"]))
    date_matches, figure_matches = [], []
    for external_id, annotated in gold["articles"].items():
        article_id = by_external.get(external_id)
        points = [d for d in _records(dates, article_id) if d["timex_type"] in SCORED_TIMEX_TYPES]
        date_matches.append(_score_spans("dates", annotated.get("dates", []), points, _same_date))
        figure_matches.append(
            _score_spans("figures", annotated.get("figures", []), _records(figures, article_id), _same_figure)
        )
    figure_pairs = [pair for match in figure_matches for pair in match.pairs]
    return [
        _sum((m.span for m in date_matches), "dates (span)"),
        _sum((m.value for m in date_matches), "dates (value)"),
        _sum((m.span for m in figure_matches), "figures (span)"),
        _sum((m.value for m in figure_matches), "figures (value)"),
        Accuracy("figures (qualifier)", sum(g["qualifier"] == p["qualifier"] for g, p in figure_pairs), len(figure_pairs)),
    ]


def _gold_names(actor: Mapping) -> set[str]:
    return {alias_key(actor["name"])} | {alias_key(a) for a in actor.get("aliases", [])}


def score_actors(
    gold: Mapping, articles: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame
) -> tuple[Score, ClusterScore]:
    """Actors found per article (by canonical name), and B-cubed scores of the actor ids."""
    by_external = dict(zip(articles["external_id"], articles["article_id"]))
    joined = mentions.merge(actors[["actor_id", "name", "actor_type"]], on="actor_id")
    joined = joined[joined["actor_type"].isin(SCORED_ACTOR_TYPES)]
    tp = fp = fn = 0
    clustered: list[tuple[str, str]] = []  # (gold actor, predicted actor id) per aligned mention
    for external_id, annotated in gold["articles"].items():
        rows = joined[joined["article_id"] == by_external.get(external_id)]
        predicted = {alias_key(name) for name in rows["name"]}
        gold_actors = annotated.get("actors", [])
        found = {i for i, actor in enumerate(gold_actors) if _gold_names(actor) & predicted}
        tp += len(found)
        fn += len(gold_actors) - len(found)
        known = set().union(*(_gold_names(a) for a in gold_actors)) if gold_actors else set()
        fp += len(predicted - known)
        for _, row in rows.iterrows():
            text = alias_key(row["mention_text"])
            owners = [a["name"] for a in gold_actors if text in _gold_names(a)]
            if len(owners) == 1:
                clustered.append((owners[0], row["actor_id"]))
    return Score("actors", tp, fp, fn), _bcubed(clustered)


@dataclass(frozen=True, slots=True)
class ClusterScore:
    """B-cubed precision and recall of predicted actor ids against gold actors."""

    name: str
    precision: float
    recall: float
    mentions: int

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def line(self) -> str:
        return _line(self.name, self.precision, self.recall, f"B-cubed over {self.mentions} mentions")


def _bcubed(pairs: Sequence[tuple[str, str]]) -> ClusterScore:
    """Each mention: how much of its predicted cluster is its gold actor, and the reverse."""
    if not pairs:
        return ClusterScore("canonicalisation", 0.0, 0.0, 0)
    gold_sizes = Counter(g for g, _ in pairs)
    predicted_sizes = Counter(p for _, p in pairs)
    both = Counter(pairs)
    precision = sum(both[(g, p)] / predicted_sizes[p] for g, p in pairs) / len(pairs)
    recall = sum(both[(g, p)] / gold_sizes[g] for g, p in pairs) / len(pairs)
    return ClusterScore("canonicalisation", precision, recall, len(pairs))


def score_events(
    gold: Mapping,
    articles: pd.DataFrame,
    events: pd.DataFrame,
    event_actors: pd.DataFrame,
    actors: pd.DataFrame,
) -> tuple[Score, list[str]]:
    """Gold events found as one canonical event covering their articles, date and actors."""
    by_external = dict(zip(articles["external_id"], articles["article_id"]))
    names = dict(zip(actors["actor_id"], actors["name"]))
    actor_sets: dict[str, set[str]] = defaultdict(set)
    for row in event_actors.itertuples():
        if row.role != "mentioned":
            actor_sets[row.event_id].add(alias_key(names.get(row.actor_id, "")))
    canonical: dict[str, dict] = {}
    for row in events.itertuples():
        entry = canonical.setdefault(
            row.canonical_event_id, {"type": row.event_type, "articles": set(), "dates": Counter(), "actors": set()}
        )
        entry["articles"].add(row.article_id)
        if row.event_date is not None and not pd.isna(row.event_date):
            entry["dates"][str(row.event_date)[:10]] += 1
        entry["actors"] |= actor_sets[row.event_id]
    found, report, matched_canonical = 0, [], set()
    required = [e for e in gold.get("events", []) if e.get("required", True)]
    for event in gold.get("events", []):
        wanted_articles = {by_external.get(a) for a in event["articles"]}
        wanted_actors = {alias_key(a) for a in event["actors"]}
        kind = GOLD_EVENT_TYPES.get(event["type"])
        matches = [
            cid for cid, c in canonical.items()
            if c["type"] == kind and wanted_articles <= c["articles"] and wanted_actors <= c["actors"]
            and c["dates"] and c["dates"].most_common(1)[0][0] == event["date"]
        ]
        matched_canonical.update(matches)
        hit = bool(matches)
        found += hit and event.get("required", True)
        report.append(f"{event['id']} {event['type']:<12} {'found' if hit else 'missing'}")
    score = Score("events", found, len(canonical) - len(matched_canonical), len(required) - found)
    return score, report
