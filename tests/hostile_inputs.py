"""A source folder holding the sample articles among one of every hostile input, and what each must come to.

Shared by the ingest tests and the end-to-end run: the same folder, the same expected reasons.
Paths are relative to the folder; a record is `file:line` (JSONL, manifest) as ingest names it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from paths import SEED_ARTICLES

from newswire.ingest.inputs import MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS

STORY = "Officials met in Cairo on Monday and agreed to meet again next week, the ministry said.\n"
FOREIGN = {
    "french": "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse.",
    "german": "Die Bundesregierung hat am Dienstag neue Maßnahmen zur Unterstützung der Landwirte angekündigt.",
    "spanish": "El gobierno anunció el martes una serie de medidas para apoyar a los agricultores afectados por la sequía.",
    "arabic": "أعلنت الحكومة يوم الثلاثاء عن سلسلة من الإجراءات لدعم المزارعين المتضررين من الجفاف.",
    "chinese": "政府周二宣布了一系列措施，以支持受干旱影响的农民。部长表示，援助将在未来几周内发放。",
}
CP1252_TEXT = "The caf\u00e9 \u2013 \u201cLe Dôme\u201d \u2013 reopened on Monday, its owner said."
# A folder of thousands of files: copies of a few wire items, so that every file is read and
# hashed while the run extracts only the distinct ones.
MANY_FILES = 2_000
MANY_STORIES = 50
HUGE_BYTES = 50 * 1024 * 1024
EXECUTED = "executed"  # the file front.txt's YAML would create in the folder's parent, were it run

# Hostile inputs that load, besides the samples and the distinct items of `many/`.
LOADED = {"cp1252.txt", "feed.jsonl:1", "feed.jsonl:10"}
_DATE = r"\d{4}-\d{2}-\d{2}"
# Relative path -> the reason it is rejected with (a regular expression that must match it whole).
REJECTED = {
    "empty.txt": re.escape("the article has no text"),
    "binary.txt": re.escape("binary file, not text (it holds NUL bytes)"),
    "damaged.txt": re.escape("not valid UTF-8 (byte 51: b'\\xff'), though most of it is: a damaged UTF-8 file"),
    "gbk.txt": re.escape("binary file, not text (not UTF-8, byte 0: b'\\xd5'; nor Windows-1252 prose)"),
    "huge.txt": re.escape(f"text is {HUGE_BYTES:,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit for an article; not read"),
    "broken.json": re.escape("invalid JSON: Expecting value at line 1 column 22"),
    "deep.json": re.escape("invalid JSON: nested too deeply"),
    "french.txt": r"not English \(\d+ of \d+ words are French, German, .* function words; \d+ are English ones\)",
    "german.txt": r"not English \(\d+ of \d+ words are French, German, .* function words; \d+ are English ones\)",
    "spanish.txt": r"not English \(\d+ of \d+ words are French, German, .* function words; \d+ are English ones\)",
    "arabic.txt": re.escape("not English (100% of letters are Arabic script)"),
    "chinese.txt": re.escape("not English (100% of letters are CJK script)"),
    "feed.jsonl:2": re.escape("invalid JSON: Expecting property name enclosed in double quotes at column 2"),
    "feed.jsonl:3": re.escape("missing required field(s): text"),
    "feed.jsonl:4": re.escape("text must be a string, got list"),
    "feed.jsonl:5": re.escape("published_at 'last week' is not an ISO date or datetime"),
    "feed.jsonl:6": rf"published_at {_DATE} is in the future \(later than {_DATE}\)",
    "feed.jsonl:7": r"duplicate id 'r1' with different text \(the first, at /.*/feed\.jsonl:1, is kept\)",
    "feed.jsonl:8": re.escape("text is not valid Unicode (a lone surrogate at character 5)"),
    "feed.jsonl:9": re.escape(
        f"text is {MAX_ARTICLE_CHARS + 1:,} characters, over the {MAX_ARTICLE_CHARS:,}-character limit for an article"
    ),
    "front.txt": re.escape(
        "front matter is not valid YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'"
    ),
    "manifest.csv:8": re.escape("manifest row names '../escape.txt', outside its folder; not read"),
    "manifest.csv:9": re.escape("manifest row names '/etc/passwd', outside its folder; not read"),
    "manifest.csv:7": re.escape("manifest row names 'gone.txt', which is not in its folder"),
    "outside.txt": re.escape("symbolic link to outside the source folder, not followed"),
    "loop": re.escape("symbolic link loop (it leads back to itself), not followed"),
    "many/up": re.escape("symbolic link to a folder that holds it (a loop), not followed"),
    "dangling.txt": re.escape("symbolic link to nothing (its target does not exist), not followed"),
}
# Relative path -> the note recorded for it.
NOTED = {
    "cp1252.txt": re.escape("decoded as Windows-1252, not UTF-8"),
    "alias.txt": re.escape("symbolic link, not followed"),
}


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def many_story(n: int) -> str:
    return f"Wire item {n % MANY_STORIES}: the port authority reported {n % MANY_STORIES + 3} ships waiting offshore.\n"


def build_hostile(root: Path) -> Path:
    """`root/in`: the sample articles among one of every hostile input; `root/escape.txt` lies outside it."""
    folder = root / "in"
    shutil.copytree(SEED_ARTICLES, folder)
    in_three_days = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("gone.txt,2024-01-01,,,\n../escape.txt,2024-01-01,,,\n/etc/passwd,2024-01-01,,,\n")
    write(root / "escape.txt", STORY)
    write(folder / "empty.txt", "")
    write(folder / "binary.txt", bytes(range(256)) * 4)
    write(folder / "cp1252.txt", CP1252_TEXT.encode("cp1252"))
    write(folder / "damaged.txt", "Protesters in Zürich and Malmö marched on Monday.".encode("utf-8") + b"\xff\n")
    write(folder / "gbk.txt", "政府周二宣布了一系列措施，以支持受干旱影响的农民。".encode("gbk"))
    write(folder / "huge.txt", ("The council met again on Monday. " * 1_600_000)[:HUGE_BYTES])
    write(folder / "broken.json", '{"id": "b1", "text": ')
    write(folder / "deep.json", "[" * 100_000 + "]" * 100_000)
    for language, text in FOREIGN.items():
        write(folder / f"{language}.txt", text)
    records = [
        json.dumps({"id": "r1", "text": STORY.replace("Cairo", "Amman"), "published_at": "2024-06-03"}),
        "{broken",
        json.dumps({"id": "r3", "title": "No text"}),
        json.dumps({"id": "r4", "text": ["not", "a", "string"]}),
        json.dumps({"id": "r5", "text": STORY.replace("Cairo", "Doha"), "published_at": "last week"}),
        json.dumps({"id": "r6", "text": STORY.replace("Cairo", "Rabat"), "published_at": in_three_days}),
        json.dumps({"id": "r1", "text": STORY.replace("Cairo", "Tunis")}),
        json.dumps({"id": "r8", "text": "Lone \ud800 surrogate in Beirut on Monday."}),
        json.dumps({"id": "r9", "text": "x" * (MAX_ARTICLE_CHARS + 1)}),
        json.dumps({"id": "r10", "text": "Officials met in Baghdad.", "url": "http://127.0.0.1:9/never-fetched"}),
    ]
    write(folder / "feed.jsonl", "\n".join(records) + "\n")
    write(folder / "front.txt", f"---\ntitle: !!python/object/apply:os.system ['touch {root / EXECUTED}']\n---\n" + STORY)
    rows = ["file,published_at,source,title,url"]
    for n in range(MANY_FILES):
        write(folder / "many" / f"{n:05d}.txt", many_story(n))
        rows.append(f"{n:05d}.txt,2024-01-01,Wire,,")
    write(folder / "many" / "manifest.csv", "\n".join(rows) + "\n")
    os.symlink(folder / "loop", folder / "loop")
    os.symlink(root / "escape.txt", folder / "outside.txt")
    os.symlink(folder, folder / "many" / "up")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    os.symlink("cp1252.txt", folder / "alias.txt")
    return folder
