"""Figures: the counts, amounts, shares and durations an article reports.

A figure is a number (written with digits, in words, as a fraction or as a vague amount),
the words that qualify it ("more than", "some", "up to") and what it counts: the noun the
number modifies ("over 32,000 Palestinians"), the noun after "of" ("dozens of hostages"),
a currency, a percent sign, a duration or a measure. Dates, times, ordinals, years, numbers
that are part of a name ("Boeing 737", "Big 12"), page numbers, phone numbers and scores are
not figures; a tally such as "14-0" is reported only where a vote is counted, as the votes of
the side named first (the winning side, by news convention). A small word number after a
definite determiner ("the two sides", "these three countries") refers back to a group already
named and is not a figure; "two Iranian proxy groups" is; nor is "one of" a group ("one of the
best", "one of the men").

Values and bounds:

=========================  ===========  ===========  ==========  ===========
expression                 value        value_low    value_high  qualifier
=========================  ===========  ===========  ==========  ===========
"128 hostages"             128          128          128         exact
"some 1,200 people"        1200         1200         1200        approximate
"1,000 or more", "30+"     1000, 30     same         same        at_least
"20 people or so"          20           20           20          approximate
"15 to 22", "15-22"        15           15           22          range
"two or three"             2            2            3           range
"two and a half years"     2.5          2.5          2.5         exact
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
"half the workers"         0.5          0.5          0.5         approximate
"six in 10 Americans"      0.6          0.6          0.6         approximate
"passed 14-0", "a vote     14, 230      same         same        exact
of 230 to 196"
=========================  ===========  ===========  ==========  ===========

A plural amount word means at least two of what it names ("hundreds" >= 200) and less than
the next order of magnitude. An exact number has value_low == value_high == value; a range
or a vague amount has value == value_low. A fraction of a whole is a share, reported as a
proportion and, without an explicit qualifier, as approximate (news rounds proportions).

Units: money is an ISO 4217 code (from CLDR through Babel; a subunit such as "48 cents" is
recorded in its main unit, 0.48 USD; "25 pounds" is a weight where the words around it
weigh: "weighs", "of flour", "lost 25 pounds"), percentages are ``percent``, durations a singular unit
(``minute``, ``month``), measures pint's name of their unit (``kilometer``, ``metric ton``,
``mile per hour``, ``degree Celsius``), a rate "X per Y" (``USD per barrel``, ``barrel per
day``); `unit_text` is the unit as written ("km", "dlrs", "$ a barrel"); an age ("aged 55", "a
55-year-old", "Papermaster, 49,", "a 6-month-old baby") is in ``year`` (``month``, ``week``,
``day``); otherwise the unit is the counted
noun as written, lower-cased unless it is a proper or national name ("Palestinians").

Categories (`CATEGORIES`), after GDELT's count types: killed, injured, hostages, displaced and
arrested for people, read from the counted noun ("fatalities", "refugees"), the words that
modify it ("displaced") and the verb that governs it ("killed 45 civilians"); weapons and
military_units from the kind of thing counted (missiles, battalions); money, percent,
duration, vote, share and age from the form of the figure; other for everything else, people
"affected" by an event included.

Changes and levels (`change`): "gained 1.2 per cent to 18,402.55" is two figures, the change
(1.2 percent ``up``) and the level it reached (``change`` NULL); "fell by 3%", "down 0.7
percent", "a 5% drop", "closed 2% higher" and "Nasdaq -0.4%" (0.4, ``down``: values are
magnitudes) are changes; "up to 500 people" is a qualifier, and "down from 5%" and "oil rose
over $100" (a price crossed) are levels. A bare
level of an index ("the Dow fell 120 points to 38,000", "the FTSE 100 closed at 7,500") is
in ``points``.

Ages (category ``age``): "a 55-year-old", "12 years old", "65 years of age" give how old a
person or a thing is ("a 45-year-old law" too: the words say how old it is); "aged 55", "at the
age of 56", "Papermaster, 49," are forms only people take. "Five years ago" is a date and "for
five years" a duration.

`figure_actors` links a figure to the actor it counts, and an age to the person it is written
against ("Maria Lopez, 37").

The modules, one job each: `amounts` (how a number is written and what it is worth),
`qualifiers`, `ranges` (ranges, tallies, ratios), `units` (currency, percent, durations,
measures, rates), `measures` (units of measure through pint), `currencies` (codes from
CLDR), `counted` (the counted noun), `categories`, `changes` (changes, levels, index points),
`filters` (what is not a figure, and ages), `wraps` (a story wrapped at a fixed width read
without its line wraps), `extract` (the walk over the article and the records), `actors` (`figure_actors`).
Every rule carries its examples (`examples.RULE_EXAMPLES`); the word lists are lexicons.
"""

from newswire.extract.figures.actors import figure_actors
from newswire.extract.figures.categories import CATEGORIES
from newswire.extract.figures.extract import extract_figures
from newswire.extract.figures.units import DURATION_UNITS

__all__ = ["CATEGORIES", "DURATION_UNITS", "extract_figures", "figure_actors"]
