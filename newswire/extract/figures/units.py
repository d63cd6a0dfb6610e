"""Units: what an amount counts, read after it (or before it, for a currency sign).

Money is an ISO 4217 code (`currencies`: "$3bn", "40 million dollars", "$5 Canadian dollars",
"40 mln stg", "HK$5", "Y=150", "EUR 125", "15 €", "a one-yen bid"); a subunit is recorded in
its main unit ("48 cents" is 0.48 USD) and added to the whole amount before it ("3 dollars 50
cents" and "15 dollars 50" are 3.5 and 15.5 USD); "pounds" is a weight, not money, where the words around it weigh (`_is_weight`); a percentage is ``percent``, ``percentage point`` or ``basis point`` ("25 bps"); durations are a
singular unit of time (``minute``, ``month``: the units of the lexicon `durations`, their words
from `time_units`) and measures pint's name of their unit (`measures`: ``kilometer``,
``mile per hour``; one of a temperature scale, ``degree Celsius``, is of category
``temperature``), written after the number, against it ("5km") or joined to it by a hyphen
("a 90-minute meeting"), or in brackets after it ("20 (kg)"). A rate is money or a measure per a unit, a unit of time or a thing
("$71 a barrel" is ``USD per barrel``, "48 cents a share" and "a $70-a-share bid" ``USD per
share``, "120 times a minute" ``time per minute``), and a measure of goods per a unit of time
("34,500 tonnes of copper a year" is ``metric ton per year``). Anything else counts a noun (`counted`),
and ends before a number written between it and its noun with a unit of its own ("two 500-pound
bombs": two bombs, each of 500 pounds). The unit as written is kept beside it (the sign or
words; "$ a barrel" for a rate around the number).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Doc

from newswire.extract.calendar_words import TIME_UNITS
from newswire.extract.figures.amounts import DASHES, Amount, attached_unit, currency_after, parse_amount
from newswire.extract.figures.categories import noun_category
from newswire.extract.figures.counted import Unit, parse_counted, plural_of, unit_text
from newswire.extract.figures.currencies import (
    SUBUNITS,
    currency_in,
    currency_word,
    hundredth_of,
    initialled_currency,
    named_currency,
    scaled_code,
    shared_currencies,
    symbols,
)
from newswire.extract.figures.examples import Example, NoFigure, examples
from newswire.extract.figures.measures import (
    BRACKETS,
    TEMPERATURE_UNITS,
    UNTAGGED_STARTS,
    compact_unit,
    is_mass,
    read_measure,
    read_rate_base,
)
from newswire.extract.lexicons import lexicon
from newswire.extract.nlp import doc_text, sentence_of

CURRENCY_SYMBOLS: dict[str, str] = symbols()
PERCENT_WORDS = frozenset(lexicon("measures")["percent_words"])
_PERCENT_PHRASES: dict[str, str] = dict(lexicon("measures")["percent_phrases"])
PERCENT_ABBREVIATIONS: dict[str, str] = dict(lexicon("measures")["percent_abbreviations"])
_FREQUENCY_WORDS: dict[str, str] = dict(lexicon("measures")["frequency_words"])
DURATION_UNITS: tuple[str, ...] = tuple(lexicon("durations")["units"])
# A word of a unit of time -> the unit of the duration it writes ("hrs" -> "hour").
_DURATIONS = {
    word: unit.name
    for word, unit in TIME_UNITS.items()
    if unit.name in DURATION_UNITS and word not in lexicon("durations")["not_durations"]
}
_MEASURE_POS = ("NOUN", "PROPN", "NUM", "X", "SYM", "ADJ")
_WEIGHT_VERBS = frozenset(lexicon("measures")["weight_cues"]["verbs"])
_WEIGHT_AFTER = frozenset(lexicon("measures")["weight_cues"]["after"])
_CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?", ")"})
_MAGNITUDE_BEFORE = frozenset(lexicon("measures")["magnitude_cues"]["before"])
_MAGNITUDE_AFTER = tuple(tuple(phrase.split()) for phrase in lexicon("measures")["magnitude_cues"]["after"])
_MAGNITUDE_AFTER_FIRST = frozenset(phrase[0] for phrase in _MAGNITUDE_AFTER)


@examples(
    Example("Congress approved $4.5 billion in aid.", "$4.5 billion", 4.5e9, "exact", "USD", "money"),
    Example("It raised US$20 million last week.", "US$20 million", 2e7, "exact", "USD", "money"),
    Example("A deal worth £13 billion was signed.", "£13 billion", 1.3e10, "exact", "GBP", "money"),
    Example("The state set aside Rs 500 crore for relief.", "Rs 500 crore", 5e9, "exact", "INR", "money"),
    Example("The villa sold for Dh12 million.", "Dh12 million", 1.2e7, "exact", "AED", "money"),
    Example("The project is worth SR2.5 billion.", "SR2.5 billion", 2.5e9, "exact", "SAR", "money"),
    Example("The fine is KD 1,000.", "KD 1,000", 1000, "exact", "KWD", "money"),
    Example("Films will retail for around $9.99 US dollars each.", "around $9.99 US dollars", 9.99,
            "approximate", "USD", "money"),
    Example("It costs $5 Canadian dollars.", "$5 Canadian dollars", 5, "exact", "CAD", "money"),
    Example("The fund raised 40 million dollars.", "40 million dollars", 4e7, "exact", "USD", "money"),
    Example("The ministry spent 2.5 billion shekels.", "2.5 billion shekels", 2.5e9, "exact", "ILS", "money"),
    Example("Net profit was 5.93 mln dlrs in the quarter.", "5.93 mln dlrs", 5.93e6, "exact", "USD", "money"),
    Example("Sales rose to 1.2 billion Canadian dlrs.", "1.2 billion Canadian dlrs", 1.2e9, "exact", "CAD",
            "money"),
    Example("The unit lost 40 mln stg last year.", "40 mln stg", 4e7, "exact", "GBP", "money"),
    Example("Prices rose 3 pct in March.", "3 pct", 3, "exact", "percent", "percent"),
    Example("Turnout was 40% in the capital.", "40%", 40, "exact", "percent", "percent"),
    Example("Sales grew 12 percent on the year.", "12 percent", 12, "exact", "percent", "percent"),
    Example("Unemployment fell 2.5 per cent.", "2.5 per cent", 2.5, "exact", "percent", "percent"),
    Example("About 40pc of voters are undecided.", "About 40pc", 40, "approximate", "percent", "percent"),
    Example("The Fed raised rates by 25 basis points.", "25 basis points", 25, "exact", "basis point",
            "percent"),
    Example("Support fell 3 percentage points.", "3 percentage points", 3, "exact", "percentage point",
            "percent"),
    Example("The Fed cut rates by 25 bps.", "25 bps", 25, "exact", "basis point", "percent", change="down"),
    Example("Spreads widened 10bp on Monday.", "10bp", 10, "exact", "basis point", "percent", change="up"),
    Example("The talks lasted 48 hours.", "48 hours", 48, "exact", "hour", "duration"),
    Example("The war has gone on for more than six months.", "more than six months", 6, "at_least", "month",
            "duration"),
    Example("They spoke at the 90-minute meeting.", "90-minute", 90, "exact", "minute", "duration"),
    NoFigure("He left two years ago."),
    Example("Hezbollah's 5 km advance stalled.", "5 km", 5, "exact", "kilometer", "other"),
    Example("A 6.1-magnitude aftershock followed.", "6.1-magnitude", 6.1, "exact", "magnitude", "other"),
    Example("The temperature hit 45 degrees.", "45 degrees", 45, "exact", "degree", "other"),
    Example("The headphones reach 120 dB at full volume.", "120 dB", 120, "exact", "decibel", "other"),
    Example("The laptop has an 11.6-inch screen.", "11.6-inch", 11.6, "exact", "inch", "other"),
    Example("The car reached 120 km/h on the motorway.", "120 km/h", 120, "exact", "kilometer per hour", "other"),
    Example("Each flat has 660 square meters of floor.", "660 square meters", 660, "exact", "square meter",
            "other"),
    Example("The town lies at 40 degrees Celsius in summer.", "40 degrees Celsius", 40, "exact",
            "degree Celsius", "temperature"),
    Example("Water boils at 212°F.", "212°F", 212, "exact", "degree Fahrenheit", "temperature"),
    Example("Temperatures hit 40C in London.", "40C", 40, "exact", "degree Celsius", "temperature"),
    Example("It reached 104F in Phoenix.", "104F", 104, "exact", "degree Fahrenheit", "temperature"),
    Example("Lows of -3C are forecast.", "-3C", -3, "exact", "degree Celsius", "temperature"),
    Example("Temperatures will drop to around minus 5C.", "minus 5C", -5, "exact", "degree Celsius",
            "temperature"),
    Example("The engine makes 300 bhp.", "300 bhp", 300, "exact", "horsepower", "other"),
    Example("The shares closed at 845p.", "845p", 8.45, "exact", "GBP", "money"),
    Example("Operating profit was 120 MEUR in the quarter.", "120 MEUR", 1.2e8, "exact", "EUR", "money"),
    Example("Net sales reached 48.5 MSEK.", "48.5 MSEK", 4.85e7, "exact", "SEK", "money"),
    Example("The order is worth 900 TEUR.", "900 TEUR", 9e5, "exact", "EUR", "money"),
    NoFigure("The MUSE project launched in May."),
    Example("Tickets cost 15 € at the door.", "15 €", 15, "exact", "EUR", "money"),
    Example("The central bank sold ₽5 billion of bonds.", "₽5 billion", 5e9, "exact", "RUB", "money"),
    Example("Lagos set aside ₦120 million for roads.", "₦120 million", 1.2e8, "exact", "NGN", "money"),
    Example("A loaf now costs 25₺ in Istanbul.", "25₺", 25, "exact", "TRY", "money"),
    Example("The meal cost 100€ in Paris.", "100€", 100, "exact", "EUR", "money"),
    Example("The loan totals 2.90 billion N.Z. Dlrs.", "2.90 billion N.Z. Dlrs", 2.9e9, "exact", "NZD",
            "money"),
    Example("Profit rose to 90 mln H.K. dlrs.", "90 mln H.K. dlrs", 9e7, "exact", "HKD", "money"),
    Example("The group paid 5 million Swedish crowns.", "5 million Swedish crowns", 5e6, "exact", "SEK",
            "money"),
    Example("The sale raised 20 billion yen.", "20 billion yen", 2e10, "exact", "JPY", "money"),
    Example("Carlsberg, the Danish brewer, earned 6 billion crowns.", "6 billion crowns", 6e9, "exact", "DKK",
            "money"),
    Example("Kenya's budget is 3.6 trillion shillings.", "3.6 trillion shillings", 3.6e12, "exact", "KES", "money"),
    Example("Police seized 3 million pesos in cash.", "3 million pesos", 3e6, "exact", None, "money"),
    Example("Fujitsu withdrew its one-yen bid.", "one-yen", 1, "exact", "JPY", "money"),
    Example("The scheme cost hundreds of millions of dollars.", "hundreds of millions of dollars", 2e8,
            "at_least", "USD", "money", (2e8, 999_999_999)),
    Example("Fans spent thousands of euros on tickets.", "thousands of euros", 2000, "at_least", "EUR", "money",
            (2000, 9999)),
    Example("He paid with a 10-dollar bill.", "10-dollar", 10, "exact", "USD", "money"),
    Example("Users get 30GB of storage.", "30GB", 30, "exact", "gigabyte", "other"),
    Example("A 10,000-strong force was deployed.", "10,000-strong force", 10_000, "exact", "force",
            "military_units"),
    Example("Israel has been fighting a two-front war.", "two-front war", 2, "exact", "fronts", "other"),
)
def parse_unit(doc: Doc, amount: Amount, j: int, currency: tuple[str, str] | None) -> Unit | None:
    """What the number at tokens before j counts, given the currency written before it (its
    code and sign); None when it is an age or a past date."""
    n = len(doc)
    if currency is not None:
        code, sign = currency
        named = named_currency([t.lower_ for t in doc[j:j + 4]])
        if named is not None:
            # "$9.99 US dollars", "$5 Canadian dollars": the words say whose dollars
            code, size = named
            return _money(doc, code, j + size, f"{sign} {doc[j:j + size].text}")
        end = j + 1 if j < n and currency_word(doc[j].lower_) else j
        return _money(doc, code, end, sign if end == j else f"{sign} {doc[j].text}")
    magnitude = _magnitude(doc, amount, j)
    if magnitude is not None:
        return magnitude
    attached = attached_unit(doc[j - 1].text.lstrip("+-−"), doc[j - 1].is_sent_end)
    if attached:
        suffix = attached[1]
        if suffix.lower() in PERCENT_WORDS:
            return _rate(doc, Unit("percent", j, "percent", None, suffix), DURATION_UNITS)
        if suffix.lower() in PERCENT_ABBREVIATIONS:
            return Unit(PERCENT_ABBREVIATIONS[suffix.lower()], j, "percent", None, suffix)
        if suffix.lower() in SUBUNITS:
            code, factor = SUBUNITS[suffix.lower()]
            return _money(doc, code, j, suffix, factor)
        if currency_after(suffix) is not None:
            return _money(doc, currency_after(suffix), j, suffix)
        measure = compact_unit(suffix)
        if measure is not None and not (suffix in ("C", "F") and _names_a_model(doc, j)):
            # "30GB", "5km": the unit is written against the number
            return _rate(doc, _measure(measure, j, suffix))
    if j >= n:
        return Unit(None, j, "other", None)
    bracketed = _bracketed_measure(doc, j)
    if bracketed is not None:
        return bracketed
    word = doc[j].lower_
    following = doc[j + 1].lower_ if j + 1 < n else ""
    named = named_currency([t.lower_ for t in doc[j:j + 4]])
    if named is not None:
        return _money(doc, named[0], j + named[1], doc[j:j + named[1]].text)
    initialled = initialled_currency(doc[j].text, following) if following else None
    if initialled is not None:
        return _money(doc, initialled, j + 2, doc[j:j + 2].text)
    scaled = scaled_code(doc[j].text)
    if scaled is not None:
        return _money(doc, scaled[0], j + 1, doc[j].text, scaled[1])
    if currency_word(word) and not (word in ("pound", "pounds") and _is_weight(doc, amount, j)):
        return _with_subunit(doc, amount, _money(doc, currency_word(word), j + 1, doc[j].text))
    shared = shared_currencies(word) if doc[j].pos_ in ("NOUN", "PROPN") else frozenset()
    if shared:
        # "7.2 billion crowns" in a story about a Swedish company: the currency of the country the
        # sentence, else the article, names most; where none stands out, the currency is unknown
        return _money(doc, currency_in(shared, sentence_of(doc, j).text, doc_text(doc)), j + 1, doc[j].text)
    if currency_after(doc[j].text) is not None and not (j + 1 < n and doc[j + 1].like_num):
        # "15 €", "10 $": a sign after the number, not before the next one ("10 $ 30")
        return _money(doc, currency_after(doc[j].text), j + 1, doc[j].text)
    if word in SUBUNITS and word != "p":
        code, factor = SUBUNITS[word]
        return _money(doc, code, j + 1, doc[j].text, factor)
    if word in PERCENT_WORDS:
        return _rate(doc, Unit("percent", j + 1, "percent", None, doc[j].text), DURATION_UNITS)
    if word in PERCENT_ABBREVIATIONS:
        return Unit(PERCENT_ABBREVIATIONS[word], j + 1, "percent", None, doc[j].text)
    if f"{word} {following}" in _PERCENT_PHRASES:
        unit = Unit(_PERCENT_PHRASES[f"{word} {following}"], j + 2, "percent", None, doc[j:j + 2].text)
        return _rate(doc, unit, DURATION_UNITS)
    if word in _FREQUENCY_WORDS:
        base = read_rate_base(doc, j + 1)
        if base is not None:
            return Unit(f"{_FREQUENCY_WORDS[word]} per {base[0]}", base[1], "other", None, doc[j:base[1]].text)
    hyphen = word in DASHES and not doc[j - 1].whitespace_ and not doc[j].whitespace_
    k = j + 1 if hyphen else j
    if _names_a_generation(doc, k):
        return None
    if k < n:
        noun = doc[k].lower_
        if noun in _DURATIONS:
            after = [t.lower_ for t in doc[k + 1:k + 3]]
            if after[:1] == ["ago"] or after == ["-", "old"]:
                return None
            return Unit(_DURATIONS[noun], k + 1, "duration", None, doc[k].text)
        # the tagger may read a bare "m" as a verb ("I'm"): it is read as a unit all the same
        measurable = hyphen or doc[k].pos_ in _MEASURE_POS or doc[k].lower_ in UNTAGGED_STARTS
        measure = read_measure(doc, k) if measurable else None
        if measure is not None:
            return _rate_of_goods(doc, _measure(measure.name, measure.end, measure.written))
        if hyphen and currency_word(noun) is not None:
            # "its one-yen bid", "a 10-dollar bill": the money the noun after is worth
            return _money(doc, currency_word(noun), k + 1, doc[k].text)
        if hyphen and noun == "strong" and k + 1 < n and doc[k + 1].pos_ in ("NOUN", "PROPN"):
            # "a 10,000-strong force": the noun after counts its members
            return Unit(unit_text(doc[k + 1:k + 2]), k + 2, "other", k + 1, doc[k + 1].text)
        if hyphen and doc[k].is_alpha and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
            end = k + 1
            if end < n and doc[k].head.i == end and doc[end].pos_ in ("NOUN", "PROPN"):
                end += 1
            text = noun if amount.value == 1 else plural_of(noun)
            return Unit(text, end, noun_category(text), k, doc[k].text)
    if hyphen:
        return Unit(None, j, "other", None)
    counted = parse_counted(doc, amount, j)
    named = doc[counted.head] if counted.head is not None and doc[j].lower_ == "of" else None
    if named is not None and counted.text == named.lower_ and currency_word(named.lower_) is not None:
        # "hundreds of millions of dollars", "millions of euros": the amount is money
        return _money(doc, currency_word(named.lower_), counted.end, named.text)
    return _before_measure(doc, counted, j)


@examples(
    Example("He dropped two 500-pound bombs.", "two", 2, "exact", "bombs", "weapons"),
    Example("He dropped two 500-pound bombs.", "500-pound", 500, "exact", "pound", "other"),
    Example("She handed over fifty 20 dollar bills.", "20 dollar", 20, "exact", "USD", "money"),
    Example("The firm owns 40 747 jets.", "40 747 jets", 40, "exact", "jets", "other"),
    Example("The issue was bid at 104-5/8 105-1/8 pct.", "104-5/8", 104.625, "exact", None, "other"),
)
def _before_measure(doc: Doc, counted: Unit, j: int) -> Unit:
    """The counted noun, ending before the number of another figure written between the
    number and its noun, with its own unit of measure, currency or percent: "two 500-pound bombs"
    counts bombs, and "500-pound" weighs each of them; where that unit is the noun ("bid at
    104-5/8 105-1/8 pct", a dealer's two prices), the first number counts nothing."""
    if counted.head is None:
        return counted
    for m in range(j, counted.head):
        k = m + 2 if m + 2 < counted.head and doc[m + 1].text in DASHES else m + 1
        percent = doc[k].lower_ in PERCENT_WORDS
        if doc[m].like_num and k <= counted.head and (currency_word(doc[k].lower_) or read_measure(doc, k) or percent):
            if k == counted.head and percent:
                # "bid at 104-5/8 105-1/8 pct": the unit is the second number's, the first counts nothing
                return Unit(None, j, "other", None)
            return Unit(counted.text, j, counted.category, counted.head, counted.written)
    return counted


@examples(
    Example("The weight is 20 (kg)", "20 (kg)", 20, "exact", "kilogram", "other"),
    Example("The weight is 20 {kg}", "20 {kg}", 20, "exact", "kilogram", "other"),
    Example("The weight is 20 <kg>", "20 <kg>", 20, "exact", "kilogram", "other"),
    Example("He ran 26.2 miles (42.2 km).", "42.2 km", 42.2, "exact", "kilometer", "other"),
)
def _bracketed_measure(doc: Doc, j: int) -> Unit | None:
    """A unit of measure written in brackets after the number, as tables and specifications
    write it: "20 (kg)"."""
    if j + 2 >= len(doc) or BRACKETS.get(doc[j].text) != doc[j + 2].text:
        return None
    measure = compact_unit(doc[j + 1].text)
    if measure is None:
        return None
    return _measure(measure, j + 3, doc[j + 1].text)


@examples(
    Example("A magnitude 7.8 earthquake struck Turkey.", "7.8", 7.8, "exact", "magnitude", "other"),
    Example("The quake had a magnitude of 6.1.", "6.1", 6.1, "exact", "magnitude", "other"),
    Example("The earthquake measured 7.8 on the Richter scale.", "7.8 on the Richter scale", 7.8, "exact",
            "magnitude", "other"),
)
def _magnitude(doc: Doc, amount: Amount, j: int) -> Unit | None:
    """The magnitude of an earthquake, named before the number or after it: "a magnitude 7.8
    earthquake", "a magnitude of 6.1", "7.8 on the Richter scale"."""
    before = [t.lower_ for t in doc[max(0, amount.start - 2):amount.start]]
    if before[-1:] and before[-1] in _MAGNITUDE_BEFORE or " ".join(before) in _MAGNITUDE_BEFORE:
        return Unit("magnitude", j, "other", None, "magnitude")
    if j >= len(doc) or doc[j].lower_ not in _MAGNITUDE_AFTER_FIRST:
        return None
    for phrase in _MAGNITUDE_AFTER:
        if tuple(t.lower_ for t in doc[j:j + len(phrase)]) == phrase:
            return Unit("magnitude", j + len(phrase), "other", None, doc[j:j + len(phrase)].text)
    return None


@examples(
    NoFigure("Operators rolled out 5G networks."),
    NoFigure("The phone runs on 4G."),
    NoFigure("The firm makes 3-D printers."),
    NoFigure("It filed its 10-K report late."),
)
def _names_a_generation(doc: Doc, j: int) -> bool:
    """Whether a capital letter glued to the number before token j, or to its hyphen, names a
    generation, a format or a form with it ("5G networks", "3-D printers", "its 10-K report"):
    not what the number counts."""
    letter = doc[j] if j < len(doc) else None
    return letter is not None and len(letter.text) == 1 and letter.text.isupper() and not doc[j - 1].whitespace_


@examples(
    NoFigure("The 5C battery charges quickly."),
    NoFigure("Apple cut the price of the iPhone 5C."),
)
def _names_a_model(doc: Doc, j: int) -> bool:
    """Whether a number with a capital glued to it, ending at token j, names a model: before a
    noun ("the 5C battery") or after a name ("the iPhone 5C"), not a temperature."""
    after = doc[j] if j < len(doc) else None
    before = doc[j - 2] if j >= 2 else None
    return (after is not None and after.pos_ in ("NOUN", "PROPN")) or (before is not None and before.pos_ == "PROPN")


def _measure(name: str, end: int, written: str | None) -> Unit:
    """A unit of measure of the registry ending at token `end`."""
    return Unit(name, end, measure_category(name), None, written, measure=True)


def measure_category(unit: str) -> str:
    """ "temperature" for a unit of a temperature scale ("degree Celsius"), else "other"."""
    return "temperature" if unit in TEMPERATURE_UNITS else "other"


@examples(
    Example("She bought 25 pounds of flour.", "25 pounds", 25, "exact", "pound", "other"),
    Example("The fish weighed 40 pounds.", "40 pounds", 40, "exact", "pound", "other"),
    Example("The baby, weighing 8 pounds, was born on Monday.", "8 pounds", 8, "exact", "pound", "other"),
    Example("He has lost 30 pounds since the election.", "30 pounds", 30, "exact", "pound", "other"),
    Example("A ton is equal to 2,000 pounds.", "2,000 pounds", 2000, "exact", "pound", "other"),
    Example("He paid 25 pounds for the ticket.", "25 pounds", 25, "exact", "GBP", "money"),
    Example("The club lost 25 million pounds last year.", "25 million pounds", 2.5e7, "exact", "GBP", "money"),
)
def _is_weight(doc: Doc, amount: Amount, j: int) -> bool:
    """Whether "pounds" at token j weighs rather than pays: "of" after it ("25 pounds of
    flour"), a verb of weight that governs it or is written just before it ("weighed 40
    pounds", "weighing 8 pounds", "lost 30 pounds"), a comparative of weight after it ("20
    pounds heavier") or another unit of mass in the sentence ("a ton is 2,000 pounds"). A
    scale makes it money ("25 million pounds")."""
    after = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    if after == "of":
        return True
    if amount.scale > 1:
        return False
    before = doc[amount.start - 1] if amount.start > 0 else None
    verbs = [doc[j].head, *([before] if before is not None else [])]
    if any(v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in _WEIGHT_VERBS for v in verbs) or after in _WEIGHT_AFTER:
        return True
    return any(is_mass(t.text) and currency_word(t.lower_) is None for t in doc[j].sent if t.i != j)


@examples(
    Example("The ticket cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "exact", "USD", "money"),
    Example("The fare is thirteen dollars and forty-five cents.", "thirteen dollars and forty-five cents", 13.45,
            "exact", "USD", "money"),
    Example("Stamps cost 2 pounds and 20 pence.", "2 pounds and 20 pence", 2.2, "exact", "GBP", "money"),
    Example("It costs 15 dollars 50.", "15 dollars 50", 15.5, "exact", "USD", "money"),
    Example("The fee rises to 17 USD 25, the firm said.", "17 USD 25", 17.25, "exact", "USD", "money"),
    Example("The fare is thirteen dollars forty-five.", "thirteen dollars forty-five", 13.45, "exact", "USD",
            "money"),
    Example("It cost 50 dollars 40 yuan.", "50 dollars", 50, "exact", "USD", "money"),
    Example("The bid was 500 yen 50.", "500 yen", 500, "exact", "JPY", "money"),
)
def _with_subunit(doc: Doc, amount: Amount, unit: Unit) -> Unit:
    """A whole amount of a currency and the subunits written after it, with "and" or not: "3
    dollars 50 cents", "two pounds and 20 pence" are one sum; so is a number of subunits left
    unnamed at the end of a clause ("15 dollars 50", "thirteen dollars forty-five"), in a
    currency counted in hundredths."""
    k = unit.end + (unit.end < len(doc) and doc[unit.end].lower_ == "and")
    if unit.factor != 1 or " per " in (unit.text or "") or amount.scale > 1 or not amount.value.is_integer():
        return unit
    part = parse_amount(doc, k, continued=True) if k < len(doc) else None
    if part is None or part.scale > 1 or not 0 < part.value < 100:
        return unit
    if k == unit.end and _ends_clause(doc, part.end) and (part.in_words or len(doc[k].text) == 2):
        hundredth = hundredth_of(unit.text or "")
        if hundredth is not None:
            return Unit(unit.text, part.end, "money", None, unit.written, unit.factor, part.value * hundredth)
    if part.end >= len(doc):
        return unit
    word = doc[part.end].lower_
    if word not in SUBUNITS or (SUBUNITS[word][0] != unit.text and word not in ("cent", "cents")):
        return unit
    written = f"{unit.written} {doc[part.end].text}"
    return Unit(unit.text, part.end + 1, "money", None, written, unit.factor, part.value * SUBUNITS[word][1])


def _ends_clause(doc: Doc, k: int) -> bool:
    """Whether a clause ends before token k: the text ends, or a full stop, comma, semicolon,
    colon or closing bracket comes next."""
    return k >= len(doc) or doc[k].text in _CLAUSE_ENDS


def _money(doc: Doc, code: str | None, end: int, written: str, factor: float = 1.0) -> Unit:
    """Money in `code` ending at token `end`, and the rate it may be ("$71 a barrel")."""
    return _rate(doc, Unit(code, end, "money", None, written, factor))


@examples(
    Example("The mine produces 34,500 tonnes of copper a year.", "34,500 tonnes of copper a year", 34_500, "exact",
            "metric ton per year", "other"),
    Example("Output reached 1.5 million barrels of oil a day.", "1.5 million barrels of oil a day", 1_500_000,
            "exact", "barrel per day", "other"),
    Example("The ship carries 5,000 tonnes of grain to Egypt.", "5,000 tonnes", 5000, "exact", "metric ton",
            "other"),
)
def _rate_of_goods(doc: Doc, unit: Unit) -> Unit:
    """A measure of goods per a unit of time, the goods named between: "34,500 tonnes of copper
    a year", "1.5 million barrels of oil a day"."""
    k = unit.end + 1
    if " per " in (unit.text or "") or unit.end >= len(doc) or doc[unit.end].lower_ != "of":
        return unit
    while k < min(len(doc), unit.end + 4) and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
        k += 1
    base = read_rate_base(doc, k) if k > unit.end + 1 else None
    if base is None or base[0] not in DURATION_UNITS:
        return unit
    return replace(unit, text=f"{unit.text} per {base[0]}", end=base[1], written=doc[unit.end - 1:base[1]].text)


@examples(
    Example("Brent crude rose to $71 a barrel.", "$71 a barrel", 71, "exact", "USD per barrel", "money"),
    Example("Rents average $1,200 a month.", "$1,200 a month", 1200, "exact", "USD per month", "money"),
    Example("The company earned 48 cents a share.", "48 cents a share", 0.48, "exact", "USD per share", "money"),
    Example("It paid a dividend of 10 cents per share.", "10 cents per share", 0.1, "exact", "USD per share",
            "money"),
    Example("The car does 35 miles per gallon.", "35 miles per gallon", 35, "exact", "mile per gallon", "other"),
    Example("The heart beats 120 times a minute.", "120 times a minute", 120, "exact", "time per minute",
            "other"),
    Example("Output is 1.2 million barrels a day.", "1.2 million barrels a day", 1_200_000, "exact",
            "barrel per day", "other"),
    Example("They plan a 90,000 barrel-per-day refinery.", "90,000 barrel-per-day", 90_000, "exact",
            "barrel per day", "other"),
    Example("Holders were offered a higher, $70-a-share price.", "$70-a-share", 70, "exact", "USD per share",
            "money"),
    Example("Revenue has grown at about 15% per annum since 1990.", "about 15% per annum", 15, "approximate",
            "percent per year", "percent"),
    Example("The loan carries interest of 4.5 per cent a year.", "4.5 per cent a year", 4.5, "exact",
            "percent per year", "percent"),
    Example("Sales rose 3% a year earlier.", "3%", 3, "exact", "percent", "percent", change="up"),
    Example("Prices rose 12.3 pct a year\nearlier.", "12.3 pct", 12.3, "exact", "percent", "percent", change="up"),
)
def _rate(doc: Doc, unit: Unit, bases: Collection[str] | None = None) -> Unit:
    """A unit followed by what it is counted per: "$71 a barrel", "miles per gallon"; with
    `bases`, only per one of them: a percentage is a rate per a unit of time ("15% per annum", an
    interest or a growth rate), and "3% a year earlier" is a percentage and a date."""
    if unit.text is None or " per " in unit.text:
        return unit
    base = read_rate_base(doc, unit.end)
    if base is None or (bases is not None and base[0] not in bases):
        return unit
    written = f"{unit.written} {doc[unit.end:base[1]].text}"
    return replace(unit, text=f"{unit.text} per {base[0]}", end=base[1], written=written)
