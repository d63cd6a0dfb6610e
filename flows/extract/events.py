"""Events: a trigger verb or event noun typed with PLOVER, dated, with its actors in roles.

Triggers come from the parse (a verb or noun whose lemma is in the lexicon), so "said"
alone is never an event and a negated trigger ("did not meet") is not one either. Roles come
from the path between an actor's mention and the trigger in the dependency tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from flows.records import ActorMention, DateMention, Event, EventActor, stable_id

# PLOVER event types (https://github.com/openeventdata/PLOVER), with a mode where PLOVER has one.
# Keys are lemmas; "VERB"/"NOUN" say which part of speech triggers.
_VERB_TRIGGERS: dict[str, tuple[str, str | None]] = {
    "meet": ("CONSULT", "meet"), "host": ("CONSULT", "meet"), "visit": ("CONSULT", "visit"),
    "discuss": ("CONSULT", "meet"), "consult": ("CONSULT", None), "phone": ("CONSULT", "phone"),
    "agree": ("AGREE", None), "sign": ("AGREE", "sign"), "approve": ("AGREE", None),
    "support": ("SUPPORT", None), "endorse": ("SUPPORT", None), "praise": ("SUPPORT", "praise"),
    "apologize": ("CONCEDE", "apologize"), "release": ("CONCEDE", "release"), "free": ("CONCEDE", "release"),
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None),
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "urge": ("REQUEST", None), "press": ("REQUEST", None), "appeal": ("REQUEST", None),
    "demand": ("REQUEST", None), "request": ("REQUEST", None),
    "accuse": ("ACCUSE", None), "blame": ("ACCUSE", None), "condemn": ("ACCUSE", "condemn"),
    "criticize": ("ACCUSE", "criticize"), "criticise": ("ACCUSE", "criticize"),
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "cancel": ("REJECT", "cancel"),
    "veto": ("REJECT", "veto"), "abstain": ("REJECT", "abstain"),
    "threaten": ("THREATEN", None), "warn": ("THREATEN", "warn"),
    "protest": ("PROTEST", None), "demonstrate": ("PROTEST", "demonstrate"), "rally": ("PROTEST", None),
    "sanction": ("SANCTION", None), "expel": ("SANCTION", "expel"), "boycott": ("SANCTION", "boycott"),
    "mobilize": ("MOBILIZE", None), "mobilise": ("MOBILIZE", None), "deploy": ("MOBILIZE", "deploy"),
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "seize": ("COERCE", "seize"),
    "attack": ("ASSAULT", None), "kill": ("ASSAULT", "kill"), "bomb": ("ASSAULT", "bomb"),
    "shell": ("ASSAULT", "bomb"), "invade": ("ASSAULT", "invade"), "raid": ("ASSAULT", None),
    "shoot": ("ASSAULT", "shoot"), "wound": ("ASSAULT", None), "strike": ("ASSAULT", None),
}
_NOUN_TRIGGERS: dict[str, tuple[str, str | None]] = {
    "meeting": ("CONSULT", "meet"), "talk": ("CONSULT", "meet"), "summit": ("CONSULT", "multilateral"),
    "visit": ("CONSULT", "visit"), "consultation": ("CONSULT", None), "discussion": ("CONSULT", "meet"),
    "agreement": ("AGREE", None), "deal": ("AGREE", None), "accord": ("AGREE", None),
    "cooperation": ("COOPERATE", None), "withdrawal": ("RETREAT", "withdraw"),
    "protest": ("PROTEST", None), "demonstration": ("PROTEST", "demonstrate"),
    "sanction": ("SANCTION", None), "embargo": ("SANCTION", None), "arrest": ("COERCE", "arrest"),
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "invasion": ("ASSAULT", "invade"),
    "offensive": ("ASSAULT", None), "airstrike": ("ASSAULT", "bomb"), "bombing": ("ASSAULT", "bomb"),
    "raid": ("ASSAULT", None), "rampage": ("ASSAULT", None), "massacre": ("ASSAULT", "kill"),
}
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ROLES = ("source", "target", "participant", "place", "mentioned")
_SOURCE_DEPS = {"nsubj", "agent", "poss", "csubj"}
_TARGET_DEPS = {"dobj", "nsubjpass", "dative", "attr", "oprd"}
_PARTICIPANT_PREPS = {"with", "between", "among", "alongside"}
_TARGET_PREPS = {"on", "against", "to", "into", "upon"}
_PLACE_PREPS = {"at", "in", "near", "inside", "outside"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_PRECISION_OF = {
    "day": "day", "week": "week", "month": "month", "quarter": "month", "season": "month",
    "year": "year", "decade": "year", "century": "year",
}


def _trigger(token: Token) -> tuple[str, str | None] | None:
    if any(child.dep_ == "neg" for child in token.children):
        return None
    if token.pos_ == "VERB":
        return _VERB_TRIGGERS.get(token.lemma_.lower())
    if token.pos_ == "NOUN":
        return _NOUN_TRIGGERS.get(token.lemma_.lower())
    return None


def _path_to(token: Token, trigger: Token) -> Token | None:
    """The child of `trigger` whose subtree holds `token`, or None if it is elsewhere."""
    node = token
    while node.head.i != node.i:
        if node.head.i == trigger.i:
            return node
        node = node.head
    return None


def _role(mention: Span, kind: str, trigger: Token) -> str:
    branch = _path_to(mention.root, trigger)
    if branch is None:
        return "mentioned"
    if branch.dep_ in _SOURCE_DEPS:
        return "source"
    if branch.dep_ in _TARGET_DEPS:
        return "target"
    if branch.dep_ == "prep":
        preposition = branch.lower_
        if preposition in _PARTICIPANT_PREPS:
            return "participant"
        if preposition in _PLACE_PREPS and kind in _PLACE_TYPES:
            return "place"
        if preposition in _TARGET_PREPS:
            return "target"
        if preposition == "by":
            return "source"
    if branch.dep_ in {"compound", "nmod", "amod"} and trigger.pos_ == "NOUN":
        return "source"
    return "mentioned"


def _governing_date(sentence: Span, trigger: Token, dates: Sequence[DateMention]) -> DateMention | None:
    """The date that modifies the trigger, else the first calendar date in its sentence."""
    in_sentence = [
        d for d in dates
        if sentence.start_char <= d.start_char < sentence.end_char and d.resolved_date is not None
    ]
    doc = sentence.doc
    for mention in in_sentence:
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is not None and _path_to(span.root, trigger) is not None:
            return mention
    return in_sentence[0] if in_sentence else None


def extract_events(
    doc: Doc,
    article_id: str,
    published_at: date | None,
    actors: Sequence[ActorMention],
    dates: Sequence[DateMention],
) -> list[Event]:
    """Every event trigger in `doc` with its type, date and the actors of its sentence."""
    events: list[Event] = []
    for sentence in doc.sents:
        sentence_actors = [m for m in actors if sentence.start_char <= m.start_char < sentence.end_char]
        for token in sentence:
            typed = _trigger(token)
            if typed is None:
                continue
            event_type, mode = typed
            start, end = token.idx, token.idx + len(token.text)
            event_id = stable_id(article_id, "event", start, end)
            dated = _governing_date(sentence, token, dates)
            if dated is not None:
                event_date, precision, source = dated.resolved_date, _PRECISION_OF.get(dated.precision or "", "day"), "text"
            else:
                event_date, precision, source = published_at, ("day" if published_at else None), "publication"
            roles: dict[str, str] = {}
            for mention in sentence_actors:
                span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
                role = _role(span, mention.actor_type, token) if span is not None else "mentioned"
                previous = roles.get(mention.actor_id)
                if previous is None or ROLES.index(role) < ROLES.index(previous):
                    roles[mention.actor_id] = role
            events.append(
                Event(
                    event_id=event_id,
                    article_id=article_id,
                    event_type=event_type,
                    event_mode=mode,
                    trigger_text=token.text,
                    start_char=start,
                    end_char=end,
                    event_date=event_date,
                    date_precision=precision,
                    date_source=source,
                    sentence_start=sentence.start_char,
                    sentence_end=sentence.end_char,
                    actors=tuple(EventActor(event_id, actor_id, role) for actor_id, role in sorted(roles.items())),
                )
            )
    return events
