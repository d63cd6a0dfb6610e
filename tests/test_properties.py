"""Property-based tests of the figure parser: any sentence built from the ways news writes a
number (digits, words, fractions, money, percentages, measures, qualifiers, ranges) gives
figures whose offsets select their text and whose values and bounds are consistent, never an
exception."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newswire.extract.figures import CATEGORIES, extract_figures
from newswire.records import QUALIFIERS

_NUMBER = st.one_of(
    st.integers(min_value=0, max_value=10**13).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=10**6).map(str),
    st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.sampled_from(["one", "two", "a dozen", "three-quarters", "1/2", "1-1/2", "half", "a third", "zero",
                     "twenty-five", "several", "hundreds", "tens of thousands", "a few", "0", "00", "1e6",
                     "9" * 40, "0.000001", "½", "3½", ".5", "1,00,000", "12,34"]),
)
_BEFORE = st.sampled_from(["", "$", "US$", "£", "€", "some ", "more than ", "up to ", "about ", "nearly ",
                           "between ", "at least ", "-", "+", "~", "(", "No. "])
_AFTER = st.sampled_from(["", " people", " percent", "%", " per cent", " dlrs", " million", " billion", " mln dlrs",
                          " km", " miles per hour", " tonnes", " barrels a day", " years old", "-year-old", " killed",
                          " to 15", "-20", " or more", " points", " cts", " shares", " kg", "°C", " of the vote"])
_FIGURE = st.tuples(_BEFORE, _NUMBER, _AFTER).map("".join)
_FRAME = st.sampled_from([
    "Officials said {} were affected.", "The company reported {} on Monday.", "{}", "It rose {} from {}.",
    "Police said {} and {} were hurt, and {} fled.", "A vote of {} to {} passed.", "Shares fell {} to {}.",
])


def _sentence(frame: str, figures: list[str]) -> str:
    return frame.format(*(figures * 3)[: frame.count("{}")])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(frame=_FRAME, figures=st.lists(_FIGURE, min_size=1, max_size=3))
def test_figures_of_any_numbers_select_their_text_and_bound_their_value(nlp, frame, figures) -> None:
    text = _sentence(frame, figures)
    for f in extract_figures(nlp(text), "p"):
        assert text[f.start_char : f.end_char] == f.mention_text
        assert f.qualifier in QUALIFIERS and f.category in CATEGORIES
        bounds = [v for v in (f.value_low, f.value, f.value_high) if v is not None]
        assert all(math.isfinite(v) for v in bounds)
        if f.value_low is not None and f.value_high is not None:
            assert f.value_low <= f.value_high


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from("0123456789.,-/%$£€ ½¼x()+kmMbnKB\n"), max_size=60))
def test_figures_of_any_run_of_digits_and_signs_never_raise(nlp, text) -> None:
    for f in extract_figures(nlp(text), "p"):
        assert text[f.start_char : f.end_char] == f.mention_text
