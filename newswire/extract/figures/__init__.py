"""Figures: the counts, amounts, shares and durations an article reports.

A figure is a number (written with digits, in words, as a fraction or as a vague amount),
the words that qualify it ("more than", "some", "up to") and what it counts: the noun the
number modifies ("over 32,000 Palestinians"), the noun after "of" ("dozens of hostages"),
a currency, a percent sign, a duration or a measure. Dates, times, ordinals, years, numbers
that are part of a name ("Boeing 737", "Big 12"), page numbers, phone numbers and scores are
not figures; a tally such as "14-0" is reported only where a vote is counted, as the votes of
the side named first (the winning side, by news convention). A small word number after a
definite determiner ("the two sides", "these three countries") refers back to a group already
named and is not a figure; "two Iranian proxy groups" is.

Values and bounds:

=========================  ===========  ===========  ==========  ===========
expression                 value        value_low    value_high  qualifier
=========================  ===========  ===========  ==========  ===========
"128 hostages"             128          128          128         exact
"some 1,200 people"        1200         1200         1200        approximate
"1,000 or more", "30+"     1000, 30     same         same        at_least
"20 people or so"          20           20           20          approximate
"15 to 22", "15-22"        15           15           22          range
"between 750,000 and       750000       750000       800000      range
800,000"
"no fatalities"            0            0            0           exact
"a pair of", "a couple"    2            2            2           exact / approximate
"a score of"               20           20           20          approximate
"a few", "a handful"       2            2            5           at_least
"several"                  3            3            9           at_least
"dozens"                   24           24           99          at_least
"scores"                   40           40           99          at_least
"hundreds"                 200          200          999         at_least
"thousands"                2000         2000         9999        at_least
"tens of thousands"        20000        20000        99999       at_least
"hundreds of thousands"    200000       200000       999999      at_least
"millions"                 2000000      2000000      9999999     at_least
"several hundred"          300          300          999         at_least
"a few thousand"           2000         2000         5999        at_least
"a third of", "half of"    0.3333, 0.5  same         same        approximate
"six in 10 Americans"      0.6          0.6          0.6         approximate
"passed 14-0", "a vote     14, 230      same         same        exact
of 230 to 196"
=========================  ===========  ===========  ==========  ===========

A plural amount word means at least two of what it names ("hundreds" >= 200) and less than
the next order of magnitude. An exact number has value_low == value_high == value; a range
or a vague amount has value == value_low. A fraction of a whole is a share, reported as a
proportion and, without an explicit qualifier, as approximate (news rounds proportions).

Units: money is an ISO 4217 code, percentages are ``percent``, durations and measures are a
singular unit (``minute``, ``month``, ``km``, ``tonne``); a person's age ("aged 55", "a
55-year-old", "Papermaster, 49,") is a measure in ``year``; otherwise the unit is the counted
noun as written, lower-cased unless it is a proper or national name ("Palestinians").

Categories (`CATEGORIES`), after GDELT's count types: killed, injured, hostages, displaced and
arrested for people, read from the counted noun ("fatalities", "refugees"), the words that
modify it ("displaced") and the verb that governs it ("killed 45 civilians"); weapons and
military_units from the kind of thing counted (missiles, battalions); money, percent,
duration, vote and share from the form of the figure; other for everything else, people
"affected" by an event included.

`figure_actors` links a figure to the actor it counts.

The modules, one job each: `amounts` (how a number is written and what it is worth),
`qualifiers`, `ranges` (ranges, tallies, ratios), `units` (currency, percent, durations,
measures), `counted` (the counted noun), `categories`, `filters` (what is not a figure, and
ages), `extract` (the walk over the article and the records), `actors` (`figure_actors`).
Every rule carries its examples (`examples.RULE_EXAMPLES`); the word lists are lexicons.
"""

from newswire.extract.figures.actors import figure_actors
from newswire.extract.figures.categories import CATEGORIES
from newswire.extract.figures.extract import extract_figures
from newswire.extract.figures.units import DURATION_UNITS

__all__ = ["CATEGORIES", "DURATION_UNITS", "extract_figures", "figure_actors"]
