"""The `newswire` command: run the pipeline, score it against gold data, query the warehouse.

Everything it prints goes through `_echo`, which escapes control characters: a file name, a
title or a text printed here cannot clear, retitle or otherwise drive the terminal.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newswire.ingest.clean import printable
from newswire.resources import SAMPLE_ARTICLES

if TYPE_CHECKING:
    from newswire.progress import Bar, Lines
    from newswire.runs import RunResult

# Relative paths are read from the folder the command is run in.
DEFAULT_DB = Path("warehouse") / "newswire.duckdb"
DEFAULT_REUTERS = Path("..") / "shared" / "data" / "reuters21578"

app = typer.Typer(
    help="newswire: news articles in, a validated DuckDB star schema of actors, figures, dates and events out.",
    no_args_is_help=True,
    add_completion=False,
)

SourceOption = typer.Option(
    str(SAMPLE_ARTICLES), "--source", show_default="the sample articles shipped with newswire",
    help="A file or folder of articles (.txt, .json, .jsonl, web pages, web archives; an optional "
    "manifest.csv), a feeds file (.yaml) or a feed URL.",
)
DbOption = typer.Option(DEFAULT_DB, "--db", envvar="NEWSWIRE_DB", help="The DuckDB warehouse file.")
ProcessesOption = typer.Option(
    None, "--processes", min=1, show_default="NEWSWIRE_NLP_PROCESSES, else one per usable core",
    help="Processes that parse with the model.",
)


def _echo(text: object, err: bool = False) -> None:
    """Print a line with what a terminal would act on escaped: names and texts in it are data."""
    typer.echo(printable(str(text)), err=err)


def _fail(command: str, reason: object) -> typer.Exit:
    _echo(f"newswire {command}: {reason}", err=True)
    return typer.Exit(code=1)


def _parse_with(command: str, processes: int | None) -> int:
    """How many processes parse: `--processes` when given (it becomes the `NEWSWIRE_NLP_PROCESSES`
    of this command and of the processes it starts), else what that setting says."""
    from newswire.extract.nlp import nlp_processes

    if processes is not None:
        os.environ["NEWSWIRE_NLP_PROCESSES"] = str(processes)
    try:
        return nlp_processes()
    except ValueError as exc:
        raise _fail(command, exc) from exc


def _source(command: str, source: str, checked: bool = True) -> Path | str:
    """What `--source` names: a feed URL (normalised), or a path made absolute. When `checked`,
    a path that is not there, a URL that is no http(s) URL and a feeds file with anything wrong
    in it fail here, before a run starts. Nothing is fetched."""
    from newswire.ingest.feeds import is_feeds_source, is_url, read_feeds_file
    from newswire.ingest.fetch import normalise_url
    from newswire.ingest.formats import InputError

    try:
        if is_url(source):
            return normalise_url(source) if checked else source
        path = Path(source)
        if checked and not path.exists():
            raise _fail(command, f"source {source} does not exist")
        if checked and is_feeds_source(path):
            read_feeds_file(path)
    except InputError as exc:
        raise _fail(command, f"{source}: {exc}") from exc
    return path.resolve()


@app.command()
def run(
    source: str = SourceOption,
    db: Path = DbOption,
    full_refresh: bool = typer.Option(
        False, "--full-refresh", help="Read every input again and rebuild the published tables."
    ),
    since: datetime = typer.Option(
        None, "--since", formats=["%Y-%m-%d"],
        help="Backfill: extract again the loaded articles published on or after this date (YYYY-MM-DD).",
    ),
    until: datetime = typer.Option(
        None, "--until", formats=["%Y-%m-%d"],
        help="Backfill: extract again the loaded articles published on or before this date (YYYY-MM-DD).",
    ),
    task_runner: str = typer.Option(
        "threads", "--task-runner", help="threads (one machine) or dask (extraction on a Dask cluster)."
    ),
    dask_address: str = typer.Option(
        None, "--dask-address", help="The scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786."
    ),
    dask_workers: int = typer.Option(
        2, "--dask-workers", min=1, help="Workers of the local cluster started when no address is given; "
        "also how many batches extract at once.",
    ),
    wait: float = typer.Option(
        0.0, "--wait", min=0.0, help="While another run loads the warehouse, wait up to this many seconds for it."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", help="Show tracebacks on the console too; they are always in the run's Prefect log."
    ),
    processes: int = ProcessesOption,
) -> None:
    """Ingest, extract, validate and load the articles at SOURCE into the warehouse.

    Only inputs that are new or changed since they were last loaded are read; the rest cost
    a hash; a feed's items seen before are not fetched again. Rejected inputs (a page that
    could not be fetched among them, tried again next run) are recorded in `rejected_inputs` and
    do not fail the run; running twice on the same input changes nothing. One run at a time per
    warehouse.
    """
    backfill = since is not None or until is not None
    if backfill and full_refresh:
        raise _fail("run", "--full-refresh and --since/--until do not go together")
    if task_runner not in ("threads", "dask"):
        raise _fail("run", f"--task-runner is threads or dask, not {task_runner!r}")
    # a backfill reads the warehouse, not the source
    where = _source("run", source, checked=not backfill)
    _parse_with("run", processes)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Prefect's temporary server gets 20 s to start by default; a busy machine can need more.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from newswire.load.warehouse import WarehouseBusy, exclusive
    from newswire.runs import nothing_new

    try:
        # the warehouse is taken before Prefect is even imported: a run already loading it is
        # one line, at once; and a run with nothing new ends there, without Prefect or the model
        with exclusive(db.resolve(), wait=wait):
            idle = None if backfill or full_refresh else nothing_new(where, db.resolve())
            summary = idle or _run_flow(
                source=where, db=db.resolve(), full_refresh=full_refresh,
                since=since.date() if since else None, until=until.date() if until else None,
                task_runner=task_runner, dask_workers=dask_workers, dask_address=dask_address, verbose=verbose,
            )
    except WarehouseBusy as exc:
        raise _fail("run", exc) from exc
    for line in summary.lines():
        _echo(line)


def _run_flow(
    source: Path | str, db: Path, full_refresh: bool, since: date | None, until: date | None,
    task_runner: str, dask_workers: int, dask_address: str | None, verbose: bool,
) -> RunResult:
    """One run of the news_etl flow with the chosen task runner; a failure is one line."""
    from rich.console import Console

    from newswire.flow import RunFailed, news_etl
    from newswire.progress import listener_for, listening

    if not verbose:
        _console_without_tracebacks()
    flow = news_etl
    if task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        cluster = {"n_workers": dask_workers, "threads_per_worker": 1, "processes": True}
        runner = DaskTaskRunner(address=dask_address) if dask_address else DaskTaskRunner(cluster_kwargs=cluster)
        flow = news_etl.with_options(task_runner=runner)
    # without --verbose the run shows how far it is, and Prefect's console only its warnings
    listener = None if verbose else listener_for(Console(stderr=True))
    try:
        with _prefect_console(listener), listening(listener):
            return flow(
                source=source, db=db, full_refresh=full_refresh, since=since, until=until,
                extractions_ahead=dask_workers if task_runner == "dask" else 1,
            )
    except RunFailed as exc:
        raise _fail("run", exc) from exc
    except Exception as exc:  # the flow's own log has the trace; the user gets one line
        raise _fail("run", f"{type(exc).__name__}: {exc}") from exc


@contextmanager
def _prefect_console(listener: Bar | Lines | None) -> Iterator[None]:
    """With `listener` showing the run's progress, Prefect's console shows only warnings and
    errors from now on, its temporary server's stop at exit too (every line is in the run's
    Prefect log); while a bar shows, they print above it."""
    from prefect.logging.handlers import PrefectConsoleHandler

    from newswire.progress import Bar

    if listener is None:
        yield
        return
    loggers = [logging.getLogger(), *logging.root.manager.loggerDict.values()]
    handlers = {
        handler for logger in loggers for handler in getattr(logger, "handlers", ())
        if isinstance(handler, PrefectConsoleHandler)
    }
    files = {}
    for handler in handlers:
        handler.setLevel(max(handler.level, logging.WARNING))
        if isinstance(listener, Bar):
            files[handler], handler.console.file = handler.console.file, listener.above()
    try:
        yield
    finally:
        for handler, file in files.items():
            handler.console.file = file


class _FirstLineOnly(logging.Filter):
    """A console log line without the traceback or details after its first line. Loggers'
    own handlers, Prefect's API handler among them, have sent the whole record by then."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = record.getMessage().split("\n", 1)[0], ()
        record.exc_info = record.exc_text = record.stack_info = None
        return True


def _console_without_tracebacks() -> None:
    from prefect.logging.handlers import PrefectConsoleHandler

    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler):
            handler.addFilter(_FirstLineOnly())


@app.command()
def serve(
    cron: str = typer.Option("*/15 * * * *", "--cron", help="When to run, as a cron expression (UTC)."),
    source: str = typer.Option(
        str(SAMPLE_ARTICLES), "--source", show_default="the sample articles shipped with newswire",
        help="The landing folder to read new articles from, a feeds file (.yaml) or a feed URL to poll.",
    ),
    db: Path = DbOption,
    name: str = typer.Option("news_etl", "--name", help="The deployment's name."),
) -> None:
    """Register the news_etl deployment with its schedule and serve it until stopped.

    With a feeds source, each run polls the feeds that are due (a feed's `poll` interval has
    passed since it was last asked for) and loads their new items.
    Needs a Prefect server: start one with `prefect server start` and set PREFECT_API_URL
    (e.g. http://127.0.0.1:4200/api). Runs can also be triggered with
    `prefect deployment run news_etl/<name>`.
    """
    if not os.environ.get("PREFECT_API_URL"):
        raise _fail("serve", "PREFECT_API_URL is not set: start `prefect server start` and point it there")
    from newswire.ingest.feeds import is_feeds_source

    if not is_feeds_source(source) and not Path(source).is_dir():
        raise _fail("serve", f"landing folder {source} does not exist")
    where = _source("serve", source)
    from newswire.flow import news_etl

    news_etl.serve(name=name, cron=cron, parameters={"source": str(where), "db": str(db.resolve())})


@app.command()
def bench(
    articles: list[int] = typer.Option(
        [1000], "--articles", min=1, help="How many Reuters-21578 stories to run on; repeat it for several sizes."
    ),
    repeats: int = typer.Option(1, "--repeats", min=1, help="Runs of each stage; the medians are reported."),
    reuters: Path = typer.Option(
        DEFAULT_REUTERS, "--reuters", envvar="NEWSWIRE_REUTERS", exists=True, file_okay=False,
        help="The folder of reut2-*.sgm files.",
    ),
    processes: int = ProcessesOption,
) -> None:
    """Measure a full run against the model's limit, and a run with nothing new.

    The limit is bare nlp.pipe of the same model and batch size on as many processes as the run
    parses with (--processes, else NEWSWIRE_NLP_PROCESSES, else one per usable core). Each stage
    runs in its own process; the figures are seconds, words/s, articles/s and peak memory, with
    the ratios full/limit and nothing-new/full, of the medians and of each repeat. With several
    sizes, each is reported as it is measured, then the full run's peak memory at each size
    against the smallest.
    """
    from newswire.evaluation.throughput import medians, memory_report, repeat_report, report, run_benchmark

    parsing = _parse_with("bench", processes)
    runs = []
    for size in articles:
        try:
            rounds = run_benchmark(reuters, size, repeats, parsing)
        except RuntimeError as exc:
            raise _fail("bench", exc) from exc
        measurements = medians(rounds)
        runs.append(measurements)
        for line in report(measurements) + repeat_report(rounds):
            _echo(line)
    for line in memory_report(runs):
        _echo(line)


@app.command("eval")
def evaluate(
    gold: Path = typer.Option(
        None, "--gold", exists=True, dir_okay=False, help="Gold annotations (seeds_gold.json format) to score the warehouse against."
    ),
    db: Path = DbOption,
    timeml: list[Path] = typer.Option(
        [], "--timeml", exists=True, file_okay=False,
        help="A folder of TimeML .tml files: TempEval-3 scores of the date extractor (repeatable).",
    ),
    meantime: list[Path] = typer.Option(
        [], "--meantime", exists=True, file_okay=False,
        help="A folder of MEANTIME CAT XML files: scores of named entities, figures and dates (repeatable).",
    ),
    quantities: list[Path] = typer.Option(
        [], "--quantities", exists=True, dir_okay=False,
        help="A JSON set of sentences and their quantities (CQE format): scores of figures (repeatable).",
    ),
    html: list[Path] = typer.Option(
        [], "--html", exists=True, file_okay=False,
        help="A folder of annotated news pages (pages/ and expected.json): scores of the main text (repeatable).",
    ),
    places: Path = typer.Option(
        None, "--places", exists=True, dir_okay=False,
        help="Where each place is (seeds_places.json format): country accuracy and share within max_km.",
    ),
) -> None:
    """Measure extraction quality.

    With --gold: P/R/F1 of the warehouse's dates, figures, actors, actor ids and events.
    With --timeml: strict, relaxed and value F1 of temporal expressions on a TimeML corpus.
    With --meantime: span F1 of named entities (actors) and of VALUE markables (figures), and
    the TempEval-3 scores of dates against its TIMEX3 markables.
    With --quantities: value, value+unit and value+change F1 of figures, on the tuning and
    held-out parts of the set and on the whole set.
    With --html: the share of pages whose main text holds every snippet it must and none it must
    not, the rates per snippet and the pages that give a publication date, on the tuning and
    held-out parts of the set.
    With --places: the share of gold places whose country is right, and of those within their
    max_km of the gold point.
    """
    if gold is None and not timeml and not meantime and not quantities and not html and places is None:
        raise _fail("eval", "nothing to measure: give --gold, --timeml, --meantime, --quantities, --html and/or --places")
    if gold is not None:
        _evaluate_gold(gold, db)
    if places is not None:
        _evaluate_places(places, db)
    if html:
        from newswire.evaluation.html import score_pages

        for folder in html:
            for part, scores in score_pages(folder).items():
                _echo(f"web pages {folder}: {part} part")
                for line in scores.lines():
                    _echo(f"  {line}")
    if timeml:
        from newswire.evaluation.timeml import score_timeml
        from newswire.extract.nlp import load_model

        for folder in timeml:
            _echo(f"TimeML {folder}")
            for line in score_timeml(folder, load_model()).lines():
                _echo(f"  {line}")
    if meantime:
        from newswire.evaluation.meantime import score_entities
        from newswire.evaluation.meantime_dates import score_dates
        from newswire.evaluation.meantime_values import score_values
        from newswire.extract.nlp import load_model
        from newswire.reference import load_gazetteer

        for folder in meantime:
            _echo(f"MEANTIME {folder}: named entities")
            for line in score_entities(folder, load_model(), load_gazetteer()).lines():
                _echo(f"  {line}")
            _echo(f"MEANTIME {folder}: figures against VALUE markables")
            for line in score_values(folder, load_model()).lines():
                _echo(f"  {line}")
            _echo(f"MEANTIME {folder}: dates against TIMEX3 markables")
            for line in score_dates(folder, load_model()).lines():
                _echo(f"  {line}")
    if quantities:
        from newswire.evaluation.quantities import QuantityScores, score_set
        from newswire.extract.nlp import load_model

        for path in quantities:
            parts = score_set(path, load_model())
            whole = sum(parts.values(), QuantityScores())
            for name, scores in [*((f"{part} part", scores) for part, scores in parts.items()), ("whole set", whole)]:
                _echo(f"quantities {path}: {name}")
                for line in scores.lines():
                    _echo(f"  {line}")


def _evaluate_gold(gold: Path, db: Path) -> None:
    import duckdb

    from newswire.evaluation.gold import score_actors, score_events, score_mentions

    if not db.exists():
        raise _fail("eval", f"warehouse {db} does not exist; run `newswire run` first")
    annotations = json.loads(gold.read_text(encoding="utf-8"))
    with duckdb.connect(str(db), read_only=True) as con:
        frames = {
            name: con.execute(f"select * from {name}").df()
            for name in ("articles", "actors", "actor_mentions", "date_mentions", "figures", "events", "event_actors")
        }
    scores = score_mentions(annotations, frames["articles"], frames["date_mentions"], frames["figures"])
    scores += score_actors(annotations, frames["articles"], frames["actor_mentions"], frames["actors"])
    event_score, event_report = score_events(
        annotations, frames["articles"], frames["events"], frames["event_actors"], frames["actors"]
    )
    for score in [*scores, event_score]:
        _echo(score.line())
    for line in event_report:
        _echo(f"  {line}")


def _evaluate_places(gold: Path, db: Path) -> None:
    import duckdb

    from newswire.evaluation.places import score_places, warehouse_places

    if not db.exists():
        raise _fail("eval", f"warehouse {db} does not exist; run `newswire run` first")
    try:
        listed = json.loads(gold.read_text(encoding="utf-8"))["places"]
    except (ValueError, KeyError, TypeError) as exc:
        raise _fail("eval", f"{gold} is not a list of places (seeds_places.json format): {exc}") from exc
    with duckdb.connect(str(db), read_only=True) as con:
        found = warehouse_places(con)
    for line in score_places(listed, found).lines():
        _echo(line)


@app.command()
def sql(
    query: str = typer.Argument(..., help="The SQL to run, e.g. \"select name, actor_type from actors\"."),
    db: Path = DbOption,
    max_rows: int = typer.Option(100, "--max-rows", help="Rows to print at most."),
    write: bool = typer.Option(
        False, "--write", help="Open the warehouse read-write (to create your own tables); not while a run loads it."
    ),
) -> None:
    """Run an ad-hoc query on the warehouse and print the result; read-only unless --write."""
    import io
    from contextlib import nullcontext, redirect_stdout

    import duckdb

    if not db.exists():
        raise _fail("sql", f"warehouse {db} does not exist; run `newswire run` first")
    busy: tuple[type[Exception], ...] = ()  # a run loading the warehouse stops only a writer
    held = nullcontext()
    if write:
        from newswire.load.warehouse import WarehouseBusy, exclusive

        busy, held = (WarehouseBusy,), exclusive(db.resolve())
    shown = io.StringIO()
    try:
        with held, duckdb.connect(str(db), read_only=not write) as con:
            relation = con.sql(query)
            if relation is not None:
                with redirect_stdout(shown):  # DuckDB prints values as they are; escape them first
                    relation.show(max_rows=max_rows, max_width=200)
    except busy as exc:
        raise _fail("sql", exc) from exc
    except duckdb.Error as exc:
        if not write and "read-only mode" in str(exc):
            raise _fail("sql", "the warehouse is opened read-only; pass --write to change it") from exc
        raise _fail("sql", exc) from exc
    if shown.getvalue():
        _echo(shown.getvalue().rstrip("\n"))


ParamOption = typer.Option([], "--param", help="A query parameter as NAME=VALUE, e.g. actor=Gallant (repeatable).")


def _answer(command: str, db: Path, query_name: str, assignments: list[str]):
    """Run a query of sql/04_analysis on the warehouse opened read-only; fail in one line."""
    import duckdb

    from newswire.analyst.queries import (
        QueryError,
        UnknownQuery,
        available_queries,
        bind,
        find_query,
        listing,
        parse_assignments,
    )
    from newswire.analyst.queries import run as run_query

    queries = available_queries()
    try:
        chosen = find_query(queries, query_name)
        values = bind(chosen, parse_assignments(assignments))
    except QueryError as exc:
        if isinstance(exc, UnknownQuery):
            _echo("\n".join(listing(queries)))
        raise _fail(command, exc) from exc
    if not db.exists():
        raise _fail(command, f"warehouse {db} does not exist; run `newswire run` first")
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return chosen, values, run_query(con, chosen, values)
    except duckdb.CatalogException as exc:
        reason = str(exc).splitlines()[0]
        raise _fail(command, f"{reason}; `newswire run` brings the warehouse's views up to date") from exc
    except (duckdb.Error, RuntimeError) as exc:
        raise _fail(command, str(exc).splitlines()[0]) from exc


@app.command()
def query(
    name: str = typer.Argument(None, help="The query, by its name or part of it (see --list)."),
    param: list[str] = ParamOption,
    output: str = typer.Option("table", "--format", help="table, csv or json."),
    db: Path = DbOption,
    list_queries: bool = typer.Option(False, "--list", help="List the queries with their question and parameters."),
    setup: str = typer.Option(
        None, "--setup", metavar="EXTENSION",
        help="Print the SQL that loads fts or spatial (offline, from its wheel) and its views in the `duckdb` shell.",
    ),
) -> None:
    """Answer a question of sql/04_analysis on the warehouse, opened read-only.

    NAME is the file's name without its number (`actor_timeline` runs 01_actor_timeline.sql);
    each parameter has a default, which --param replaces.
    """
    from newswire.analyst.queries import QueryError, available_queries, formatter, listing

    if setup is not None:
        from newswire.analyst.extensions import setup_script

        try:
            _echo(setup_script(setup).rstrip("\n"))
        except (ValueError, RuntimeError) as exc:
            raise _fail("query", exc) from exc
        return
    if list_queries or name is None:
        _echo("\n".join(listing(available_queries())))
        return
    try:
        render = formatter(output)
    except QueryError as exc:
        raise _fail("query", exc) from exc
    _, _, result = _answer("query", db, name, param)
    _echo(render(result))


@app.command()
def search(
    text: str = typer.Argument(..., help='Words to look for, e.g. "ground operation Rafah".'),
    limit: int = typer.Option(10, "--limit", min=1, help="Articles to show at most."),
    db: Path = DbOption,
) -> None:
    """Find articles by their words (BM25), best first, each with its best-matching sentence.

    The full-text index lives in the warehouse; when articles changed since it was built,
    search rebuilds it first, holding the run lock for that moment. When the warehouse cannot
    be written then (a run or another reader holds it), the index is built in memory instead.
    """
    import duckdb

    from newswire.analyst.search import format_hits, searchable
    from newswire.analyst.search import search as find

    if not db.exists():
        raise _fail("search", f"warehouse {db} does not exist; run `newswire run` first")
    try:
        with searchable(db.resolve()) as con:
            hits = find(con, text, limit)
    except (duckdb.Error, RuntimeError) as exc:
        raise _fail("search", str(exc).splitlines()[0]) from exc
    if not hits:
        _echo(f"no article matches {text!r}")
        return
    for line in format_hits(hits):
        _echo(line)


CHARTS = {"timeline": "actor_timeline", "figures": "figures_over_time", "map": "events_placed"}


@app.command()
def chart(
    kind: str = typer.Argument(
        ..., help="timeline (an actor's events by date), figures (figures by category) or map (events by place)."
    ),
    out: Path = typer.Option(..., "--out", help="The SVG file to write."),
    param: list[str] = ParamOption,
    db: Path = DbOption,
) -> None:
    """Draw the answer of an analysis query as an SVG file (no script, nothing from the network).

    `timeline` draws actor_timeline (--param actor=…), `figures` draws figures_over_time
    (--param category=…), `map` draws events_placed on country outlines (--param from=…
    --param to=…, dates as YYYY-MM-DD).
    """
    from newswire.analyst.chart import figures_svg, map_svg, timeline_svg

    if kind not in CHARTS:
        raise _fail("chart", f"the charts are {', '.join(CHARTS)}, not {kind!r}")
    chosen, values, result = _answer("chart", db, CHARTS[kind], param)
    if kind == "timeline":
        svg, what = timeline_svg(result, f"{values['actor']}: events by date"), "events"
    elif kind == "map":
        from newswire.outlines import country_outlines

        first, last = (None if values[bound] == "any" else values[bound] for bound in ("from", "to"))
        span = f", {first} to {last}" if first and last else f", since {first}" if first else f", until {last}" if last else ""
        svg, what = map_svg(result, f"Events by place{span}", country_outlines()), "events"
    else:
        title = "Figures by category" if values["category"] == "all" else f"Figures: {values['category']}"
        svg, what = figures_svg(result, title), "figures"
    try:
        out.write_text(svg, encoding="utf-8")
    except OSError as exc:
        raise _fail("chart", exc) from exc
    _echo(f"{out}: {len(result.rows)} {what} from {chosen.name}")


@app.command()
def dq(
    db: Path = DbOption,
    serve: bool = typer.Option(False, "--serve", help="Then serve the site on 127.0.0.1 until interrupted."),
    port: int = typer.Option(8000, "--port", help="The port to serve on (0 picks a free one)."),
) -> None:
    """Build the data-quality dashboard (index.html beside the warehouse) and print its path.

    It shows the latest run's status, expectations, quarantined rows, findings and rejected inputs.
    It charts failures and rows loaded over runs, and loads nothing from the network.
    """
    import duckdb

    from newswire.quality.dashboard import write_site

    if not db.exists():
        raise _fail("dq", f"warehouse {db} does not exist; run `newswire run` first")
    site_dir = db.resolve().parent
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            page = write_site(con, site_dir)
    except duckdb.Error as exc:
        raise _fail("dq", exc) from exc
    _echo(page)
    if serve:
        _serve(site_dir, port)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve(site_dir: Path, port: int) -> None:
    import signal
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    handler = partial(SimpleHTTPRequestHandler, directory=str(site_dir))
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` and service managers stop it like Ctrl-C
        _echo(f"serving http://127.0.0.1:{server.server_port}/ until interrupted (Ctrl-C or SIGTERM)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            _echo("stopped")


if __name__ == "__main__":
    app()
