"""Dates at the edges of the calendar: a publication date before 1800 or later than tomorrow is
rejected at ingest; every expression read against a publication date on 1 January of year 1 or
31 December 9999 gets a value or none, never an exception; and the resolver holds for any
publication date of the calendar (property-based)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newswire.extract.dates import extract_dates
from newswire.extract.dates.rules import RULES
from newswire.ingest.formats import EARLIEST_PUBLISHED, FUTURE_SLACK, InputError, parse_published_at

# Every kind of step from the publication date or from a date the story mentions.
STEPS = (
    "Yesterday the board met; tomorrow it votes. Last year sales fell, and next year they may rise. "
    "On Monday the talks resumed and on Friday they end. In the 1990s prices doubled; the next decade "
    "was calmer, and the previous century slower. Last week, next month, the past week and the next "
    "quarter all count. The weekend before, two days later, a year ago and three years from now too. "
    "On Dec. 31 the offer expires; on Jan. 1 it begins. In 9999 the plan ends, and the year after "
    "nothing is left. Early in year 1 the record starts, and the year before that is unknown."
)
RULE_EXAMPLES = " ".join(example.text for rule in RULES for example in rule.examples)


def _tomorrow() -> date:
    return (datetime.now(UTC) + FUTURE_SLACK).date()


@pytest.mark.parametrize(
    "value", [EARLIEST_PUBLISHED, EARLIEST_PUBLISHED + timedelta(days=1), date(1987, 3, 2), "1800-01-01T00:00:00"]
)
def test_a_publication_date_from_1800_on_is_read(value) -> None:
    assert parse_published_at(value) == (value if isinstance(value, date) else EARLIEST_PUBLISHED)


def test_a_publication_date_up_to_tomorrow_is_read() -> None:
    assert parse_published_at(_tomorrow().isoformat()) == _tomorrow()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (EARLIEST_PUBLISHED - timedelta(days=1), r"published_at 1799-12-31 is before 1800-01-01"),
        ("0001-01-01", r"published_at 0001-01-01 is before 1800-01-01"),
        (date.min, r"is before 1800-01-01"),
        ("9999-12-31", r"published_at 9999-12-31 is in the future"),
        (date.max, r"is in the future"),
    ],
)
def test_a_publication_date_outside_the_window_is_an_input_error(value, reason) -> None:
    with pytest.raises(InputError, match=reason):
        parse_published_at(value)


def test_the_day_after_tomorrow_is_in_the_future() -> None:
    with pytest.raises(InputError, match="is in the future"):
        parse_published_at((_tomorrow() + timedelta(days=1)).isoformat())


@pytest.mark.parametrize("published", [date.min, date.min + timedelta(days=1), date.max - timedelta(days=1), date.max])
@pytest.mark.parametrize("text", [STEPS, RULE_EXAMPLES], ids=["steps", "rule-examples"])
def test_every_expression_at_the_edge_of_the_calendar_resolves_or_has_no_value(nlp, published, text) -> None:
    mentions = extract_dates(nlp(text), "edge", published)
    assert mentions
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.mention_text
        assert m.resolved_date is None or date.min <= m.resolved_date <= date.max


def test_a_step_off_the_calendar_is_no_value(nlp) -> None:
    text = "The fund closed yesterday."
    (mention,) = [m for m in extract_dates(nlp(text), "edge", date.min) if m.mention_text == "yesterday"]
    assert (mention.timex_value, mention.resolved_date) == (None, None)
    (mention,) = [m for m in extract_dates(nlp(text), "edge", date(2024, 3, 27)) if m.mention_text == "yesterday"]
    assert mention.timex_value == "2024-03-26"


@pytest.fixture(scope="module")
def parsed(nlp):
    return nlp(STEPS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(published=st.dates(min_value=date.min, max_value=date.max))
def test_the_resolver_holds_on_any_day_of_the_calendar(parsed, published) -> None:
    mentions = extract_dates(parsed, "any", published)
    starts = [m.start_char for m in mentions]
    assert starts == sorted(starts)
    for m in mentions:
        assert parsed.text[m.start_char : m.end_char] == m.mention_text
        if m.resolved_date is not None:
            assert m.timex_value is not None and m.precision is not None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(published=st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))
def test_yesterday_and_tomorrow_are_a_day_from_any_publication_date(nlp, published) -> None:
    text = "Yesterday the board met, and tomorrow it votes."
    values = {m.mention_text.lower(): m.resolved_date for m in extract_dates(nlp(text), "any", published)}
    assert values == {"yesterday": published - timedelta(days=1), "tomorrow": published + timedelta(days=1)}
