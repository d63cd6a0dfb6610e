"""Events: a trigger verb or event noun typed with PLOVER, dated, with its actors in roles.

Triggers come from the parse: a verb or noun whose lemma is in the trigger lexicon
(`plover_triggers.json`), so "said" alone is never an event; a negated trigger ("did not meet")
is not one either, nor a verb stated as a possibility or an intention ("would meet", "agreed to
meet": the words of `event_words.json`). Roles come from the path between an actor's mention
and the trigger in the dependency tree, through the clause that modifies an event noun ("a
meeting he held with X") and the verb an event noun hangs from ("X pushed back during a
meeting"). Mentions of one event in an article ("the 90-minute meeting", "the meeting", "the
talks with Gallant") are joined into one article event that shares its date.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Span, Token

from newswire.extract.lexicons import LexiconError, lexicon
from newswire.records import ActorMention, DateMention, Event, EventActor, Figure, stable_id

# The PLOVER event types (https://github.com/openeventdata/PLOVER): every trigger is typed with one.
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _read_triggers(kind: str) -> dict[str, tuple[str, str | None]]:
    """Lemma -> (PLOVER type, mode) of the `kind` ("verbs" or "nouns") in plover_triggers.json."""
    triggers: dict[str, tuple[str, str | None]] = {}
    for lemma, entry in lexicon("plover_triggers")[kind].items():
        if entry["type"] not in EVENT_TYPES:
            raise LexiconError(f"plover_triggers: {lemma!r} has type {entry['type']!r}, not a PLOVER event type")
        triggers[lemma] = (entry["type"], entry.get("mode"))
    return triggers


_VERB_TRIGGERS = _read_triggers("verbs")
_NOUN_TRIGGERS = _read_triggers("nouns")
# An event noun and the verb it names, so "those meetings" can refer back to "met".
_NOUN_VERBS = {lemma: e["verb"] for lemma, e in lexicon("plover_triggers")["nouns"].items() if "verb" in e}
# Roles, strongest first; "mentioned" is an actor of the sentence with no role in the event.
ROLES = ("source", "target", "participant", "place", "mentioned")
IDENTIFYING_ROLES = ("source", "target", "participant")
# Where an event's date came from, most direct first.
DATE_SOURCES = ("text", "sentence", "context", "coreference", "publication")
_EXPLICIT_DATES = {"text", "sentence", "context"}

_SOURCE_DEPS = {"nsubj", "agent", "poss", "csubj"}
_TARGET_DEPS = {"dobj", "nsubjpass", "dative", "attr", "oprd"}
_MODIFIER_DEPS = {"compound", "nmod", "amod"}
# Dependencies that keep a mention in the same slot: "X and Y", "X, the minister", "Gen X".
_LINK_DEPS = {"conj", "appos", "flat"}
_MODALS = frozenset(lexicon("event_words")["modals"])
# Verbs whose complement is an intention, not something that happened ("agreed to meet").
_INTENT_VERBS = frozenset(lexicon("event_words")["intent_verbs"])
_REFERRING_DETERMINERS = {"the", "this", "that", "these", "those"}
_SPECIFIC_TYPES = {"PERSON", "ORG"}
_PARTICIPANT_PREPS = {"with", "between", "among", "alongside"}
_TARGET_PREPS = {"on", "against", "to", "into", "upon"}
_PLACE_PREPS = {"at", "in", "near", "inside", "outside"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_CLAUSE_DEPS = {"relcl", "acl"}
_OPEN_CLAUSE_DEPS = {"xcomp", "acl", "advcl"}
_SINGULAR_PRONOUNS = {"he", "she", "his", "her", "him"}
# A sentence with no event of its own that names who took part in the last meeting:
# "The Israeli side was led by Ron Dermer", "The delegation included ...".
_PARTICIPATION_VERBS = frozenset(lexicon("event_words")["participation_verbs"])
_PRECISION_OF = {
    "day": "day", "week": "week", "month": "month", "quarter": "month", "season": "month", "half": "month",
    "year": "year", "decade": "year", "century": "year",
}


@dataclass(frozen=True, slots=True)
class _Mention:
    event: Event
    noun: bool
    lemma: str
    definite: bool
    named: frozenset[str]  # every actor of its sentence, in a role or not
    modifiers: frozenset[str]  # actors that name which event it is: "the Iran attack", "Hamas' attack"


@dataclass(slots=True)
class _Cluster:
    """Mentions of one event within an article, in order."""

    event_type: str
    mode: str | None
    members: list[Event] = field(default_factory=list)
    lemmas: set[str] = field(default_factory=set)

    @property
    def explicit_date(self) -> Event | None:
        return next((m for m in self.members if m.date_source in _EXPLICIT_DATES), None)

    @property
    def actor_ids(self) -> set[str]:
        return {a.actor_id for m in self.members for a in m.actors if a.role in IDENTIFYING_ROLES}


def _irrealis(verb: Token) -> bool:
    """A verb that states an intention or a possibility, not an event that happened."""
    if any(child.dep_ == "aux" and child.lower_ in _MODALS for child in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT_VERBS


def _trigger(token: Token) -> tuple[str, str | None] | None:
    pos = token.pos_
    table = _VERB_TRIGGERS if pos == "VERB" else _NOUN_TRIGGERS if pos == "NOUN" else None
    typed = table.get(token.lemma_.lower()) if table is not None else None
    if typed is None or any(child.dep_ == "neg" for child in token.children):
        return None
    return None if pos == "VERB" and _irrealis(token) else typed


def _lexicon_tokens(doc: Doc) -> list[int]:
    """The indices of the verbs and nouns whose lemma is a trigger, read from the parse's arrays."""
    strings = doc.vocab.strings
    return [
        i
        for i, (pos, lemma) in enumerate(doc.to_array([POS, LEMMA]).tolist())
        if (pos == VERB and strings[lemma].lower() in _VERB_TRIGGERS)
        or (pos == NOUN and strings[lemma].lower() in _NOUN_TRIGGERS)
    ]


def _path_to(token: Token, trigger: Token) -> list[Token] | None:
    """The tokens from `token` up to the child of `trigger` on its way, or None if not below it."""
    path = [token]
    node = token
    while node.head.i != node.i:
        if node.head.i == trigger.i:
            return path
        node = node.head
        path.append(node)
    return None


def _governor(trigger: Token) -> Token | None:
    """The verb an event noun hangs from through prepositions ("pushed back during a meeting")."""
    node = trigger
    while node.dep_ in {"pobj", "prep"} or (node is not trigger and node.pos_ in {"NOUN", "PROPN"}):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _direct(path: Sequence[Token]) -> bool:
    """Whether the mention is the slot itself, not something named inside it ("X's insistence")."""
    return all(token.dep_ in _LINK_DEPS for token in path)


def _slot(path: Sequence[Token], kind: str, noun_trigger: bool) -> str:
    """The role of a mention whose way up to the event ends in `path[-1]`'s dependency."""
    branch = path[-1]
    if branch.dep_ == "prep":
        inner = path[:-1]
        if not inner or inner[-1].dep_ != "pobj" or not _direct(inner[:-1]):
            return "mentioned"
        preposition = branch.lower_
        if preposition in _PARTICIPANT_PREPS:
            return "participant"
        if preposition in _PLACE_PREPS and (kind in _PLACE_TYPES or (preposition == "at" and kind == "ORG")):
            return "place"
        if preposition in _TARGET_PREPS:
            return "target"
        return "source" if preposition == "by" else "mentioned"
    if branch.dep_ == "agent":
        inner = path[:-1]
        return "source" if inner and inner[-1].dep_ == "pobj" and _direct(inner[:-1]) else "mentioned"
    if not _direct(path[:-1]):
        return "mentioned"
    if branch.dep_ in _SOURCE_DEPS:
        return "source"
    if branch.dep_ in _TARGET_DEPS:
        return "target"
    if branch.dep_ in _MODIFIER_DEPS and noun_trigger:
        return "source"
    return "mentioned"


def _role_on_path(path: list[Token], kind: str, trigger: Token) -> str:
    if path[-1].dep_ in _CLAUSE_DEPS and len(path) >= 2:
        # Inside the clause that modifies an event noun: "a meeting [he held with X]",
        # "the meeting, [which also included X]".
        role = _slot(path[:-1], kind, noun_trigger=False)
        return {"target": "participant"}.get(role, role)
    return _slot(path, kind, trigger.pos_ == "NOUN")


def _role(mention: Span, kind: str, trigger: Token) -> str:
    path = _path_to(mention.root, trigger)
    if path is not None:
        return _role_on_path(path, kind, trigger)
    frame = _governor(trigger) if trigger.pos_ == "NOUN" else None
    if frame is None and trigger.dep_ in _OPEN_CLAUSE_DEPS and not _has_subject(trigger):
        # "Netanyahu's decision to cancel", "X agreed to meet": the event inherits the subject.
        frame = trigger.head
    if frame is not None:
        outer = _path_to(mention.root, frame)
        role = _slot(outer, kind, noun_trigger=False) if outer is not None else "mentioned"
        if role in {"source", "participant"}:
            return role
    return "mentioned"


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in {"nsubj", "nsubjpass", "csubj"} for child in token.children)


def _subject_pronouns(trigger: Token) -> list[Token]:
    """Singular personal pronouns standing as the event's subject or owner."""
    holders = [trigger, *(c for c in trigger.children if c.dep_ in _CLAUSE_DEPS)]
    frame = _governor(trigger) if trigger.pos_ == "NOUN" else None
    if frame is not None:
        holders.append(frame)
    return [
        child for holder in holders for child in holder.children
        if child.dep_ in {"nsubj", "poss"} and child.lower_ in _SINGULAR_PRONOUNS
    ]


def _antecedent(pronoun: Token, actors: Sequence[ActorMention]) -> ActorMention | None:
    """The last person named before a pronoun."""
    before = [m for m in actors if m.actor_type == "PERSON" and m.end_char <= pronoun.idx]
    return before[-1] if before else None


def _in_sentence(mentions: Sequence, sentence: Span) -> list:
    return [m for m in mentions if sentence.start_char <= m.start_char < sentence.end_char]


def _event_date(
    doc: Doc, sentence: Span, trigger: Token, dates: Sequence[DateMention], paragraph_start: int
) -> tuple[DateMention | None, str]:
    """The date that governs the trigger, else one in its sentence, else the paragraph's last."""
    calendar = [d for d in dates if d.resolved_date is not None]
    in_sentence = _in_sentence(calendar, sentence)
    for mention in in_sentence:
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is not None and _path_to(span.root, trigger) is not None:
            return mention, "text"
    if in_sentence:
        return in_sentence[0], "sentence"
    earlier = [
        d for d in calendar
        if paragraph_start <= d.start_char < sentence.start_char and d.precision in {"day", "week"}
    ]
    if earlier:
        return earlier[-1], "context"
    return None, "publication"


def _paragraph_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _mentions(
    doc: Doc, article_id: str, actors: Sequence[ActorMention], dates: Sequence[DateMention]
) -> list[_Mention]:
    """Each trigger's event mention.

    A verb with no actor in a role and no date of its own ("the plans met his insistence")
    says too little to be an event; an event noun is kept, as it may refer to one.
    """
    text = doc.text
    candidates = _lexicon_tokens(doc)
    events: list[_Mention] = []
    for sentence in doc.sents:
        inside = candidates[bisect_left(candidates, sentence.start) : bisect_left(candidates, sentence.end)]
        if not inside:
            continue
        sentence_actors = _in_sentence(actors, sentence)
        for i in inside:
            token = doc[i]
            typed = _trigger(token)
            if typed is None:
                continue
            start, end = token.idx, token.idx + len(token.text)
            event_id = stable_id(article_id, "event", start, end)
            dated, source = _event_date(doc, sentence, token, dates, _paragraph_start(text, start))
            roles: dict[str, str] = {}
            modifiers: set[str] = set()
            for mention in sentence_actors:
                span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
                role = _role(span, mention.actor_type, token) if span is not None else "mentioned"
                _keep_strongest(roles, mention.actor_id, role)
                if span is not None and span.root.head.i == token.i and span.root.dep_ in _MODIFIER_DEPS | {"poss"}:
                    modifiers.add(mention.actor_id)
            for pronoun in _subject_pronouns(token):
                person = _antecedent(pronoun, actors)
                if person is not None:
                    _keep_strongest(roles, person.actor_id, "source")
            noun = token.pos_ == "NOUN"
            if not noun and source != "text" and not any(r in IDENTIFYING_ROLES for r in roles.values()):
                continue
            events.append(_Mention(
                Event(
                    event_id=event_id,
                    article_id=article_id,
                    event_type=typed[0],
                    event_mode=typed[1],
                    trigger_text=token.text,
                    start_char=start,
                    end_char=end,
                    event_date=dated.resolved_date if dated else None,
                    date_precision=_PRECISION_OF.get(dated.precision or "", "day") if dated else None,
                    date_source=source,
                    sentence_start=sentence.start_char,
                    sentence_end=sentence.end_char,
                    actors=tuple(EventActor(event_id, a, r) for a, r in sorted(roles.items())),
                ),
                noun,
                _NOUN_VERBS.get(token.lemma_.lower(), token.lemma_.lower()),
                any(
                    c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _REFERRING_DETERMINERS)
                    for c in token.children
                ),
                frozenset(roles),
                frozenset(modifiers),
            ))
    return events


def _keep_strongest(roles: dict[str, str], actor_id: str, role: str) -> None:
    previous = roles.get(actor_id)
    if previous is None or ROLES.index(role) < ROLES.index(previous):
        roles[actor_id] = role


def _specific(event: Event, kinds: dict[str, str]) -> set[str]:
    """The people and organisations that take part in an event mention."""
    return {a.actor_id for a in event.actors if a.role in IDENTIFYING_ROLES and kinds.get(a.actor_id) in _SPECIFIC_TYPES}


def _dates_conflict(cluster: _Cluster, event: Event) -> bool:
    """Two dates for one event, at least one of them stated with it, that do not agree."""
    dated = cluster.explicit_date
    if dated is None or event.date_source not in _EXPLICIT_DATES or dated.event_date == event.event_date:
        return False
    stated = {"text", "sentence"}
    if dated.date_source not in stated and event.date_source not in stated:
        return False
    days = abs((dated.event_date - event.event_date).days)
    coarse = "week" in (dated.date_precision, event.date_precision)
    return not (coarse and days < 7)


def _compatible(cluster: _Cluster, mention: _Mention, kinds: dict[str, str]) -> bool:
    """Whether `mention` can be a further mention of the article event `cluster`.

    An event noun refers back to the last event of its kind unless their dates disagree, it
    is named by an actor that event does not have ("the Iran attack"), or,
    not being definite ("talks aimed at ..."), it names other people than that event's and
    none of them. A verb joins only an event it shares a person or an organisation with, or
    its stated date.
    """
    event = mention.event
    if cluster.event_type != event.event_type or _dates_conflict(cluster, event):
        return False
    if cluster.mode and event.event_mode and cluster.mode != event.event_mode:
        return False
    own = _specific(event, kinds)
    theirs = {a for m in cluster.members for a in _specific(m, kinds)}
    if mention.modifiers and not mention.modifiers & cluster.actor_ids:
        return False
    if mention.noun:
        return mention.definite or not own or not theirs or bool(mention.named & theirs)
    dated = cluster.explicit_date
    return bool(own & theirs) or (dated is not None and event.date_source in _EXPLICIT_DATES)


def _cluster(mentions: Sequence[_Mention], kinds: dict[str, str]) -> list[_Cluster]:
    """Article events: a noun prefers the last event named with the same noun."""
    clusters: list[_Cluster] = []
    for mention in mentions:
        candidates = [c for c in reversed(clusters) if _compatible(c, mention, kinds)]
        same_word = [c for c in candidates if mention.noun and mention.lemma in c.lemmas]
        home = (same_word or candidates or [None])[0]
        if home is None:
            home = _Cluster(mention.event.event_type, mention.event.event_mode)
            clusters.append(home)
        elif home.mode is None:
            home.mode = mention.event.event_mode
        home.members.append(mention.event)
        home.lemmas.add(mention.lemma)
    return clusters


def _participants_named_after(
    doc: Doc, clusters: Sequence[_Cluster], actors: Sequence[ActorMention]
) -> dict[str, list[str]]:
    """People named as taking part ("The Israeli side was led by X") in a sentence with no event."""
    added: dict[str, list[str]] = {}
    for sentence in doc.sents:
        root = sentence.root
        if root.lemma_.lower() not in _PARTICIPATION_VERBS or any(_trigger(t) for t in sentence):
            continue
        earlier = [
            c for c in clusters
            if c.event_type == "CONSULT" and c.members[0].start_char < sentence.start_char
        ]
        if not earlier:
            continue
        people = []
        for mention in _in_sentence(actors, sentence):
            span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
            path = _path_to(span.root, root) if span is not None and mention.actor_type == "PERSON" else None
            if path is not None and _slot(path, mention.actor_type, noun_trigger=False) in IDENTIFYING_ROLES:
                people.append(mention.actor_id)
        added.setdefault(earlier[-1].members[0].event_id, []).extend(people)
    return added


def extract_events(
    doc: Doc,
    article_id: str,
    published_at: date | None,
    actors: Sequence[ActorMention],
    dates: Sequence[DateMention],
) -> list[Event]:
    """Every event mention in `doc`: type, date, actors in roles, joined into article events.

    A mention without a date of its own takes the date of the article event it belongs to
    (`date_source` "coreference"), else the publication date ("publication").
    """
    mentions = _mentions(doc, article_id, actors, dates)
    clusters = _cluster(mentions, {m.actor_id: m.actor_type for m in actors})
    joined = _participants_named_after(doc, clusters, actors)
    events: list[Event] = []
    for cluster in clusters:
        dated = cluster.explicit_date
        key = stable_id(article_id, "article-event", cluster.members[0].event_id)
        for member in cluster.members:
            if member.date_source not in _EXPLICIT_DATES:
                if dated is not None:
                    member = replace(
                        member, event_date=dated.event_date, date_precision=dated.date_precision,
                        date_source="coreference",
                    )
                else:
                    member = replace(
                        member, event_date=published_at, date_precision="day" if published_at else None,
                        date_source="publication",
                    )
            extra = joined.get(member.event_id, [])
            if extra:
                roles = {a.actor_id: a.role for a in member.actors}
                for actor_id in extra:
                    _keep_strongest(roles, actor_id, "participant")
                member = replace(
                    member, actors=tuple(EventActor(member.event_id, a, r) for a, r in sorted(roles.items()))
                )
            events.append(replace(member, article_event_id=key))
    return sorted(events, key=lambda e: e.start_char)


# Figures that count what an event did to people belong to the event of their sentence.
_CASUALTY_CATEGORIES = {"killed", "injured", "hostages", "displaced", "arrested"}


def figure_events(doc: Doc, figures: Sequence[Figure], events: Sequence[Event]) -> dict[str, str]:
    """figure_id -> event_id for figures that belong to an event.

    A figure belongs to the nearest event trigger above it in the parse ("an attack ...,
    which killed some 1,200 people"), not past a coordinated verb ("killed X and drove Y");
    failing that, a casualty count belongs to the nearest
    assault or coercion in its sentence.
    """
    triggers = {e.start_char: e for e in events}
    links: dict[str, str] = {}
    for figure in figures:
        span = doc.char_span(figure.start_char, figure.end_char, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        while node.head.i != node.i and node.idx not in triggers and node.dep_ != "conj":
            node = node.head
        if node.idx in triggers:
            links[figure.figure_id] = triggers[node.idx].event_id
            continue
        if figure.category in _CASUALTY_CATEGORIES:
            near = [
                e for e in events
                if e.sentence_start <= figure.start_char < e.sentence_end and e.event_type in {"ASSAULT", "COERCE"}
            ]
            if near:
                links[figure.figure_id] = min(near, key=lambda e: abs(e.start_char - figure.start_char)).event_id
    return links
