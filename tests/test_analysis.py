"""The analysis queries of sql/04_analysis, the views they read, and `newswire query`.

Pure functions on inline inputs first; then every query, the views, the command and the
DuckDB shell against one warehouse the real flow builds from the sample articles.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date
from xml.etree import ElementTree

import duckdb
import pytest
from analyst import DUCKDB_CLI, newswire, sample_warehouse

from newswire.analyst.queries import (
    ANALYSIS_DIR,
    QueryError,
    Result,
    UnknownQuery,
    available_queries,
    bind,
    cell_text,
    find_query,
    format_csv,
    format_json,
    format_table,
    neutralised,
    parse_assignments,
    parse_query,
    run,
    used_parameters,
)
from newswire.ingest.clean import printable

QUERY_NAMES = [q.name for q in available_queries()]
SVG = "{http://www.w3.org/2000/svg}"

HEADER = """-- Who said what?
--
-- One row per thing said.
--
-- $who: the speaker (default: Gallant)
-- $since: the first day
select 1
"""


def test_a_query_file_gives_its_question_and_parameters():
    query = parse_query("said", HEADER)
    assert query.question == "Who said what?"
    assert [(p.name, p.description, p.default) for p in query.parameters] == [
        ("who", "the speaker", "Gallant"),
        ("since", "the first day", None),
    ]


def test_parameters_bind_to_the_given_value_else_the_default():
    query = parse_query("said", HEADER)
    assert bind(query, {"since": "2024-01-01"}) == {"who": "Gallant", "since": "2024-01-01"}
    assert bind(query, {"who": "Austin", "since": "x"}) == {"who": "Austin", "since": "x"}
    with pytest.raises(QueryError, match="said needs --param since=… \\(the first day\\)"):
        bind(query, {})
    with pytest.raises(QueryError, match="has no parameter whom \\(it takes who, since\\)"):
        bind(query, {"whom": "x", "since": "y"})


def test_assignments_split_at_the_first_equals_sign():
    assert parse_assignments(["actor=Lloyd Austin", "text=a=b", "empty="]) == {
        "actor": "Lloyd Austin", "text": "a=b", "empty": "",
    }
    for bad in ("actor", "=x"):
        with pytest.raises(QueryError, match="NAME=VALUE"):
            parse_assignments([bad])


def test_a_query_is_found_by_its_name_or_the_only_name_containing_it():
    queries = [parse_query(name, "select 1") for name in ("actor_timeline", "actor", "most_mentioned_actors")]
    assert find_query(queries, "actor").name == "actor"
    assert find_query(queries, "timeline").name == "actor_timeline"
    with pytest.raises(QueryError, match="'ctor' could be actor_timeline, actor, most_mentioned_actors"):
        find_query(queries, "ctor")
    with pytest.raises(UnknownQuery, match="no query named 'pie'"):
        find_query(queries, "pie")


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_states_its_question_and_declares_each_parameter_it_uses(name):
    (query,) = [q for q in available_queries() if q.name == name]
    assert query.question.endswith("?"), query.question
    assert used_parameters(query.sql) == {p.name for p in query.parameters}
    assert all(p.default is not None for p in query.parameters), "every query runs without --param"


def test_the_analysis_folder_holds_the_eight_questions():
    assert QUERY_NAMES == [
        "actor_timeline", "who_met_whom", "figures_over_time", "sources_disagree",
        "most_mentioned_actors_per_week", "article_facts", "events_near", "events_placed",
    ]
    assert all(path.name[:3].rstrip("_").isdigit() for path in ANALYSIS_DIR.glob("*.sql"))


def test_a_table_aligns_its_columns_numbers_to_the_right():
    result = Result(
        ("name", "mentions", "share", "seen", "dates"),
        (("Israel", 38, 0.5, None, [date(2024, 3, 26), date(2024, 3, 27)]), ("Lloyd Austin", 1200, 1.0, True, [])),
    )
    assert format_table(result).splitlines() == [
        "name          mentions  share  seen  dates",
        "------------  --------  -----  ----  ----------------------",
        "Israel              38    0.5        2024-03-26, 2024-03-27",
        "Lloyd Austin     1,200      1  true",
        "(2 rows)",
    ]


def test_a_table_cuts_long_cells_and_says_when_there_is_no_row():
    long = Result(("sentence",), (("word " * 30,),))
    assert format_table(long, cell_width=12).splitlines()[2] == "word word w…"
    assert format_table(Result(("a", "b"), ())).splitlines() == ["a  b", "-  -", "(0 rows)"]


def test_csv_and_json_keep_values_whole():
    result = Result(("day", "value", "sources"), ((date(2024, 3, 27), 32000.0, ["DNA", "AP"]), (None, 0.5, None)))
    assert list(csv.reader(io.StringIO(format_csv(result)))) == [
        ["day", "value", "sources"], ["2024-03-27", "32000.0", "DNA, AP"], ["", "0.5", ""],
    ]
    assert json.loads(format_json(result)) == [
        {"day": "2024-03-27", "value": 32000.0, "sources": ["DNA", "AP"]},
        {"day": None, "value": 0.5, "sources": None},
    ]


def test_csv_cells_that_would_run_as_formulas_are_neutralised():
    titles = ["=HYPERLINK(\"http://x.test\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tTab", "Gaza, 2024", "a=b"]
    result = Result(("title", "value", "sources"), tuple((t, -5.0, ["=cmd|' /C calc'!A0", "AP"]) for t in titles))
    rows = list(csv.reader(io.StringIO(format_csv(result))))[1:]
    assert [row[0] for row in rows] == [f"'{t}" for t in titles[:5]] + titles[5:]
    assert {row[1] for row in rows} == {"-5.0"}
    assert {row[2] for row in rows} == {"'=cmd|' /C calc'!A0, AP"}
    assert json.loads(format_json(result))[0]["title"] == titles[0]
    assert (neutralised("\rReturn"), neutralised(" =1"), neutralised("")) == ("'\rReturn", " =1", "")


def test_json_stays_json_once_escaped_for_the_console():
    result = Result(("title",), (("Talks\x7f\x85\u202e\x1b[2J\x07 resume",),))
    shown = printable(format_json(result))
    assert not any(c in shown for c in "\x7f\x85\u202e\x1b\x07")
    assert json.loads(shown) == [{"title": "Talks\x7f\x85\u202e\x1b[2J\x07 resume"}]


@pytest.fixture(scope="module")
def sample_db(prefect_server, tmp_path_factory):
    return sample_warehouse(tmp_path_factory.mktemp("analysis"))


@pytest.fixture(scope="module")
def con(sample_db):
    with duckdb.connect(str(sample_db), read_only=True) as connection:
        yield connection


def answer(con, name: str, **given: str) -> list[dict]:
    query = find_query(available_queries(), name)
    result = run(con, query, bind(query, given))
    return [dict(zip(result.columns, row)) for row in result.rows]


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_answers_on_the_samples_with_its_defaults(con, name):
    assert answer(con, name)


def test_the_pentagon_meeting_is_in_lloyd_austins_timeline_with_three_sources(con):
    timeline = answer(con, "actor_timeline", actor="Lloyd Austin")
    meetings = [row for row in timeline if row["event_type"] == "CONSULT" and "Yoav Gallant" in row["with_actors"]]
    assert len(meetings) == 1
    (meeting,) = meetings
    assert (meeting["event_date"], meeting["articles"], meeting["sources"]) == (date(2024, 3, 26), 3, 3)
    assert "Lloyd Austin" not in meeting["with_actors"]
    assert [row["event_date"] for row in timeline] == sorted(row["event_date"] for row in timeline)
    assert answer(con, "actor_timeline", actor="austin") == timeline


def test_an_actor_nobody_mentions_has_an_empty_timeline(con):
    assert answer(con, "actor_timeline", actor="Nobody Atall") == []


def test_who_met_whom_pairs_people_who_took_part_in_one_consultation(con):
    pairs = answer(con, "who_met_whom")
    by_pair = {(row["actor"], row["met"]): row for row in pairs}
    assert by_pair[("Lloyd Austin", "Yoav Gallant")]["sources"] == 3
    assert by_pair[("Jake Sullivan", "Yoav Gallant")]["meetings"] == 2
    assert all(row["actor"] < row["met"] for row in pairs)
    people = {name for (name,) in con.execute("select name from actors where actor_type = 'PERSON'").fetchall()}
    assert {name for pair in by_pair for name in pair} <= people
    everyone = answer(con, "who_met_whom", actor_type="all")
    assert len(everyone) > len(pairs)
    assert any("Pentagon" in (row["actor"], row["met"]) for row in everyone)


def test_figures_over_time_covers_every_figure_of_the_category_with_its_sources(con):
    killed = answer(con, "figures_over_time", category="killed")
    assert {row["category"] for row in killed} == {"killed"}
    assert all(row["sources"] for row in killed)
    expected = con.execute(
        "select distinct a.published_at, f.unit, f.value from figures f join articles a using (article_id) "
        "where f.category = 'killed'"
    ).fetchall()
    assert sorted((r["reported_on"], r["unit"], r["value"]) for r in killed) == sorted(expected)
    assert any(r["value"] == 32000 and r["sources"] == ["DNA"] for r in killed)
    assert len(answer(con, "figures_over_time")) > len(killed)


def test_sources_disagree_on_the_date_of_the_pentagon_meeting_and_on_hostages(con):
    rows = answer(con, "sources_disagree")
    meeting = [r for r in rows if r["kind"] == "date" and "Lloyd Austin" in r["subject"]]
    assert len({r["reported"] for r in meeting}) == len(meeting) >= 2
    assert set.isdisjoint(*(set(r["sources"]) for r in meeting))
    hostages = {r["reported"]: r["sources"] for r in rows if r["subject"] == "hostages (hostages)"}
    assert hostages["100"] == ["DNA"] and hostages["128"] == ["003_de9af6f17d0dde06"]
    for subject in {r["subject"] for r in rows}:
        reports = [r for r in rows if r["subject"] == subject]
        assert len(reports) >= 2, subject
        assert len({s for r in reports for s in r["sources"]}) >= 2, subject


def test_the_most_mentioned_actors_are_ranked_within_each_week(con):
    rows = answer(con, "most_mentioned_actors_per_week", top="2")
    weeks = {(row["week"]) for row in rows}
    assert weeks == {"2024-W13", "2024-W16", "2024-W21"}
    for week in weeks:
        ranked = [r for r in rows if r["week"] == week]
        assert [r["rank"] for r in ranked] == sorted(r["rank"] for r in ranked) and ranked[-1]["rank"] <= 2
        assert [r["mentions"] for r in ranked] == sorted((r["mentions"] for r in ranked), reverse=True)
    (israel,) = [r for r in rows if r["week"] == "2024-W13" and r["name"] == "Israel"]
    (mentions,) = con.execute(
        "select count(*) from actor_mentions m join actors using (actor_id) join articles a using (article_id) "
        "where name = 'Israel' and a.published_at between '2024-03-25' and '2024-03-31'"
    ).fetchone()
    assert israel["mentions"] == mentions


def test_an_articles_facts_each_come_with_the_sentence_that_holds_them(con):
    latest, article_id = con.execute(
        "select external_id, article_id from articles order by published_at desc limit 1"
    ).fetchone()
    facts = answer(con, "article_facts")
    assert facts == answer(con, "article_facts", article=latest) == answer(con, "article_facts", article=article_id)
    counts = {
        kind: con.execute(f"select count(*) from {table} where article_id = ?", [article_id]).fetchone()[0]
        for kind, table in (("actor", "actor_mentions"), ("date", "date_mentions"), ("figure", "figures"),
                            ("event", "events"))
    }
    assert {kind: sum(f["kind"] == kind for f in facts) for kind in counts} == counts
    assert all(f["text"] in f["sentence"] for f in facts)
    assert [f["sentence_no"] for f in facts] == sorted(f["sentence_no"] for f in facts)
    assert {f["kind"] for f in answer(con, "article_facts", kind="figure")} == {"figure"}


def test_sentences_tile_each_body_and_hold_every_mention(con):
    bodies = dict(con.execute("select article_id, body from articles").fetchall())
    sentences = con.execute("select article_id, start_char, end_char, sentence from v_sentences").fetchall()
    for article_id, start, end, sentence in sentences:
        assert bodies[article_id][start:end].strip(" \n\t\xa0") == sentence
    outside = con.execute(
        "select count(*) from actor_mentions m where (select count(*) from v_sentences s where s.article_id = "
        "m.article_id and m.start_char >= s.start_char and m.end_char <= s.end_char) <> 1"
    ).fetchone()[0]
    assert outside == 0
    (one,) = [s for a, _, _, s in sentences if s.startswith("Israel believes dozens of hostages")]
    assert one.endswith("are held in Rafah."), "Oct. 7 does not end a sentence"


def test_the_views_keep_one_row_per_fact(con):
    def count(sql: str) -> int:
        return con.execute(sql).fetchone()[0]

    assert count("select count(*) from v_figures_enriched") == count("select count(*) from figures")
    assert count("select count(*) from v_actor_mentions") == count("select count(*) from actor_mentions")
    assert count("select count(*) from v_event_timeline") == count(
        "select count(*) from events left join event_actors using (event_id)"
    )
    assert count("select count(*) from v_event_timeline where canonical_date is null") == 0


def test_query_lists_the_questions():
    listed = newswire("query", "--list")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    for query in available_queries():
        assert any(line.startswith(query.name + " ") and line.endswith(query.question) for line in lines)


def test_query_prints_a_table_csv_or_json(sample_db):
    table = newswire("query", "who_met", "--db", str(sample_db))
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[0].split() == ["actor", "met", "meetings", "dates", "sources"]
    rows = list(csv.DictReader(io.StringIO(newswire("query", "timeline", "--format", "csv", "--param",
                                                    "actor=Gallant", "--db", str(sample_db)).stdout)))
    assert all(row["event_type"] for row in rows) and any("Jake Sullivan" in row["with_actors"] for row in rows)
    facts = json.loads(newswire("query", "article_facts", "--format", "json", "--param", "kind=date",
                                "--db", str(sample_db)).stdout)
    assert facts and {fact["kind"] for fact in facts} == {"date"}


def test_query_fails_in_one_line(sample_db, tmp_path):
    cases = [
        (("query", "pie", "--db", str(sample_db)), "newswire query: no query named 'pie'"),
        (("query", "timeline", "--param", "who=x", "--db", str(sample_db)),
         "newswire query: actor_timeline has no parameter who (it takes actor)"),
        (("query", "timeline", "--db", str(tmp_path / "none.duckdb")),
         f"newswire query: warehouse {tmp_path / 'none.duckdb'} does not exist; run `newswire run` first"),
        (("query", "timeline", "--format", "xml", "--db", str(sample_db)),
         "newswire query: --format is table, csv, json, not 'xml'"),
    ]
    for args, message in cases:
        result = newswire(*args)
        assert result.returncode == 1, args
        assert result.stderr.strip().splitlines() == [message]
    unknown = newswire("query", "pie", "--db", str(sample_db))
    assert all(name in unknown.stdout for name in QUERY_NAMES)


def test_query_opens_the_warehouse_read_only(sample_db, con):
    # This module holds the file open read-only: a writer in another process could not open it.
    result = newswire("query", "most_mentioned", "--db", str(sample_db))
    assert result.returncode == 0, result.stderr
    assert "Yoav Gallant" in result.stdout


def test_the_duckdb_shell_reads_the_warehouse_tables_and_views(sample_db, con):
    shell = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-csv", str(sample_db), "-c",
         "select count(*) as articles from articles; select count(*) as timeline from v_event_timeline; "
         "select version() as version"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert shell.returncode == 0, shell.stderr
    timeline = con.execute("select count(*) from v_event_timeline").fetchone()[0]
    assert shell.stdout.split() == ["articles", "5", "timeline", str(timeline), "version", f"v{duckdb.__version__}"]


def test_chart_draws_an_actors_timeline_and_the_figures(sample_db, con, tmp_path):
    timeline = newswire("chart", "timeline", "--param", "actor=Gallant", "--out", "gallant.svg",
                        "--db", str(sample_db), cwd=tmp_path)
    assert timeline.returncode == 0, timeline.stderr
    events = answer(con, "actor_timeline", actor="Gallant")
    assert timeline.stdout.strip() == f"gallant.svg: {len(events)} events from actor_timeline"
    svg = ElementTree.parse(tmp_path / "gallant.svg").getroot()
    circles = [c for c in svg.iter(f"{SVG}circle") if c.get("class") == "event"]
    assert len(circles) == len(events)
    tips = [c.find(f"{SVG}title").text for c in circles]
    assert any(tip.startswith("2024-03-26 CONSULT with CQ Brown, Lloyd Austin, Pentagon: 3 source(s)") for tip in tips)

    figures = newswire("chart", "figures", "--param", "category=hostages", "--out", "hostages.svg",
                       "--db", str(sample_db), cwd=tmp_path)
    assert figures.returncode == 0, figures.stderr
    bars = [r for r in ElementTree.parse(tmp_path / "hostages.svg").getroot().iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == len(answer(con, "figures_over_time", category="hostages"))
    assert newswire("chart", "pie", "--out", "x.svg", "--db", str(sample_db), cwd=tmp_path).returncode == 1


def test_events_near_rafah_on_the_samples_are_within_the_distance_and_hold_rafahs_own(con):
    near = answer(con, "events_near", place="Rafah", km="50")
    assert near and all(row["km"] <= 50 for row in near)
    placed_at_rafah = {
        event_id for (event_id,) in con.execute(
            "select canonical_event_id from v_event_points where list_contains(places, 'Rafah')"
        ).fetchall()
    }
    assert placed_at_rafah and placed_at_rafah <= {row["canonical_event_id"] for row in near}
    assert not answer(con, "events_near", place="Rafah", km="50", **{"from": "2100-01-01"})


def test_chart_draws_the_map_of_the_samples_placed_events(sample_db, con, tmp_path):
    placed = answer(con, "events_placed")
    done = newswire("chart", "map", "--out", "map.svg", "--db", str(sample_db), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"map.svg: {len(placed)} events from events_placed"
    circles = [c for c in ElementTree.parse(tmp_path / "map.svg").getroot().iter(f"{SVG}circle") if c.get("class") == "event"]
    assert len(circles) == len(placed) > 0
    tips = sorted(c.find(f"{SVG}title").text.split(" at ")[0] for c in circles)
    assert tips == sorted(f"{cell_text(row['event_date']) or 'undated'} {row['event_type']}" for row in placed)
