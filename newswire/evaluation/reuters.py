"""Reuters-21578: newswire stories from 1987 in SGML, for volume (no annotations used)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

_STORY = re.compile(r"<REUTERS\b(?P<attrs>[^>]*)>(?P<content>.*?)</REUTERS>", re.DOTALL)
_NEWID = re.compile(r'NEWID="(\d+)"')
_DATE = re.compile(r"<DATE>\s*([^<]+?)\s*</DATE>")
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.DOTALL)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.DOTALL)
_CONTROL = re.compile(r"&#(?:[0-8]|1[0-9]|2[0-9]|3[01]);")


@dataclass(frozen=True, slots=True)
class ReutersStory:
    story_id: str
    published_at: date | None
    title: str | None
    body: str

    def record(self) -> dict[str, str | None]:
        """The story as a newswire `.jsonl` input record."""
        return {
            "id": self.story_id,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "source": "Reuters",
            "text": self.body,
        }


def _text(raw: str) -> str:
    return html.unescape(_CONTROL.sub("", raw)).replace("\r\n", "\n").strip()


def _parse_date(raw: str) -> date | None:
    try:
        return datetime.strptime(raw.split(".")[0].strip(), "%d-%b-%Y %H:%M:%S").date()
    except ValueError:
        return None


def read_stories(folder: Path, limit: int | None = None) -> Iterator[ReutersStory]:
    """Stories with a body, in file and story order; `<DATE>` is the publication date."""
    count = 0
    for path in sorted(folder.glob("reut2-*.sgm")):
        content = path.read_bytes().decode("latin-1")
        for match in _STORY.finditer(content):
            if limit is not None and count >= limit:
                return
            body = _BODY.search(match.group("content"))
            if body is None or not _text(body.group(1)):
                continue
            story_id = _NEWID.search(match.group("attrs"))
            dated = _DATE.search(match.group("content"))
            title = _TITLE.search(match.group("content"))
            yield ReutersStory(
                story_id=f"reuters-{story_id.group(1) if story_id else count}",
                published_at=_parse_date(dated.group(1)) if dated else None,
                title=_text(title.group(1)) if title else None,
                body=_text(body.group(1)),
            )
            count += 1
