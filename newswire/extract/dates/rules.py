"""The rule table of the date extractor: each rule's pattern, the handler that reads its
matches, the words its prefilter looks for, and examples of what it reads.

The order of the table is the priority among candidates of equal length. A rule's examples
are sentences from general news English with a publication date, the mention the extractor
gives and its TimeML value; `tests/test_dates.py` runs every one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from newswire.extract.dates.context import _Handler
from newswire.extract.dates.handlers_calendar import (
    _h_calendar,
    _h_century,
    _h_decade,
    _h_decade_words,
    _h_half,
    _h_holiday,
    _h_iso,
    _h_month,
    _h_month_day,
    _h_month_rel_year,
    _h_month_year,
    _h_numeric,
    _h_quarter,
    _h_reported_quarter,
    _h_season,
    _h_spelled_year,
    _h_the_year,
    _h_week_of_month,
    _h_year,
    _h_year_back,
    _h_year_end,
    _h_year_ended,
    _h_year_period,
)
from newswire.extract.dates.handlers_relative import (
    _h_ago,
    _h_clock,
    _h_day_of_count,
    _h_deictic,
    _h_duration,
    _h_elided_next,
    _h_end_of,
    _h_part_of_day,
    _h_ref,
    _h_relative,
    _h_set,
    _h_story_part_of_day,
    _h_story_step,
    _h_that,
    _h_the_weekend,
    _h_weekday,
    _h_window,
)
from newswire.extract.dates.patterns import (
    _APPROX,
    _AROUND,
    _CENTURY_ORDINAL,
    _CLOCK_FIGURES,
    _DECADE_WORD,
    _ENDS_PHRASE,
    _HOLIDAY,
    _HOLIDAY_WORDS,
    _MODIFIER,
    _MON,
    _MONTH_WORDS,
    _NOT_AGE,
    _NOT_ARTICLE,
    _NUM,
    _ONES_RE,
    _OR_SO,
    _PART,
    _PART_OF_DAY_WORDS,
    _PERIOD_UNITS,
    _POD,
    _QUARTER_ORDINAL,
    _SEASON,
    _SEASON_WORDS,
    _SET_ADVERB,
    _SET_UNIT,
    _SPELLED_YEAR,
    _UNIT,
    _UNIT_ADJ,
    _UNIT_WORDS,
    _WD,
    _WEEKDAY_WORDS,
    _YEAR4,
    _ZONE,
    _part_of_day_pattern,
    _rx,
)
from newswire.extract.dates.vocabulary import SET_ADVERBS

WED = date(2024, 3, 27)  # a Wednesday


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence a rule reads: published on `published`, it gives the mention `mention` of
    TimeML type `timex_type` and value `value`."""

    text: str
    mention: str
    value: str | None
    timex_type: str = "DATE"
    published: date | None = WED


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and its handler, with words one of which every match of the pattern contains:
    as written when `cased`, else case-folded. A text with none of them is not searched."""

    pattern: re.Pattern[str]
    handler: _Handler
    words: tuple[str, ...]
    cased: bool = False
    examples: tuple[Example, ...] = ()

    def __post_init__(self) -> None:
        # A match may break the line inside "last year" or "Good Friday": such words are looked
        # for by their first word.
        object.__setattr__(self, "words", tuple(dict.fromkeys(word.split()[0] for word in self.words)))

    def may_match(self, text: str, folded: str) -> bool:
        within = text if self.cased else folded
        for word in self.words:
            if word in within:
                return True
        return False

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)`, searching only the text within `REACH` characters of one of
        the rule's words (`folded` is `text` case-folded, character for character).

        A match lies within `REACH` of the word it contains, so a match found near the end of a
        window is searched for again in a window that reaches `REACH` beyond it: the pattern's
        look-aheads see the text that follows, as in a search of the whole text.
        """
        if len(text) <= 4 * REACH or len(folded) != len(text):
            yield from self.pattern.finditer(text)
            return
        pos, end = 0, len(text)
        for start, stop in _windows(text if self.cased else folded, self.words):
            pos = max(pos, start)
            while pos <= stop:
                m = self.pattern.search(text, pos, stop)
                if m is None:
                    break
                if stop < end and m.end() + REACH > stop:
                    stop = min(end, m.end() + REACH)
                    continue
                yield m
                pos = m.end() if m.end() > m.start() else m.end() + 1


# The most characters a date expression spans on either side of the word its rule looks for: a
# few words ("more than two and a half consecutive trading days"), well under this.
REACH = 120


def _windows(within: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The stretches of `within` that reach `REACH` characters around an occurrence of one of
    `words`, merged where they overlap, in order."""
    found = []
    for word in words:
        at = within.find(word)
        while at >= 0:
            found.append((max(0, at - REACH), min(len(within), at + len(word) + REACH)))
            at = within.find(word, at + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, stop in found:
        if merged and start <= merged[-1][1]:
            if stop > merged[-1][1]:
                merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    return merged


RULES: tuple[Rule, ...] = (
    Rule(
        _rx(r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"), _h_iso, ("-",),
        examples=(Example("The filing is dated 2024-03-26 in the register.", "2024-03-26", "2024-03-26"),),
    ),
    Rule(
        _rx(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![/\d])"), _h_numeric, ("/",),
        examples=(
            Example("The contract signed 3/15/2023 runs for five years.", "3/15/2023", "2023-03-15"),
            Example("The form dated 26/03/2024 arrived.", "26/03/2024", "2024-03-26"),
        ),
    ),
    Rule(
        _rx(rf"(?<![\d.])(?:\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{4}}[./]\d{{1,2}}[./]\d{{1,2}}|\d{{1,2}}-{_MON}-\d{{4}})(?!\.\d)"),
        _h_calendar, (".", "/", "-"),
        examples=(
            Example("The decree dated 26.03.2024 was published.", "26.03.2024", "2024-03-26"),
            Example("The deal was filed 2024/03/05 in Paris.", "2024/03/05", "2024-03-05"),
        ),
    ),
    Rule(
        _rx(
            rf"{_AROUND}?(?:(?P<wk>(?:the\s+)?week\s+of)\s+|(?P<mod>last|next|this\s+past|this\s+coming)\s+)?"
            rf"(?:{_WD},?\s+)?{_MON}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+{_YEAR4}(?!,?\d))?"
        ),
        _h_month_day, _MONTH_WORDS, True,
        examples=(
            Example("On March 27, 2024, a meeting took place.", "March 27, 2024", "2024-03-27"),
            Example("On March 27, 2024, the ministers met.", "March 27, 2024", "2024-03-27", published=None),
            Example("He was shot dead last Oct. 23 at his home.",
                "last Oct. 23", "1998-10-23", published=date(1999, 4, 19)),
            Example("Hearings are set for the week of March 6.",
                "the week of March 6", "2000-W10", published=date(2000, 2, 24)),
            Example("The dividend is payable Dec. 7 to holders.", "Dec. 7", "2024-12-07", published=date(2024, 11, 2)),
            Example("The toll has risen since Dec. 7.", "Dec. 7", "2023-12-07", published=date(2024, 11, 2)),
            Example("The sale should close around Nov. 1.", "around Nov. 1", "2024-11-01", published=date(2024, 10, 2)),
        ),
    ),
    Rule(
        _rx(rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR4}(?!,?\d))?"),
        _h_month_day, _MONTH_WORDS, True,
        examples=(
            Example("The treaty was signed on 12 June 1990 in Bonn.", "12 June 1990", "1990-06-12"),
            Example("Voting ends on the 5th of April.", "the 5th of April", "2024-04-05"),
        ),
    ),
    Rule(
        _rx(rf"(?:{_PART}\s*)?{_MON}\s*,?\s*(?:of\s+)?{_YEAR4}(?!,?\d)"), _h_month_year, _MONTH_WORDS, True,
        examples=(Example("Inflation peaked in March 2023.", "March 2023", "2023-03"),),
    ),
    Rule(
        _rx(rf"(?:{_PART}\s*)?{_MON}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year"),
        _h_month_rel_year, _MONTH_WORDS, True,
        examples=(Example("The plant opened in June of last year.", "June of last year", "2023-06"),),
    ),
    Rule(
        _rx(rf"(?:{_PART}\s*)?(?:(?P<mod>this\s+past|this\s+coming|last|next|this)\s+)?{_MON}"),
        _h_month, _MONTH_WORDS, True,
        examples=(
            Example("The strike began in early December.", "early December", "2023-12"),
            Example("The closing is expected in February.", "February", "2025-02", published=date(2024, 11, 2)),
            Example("The talks resume next January.", "next January", "2025-01"),
            Example("The strike began in November.", "November", "2023-11", published=date(2024, 4, 10)),
            Example("Exports fell 3% in March, the agency said.", "March", "2024-03", published=date(2024, 4, 10)),
        ),
    ),
    Rule(
        _rx(rf"the\s+(?P<wo>first|second|third|fourth|last|final)\s+week\s+of\s+{_MON}(?:,?\s+{_YEAR4}(?!,?\d))?"),
        _h_week_of_month, _MONTH_WORDS, True,
        examples=(
            Example("Voters go to the polls in the first week of April.", "the first week of April", "2024-W14"),
            Example("Turnout was high in the last week of March.", "the last week of March", "2024-W13"),
            Example("Talks stalled in the second week of May 1998.", "the second week of May 1998", "1998-W19"),
        ),
    ),
    Rule(
        _rx(
            r"(?:the\s+)?(?:(?P<h>first|second|last|latter|back)[\s-]+half|(?P<h2>first|last)\s+two\s+quarters)"
            rf"\s+(?:of\s+)?(?:(?:fiscal\s+)?{_YEAR4}(?!,?\d)|(?P<rel>this|last|next|the)\s+year(?![\s-]+(?:ago|earlier)\b|['’]))"
        ),
        _h_half, ("half", "quarters"),
        examples=(
            Example("Profit doubled in the first half of 2023.", "the first half of 2023", "2023-H1"),
            Example("Growth will slow in the second half of next year.", "the second half of next year", "2025-H2"),
        ),
    ),
    Rule(
        _rx(
            # "the third quarter", but "the third-quarter loss": the article is the noun's
            rf"(?:the\s+(?=(?:fiscal\s+)?(?:{_QUARTER_ORDINAL})\s))?(?:fiscal\s+)?(?P<q>{_QUARTER_ORDINAL})[\s-]+(?:fiscal\s+)?quarter"
            rf"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?{_YEAR4}(?!,?\d)|(?P<rel>this|last|next)\s+year))?"
        ),
        _h_quarter, ("quarter",),
        examples=(
            Example("Profits rose in the first quarter.", "the first quarter", "2024-Q1"),
            Example("Sales fell in the fourth quarter of 2022.", "the fourth quarter of 2022", "2022-Q4"),
            Example("The write-down caused the third-quarter loss.", "third-quarter", "2023-Q3"),
        ),
    ),
    Rule(
        _rx(
            rf"(?:the\s+)?(?:{_YEAR4}|(?P<rel>this|last|next)\s+year['’]s|(?:comparable\s+)?(?P<ago>year[\s-](?:ago|earlier)))"
            rf"\s+(?:fiscal\s+)?(?P<q>{_QUARTER_ORDINAL})[\s-]+(?:fiscal\s+)?quarter"
        ),
        _h_quarter, ("quarter",),
        examples=(
            Example("Net income rose in the 2023 second quarter.", "the 2023 second quarter", "2023-Q2"),
            Example("Profit fell from the year-ago third quarter.",
                "the year-ago third quarter", "2023-Q3", published=date(2024, 10, 24)),
        ),
    ),
    Rule(
        _rx(
            r"the\s+(?:(?:latest|most\s+recent|just[\s-]ended|comparable|same|corresponding)\s+)?"
            r"(?:(?P<ago>year[\s-](?:ago|earlier))\s+)?quarter(?!['’]?s?\s+(?:of|ended|ending)\b)"
            # "the quarter a year ago", "the same quarter last year", "last year's quarter"
            r"(?:\s+(?P<back>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year(?!['’])))?"
            r"|(?P<back2>last\s+year['’]s)\s+quarter(?!['’]?s?\s+(?:of|ended|ending)\b)"
            r"|the\s+(?P<latest>latest|most\s+recent)\s+period(?!\s+of\b)"
        ),
        _h_reported_quarter, ("quarter", "period"),
        examples=(
            Example("Sales rose 4% in the third quarter. The latest period included a tax gain.",
                "The latest period", "2024-Q3", published=date(2024, 10, 24)),
            Example("Sales in the latest period rose 4%.", "the latest period", "2024-Q3", published=date(2024, 10, 24)),
            Example("Sales rose 9% in the latest quarter.",
                "the latest quarter", "2024-Q3", published=date(2024, 10, 24)),
            Example("It earned $2 million in the year-ago quarter.",
                "the year-ago quarter", "2023-Q3", published=date(2024, 10, 24)),
            Example("Net rose 8%. For the quarter a year earlier, it lost $3 million.",
                "the quarter a year earlier", "2023-Q3", published=date(2024, 10, 24)),
            Example("Sales fell from the same quarter last year.",
                "the same quarter last year", "2023-Q3", published=date(2024, 10, 24)),
            Example("Sales rose 4% in the third quarter. Last year's quarter included a tax gain.",
                "Last year's quarter", "2023-Q3", published=date(2024, 10, 24)),
        ),
    ),
    Rule(
        _rx(
            r"the\s+(?:comparable\s+)?year[\s-](?:ago|earlier)\s+period"
            r"|year-(?:ago|earlier)(?!\s+(?:first|second|third|fourth|nine|six|three|twelve|\d)\b)"
            # "the same period last year", "the corresponding period a year earlier"
            r"|the\s+(?:same|corresponding|comparable)\s+period\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))"
        ),
        _h_year_back, ("ago", "earlier", "last year"),
        examples=(
            Example("Sales rose 5% in the third quarter from the same period last year.",
                "the same period last year", "1988-Q3", published=date(1989, 10, 26)),
            Example("Sales rose 5% in the third quarter. In the year-ago period, sales fell.",
                "the year-ago period", "1988-Q3", published=date(1989, 10, 26)),
            Example("Year-earlier results included a gain.", "Year-earlier", "1988", published=date(1989, 10, 26)),
            Example("Profit rose in the third quarter. For the nine months, net rose 5% from the year-earlier period.",
                "the year-earlier period", "1988", published=date(1989, 10, 26)),
        ),
    ),
    Rule(
        _rx(rf"(?:{_YEAR4}\s+)?(?-i:Q)(?P<qn>[1-4])(?:\s*'(?P<yy>\d{{2}})|,?\s+(?P<after>(?:19|20)\d\d)(?!,?\d))?"),
        _h_quarter, ("Q1", "Q2", "Q3", "Q4"), True,
        examples=(
            Example("Revenue rose 8% in Q3, the company said.", "Q3", "2023-Q3"),
            Example("Deliveries slipped in 2023 Q4.", "2023 Q4", "2023-Q4"),
            Example("Deliveries slipped in Q4 2023.", "Q4 2023", "2023-Q4"),
        ),
    ),
    Rule(
        _rx(rf"(?P<the>the\s+)?(?:(?:early|late|mid-?)\s*)?{_SEASON}\s+(?:of\s+)?{_YEAR4}(?!,?\d)"),
        _h_season, _SEASON_WORDS,
        examples=(
            Example("The bridge opened in the spring of 1998.", "the spring of 1998", "1998-SP"),
            Example("Talks collapsed in summer 2021.", "summer 2021", "2021-SU"),
        ),
    ),
    Rule(
        _rx(rf"(?P<the>the\s+)?(?:(?:early|late|mid-?)\s*)?(?:{_MODIFIER}\s+)?{_SEASON}"), _h_season, _SEASON_WORDS,
        examples=(
            Example("Tourism collapsed last summer.", "last summer", "2023-SU"),
            Example("Crops failed this past summer.", "this past summer", "2024-SU", published=date(2024, 10, 30)),
            Example("Parliament will vote on the budget in the autumn.", "the autumn", "2024-FA"),
            Example("Prices fell in the winter, traders said.", "the winter", "2023-WI"),
        ),
    ),
    Rule(
        _rx(rf"(?:{_PART}\s*|(?P<fy>fiscal\s*|FY\s*))?{_YEAR4}(?!,?\d|-\d|\s*(?:%|percent))"),
        _h_year, ("19", "20", "2100"),
        examples=(
            Example("Exports fell in 2023.", "2023", "2023"),
            Example("The report covers the period from 1990 to 1997.", "1997", "1997"),
        ),
    ),
    Rule(
        _rx(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0s|'(?P<dd>\d)0s)"),
        _h_decade, ("0s",),
        examples=(
            Example("The city grew quickly in the 1990s.", "the 1990s", "199"),
            Example("Jazz clubs of the '20s were crowded.", "the '20s", "192", published=date(1998, 3, 3)),
        ),
    ),
    Rule(
        _rx(
            rf"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<cw>eighteen|nineteen)[\s-]+(?P<dw>{_DECADE_WORD})"
            rf"|the\s+(?:(?:early|mid|late)[\s-]+)?(?P<dw2>{_DECADE_WORD})"
        ),
        _h_decade_words, ("ties",),
        examples=(
            Example("Inflation was high in the nineties.", "the nineties", "199"),
            Example("The band was famous in the late nineteen-sixties.", "the late nineteen-sixties", "196"),
        ),
    ),
    Rule(
        _rx(
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)"
            rf"|(?P<w>{_CENTURY_ORDINAL}))[\s-]+century"
        ),
        _h_century, ("century",),
        examples=(
            Example("The church was built in the 12th century.", "the 12th century", "11"),
            Example("It was the worst war of the twentieth century.", "the twentieth century", "19"),
        ),
    ),
    Rule(
        _rx(r"the\s+(?:end|beginning|start|middle|rest|remainder)\s+of\s+the\s+(?P<unit>week|month|year)"),
        _h_end_of, ("end", "beginning", "start", "middle", "rest", "remainder"),
        examples=(Example("The report is due by the end of the month.", "the end of the month", "2024-03"),),
    ),
    Rule(
        _rx(
            r"(?<!fiscal\s)(?<!calendar\s)(?:(?:the\s+)?year(?:\s+end|['’]s\s+end)(?![\w-])"
            r"|(?:(?P<y1>(?:19|20)\d\d)\s+)?year-end(?!-))(?:,?\s+(?P<y2>(?:19|20)\d\d)(?!,?\d))?"
        ),
        _h_year_end, ("end",),
        examples=(
            Example("The deal should close by year-end.", "year-end", "1989", published=date(1989, 10, 26)),
            Example("The index is up 12% since year-end.", "year-end", "1988", published=date(1989, 10, 26)),
            Example("Debt fell from $1.3 billion at year-end 1985.",
                "year-end 1985", "1985", published=date(1987, 3, 5)),
        ),
    ),
    Rule(
        _rx(
            rf"(?:{_PART}\s*)?(?:the\s+(?=current\b))?{_MODIFIER}\s+"
            r"(?:fiscal\s+(?=year|quarter))?(?P<unit>week|weekend|month|quarter|year|decade|century)"
        ),
        _h_relative, ("week", "month", "quarter", "year", "decade", "century"),
        examples=(
            Example("Hostages were freed during a cease-fire last year.", "last year", "2023"),
            Example("He cancelled a visit to Washington this week.", "this week", "2024-W13"),
            Example("The law takes effect next month.", "next month", "2024-04"),
            Example("Sales are strong in the current quarter.", "the current quarter", "2024-Q1"),
            Example("Sales fell 4% last fiscal year.", "last fiscal year", "2023"),
        ),
    ),
    Rule(
        # "next" alone, not before the word of its own date ("next year", "next Tuesday")
        _rx(r"next(?![\s-]+(?:fiscal\s+)?(?:week|month|quarter|year|decade|century|season|spring|summer|autumn"
            rf"|fall|winter|time|\w*day|{_MON})\b)"),
        _h_elided_next, ("next",),
        examples=(
            Example("Growth will slow to 2% this year and next, the IMF said.", "next", "2025"),
            Example("The central bank may cut rates this month or next.", "next", "2024-04"),
            Example("Prices rose last year and will rise this year and next.", "next", "2025"),
        ),
    ),
    Rule(
        _rx(rf"(?:{_APPROX})?(?P<num>{_NUM})[\s-]+{_UNIT_ADJ}{_UNIT}{_OR_SO}\s+(?P<dir>ago|earlier|from\s+now)"),
        _h_ago, ("ago", "earlier", "now"),
        examples=(
            Example("Prices fell five trading days ago.", "five trading days ago", "2024-03-20"),
            Example("The company was founded three years ago.", "three years ago", "2021"),
            Example("The rebels seized the town a week or so ago.", "a week or so ago", "2024-W12"),
            Example("It lost $3 million in the fiscal first quarter, against a profit a year ago.",
                "a year ago", "1988-Q1", published=date(1989, 10, 26)),
            Example("Net rose in the third quarter. For the nine months, it earned $2 billion, up from $1.7 billion "
                "a year earlier.", "a year earlier", "1988", published=date(1989, 10, 26)),
        ),
    ),
    Rule(
        _rx(
            r"the\s+(?P<mod>past|last|next|coming|previous|preceding|prior|first|final|following|ensuing|recent)\s+"
            rf"(?:(?P<num>{_NUM})[\s-]+{_UNIT_ADJ})?(?:fiscal\s+(?=years?\b))?{_UNIT}{_NOT_AGE}{_OR_SO}"
        ),
        _h_window, _UNIT_WORDS,
        examples=(
            Example("Sales fell in the past year.", "the past year", "2023"),
            Example("Sales fell in the last fiscal year.", "the last fiscal year", "2023"),
            Example("The population doubled in the past decade.", "the past decade", "P10Y", "DURATION"),
            Example("The talks began on March 3. The next day, the envoys left.", "The next day", "2024-03-04"),
            Example("The talks began on March 3. The rebels had attacked the previous night.",
                "the previous night", "2024-03-02TNI", "TIME"),
            Example("Rates may fall in the coming months.", "the coming months", "FUTURE_REF"),
            Example("Prices rose sharply in the past week.", "the past week", "2024-W14", published=date(2024, 4, 10)),
            Example("Shares have fallen over the last week.", "the last week", "2024-W14", published=date(2024, 4, 10)),
            Example("Demand will double over the next decade.", "the next decade", "P10Y", "DURATION"),
            Example("Prices may stay high over the next two years or so.",
                "the next two years or so", "P2Y", "DURATION"),
        ),
    ),
    Rule(
        _rx(
            rf"(?P<approx>{_APPROX})?(?:{_NOT_ARTICLE}(?P<num>{_NUM})(?P<half>\s+and\s+a\s+half)?[\s-]+{_UNIT_ADJ})?"
            rf"{_UNIT}(?:-(?P<lasting>long|old)\b|(?P<half2>\s+and\s+a\s+half)?{_NOT_AGE}{_OR_SO})"
        ),
        _h_duration, _UNIT_WORDS,
        examples=(
            Example("The war has lasted more than six months.", "more than six months", "P6M", "DURATION"),
            Example("He kept the post for only six months.", "six months", "P6M", "DURATION"),
            Example("The grant can be spent over three years.", "three years", "P3Y", "DURATION"),
            Example("The plant will stay shut for a year or so.", "a year or so", "P1Y", "DURATION"),
            Example("Refugees lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M", "DURATION"),
            Example("Lawyers emerged from a day-long meeting.", "day-long", "P1D", "DURATION"),
            Example("An official described the 90-minute meeting as frank.", "90-minute", "PT90M", "DURATION"),
            Example("The cuts will save $500 million a year.", "a year", "P1Y", "SET"),
            Example("Qantas flies four flights a week to Bombay.", "a week", "P1W", "SET"),
            Example("Two soldiers were killed a day later.", "a day", "P1D", "DURATION"),
            Example("Islam will one day be the second largest religion.", "one day", "FUTURE_REF"),
            Example("The strike lasted one day.", "one day", "P1D", "DURATION"),
        ),
    ),
    Rule(
        _rx(rf"(?:(?:an?|the)\s+)?(?P<num>{_NUM})[\s-]+(?P<unit>{_PERIOD_UNITS}) (?:period|term)\b"),
        _h_duration, tuple(f"{unit} {noun}" for unit in _PERIOD_UNITS.split("|") for noun in ("period", "term")),
        examples=(
            Example("Profits were overstated over a three-year period.", "a three-year period", "P3Y", "DURATION"),
            Example("The loan can be converted during its one-year term.", "one-year term", "P1Y", "DURATION"),
        ),
    ),
    Rule(
        _rx(rf"the\s+(?P<mod>next|following|previous|preceding|prior)\s+(?!night){_POD}"),
        _h_story_part_of_day, ("next", "following", "previous", "preceding", "prior"),
        examples=(
            Example("The army entered the town on March 3. The next morning, the mayor fled.",
                "The next morning", "2024-03-04TMO", "TIME"),
            Example("The talks ended on March 3. The previous evening, the envoys had dined.",
                "The previous evening", "2024-03-02TEV", "TIME"),
        ),
    ),
    Rule(
        _rx(r"the\s+(?P<unit>day|week|month|year)\s+(?P<ba>before|after)(?=\s*(?:[^\w\s]|$))"),
        _h_story_step, ("before", "after"),
        examples=(
            Example("The ministers met in Geneva on March 3. The envoys had arrived the day before.",
                "the day before", "2024-03-02"),
            Example("The plant opened in 1995. Sales doubled the year after.", "the year after", "1996"),
        ),
    ),
    Rule(
        _rx(r"the\s+[\w-]+\s+(?:straight\s+|consecutive\s+)?day(?=\s+of\b)"), _h_day_of_count, ("day",),
        examples=(
            Example("Today is the fifth day of the strike at the port.", "the fifth day", "2024-03-27"),
            Example("It's the 12th day of the siege, and food is short.", "the 12th day", "2024-03-27"),
        ),
    ),
    Rule(
        _rx(r"(?:earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)"),
        _h_story_step, ("earlier", "later"),
        examples=(
            Example("Officials met earlier in the day to discuss the crisis.", "earlier in the day", "2024-03-27"),
            Example("The army entered the town on March 3. Later in the day, the mayor fled.",
                "Later in the day", "2024-03-03"),
        ),
    ),
    Rule(
        _rx(
            r"(?:(?:earlier|later)\s+(?:(?:in|on)\s+)?)?(?:(?P<same>(?:the|that)\s+same)|that)"
            r"\s+(?P<unit>day|week|month|quarter|year)"
        ),
        _h_that, ("that", "same"),
        examples=(
            Example("The army entered the town on March 3. The same day, the mayor fled.", "The same day", "2024-03-03"),
            Example("The rebels took the port in 1998. That same year they lost it.", "That same year", "1998"),
            Example("The army entered the town on March 3. Later that day, the mayor fled.",
                "Later that day", "2024-03-03"),
            Example("The party was founded in 1998. That year it won 12 seats.", "That year", "1998"),
        ),
    ),
    Rule(
        _rx(rf"(?:(?:the\s+(?=previous\b))?{_MODIFIER}\s+)?{_WD}(?P<pl>s)?(?:\s+{_POD}(?P<pl2>s)?)?"),
        _h_weekday, _WEEKDAY_WORDS, True,
        examples=(
            Example("US leaders pressed their Israeli counterparts Tuesday to protect civilians.",
                "Tuesday", "2024-03-26"),
            Example("The foreign ministers will meet on Thursday in Brussels.", "Thursday", "2024-03-28"),
            Example("The board met last Friday.", "last Friday", "2024-03-22"),
            # "previous" reads back from the day the story speaks of, "last" from the story's own
            Example("On March 13 the index fell 2% from the previous Friday.", "the previous Friday", "2024-03-08"),
            Example("Turnout was lower than the previous Sunday.", "the previous Sunday", "2024-03-24"),
            Example("The board will meet on Friday to discuss the bid.", "Friday", "2024-03-29", published=date(2024, 3, 29)),
            Example("The board will meet next Friday to discuss the bid.", "next Friday", "2024-04-05", published=date(2024, 3, 29)),
            Example("The programme airs on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI", "SET"),
        ),
    ),
    Rule(
        _rx(
            rf"(?:(?:earlier|later|early|late)\s+)?(?:(?P<day>today|yesterday|tomorrow|tonight)(?:\s+{_POD})?"
            rf"|(?P<this>this|last)\s+{_part_of_day_pattern('pod2')})"
        ),
        _h_deictic, ("today", "yesterday", "tomorrow", "tonight", *_PART_OF_DAY_WORDS),
        examples=(
            Example("The ministry published the figures yesterday.", "yesterday", "2024-03-26"),
            Example("The two leaders spoke this morning.", "this morning", "2024-03-27TMO", "TIME"),
            Example("The president will address the nation tonight.", "tonight", "2024-03-27TNI", "TIME"),
            Example("Today's children spend hours online.", "Today", "PRESENT_REF"),
            Example("In today's economy, few jobs are safe.", "today", "PRESENT_REF"),
            Example("The world today faces many threats.", "today", "PRESENT_REF"),
        ),
    ),
    Rule(
        _rx(rf"(?:(?:early|late|mid)[\s-]*)?{_part_of_day_pattern('pod3')}\s+(?P<day2>today|yesterday|tomorrow)"),
        _h_deictic, ("today", "yesterday", "tomorrow"),
        examples=(Example("Shares rose mid-afternoon yesterday.", "mid-afternoon yesterday", "2024-03-26TAF", "TIME"),),
    ),
    Rule(
        _rx(rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?{_POD}"), _h_part_of_day, _PART_OF_DAY_WORDS,
        examples=(
            Example("Police reached the camp on Tuesday. In the morning, the crowd left.",
                "the morning", "2024-03-26TMO", "TIME"),
        ),
    ),
    Rule(
        _rx(r"the\s+weekend"), _h_the_weekend, ("weekend",),
        examples=(Example("Protests spread over the weekend.", "the weekend", "2024-W12-WE"),),
    ),
    Rule(
        _rx(r"the\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)"), _h_year_ended, ("year",),
        examples=(
            Example("For the year ended Sept. 30, the company earned $4 million.",
                "the year", "P1Y", "DURATION", published=date(1989, 10, 26)),
        ),
    ),
    Rule(
        _rx(rf"the\s+{_YEAR4}\s+(?:period|quarter)"), _h_year_period, ("period", "quarter"),
        examples=(
            Example("Profit rose in the third quarter. In the 1988 period, it earned $2 million.",
                "the 1988 period", "1988-Q3", published=date(1989, 10, 26)),
            Example("In the 1988 period, it earned $2 million.",
                "the 1988 period", "1988", published=date(1989, 10, 26)),
        ),
    ),
    Rule(
        _rx(
            r"the\s+(?:(?:current|full|fiscal|calendar|whole|entire)\s+){0,2}year"
            r"(?!['’-]|\s+(?:\d|(?:end(?:ed|ing)|ago|earlier|before|after|later|to\s+date|of|in|when|that|two|nineteen)\b))"
        ),
        _h_the_year, ("year",),
        examples=(
            Example("Sales will rise 4% for the year, the company said.", "the year", "2024"),
            Example("The company expects a loss for the full year.", "the full year", "2024"),
        ),
    ),
    Rule(
        _rx(
            rf"(?:{_MON}\s+(?:of\s+)?|(?P<ty>the\s+year\s+)"
            rf"|(?:the\s+)?(?:(?:early|late|mid-?)\s*)?{_SEASON}\s+(?:of\s+)?)?(?P<sy>{_SPELLED_YEAR})"
        ),
        _h_spelled_year, ("eighteen", "nineteen", "thousand"),
        examples=(
            Example("Keating was convicted in nineteen ninety-one.", "nineteen ninety-one", "1991"),
            Example("The census of nineteen hundred counted the city.", "nineteen hundred", "1900"),
            Example("Oil last traded that low in the winter of nineteen ninety-four.",
                "the winter of nineteen ninety-four", "1994-WI"),
        ),
    ),
    Rule(
        _rx(
            rf"{_AROUND}?"
            r"(?:(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)|(?P<word>noon|midnight)"
            r"|(?<![:.,])(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![:.,]?\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b))"
            rf"|(?P<h4>{_CLOCK_FIGURES})(?=\s*(?:{_ZONE}|hrs\b|local\s+time\b)))"
            rf"(?:\s*(?P<zone>{_ZONE}|hrs\b|local\s+time\b))?"
            rf"(?:,?\s+(?:on\s+)?(?:{_WD}|(?P<deic>today|yesterday|tomorrow)|{_MON}\s*(?P<d>\d{{1,2}})(?!\d)))?"
        ),
        _h_clock, ("am", "pm", "a.m.", "p.m.", "noon", "midnight", ":", "gmt", "utc", "st", "dt", "hrs", "local time"),
        examples=(
            Example("The polls closed at 8 p.m. Tuesday.", "8 p.m. Tuesday", "2024-03-26T20:00", "TIME"),
            Example("The vote closes at 8 p.m. Tuesday.", "8 p.m. Tuesday", "2024-04-02T20:00", "TIME"),
            Example("Kick-off is at 19:45 GMT Sunday.", "19:45 GMT Sunday", "2024-03-31T19:45Z", "TIME"),
            Example("The ballot will close at 17:00 GMT on Wednesday.",
                "17:00 GMT on Wednesday", "2024-03-27T17:00Z", "TIME"),
            Example("The ceasefire took effect at 06:00 Monday.", "06:00 Monday", "2024-03-25T06:00", "TIME"),
            Example("The president will speak at 2100 EST on Thursday.",
                "2100 EST on Thursday", "2024-03-28T21:00", "TIME"),
            Example("The tremor struck at 0620 hrs.", "0620 hrs", "2024-03-27T06:20", "TIME"),
            Example("The talks ended at 0200 local time.", "0200 local time", "2024-03-27T02:00", "TIME"),
            Example("Polls closed at 8 p.m. local time.", "8 p.m. local time", "2024-03-27T20:00", "TIME"),
            Example("The offer expires at 5 p.m. EST April 9.", "5 p.m. EST April 9", "2024-04-09T17:00", "TIME"),
            Example("The meeting ended at 10 p.m. without a deal.", "10 p.m.", "2024-03-27T22:00", "TIME"),
            Example("The gunmen entered the shop around 7:15 p.m.", "around 7:15 p.m.", "2024-03-27T19:15", "TIME"),
            Example("Polls open at 7 a.m. (1100 GMT) on Sunday.", "7 a.m.", "2024-03-31T07:00", "TIME"),
            Example("The summit starts at 10 a.m. (0800 GMT) Friday.", "10 a.m.", "2024-03-29T10:00", "TIME"),
            Example("The blast hit at 9 a.m. (0600 GMT) yesterday.", "9 a.m.", "2024-03-26T09:00", "TIME"),
        ),
    ),
    Rule(
        _rx(rf"{_HOLIDAY}(?:\s+{_YEAR4}(?!,?\d))?"),
        _h_holiday,
        _HOLIDAY_WORDS,
        True,
        examples=(
            Example("Shops closed on Good Friday.", "Good Friday", "2024-03-29"),
            Example("The parade will be held on Memorial Day.", "Memorial Day", "2024-05-27"),
            Example("Violence is our theme from now to Election Day.",
                "Election Day", "1998-11-03", published=date(1998, 10, 26)),
            Example("Stores were crowded before Thanksgiving.",
                "Thanksgiving", "2023-11-23", published=date(2023, 12, 2)),
            Example("Families gathered on Christmas Eve 2019.", "Christmas Eve 2019", "2019-12-24"),
            Example("Fireworks lit the sky on the Fourth of July.", "Fourth of July", "2023-07-04", published=date(2023, 7, 5)),
            Example("Pilgrims gathered on Palm Sunday 2024.", "Palm Sunday 2024", "2024-03-24"),
        ),
    ),
    Rule(
        _rx(
            r"(?P<present>(?:right\s+)?now(?!-)|currently|presently|nowadays|at\s+present|these\s+days"
            r"|the\s+present\s+day|at\s+the\s+moment)"
            r"|(?P<past>recently|lately|the\s+past|recent\s+times)"
            # "in recent years": an unspecified stretch of years up to now, a duration
            r"|recent\s+(?P<stretch>years|months|weeks|days|decades|quarters)"
            r"|(?P<future>the\s+(?:near\s+|distant\s+)?future|coming\s+(?:days|weeks|months|years|quarters)"
            # "in the short term", not "the short-term loans" or "the long term debt"
            rf"|the\s+(?:near|short|medium|long)[\s-]+term(?={_ENDS_PHRASE})"
            r"|future\s+(?:years|quarters)|as\s+soon\s+as\s+possible"
            # "will soon decide", not "as soon as the talks end", "soon after the vote", "too soon to say"
            r"|(?<!\bas\s)(?<!\btoo\s)soon(?![\s-]+(?:after|afterwards?|thereafter)\b|-))"
            r"|(?P<current>(?P<then>then[\s-]+)?current)"
        ),
        _h_ref,
        ("now", "current", "present", "days", "moment", "recent", "lately", "past", "future", "coming", "possible", "term",
         "soon"),
        examples=(
            Example("The two sides will soon resume talks.", "soon", "FUTURE_REF"),
            Example("The current crisis has cut exports.", "current", "PRESENT_REF"),
            Example("Holders may buy shares at half the then current price.", "then current", "PAST_REF"),
            Example("The fighting is now in its sixth month.", "now", "PRESENT_REF"),
            Example("The group recently opened an office.", "recently", "PAST_REF"),
            Example("Such mistakes belong to the past.", "the past", "PAST_REF"),
            Example("Kidnappings have risen in recent years.", "recent years", "PXY", "DURATION"),
            Example("Rents rose sharply in recent months.", "recent months", "PXM", "DURATION"),
            Example("Prices will rise in the near future.", "the near future", "FUTURE_REF"),
            Example("Margins will stay thin in the near term.", "the near term", "FUTURE_REF"),
            Example("The cuts may hurt growth over the short term.", "the short term", "FUTURE_REF"),
            Example("The firm said it would sell the unit as soon as possible.", "as soon as possible", "FUTURE_REF"),
        ),
    ),
    Rule(
        _rx(
            rf"(?P<adv>{_SET_ADVERB})|(?:every|each|per)\s+(?:(?P<other>other)\s+)?"
            rf"(?:{_WD}|{_MON}|{_SEASON}|{_POD}|(?P<seas>season)|(?:(?P<num>{_NUM})\s+)?{_UNIT})"
            rf"|(?P<freq>once|twice|(?:\d+|{_ONES_RE})\s+times)\s+(?:a|an|per|each|every)\s+{_SET_UNIT}"
        ),
        _h_set, (*SET_ADVERBS, "every", "each", "per", "once", "twice", "times"),
        examples=(
            Example("The agency publishes daily updates on casualties.", "daily", "P1D", "SET"),
            Example("The agency updates its casualty count daily.", "daily", "P1D", "SET"),
            Example("The reserve will be adjusted quarterly.", "quarterly", "P1Q", "SET"),
            Example("The committee meets every week in Geneva.", "every week", "P1W", "SET"),
            Example("Pilgrims come to the shrine every July.", "every July", "XXXX-07", "SET"),
            Example("The team trains each Monday.", "each Monday", "XXXX-WXX-1", "SET"),
            Example("The ferry sails twice a day.", "twice a day", "P1D", "SET"),
        ),
    ),
)
