"""Temporal expressions: find them in a parsed article and normalise them to TimeML.

Candidates come from spaCy DATE/TIME entities and from the rules of `rules`; each is
normalised against the document creation time (``published_at``). Relative expressions that
depend on tense (bare weekdays, month-day without a year, bare months, seasons and quarters)
use the governing verb from the dependency parse (`tense`). The modules: `vocabulary` (the
words, from the lexicons), `calendar` (calendar arithmetic), `values` (TimeML values),
`context` (what a handler knows about its match), `handlers_calendar` and `handlers_relative`
(the handlers), `patterns` and `rules` (the rule table), `extract` (candidates, arbitration,
the story's reference time, the records).
"""

from newswire.extract.dates.extract import extract_dates

__all__ = ["extract_dates"]
