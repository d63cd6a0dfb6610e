"""A source folder holding the sample articles among one of every hostile input, and what each must come to.

Shared by the ingest tests and the end-to-end run: the same folder, the same expected reasons.
Paths are relative to the folder, as ingest names them (`path_text`: bytes that are not UTF-8
and control characters escaped); a record is `file:line` (JSONL, manifest). Besides one input
of each kind, a seeded generator gives file names of random bytes (`fuzz_names`): the same
names on every run, so a failure can be replayed.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from paths import SEED_ARTICLES

from newswire.ingest.clean import path_text
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
# A text one character over the spaCy model's `max_length` (one line, as a scraper may leave it).
MODEL_MAX_LENGTH = 1_000_000
LONG_CHARS = MODEL_MAX_LENGTH + 1
# File names that must load, shown escaped: not UTF-8 (the bytes of a UTF-16 mark), a terminal
# title sequence, a right-to-left override.
NAMES = {b"\xff\xfe.txt": "\\xff\\xfe.txt", b"\x1b]0;owned\x07.txt": "\\x1b]0;owned\\x07.txt", "\u202etxt.exe.txt".encode(): "\u202etxt.exe.txt"}
CLEAR_SCREEN = b"\x1b[2J.txt"  # an empty file whose rejection names it in the run's log
FORMULA = '=HYPERLINK("http://127.0.0.1:9/","open me")'
FORMULA_TEXT = "=1+2 ministers met in Lima on Monday."  # one sentence, a formula to a spreadsheet
UTF16_TEXT = "Schoolchildren in Kraków and Malmö returned to class on Monday, officials said."
UTF32_TEXT = "Flights from Reykjavík resumed on Tuesday after the ash cloud cleared."
# Markup in names and fields that reach the dashboard: each must show there as text.
MARKUP_NAMES = ("<img src=x onerror=alert(1)>.txt", "<svg onload=alert(2)>.txt", "<iframe src=javascript:alert(3)>.txt")
MARKUP_TITLE = "<script>alert(4)</script><b onmouseover=alert(5)>Talks</b>"
FUZZ_SEED = 21
FUZZ_NAMES = 24
# What a random name is made of: any byte but NUL and `/`, which no name can hold.
_NAME_BYTES = bytes(b for b in range(1, 256) if b != ord("/"))


def fuzz_names(seed: int = FUZZ_SEED, count: int = FUZZ_NAMES) -> list[bytes]:
    """`count` file names of random bytes ending `.txt`, none hidden, distinct however they are shown."""
    rng = random.Random(seed)
    names: dict[str, bytes] = {}
    while len(names) < count:
        name = bytes(rng.choice(_NAME_BYTES) for _ in range(rng.randint(1, 12))).lstrip(b".") + b".txt"
        names.setdefault(path_text(os.fsdecode(name)), name)
    return list(names.values())


def fuzz_story(n: int) -> str:
    return f"Harbour pilots guided {n + 2} tankers into the bay on Monday, the coast guard said of convoy {n}.\n"


# Hostile inputs that load, besides the samples and the distinct items of `many/`.
LOADED = {
    "cp1252.txt", "feed.jsonl:1", "feed.jsonl:10", "feed.jsonl:15", "feed.jsonl:16", "utf16.txt", "utf32.txt", "long.txt",
    *NAMES.values(), *(f"names/{path_text(os.fsdecode(name))}" for name in fuzz_names()),
}
_DATE = r"\d{4}-\d{2}-\d{2}"
# Relative path -> the reason it is rejected with (a regular expression that must match it whole).
REJECTED = {
    "empty.txt": re.escape("the article has no text"),
    "blank.txt": re.escape("the article has no text"),
    "zero-width.txt": re.escape("the article has no text (only whitespace, zero-width or control characters)"),
    "\\x1b[2J.txt": re.escape("the article has no text"),
    **{name: re.escape("the article has no text") for name in MARKUP_NAMES},
    "dawn.txt": re.escape("published_at 0001-01-01 is before 1800-01-01"),
    "feed.jsonl:11": re.escape("published_at 0001-01-01 is before 1800-01-01"),
    "feed.jsonl:12": rf"published_at 9999-12-31 is in the future \(later than {_DATE}\)",
    "feed.jsonl:13": re.escape("the article has no text (only whitespace, zero-width or control characters)"),
    "feed.jsonl:14": re.escape("the article has no text (only whitespace, zero-width or control characters)"),
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
    "utf16.txt": re.escape("decoded as UTF-16 (it starts with a UTF-16 byte-order mark)"),
    "utf32.txt": re.escape("decoded as UTF-32 (it starts with a UTF-32 byte-order mark)"),
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
        json.dumps({"id": "r11", "text": "Yesterday the council met in Oslo.", "published_at": "0001-01-01"}),
        json.dumps({"id": "r12", "text": "The council meets in Oslo tomorrow.", "published_at": "9999-12-31"}),
        json.dumps({"id": "r13", "text": "\x01\x02\x1b\x7f\x85\x9b \t\x0b"}),
        json.dumps({"id": "r14", "text": "\u200b\u200c\u200d\u2060\u202e\ufeff"}),
        json.dumps({"id": "r15", "title": FORMULA, "text": FORMULA_TEXT}),
        json.dumps({"id": "<b>r16</b>", "title": MARKUP_TITLE, "published_at": "2024-01-01",
                    "text": "The ministers met in Quito on Monday and will meet again in Lima on 2024-01-09."}),
    ]
    write(folder / "feed.jsonl", "\n".join(records) + "\n")
    write(folder / "blank.txt", " \t\n\u00a0\u3000\n")
    write(folder / "zero-width.txt", "\ufeff\u200b\u200c\n\u2060\u200b")
    write(folder / "dawn.txt", "date 0001-01-01\nYesterday the council met in Oslo.\n")
    write(folder / "utf16.txt", codecs.BOM_UTF16_LE + UTF16_TEXT.encode("utf-16-le"))
    write(folder / "utf32.txt", codecs.BOM_UTF32_BE + UTF32_TEXT.encode("utf-32-be"))
    write(folder / "long.txt", ("The wind and the rain kept the harvest late. " * (LONG_CHARS // 45 + 1))[:LONG_CHARS])
    names = os.fsencode(folder)
    for n, name in enumerate(NAMES):
        with open(names + b"/" + name, "wb") as handle:
            handle.write(f"Envoys from {n + 3} countries met in Nairobi on Monday, the host said.\n".encode())
    for empty in (CLEAR_SCREEN, *(name.encode() for name in MARKUP_NAMES)):
        with open(names + b"/" + empty, "wb"):
            pass
    (folder / "names").mkdir()
    for n, name in enumerate(fuzz_names()):
        with open(names + b"/names/" + name, "wb") as handle:
            handle.write(fuzz_story(n).encode())
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
