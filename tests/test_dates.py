"""Temporal expressions: detection, rejection and TimeML normalisation."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newswire.extract.dates import extract_dates, vocabulary
from newswire.extract.dates.calendar import parse_holiday_rule
from newswire.extract.dates.rules import REACH, RULES, Example, Rule
from newswire.extract.lexicons import LexiconError
from newswire.extract.nlp import load_model
from newswire.records import DateMention

WED = date(2024, 3, 27)  # a Wednesday
THU = date(2024, 4, 18)  # a Thursday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _mention(nlp, text: str, phrase: str, published: date | None) -> DateMention:
    """The single mention that overlaps the first occurrence of phrase in text."""
    start = text.index(phrase)
    end = start + len(phrase)
    hits = [m for m in extract_dates(nlp(text), "a1", published) if m.start_char < end and start < m.end_char]
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value"),
    [
        ("US leaders pressed their Israeli counterparts Tuesday to protect civilians.", "Tuesday", WED, "2024-03-26"),
        ("Gallant met Monday with Secretary of State Antony Blinken.", "Monday", WED, "2024-03-25"),
        ("The administration sought again on Thursday to slow the offensive.", "Thursday", THU, "2024-04-18"),
        ("The spokesman said on Wednesday that talks would continue.", "Wednesday", WED, "2024-03-27"),
        ("The foreign ministers will meet on Thursday in Brussels.", "Thursday", WED, "2024-03-28"),
        # the story's own weekday told in the future is later that day; a week on is "next Wednesday"
        ("The council will meet on Wednesday to vote.", "Wednesday", WED, "2024-03-27"),
        ("The council will meet next Wednesday to vote.", "next Wednesday", WED, "2024-04-03"),
        ("The final report is due to be published on Friday.", "Friday", WED, "2024-03-29"),
        ("The court is expected to rule Monday on the appeal.", "Monday", WED, "2024-04-01"),
        ("Worry may have caused a drop in the stock on Tuesday.", "Tuesday", WED, "2024-03-26"),
        ("The offer had been due to expire Monday.", "Monday", WED, "2024-03-25"),
        ("The two leaders meet Monday in Geneva.", "Monday", date(2024, 5, 3), "2024-05-06"),
        ("The two leaders meet Tuesday in Geneva.", "Tuesday", WED, "2024-03-26"),
        ("The rebels could attack as early as Monday, officials said.", "Monday", WED, "2024-04-01"),
        ("The talks began as early as Monday, officials said.", "Monday", WED, "2024-03-25"),
        ("The boy could leave the country as soon as Tuesday, his lawyers said.", "Tuesday", WED, "2024-04-02"),
        ("The mayor scheduled a news conference Friday to announce the plan.", "Friday", WED, "2024-03-29"),
        ("Officials postponed until Tuesday any decision on the permit.", "Tuesday", THU, "2024-04-23"),
        ("The vote had been postponed until Monday.", "Monday", WED, "2024-03-25"),
        ("On Monday, the government planned to pay the first claims.", "Monday", WED, "2024-03-25"),
        ("The prosecutor has scheduled a news conference Thursday to announce a major development.", "Thursday",
         WED, "2024-03-28"),
        ("A vigil planned for Monday was cancelled after threats.", "Monday", WED, "2024-03-25"),
        ("The company said the dividend would be paid Friday.", "Friday", WED, "2024-03-29"),
        ("The committee ordered the minister to testify on Friday.", "Friday", WED, "2024-03-29"),
    ],
)
def test_weekday_follows_tense(nlp: Language, text: str, phrase: str, published: date, value: str) -> None:
    m = _mention(nlp, text, phrase, published)
    assert (m.timex_type, m.timex_value, m.resolved_date, m.precision) == (
        "DATE",
        value,
        date.fromisoformat(value),
        "day",
    )


@pytest.mark.parametrize(
    ("text", "phrase", "published", "timex_type", "value", "resolved", "precision"),
    [
        ("Hostages were freed during a cease-fire last year.", "last year", WED, "DATE", "2023", date(2023, 1, 1), "year"),
        ("He cancelled a visit to Washington this week.", "this week", WED, "DATE", "2024-W13", date(2024, 3, 25), "week"),
        ("Prices rose sharply last week.", "last week", WED, "DATE", "2024-W12", date(2024, 3, 18), "week"),
        ("The law takes effect next month.", "next month", WED, "DATE", "2024-04", date(2024, 4, 1), "month"),
        ("The ministry published the figures yesterday.", "yesterday", WED, "DATE", "2024-03-26", date(2024, 3, 26), "day"),
        ("The two leaders spoke this morning.", "this morning", WED, "TIME", "2024-03-27TMO", date(2024, 3, 27), "day"),
        ("The fighting is now in its sixth month.", "now", WED, "DATE", "PRESENT_REF", None, None),
        ("The group recently opened an office.", "recently", WED, "DATE", "PAST_REF", None, None),
        ("Tourism collapsed last summer.", "last summer", WED, "DATE", "2023-SU", date(2023, 6, 1), "season"),
        ("Protests spread over the weekend.", "the weekend", WED, "DATE", "2024-W12-WE", date(2024, 3, 23), "week"),
        ("Sales fell in the past year.", "the past year", WED, "DATE", "2023", date(2023, 1, 1), "year"),
        ("The population doubled in the past decade.", "the past decade", WED, "DURATION", "P10Y", None, None),
        ("Wages lost ground in the last decade.", "the last decade", WED, "DATE", "201", date(2010, 1, 1), "decade"),
        ("Net income rose in the 2023 second quarter.", "the 2023 second quarter", WED, "DATE", "2023-Q2", date(2023, 4, 1), "quarter"),
        ("Shares rose mid-afternoon yesterday.", "mid-afternoon yesterday", WED, "TIME", "2024-03-26TAF", date(2024, 3, 26), "day"),
        # a time on a weekday follows the tense like the bare weekday
        ("The polls closed at 8 p.m. Tuesday.", "8 p.m. Tuesday", WED, "TIME", "2024-03-26T20:00", date(2024, 3, 26), "day"),
        ("The market opens at 9 a.m. Thursday.", "9 a.m. Thursday", WED, "TIME", "2024-03-28T09:00", date(2024, 3, 28), "day"),
        # the story's own weekday told in the future is later that day
        ("The minister will speak at noon Wednesday.", "noon Wednesday", WED, "TIME", "2024-03-27T12:00", date(2024, 3, 27),
         "day"),
        ("The offer expires at 5 p.m. EST April 9.", "5 p.m. EST April 9", WED, "TIME", "2024-04-09T17:00", date(2024, 4, 9), "day"),
        ("Keating was convicted in nineteen ninety-one.", "nineteen ninety-one", WED, "DATE", "1991", date(1991, 1, 1), "year"),
        ("Sales rose 9% in the latest quarter.", "the latest quarter", date(2024, 10, 24), "DATE", "2024-Q3", date(2024, 7, 1), "quarter"),
        ("It earned $2 million in the year-ago quarter.", "the year-ago quarter", date(2024, 10, 24), "DATE", "2023-Q3", date(2023, 7, 1), "quarter"),
        ("Orders fell from the quarter a year ago.", "the quarter a year ago", date(2024, 10, 24), "DATE", "2023-Q3",
         date(2023, 7, 1), "quarter"),
        ("Margins beat last year's quarter.", "last year's quarter", date(2024, 10, 24), "DATE", "2023-Q3", date(2023, 7, 1),
         "quarter"),
        ("Rates may fall in the coming months.", "the coming months", WED, "DATE", "FUTURE_REF", None, None),
        ("Profit doubled in the first half of 2023.", "the first half of 2023", WED, "DATE", "2023-H1", date(2023, 1, 1), "half"),
        ("Growth will slow in the second half of next year.", "the second half of next year", WED, "DATE", "2025-H2",
         date(2025, 7, 1), "half"),
        ("Sales for the first two quarters of 2025 should rise.", "the first two quarters of 2025", WED, "DATE",
         "2025-H1", date(2025, 1, 1), "half"),
        ("Prices fell five trading days ago.", "five trading days ago", WED, "DATE", "2024-03-20", date(2024, 3, 20), "day"),
        ("He was shot dead last Oct. 23 at his home.", "last Oct. 23", date(1999, 4, 19), "DATE", "1998-10-23",
         date(1998, 10, 23), "day"),
        ("The plant reopens next March 5.", "next March 5", date(1999, 4, 19), "DATE", "2000-03-05", date(2000, 3, 5), "day"),
        ("Hearings are set for the week of March 6.", "the week of March 6", date(2000, 2, 24), "DATE", "2000-W10",
         date(2000, 3, 6), "week"),
        ("Violence is our theme from now to Election Day.", "Election Day", date(1998, 10, 26), "DATE", "1998-11-03",
         date(1998, 11, 3), "day"),
        ("Shops closed on Good Friday.", "Good Friday", WED, "DATE", "2024-03-29", date(2024, 3, 29), "day"),
        ("The parade will be held on Memorial Day.", "Memorial Day", WED, "DATE", "2024-05-27", date(2024, 5, 27), "day"),
        ("Traffic was heavy on Labor Day.", "Labor Day", date(2024, 9, 10), "DATE", "2024-09-02", date(2024, 9, 2), "day"),
        ("The deal should close by year-end.", "year-end", date(1989, 10, 26), "DATE", "1989", date(1989, 1, 1), "year"),
        ("The index is up 12% since year-end.", "year-end", date(1989, 10, 26), "DATE", "1988", date(1988, 1, 1), "year"),
        ("Debt fell from $1.3 billion at year-end 1985.", "year-end 1985", date(1987, 3, 5), "DATE", "1985",
         date(1985, 1, 1), "year"),
    ],
)
def test_relative_expressions(
    nlp: Language,
    text: str,
    phrase: str,
    published: date,
    timex_type: str,
    value: str,
    resolved: date | None,
    precision: str | None,
) -> None:
    m = _mention(nlp, text, phrase, published)
    assert (m.mention_text, m.timex_type, m.timex_value, m.resolved_date, m.precision) == (
        phrase,
        timex_type,
        value,
        resolved,
        precision,
    )


OCT_26 = date(1989, 10, 26)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Net income rose to $5 million in the third quarter from $4 million a year earlier.", "a year earlier", "1988-Q3"),
        ("It lost $3 million in the fiscal first quarter, against a profit a year ago.", "a year ago", "1988-Q1"),
        ("Sales rose 5% in the third quarter. In the year-ago period, sales fell.", "the year-ago period", "1988-Q3"),
        ("Third-quarter profit beat year-earlier results.", "year-earlier", "1988-Q3"),
        ("Wages were 3.8 percent higher than a year earlier.", "a year earlier", "1988"),
        ("Year-earlier results included a gain.", "Year-earlier", "1988"),
    ],
)
def test_year_back_comparisons_read_against_the_story_quarter(nlp: Language, text: str, phrase: str, value: str) -> None:
    m = _mention(nlp, text, phrase, OCT_26)
    assert (m.mention_text, m.timex_type, m.timex_value) == (phrase, "DATE", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("On May 22, 1995, he was made a general, and the following year he was appointed attache.", "the following year", "1996"),
        ("The talks began on March 3. The next day, the envoys left.", "The next day", "2024-03-04"),
        ("The plant closed in June 2022. The previous month, workers had struck.", "The previous month", "2022-05"),
        ("Sales fell 3% from the previous year.", "the previous year", "2023"),
        ("The envoys will meet the following week.", "the following week", "2024-W14"),
        ("The army entered the town on March 3. Later that day, the mayor fled.", "Later that day", "2024-03-03"),
        ("The party was founded in 1998. That year it won 12 seats.", "That year", "1998"),
    ],
)
def test_steps_from_the_story_date(nlp: Language, text: str, phrase: str, value: str) -> None:
    m = _mention(nlp, text, phrase, WED)
    assert (m.mention_text, m.timex_type, m.timex_value) == (phrase, "DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police reached the camp on Tuesday. At 10 p.m., the crowd left.", "2024-03-26T22:00"),
        ("The meeting ended at 10 p.m. without a deal.", "2024-03-27T22:00"),
        ("Police reached the camp on Tuesday. Aid trucks followed. Doctors set up tents. At 10 p.m., the crowd left.",
         "2024-03-27T22:00"),
        ("Police reached the camp on Tuesday. The crowd left on Wednesday at 10 p.m.", "2024-03-27T22:00"),
    ],
)
def test_a_time_of_day_is_on_the_day_last_mentioned(nlp: Language, text: str, value: str) -> None:
    m = _mention(nlp, text, "10 p.m.", WED)
    assert (m.timex_type, m.timex_value) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The president issued an ultimatum on behalf of the allies demanding that the rebels withdraw "
         "within a week, starting at noon Saturday.", "noon Saturday", "2024-03-23T12:00"),
        ("The council sent a letter to the mayors asking that the camps close, beginning at noon Saturday.",
         "noon Saturday", "2024-03-23T12:00"),
        ("The president will issue an ultimatum on behalf of the allies demanding that the rebels withdraw "
         "within a week, starting at noon Saturday.", "noon Saturday", "2024-03-30T12:00"),
    ],
)
def test_an_ing_clause_is_told_in_the_tense_of_the_verb_it_hangs_on(
    nlp: Language, text: str, phrase: str, value: str
) -> None:
    m = _mention(nlp, text, phrase, WED)
    assert (m.timex_type, m.timex_value) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value", "resolved", "precision"),
    [
        ("It was launched after the Oct. 7 attack on Israel.", "Oct. 7", THU, "2023-10-07", date(2023, 10, 7), "day"),
        ("It was a response to Hamas' October 7 attack.", "October 7", WED, "2023-10-07", date(2023, 10, 7), "day"),
        ("About 810,000 people had fled Rafah since May 6.", "May 6", date(2024, 5, 20), "2024-05-06", date(2024, 5, 6), "day"),
        ("On March 27, 2024, a meeting took place.", "March 27, 2024", WED, "2024-03-27", date(2024, 3, 27), "day"),
        ("The filing is dated 2024-03-26 in the register.", "2024-03-26", WED, "2024-03-26", date(2024, 3, 26), "day"),
        ("Inflation peaked in March 2023.", "March 2023", WED, "2023-03", date(2023, 3, 1), "month"),
        ("Exports fell in 2023.", "2023", WED, "2023", date(2023, 1, 1), "year"),
        ("The city grew quickly in the 1990s.", "1990s", WED, "199", date(1990, 1, 1), "decade"),
        ("Profit was 953 mln for the 1986 full year.", "1986 full year", WED, "1986", date(1986, 1, 1), "year"),
        ("It earned 68 mln dlrs for the full year 1986.", "the full year 1986", WED, "1986", date(1986, 1, 1), "year"),
        ("Inflation was high in the nineties.", "the nineties", WED, "199", date(1990, 1, 1), "decade"),
        ("The band was famous in the late nineteen-sixties.", "sixties", WED, "196", date(1960, 1, 1), "decade"),
        ("Jazz clubs of the '20s were crowded.", "'20s", date(1998, 3, 3), "192", date(1920, 1, 1), "decade"),
        ("Profits rose in the first quarter.", "first quarter", WED, "2024-Q1", date(2024, 1, 1), "quarter"),
        ("The decree dated 26.03.2024 was published.", "26.03.2024", WED, "2024-03-26", date(2024, 3, 26), "day"),
        ("The form dated 26/03/2024 arrived.", "26/03/2024", WED, "2024-03-26", date(2024, 3, 26), "day"),
        ("The deal was filed 2024/03/05 in Paris.", "2024/03/05", WED, "2024-03-05", date(2024, 3, 5), "day"),
        ("The strike began in early December.", "December", WED, "2023-12", date(2023, 12, 1), "month"),
        ("The dividend is payable Dec. 7 to holders.", "Dec. 7", date(2024, 11, 2), "2024-12-07", date(2024, 12, 7), "day"),
        ("The rights expire Jan. 2.", "Jan. 2", date(2024, 11, 2), "2025-01-02", date(2025, 1, 2), "day"),
        ("The bank extended the offer to Nov. 20.", "Nov. 20", date(2024, 11, 2), "2024-11-20", date(2024, 11, 20), "day"),
        ("The closing is expected in February.", "February", date(2024, 11, 2), "2025-02", date(2025, 2, 1), "month"),
        ("Hostages from the raid on Oct. 7 are held in Rafah.", "Oct. 7", date(2024, 5, 20), "2023-10-07", date(2023, 10, 7), "day"),
        ("The paper said in an editorial on Saturday, April 25:", "April 25", date(1998, 4, 24), "1998-04-25", date(1998, 4, 25), "day"),
        ("The toll has risen since Dec. 7.", "Dec. 7", date(2024, 11, 2), "2023-12-07", date(2023, 12, 7), "day"),
        ("The report covers the period from 1990 to 1997.", "1997", WED, "1997", date(1997, 1, 1), "year"),
        ("The union had set Nov. 10 as the deadline.", "Nov. 10", date(2023, 11, 2), "2023-11-10", date(2023, 11, 10), "day"),
        ("Output was cut in December, the ministry said.", "December", date(2023, 11, 20), "2023-12", date(2023, 12, 1), "month"),
        ("The crisis began on Jan. 3.", "Jan. 3", date(2024, 12, 28), "2024-01-03", date(2024, 1, 3), "day"),
        ("Crops failed this past summer.", "this past summer", date(2024, 10, 30), "2024-SU", date(2024, 6, 1), "season"),
        ("Crops failed last summer.", "last summer", date(2024, 10, 30), "2023-SU", date(2023, 6, 1), "season"),
    ],
)
def test_calendar_dates(
    nlp: Language, text: str, phrase: str, published: date, value: str, resolved: date, precision: str
) -> None:
    m = _mention(nlp, text, phrase, published)
    assert (m.timex_type, m.timex_value, m.resolved_date, m.precision) == ("DATE", value, resolved, precision)


@pytest.mark.parametrize(
    ("text", "phrase", "timex_type", "value"),
    [
        ("An official described the 90-minute meeting as frank.", "90-minute", "DURATION", "PT90M"),
        ("The war has lasted more than six months.", "more than six months", "DURATION", "P6M"),
        ("Rescuers worked for 48 hours without a break.", "48 hours", "DURATION", "PT48H"),
        ("The project took two years to complete.", "two years", "DURATION", "P2Y"),
        ("Talks dragged on for several days.", "several days", "DURATION", "PXD"),
        ("Refugees lived in the camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("A minute and a half later the pilot called.", "A minute and a half", "DURATION", "PT1M30S"),
        ("Unemployment is at its lowest for two decades.", "two decades", "DURATION", "P20Y"),
        ("The agency updates its casualty count daily.", "daily", "SET", "P1D"),
        ("The cuts will save $500 million a year.", "a year", "SET", "P1Y"),
        ("This will add nearly 700 seats a week on the route.", "a week", "SET", "P1W"),
        ("Jobs grew by 358,000 a month.", "a month", "SET", "P1M"),
        ("The rebels pulled back within a week.", "a week", "DURATION", "P1W"),
        ("The committee meets every week in Geneva.", "every week", "SET", "P1W"),
        ("Sales fell in the past two quarters.", "the past two quarters", "DURATION", "P2Q"),
        ("Shares fell for eight trading days.", "eight trading days", "DURATION", "P8D"),
        ("The index rose for three straight months.", "three straight months", "DURATION", "P3M"),
        ("He stayed an additional year.", "an additional year", "DURATION", "P1Y"),
        ("Pilgrims come to the shrine every July.", "every July", "SET", "XXXX-07"),
        ("The programme airs on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        ("Ferries will sail on Friday and Saturday nights.", "Friday", "SET", "XXXX-WXX-5TNI"),
        ("Ferries will sail on Friday and Saturday nights.", "Saturday nights", "SET", "XXXX-WXX-6TNI"),
        ("The clinic opens Monday or Thursday mornings.", "Monday", "SET", "XXXX-WXX-1TMO"),
        ("Kenya hoped to end a years-old slump in tourism.", "years-old", "DURATION", "PXY"),
        ("A week-old truce held.", "week-old", "DURATION", "P1W"),
        ("It was a decades-long feud.", "decades-long", "DURATION", "PXDE"),
        ("Lawyers emerged from a day-long meeting.", "day-long", "DURATION", "P1D"),
        ("He gave an hour-long speech.", "hour-long", "DURATION", "PT1H"),
        ("The two-week-long strike ended.", "two-week-long", "DURATION", "P2W"),
    ],
)
def test_durations_and_sets(nlp: Language, text: str, phrase: str, timex_type: str, value: str) -> None:
    m = _mention(nlp, text, phrase, WED)
    assert (m.mention_text, m.timex_type, m.timex_value, m.resolved_date, m.precision) == (
        phrase,
        timex_type,
        value,
        None,
        None,
    )


def test_a_full_month_name_leaves_the_full_stop(nlp: Language) -> None:
    assert _mention(nlp, "He was hospitalized in mid-July.", "July", WED).mention_text == "mid-July"


@pytest.mark.parametrize(
    ("text", "phrase", "timex_type", "value"),
    [
        ("For the year ended Sept. 30, the company earned $4 million.", "the year", "DURATION", "P1Y"),
        ("Profit rose in the third quarter. In the 1988 period, it earned $2 million.", "the 1988 period", "DATE", "1988-Q3"),
        ("In the 1988 period, it earned $2 million.", "the 1988 period", "DATE", "1988"),
    ],
)
def test_results_periods(nlp: Language, text: str, phrase: str, timex_type: str, value: str) -> None:
    m = _mention(nlp, text, phrase, OCT_26)
    assert (m.mention_text, m.timex_type, m.timex_value) == (phrase, timex_type, value)


@pytest.mark.parametrize(
    "text",
    [
        "The 62-year-old man was arrested at the scene.",
        "A six-year-old boy and his twenty-two-year-old cousin were rescued.",
        "The 6-1/2 year-old war went on.",
        "Congress ended the half-century-old separation of banking.",
        "Kansas won the Big 12 title on a late goal.",
        "The home side won 14-0 in front of a small crowd.",
        "He drove a 4x4 across the desert.",
        "The company employs 1990 workers in the region.",
        "Version 1.5.2 of the app was released.",
        "Three quarters of the vote went to the ruling party.",
        "Shares fell by a quarter in early trade.",
        "Temperatures will stay in the fifties.",
        "The retired miner is in his sixties.",
        "The verse John 3:16 was read aloud.",
        "The score was 10:30 at half-time.",
        "The bank cut the short term rate.",
        "He left as soon as the meeting ended.",
        "He died soon after the attack.",
        "It is too soon to say.",
        "The current swept the boat away.",
        "The current account deficit widened.",
        "The current-account gap narrowed.",
        "The soon-to-open terminal was shown.",
        "The general promised to return soon.",
        "Poverty fell in the latest period of reform.",
        "The summit will decide the future of the euro.",
        'The minister spoke on the programme "This Week With Jane Doe".',
        'She appeared on "60 Minutes," the news show.',
        "The minister said on state TV's morning talk show that he would stay.",
        "Good evening from the capital.",
        "Now, the ministry says the figures were wrong.",
        "The vote failed. And now, the opposition wants a recount.",
        "She still visits the village every now and then.",
        "Riots broke out in the city for the past three summers.",
    ],
)
def test_non_temporal_expressions_are_rejected(nlp: Language, text: str) -> None:
    assert extract_dates(nlp(text), "a1", WED) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Now the ministry says the figures were wrong.", "Now"),
        ("The ministry now says the figures were wrong.", "now"),
        ("The strike is over for now, the union said.", "now"),
        ("No one has claimed the attack until now.", "now"),
        ("The ships should be in port by now.", "now"),
        ("Now that the border is open, trade will recover.", "Now"),
        ("The market is calm right now.", "now"),
    ],
)
def test_now_that_names_the_present_is_kept(nlp: Language, text: str, phrase: str) -> None:
    m = _mention(nlp, text, phrase, WED)
    assert (m.timex_type, m.timex_value) == ("DATE", "PRESENT_REF")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a timetable verb in the simple present tells what lies ahead: the coming November
        ("The football season starts in November.", "November", "2024-11"),
        ("Parliament resumes in September after the recess.", "September", "2024-09"),
        ("The new tariffs take effect when the treaty expires in December.", "December", "2024-12"),
        ("The festival opens on Oct. 3 in the old town.", "Oct. 3", "2024-10-03"),
        ("The final report is due in November.", "November", "2024-11"),
        ("The final report is not due until November.", "November", "2024-11"),
        ("Classes do not resume until September.", "September", "2024-09"),
        ("The law takes effect on Jan. 1.", "Jan. 1", "2025-01-01"),
        ("The new rules go into effect on Feb. 1.", "Feb. 1", "2025-02-01"),
        # the same verbs in the past look back, and a present that is not a timetable's is the nearest
        ("The football season started in November.", "November", "2023-11"),
        ("Unemployment peaks in November, the ministry says.", "November", "2023-11"),
    ],
)
def test_a_timetable_in_the_present_points_ahead(nlp: Language, text: str, phrase: str, value: str) -> None:
    assert _mention(nlp, text, phrase, WED).timex_value == value


@pytest.mark.parametrize(
    "text",
    [
        "Monday was the third day of the strike.",  # the day counted is Monday's, not the story's
        "The tenth day of the trial was quiet.",
        "Today is the worst day of the crisis.",
    ],
)
def test_a_counted_day_is_the_story_day_only_when_said_of_the_present(nlp: Language, text: str) -> None:
    assert not [m for m in extract_dates(nlp(text), "a1", WED) if " day" in m.mention_text]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Exports shrank for the fourth straight month.", "month"),
        ("The strike ended on the tenth day.", "day"),
        ("Nobody could say what happened that day.", "that day"),
    ],
)
def test_an_expression_nothing_resolves_is_left_out(nlp: Language, text: str, phrase: str) -> None:
    mentions = extract_dates(nlp(text), "a1", WED)
    assert not [m for m in mentions if phrase in m.mention_text], mentions
    assert all(m.timex_value is not None for m in mentions)


def test_ninety_minute_is_never_a_year(nlp: Language) -> None:
    mentions = extract_dates(nlp("The 90-minute meeting at the Pentagon was tense."), "a1", WED)
    assert [(m.timex_value, m.resolved_date) for m in mentions] == [("PT90M", None)]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "resolved"),
    [
        ("The talks were held on Tuesday.", "Tuesday", None, None),
        ("Hostages were freed last year.", "last year", None, None),
        ("On March 27, 2024, the ministers met.", "March 27, 2024", "2024-03-27", date(2024, 3, 27)),
        ("The war has lasted six months.", "six months", "P6M", None),
    ],
)
def test_without_published_at_only_absolute_values_resolve(
    nlp: Language, text: str, phrase: str, value: str | None, resolved: date | None
) -> None:
    m = _mention(nlp, text, phrase, None)
    assert (m.timex_value, m.resolved_date) == (value, resolved)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (WED, ["Monday", "Oct. 7", "last year", "this week", "90-minute", "daily"]),
        (None, ["Monday", "Oct. 7", "last year", "this week", "90-minute", "daily"]),
    ],
)
def test_offsets_round_trip_sorted_and_disjoint(nlp: Language, published: date | None, expected: list[str]) -> None:
    text = (
        "On Monday, Netanyahu cancelled the visit.\n\n          \n\n"
        "The Oct. 7 attack killed 1,200 people, and a truce last year freed hostages.\n"
        "He said this week that the 90-minute talks were useful.                    "
        "Find your daily dose of news here."
    )
    mentions = extract_dates(nlp(text), "a1", published)
    assert [m.mention_text for m in mentions] == expected
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.mention_text
        assert m.article_id == "a1"
    assert all(a.end_char <= b.start_char for a, b in zip(mentions, mentions[1:]))


_EXAMPLES = [(i, rule, example) for i, rule in enumerate(RULES) for example in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"),
    [(rule, example) for _, rule, example in _EXAMPLES],
    ids=[f"{i}-{rule.handler.__name__.removeprefix('_h_')}-{example.mention}" for i, rule, example in _EXAMPLES],
)
def test_rule_examples(nlp: Language, rule: Rule, example: Example) -> None:
    """Each example of each rule: the extractor gives its mention, with its type and value, and
    the mention is a match of the rule's own pattern."""
    mentions = extract_dates(nlp(example.text), "a1", example.published)
    hits = [m for m in mentions if m.mention_text == example.mention]
    assert [(m.timex_type, m.timex_value) for m in hits] == [(example.timex_type, example.value)], mentions
    match = rule.pattern.match(example.text, hits[0].start_char)
    assert rule.pattern.fullmatch(example.mention) or (match is not None and match.end() == hits[0].end_char)


@pytest.mark.parametrize("gap", [0, 1, REACH - 7, REACH, 2 * REACH + 3])
def test_rule_search_near_words_finds_what_a_whole_text_search_finds(gap: int) -> None:
    """Each rule searched only around its words gives the matches a search of the whole text
    gives, wherever the words fall against the windows' ends: a story of every rule's examples,
    `gap` characters of filler between them."""
    filler = ("x " * gap)[:gap]
    text = filler.join(example.text for rule in RULES for example in rule.examples)
    folded = text.translate(vocabulary.LETTER_FOLDS).lower()
    for rule in RULES:
        whole = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in rule.finditer(text, folded)] == whole, rule.handler.__name__


def test_a_line_break_inside_a_rules_word_still_matches(nlp: Language) -> None:
    """A rule's several-word cue broken over two lines is still looked for ("last\nyear")."""
    text = ("Shares rose. " * 60) + "Sales were 12 mln dlrs against 10 mln in the same period last\nyear, it said."
    mentions = extract_dates(nlp(text), "a1", date(1987, 3, 2))
    assert [(m.mention_text, m.timex_value) for m in mentions] == [("the same period last\nyear", "1986")]


def test_every_rule_has_an_example() -> None:
    assert [(i, rule.handler.__name__) for i, rule in enumerate(RULES) if not rule.examples] == []


@pytest.mark.parametrize(
    ("rule", "year", "day"),
    [
        ("12-25", 2024, date(2024, 12, 25)),
        ("easter", 2024, date(2024, 3, 31)),
        ("easter-2", 2025, date(2025, 4, 18)),
        ("4th thursday of november", 2023, date(2023, 11, 23)),
        ("last monday of may", 2024, date(2024, 5, 27)),
        ("last tuesday of december", 2024, date(2024, 12, 31)),
        ("1st monday of november+1", 1998, date(1998, 11, 3)),
    ],
)
def test_holiday_rules(rule: str, year: int, day: date) -> None:
    assert parse_holiday_rule(rule).on(year) == day


def test_a_holiday_whose_rule_cannot_be_read_is_a_lexicon_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vocabulary, "lexicon", lambda name: {"Boxing Day": "the day after christmas"})
    with pytest.raises(LexiconError, match="Boxing Day"):
        vocabulary._read_holidays()


FRI = date(2024, 3, 29)  # a Friday
APR = date(2024, 4, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "phrase", "published", "timex_type", "value"),
    [
        # the story's own weekday is that day, told in the past, present or future; "next" is a week on
        ("The cabinet will decide on Friday.", "Friday", FRI, "DATE", "2024-03-29"),
        ("He is to be sentenced Friday.", "Friday", FRI, "DATE", "2024-03-29"),
        ("The cabinet decided on Friday.", "Friday", FRI, "DATE", "2024-03-29"),
        ("The cabinet will decide next Friday.", "next Friday", FRI, "DATE", "2024-04-05"),
        # a clock time with a weekday is a schedule: the coming day unless told in the past
        ("Polls open at 7 a.m. Friday.", "7 a.m. Friday", WED, "TIME", "2024-03-29T07:00"),
        ("The markets close at 4 p.m. Friday.", "4 p.m. Friday", FRI, "TIME", "2024-03-29T16:00"),
        ("The vote closed at 8 p.m. on Friday.", "8 p.m. on Friday", FRI, "TIME", "2024-03-29T20:00"),
        ("The train leaves at 10:30 Tuesday.", "10:30 Tuesday", APR, "TIME", "2024-04-16T10:30"),
        ("Trading halted at 14:30 GMT.", "14:30 GMT", APR, "TIME", "2024-04-10T14:30Z"),
        ("The line stays open until 2100 EST on both days.", "2100 EST", APR, "TIME", "2024-04-10T21:00"),
        ("The crew logged 1200 hours of flying.", "1200 hours", APR, "DURATION", "PT1200H"),
        # a month without a year told in the past: the latest such month, the next one only as a plan
        ("The strike began in November.", "November", APR, "DATE", "2023-11"),
        ("Output was cut in December, the ministry said.", "December", date(2023, 11, 20), "DATE", "2023-12"),
        # the past week is last week, unless it is the last week of something
        ("The past week's rally lifted shares.", "The past week", APR, "DATE", "2024-W14"),
        ("Turnout was high in the last week before the vote.", "the last week", APR, "DURATION", "P1W"),
        ("Shares have fallen over the past two weeks.", "the past two weeks", APR, "DURATION", "P2W"),
        # the next decade lies ahead as ten years; the last decade is the calendar decade before
        ("Spending will rise in the coming decade.", "the coming decade", APR, "DURATION", "P10Y"),
        ("Growth slowed in the last decade.", "the last decade", APR, "DATE", "201"),
        # "today" beside a noun of people or of an age is the present in general
        ("By today's standards the wage was low.", "today", APR, "DATE", "PRESENT_REF"),
        ("The leaders of today face new threats.", "today", APR, "DATE", "PRESENT_REF"),
        ("Today's meeting ended without a deal.", "Today", APR, "DATE", "2024-04-10"),
        ("Workers today walked out of the plant.", "today", APR, "DATE", "2024-04-10"),
        ("The rate is 4% as of today.", "today", APR, "DATE", "2024-04-10"),
        # and "tomorrow" beside one is the future in general; "tomorrow's vote" is the next day
        ("Schools must train the workers of tomorrow.", "tomorrow", APR, "DATE", "FUTURE_REF"),
        ("Tomorrow's children will inherit the debt.", "Tomorrow", APR, "DATE", "FUTURE_REF"),
        ("Tomorrow's vote will decide the matter.", "Tomorrow", APR, "DATE", "2024-04-11"),
        ("The rate will be 4% as of tomorrow.", "tomorrow", APR, "DATE", "2024-04-11"),
        # what is scheduled, set or expected, in the present, still lies ahead
        ("The hearings are scheduled for mid-September.", "mid-September", date(1998, 3, 11), "DATE", "1998-09"),
        ("The vote is set for Tuesday.", "Tuesday", APR, "DATE", "2024-04-16"),
        ("The talks were scheduled for Monday.", "Monday", APR, "DATE", "2024-04-08"),
        ("The vote is slated for Tuesday.", "Tuesday", APR, "DATE", "2024-04-16"),
        # a date on something called next or upcoming lies ahead
        (
            "Ghana will be the Lions’ next opponents on June 9 and the return game between the two sides is slated for June 12.",
            "June 9", date(2024, 4, 29), "DATE", "2024-06-09",
        ),
        ("Talks stalled before the next council meeting on April 15.", "April 15", date(2024, 3, 20), "DATE", "2024-04-15"),
        ("Their upcoming match on Sunday sold out.", "Sunday", APR, "DATE", "2024-04-14"),
        # what comes "ahead of" a date lies ahead of the story
        ("The stakes are high ahead of Tuesday's debate.", "Tuesday", date(2024, 4, 15), "DATE", "2024-04-16"),
        ("Stocks fell ahead of Friday's jobs report.", "Friday", date(2024, 4, 11), "DATE", "2024-04-12"),
        # what "is due" or "is effective" lies ahead; what "was due" lies behind
        ("Elections are due in November.", "November", APR, "DATE", "2024-11"),
        ("The report is due on Monday.", "Monday", APR, "DATE", "2024-04-15"),
        ("The payment was due in March.", "March", APR, "DATE", "2024-03"),
        ("The final payment was due in June.", "June", APR, "DATE", "2023-06"),
        # "two days earlier", like "two days later", counts from a moment of the story: a duration
        ("The town fell on March 3. Two days earlier, the mayor had fled.", "Two days", APR, "DURATION", "P2D"),
        ("The town fell on March 3. A few weeks earlier, the army had left.", "A few weeks", APR, "DURATION", "PXW"),
        ("Three days ago, the mayor fled.", "Three days ago", APR, "DATE", "2024-04-07"),
        ("The agency gave no details of today's talks.", "today", APR, "DATE", "2024-04-10"),
        ("Rescuers worked through the early morning hours.", "the early morning", APR, "TIME", "2024-04-10TMO"),
        # "soon" looks ahead, "current" is the present, "the latest period" is the last quarter reported
        ("Talks are expected to start soon.", "soon", APR, "DATE", "FUTURE_REF"),
        ("The current government fell.", "current", APR, "DATE", "PRESENT_REF"),
        ("Margins will improve, but the latest period was weak.", "the latest period", APR, "DATE", "2024-Q1"),
    ],
)
def test_news_conventions(nlp: Language, text: str, phrase: str, published: date, timex_type: str, value: str) -> None:
    m = _mention(nlp, text, phrase, published)
    assert (m.mention_text, m.timex_type, m.timex_value) == (phrase, timex_type, value)
