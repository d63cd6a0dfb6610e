"""Reference data: what `newswire.seeds` ships (country names and codes, aliases of well-known
actors), `country_converter`'s table of country names, codes and name regexes, and
`gender_guesser`'s dictionary of given names."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from newswire.resources import SEEDS_DIR

COUNTRIES_FILE = "countries.csv"
ALIASES_FILE = "actor_aliases.csv"


def alias_key(name: str) -> str:
    """How names are compared: case and inner whitespace folded."""
    return " ".join(name.split()).casefold()


def fold(name: str) -> str:
    """How place names are compared: accents dropped, case and inner whitespace folded, a
    leading "the" dropped ("Rafaḩ" and "rafah", "the Gaza Strip" and "Gaza Strip")."""
    if name.isascii():
        plain = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")
    words = plain.casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known names: alias key -> (canonical name, actor type)."""

    aliases: Mapping[str, tuple[str, str]]

    def lookup(self, name: str) -> tuple[str, str] | None:
        return self.aliases.get(alias_key(name))


def read_seed(name: str, seeds_dir: Path = SEEDS_DIR) -> list[dict[str, str]]:
    with (seeds_dir / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_gazetteer(seeds_dir: Path = SEEDS_DIR) -> Gazetteer:
    """Country names (every form in the seed) and the curated actor aliases, which win."""
    aliases: dict[str, tuple[str, str]] = {}
    for row in read_seed(COUNTRIES_FILE, seeds_dir):
        for form in (row["name"], row["official_name"], row["iso_name"]):
            if form:
                aliases[alias_key(form)] = (row["name"], "GPE")
    for row in read_seed(ALIASES_FILE, seeds_dir):
        aliases[alias_key(row["alias"])] = (row["name"], row["actor_type"])
    return Gazetteer(MappingProxyType(aliases))


@cache
def converter_rows() -> tuple[dict[str, str], ...]:
    """The rows of `country_converter`'s data file (ISO2, ISO3, name_short, name_official, regex,
    ...), read directly: its API does not run with this project's pandas."""
    with (files("country_converter") / "country_data.tsv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t"))


@cache
def given_names() -> frozenset[str]:
    """The given names of `gender_guesser`'s dictionary (Jörg Michael's `nam_dict.txt`: some
    48,000 first names of 54 countries), case folded, each one word: a name the dictionary
    writes with "+" ("Jean+Pierre") stands joined and hyphened; its "=" lines (spellings of
    one name) and comments name nothing new."""
    names: set[str] = set()
    with (files("gender_guesser") / "data" / "nam_dict.txt").open(encoding="utf-8") as handle:
        for line in handle:
            if line[:1] in "#=" or len(fields := line.split()) < 2:
                continue
            name = fields[1].casefold()
            names.update(name.replace("+", joint) for joint in ("", "-"))
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """Whether `word`, written with a capital as names are, is a known given name: "Kylian",
    "Shigeki", "Paris"; not "Manchester", nor "the" (which the dictionary holds as a name)."""
    return word[:1].isupper() and word.casefold() in given_names()
