"""Tense of the verb that governs a date, from the dependency parse: past, present, future or
none. A date without a year, a bare weekday or a season is placed behind or ahead of the story
by it. The words it reads are the lexicon `tense_words`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire.extract.lexicons import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_PAST, _PRESENT, _FUTURE, _NONE = "past", "present", "future", "none"

_WORDS = lexicon("tense_words")
_FUTURE_AUX = frozenset(_WORDS["future_auxiliaries"])
_FUTURE_LEX = frozenset(_WORDS["future_words"])
# verbs whose date is the time of what they arrange, so it lies ahead when they are active
# ("scheduled a news conference Thursday", "postponed the vote until Tuesday")
_ARRANGE = frozenset(_WORDS["arranging_verbs"])
_PAST_AUX = frozenset(_WORDS["past_auxiliaries"])
_PERFECT_AUX = frozenset(_WORDS["perfect_auxiliaries"])
_MODAL_AUX = frozenset(_WORDS["modal_auxiliaries"])
# adjectives that schedule what they modify without saying whether it is past or future
_SCHEDULE_ADJ = frozenset(_WORDS["scheduling_adjectives"])
_PRESENT_AUX = frozenset(_WORDS["present_auxiliaries"])
# verbs of what a timetable fixes, whose simple present tells what lies ahead (the futurate present)
_TIMETABLE = frozenset(_WORDS["timetable_verbs"])
_TIMETABLE_PHRASES = frozenset(_WORDS["timetable_phrases"])
# the present of "do" that carries a negation for a simple present ("does not start")
_DO_SUPPORT = frozenset({"do", "does"})
# adjectives that put what they modify ahead of the story ("the next meeting")
_AHEAD = frozenset(_WORDS["ahead_adjectives"])
# adverbs whose "of" puts what follows ahead of the story: "ahead of Tuesday's debate"
_AHEAD_OF = frozenset(_WORDS["ahead_adverbs"])


def _tense_of(span: Span) -> str:
    """Tense of the verb that governs the span: past, present, future or none.

    A span that hangs on a noun under a present-tense verb ("the attack on Oct. 7 is ...")
    names an event, which news reports once it has happened: that counts as past; one that
    hangs on a noun called next or upcoming ("the Tridents' next opponents on June 9"), or
    comes after "ahead of" ("shares fell ahead of Friday's jobs report"), lies ahead.
    """
    tok = span.root
    via_noun = False
    for _ in range(16):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "MD":
            if _arranges(tok) or _scheduled(tok) or (not via_noun and _futurate(tok)):
                return _FUTURE
            tense = _verb_tense(tok, 0)
            return _PAST if via_noun and tense == _PRESENT else tense
        outside = not span.start <= tok.i < span.end
        via_noun = via_noun or (tok.pos_ in ("NOUN", "PROPN") and outside)
        if tok.lemma_.lower() in _AHEAD or (outside and any(c.dep_ == "amod" and c.lower_ in _AHEAD for c in tok.children)):
            return _FUTURE  # "the next meeting", "their upcoming match on Sunday"
        if tok.lower_ == "of" and tok.head.lower_ in _AHEAD_OF:
            return _FUTURE  # "shares fell ahead of Friday's jobs report"
        if tok.lower_ in _SCHEDULE_ADJ:
            return _copula_tense(tok)
        if tok.head.i == tok.i:
            return _NONE
        tok = tok.head
    return _NONE


def _copula_tense(adjective: Token) -> str:
    """A scheduling adjective after "be" takes its tense: "elections are due in November" lie
    ahead, "the payment was due in March" behind; without one ("payable Dec. 7") it gives none."""
    head = adjective.head
    if adjective.dep_ != "acomp" or head.lemma_ != "be" or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return _NONE
    return {"VBZ": _FUTURE, "VBP": _FUTURE, "VBD": _PAST}.get(head.tag_, _NONE)


def _lemma(verb: Token) -> str:
    """The verb's lemma, mended where the lemmatiser cuts a final "e" with the "-d" of the past:
    "slated" -> "slate", which it gives as "slat"."""
    lemma = verb.lemma_.lower()
    word = verb.lower_
    return word[:-1] if word.endswith("ed") and lemma == word[:-2] and word[:-1] in _ARRANGE | _FUTURE_LEX else lemma


def _arranges(verb: Token) -> bool:
    """An active verb that arranges what the date times, not in the past perfect. With a
    clause of its own and nothing arranged ("planned to pay"), the date on the verb is when."""
    deps = {c.dep_ for c in verb.children}
    if _lemma(verb) not in _ARRANGE or ("xcomp" in deps and "dobj" not in deps):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN":
        return bool(auxes & _PERFECT_AUX) and not auxes & {"been"}
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VB") and not auxes & {"had", "was", "were", "been", "be", "is", "are"}


def _futurate(verb: Token) -> bool:
    """A timetable verb or phrase in the simple present: "the season starts in November", "the
    talks do not resume until Monday", "the law takes effect on Jan. 1" tell what the calendar has
    fixed, ahead of the story; so does a present "be" with a scheduling adjective when the date
    hangs on the verb ("the report is due | in November", "is not due until November")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes:
        present = auxes <= _DO_SUPPORT and verb.tag_ == "VB"
    else:
        present = verb.tag_ in ("VBZ", "VBP")
    if not present:
        return False
    if verb.lemma_ == "be":
        return any(c.dep_ == "acomp" and c.lower_ in _SCHEDULE_ADJ for c in verb.children)
    return verb.lemma_.lower() in _TIMETABLE or not _TIMETABLE_PHRASES.isdisjoint(_phrases(verb))


def _phrases(verb: Token) -> list[str]:
    """The verb's lemma with its object ("take effect") or with a preposition and its object
    ("come into force")."""
    lemma = verb.lemma_.lower()
    found = [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "dobj"]
    found += [f"{lemma} {c.lower_} {o.lower_}" for c in verb.children if c.dep_ == "prep"
              for o in c.children if o.dep_ == "pobj"]
    return found


def _scheduled(verb: Token) -> bool:
    """A present passive of a verb that schedules: "the hearings are scheduled for mid-September",
    "the vote is set for Tuesday", "a ruling is expected Friday" time what still lies ahead."""
    if verb.tag_ != "VBN" or _lemma(verb) not in _ARRANGE | _FUTURE_LEX:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes) and auxes <= _PRESENT_AUX


def _governing_verb(participle: Token) -> Token | None:
    """The verb of the clause a bare -ing participle hangs in: its head, or through the nouns and
    prepositions a reduced relative or a "by doing" hangs on ("issued an ultimatum demanding that
    Iraq withdraw, starting at noon Saturday" is told in the past of "issued")."""
    tok = participle
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADP", "ADJ", "NUM", "DET"):
            return None
    return None


def _verb_tense(verb: Token, depth: int) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & _MODAL_AUX and lowers & {"have", "'ve"}:  # "may have been", "could have met"
        return _PAST
    if lowers & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return _FUTURE
    if "would" in lowers:
        return _FUTURE
    tag = verb.tag_
    if ("to" in lowers or (tag == "VB" and verb.dep_ == "xcomp")) and depth < 3:
        head = verb.head
        if head.i == verb.i:
            return _NONE
        if _lemma(head) in _FUTURE_LEX or head.lower_ in _FUTURE_LEX:
            had = any(t.lower_ == "had" for t in head.doc[max(head.i - 3, 0) : head.i])  # "had been due to"
            return _PAST if had else _FUTURE
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return _FUTURE
        return _verb_tense(head, depth + 1)
    if "did" in lowers:
        return _PAST
    if tag == "VBD":
        return _PAST
    if tag == "VBN":
        return _PRESENT if lowers & _PRESENT_AUX and not lowers & (_PAST_AUX | _PERFECT_AUX) else _PAST
    if tag == "VBG":
        if lowers & _PAST_AUX:
            return _PAST
        if lowers & _PRESENT_AUX:
            return _PRESENT
        governor = _governing_verb(verb)
        if governor is not None and depth < 3:
            return _verb_tense(governor, depth + 1)
        return _NONE
    if tag in ("VBZ", "VBP"):
        return _PRESENT
    return _NONE
