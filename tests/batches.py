"""A small, consistent staged batch built from records, for the validation tests."""

from __future__ import annotations

from datetime import date

import pandas as pd

from newswire.load.staging import stage
from newswire.quality.checks import with_checks
from newswire.records import ActorMention, Article, DateMention, Event, EventActor, Extraction, Figure

BODY = "Leaders met in Cairo on Tuesday. Some 40 people were hurt."


def extraction(article_id: str = "a1", published: date = date(2024, 3, 27)) -> Extraction:
    """One article with an actor, a date, a figure and an event, every offset giving its text."""
    article = Article(article_id, "ext-" + article_id, None, None, None, published, BODY, "x.txt")
    event = Event(
        "e-" + article_id, article_id, "CONSULT", "meet", "met", 8, 11, date(2024, 3, 26), "day", "text", 0, 32,
        (EventActor("e-" + article_id, "cairo", "place"),), "ae-" + article_id, "c-" + article_id,
    )
    return Extraction(
        article=article,
        actor_mentions=(ActorMention(article_id, "cairo", "Cairo", "GPE", "Cairo", 15, 20, "GPE"),),
        date_mentions=(DateMention(article_id, "Tuesday", 24, 31, "DATE", "2024-03-26", date(2024, 3, 26), "day"),),
        figures=(Figure("f-" + article_id, article_id, "Some 40 people", 33, 47, 40.0, 40.0, 40.0, "approximate",
                        "people", "injured"),),
        events=(event,),
    )


def checked_frames(extractions: list[Extraction]) -> dict[str, pd.DataFrame]:
    """The staged frames of `extractions` with their check columns, as validation sees them."""
    return with_checks(stage(extractions).frames)
