"""Data-quality checks on the warehouse tables, run with Great Expectations.

The rules are data: one serialised Great Expectations ExpectationSuite per table in
``expectations/<table>.json``. Every expectation carries ``meta.severity`` (``critical`` or
``warning``) and ``meta.description``. Each DataFrame is validated in memory through an
ephemeral Data Context and a pandas data source, and every expectation yields one
ExpectationOutcome.

Given a directory, the same run also writes Great Expectations' Data Docs there: the suites, this
run's validation result per table and those of the latest earlier runs, whose results are kept as
JSON in ``<docs_dir>/results``. The pages GX writes load Bootstrap, jQuery and Font Awesome from
public CDNs; they are rewritten to need nothing outside the directory (see ``_offline_page``).

Great Expectations takes seconds to import, so it is imported inside the functions that use it.
"""

from __future__ import annotations

import ast
import copy
import html
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import pandas as pd

from newswire.resources import DATA_DOCS_STYLESHEET, SUITES_DIR, existing, files_in

if TYPE_CHECKING:
    from great_expectations.core import ExpectationSuite
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult,
        ExpectationValidationResult,
    )
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context import EphemeralDataContext

SEVERITIES = ("critical", "warning")
SAMPLE_SIZE = 10
RESULT_FORMAT = {"result_format": "COMPLETE", "partial_unexpected_count": SAMPLE_SIZE}

DOCS_SITE = "newswire"
# Validation results of this many runs, the latest, stay in the Data Docs; older ones are deleted.
DOCS_RUNS_KEPT = 20


@dataclass(frozen=True, slots=True)
class ExpectationOutcome:
    suite: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    element_count: int
    unexpected_count: int
    unexpected_sample: str
    description: str
    # Positions (in the validated frame) of the rows that broke the expectation; empty for
    # table-level expectations and for ones that could not be evaluated.
    unexpected_rows: tuple[int, ...] = ()


def load_suite_specs(suites_dir: Path = SUITES_DIR) -> dict[str, dict]:
    """Read every ``<table>.json`` suite in suites_dir, keyed by table name.

    Raises ValueError when a suite's name differs from its file name or an expectation has
    no valid ``meta.severity``.
    """
    specs: dict[str, dict] = {}
    for path in files_in(suites_dir, "*.json"):
        spec = json.loads(path.read_text(encoding="utf-8"))
        if spec.get("name") != path.stem:
            raise ValueError(f"{path}: suite name {spec.get('name')!r} differs from the file name")
        for index, expectation in enumerate(spec.get("expectations", [])):
            severity = expectation.get("meta", {}).get("severity")
            if severity not in SEVERITIES:
                raise ValueError(
                    f"{path}: expectation {index} ({expectation.get('type')}) has severity"
                    f" {severity!r}, expected one of {SEVERITIES}"
                )
        specs[path.stem] = spec
    return specs


def validate_tables(
    frames: Mapping[str, pd.DataFrame],
    suites_dir: Path = SUITES_DIR,
    docs_dir: Path | None = None,
) -> list[ExpectationOutcome]:
    """Validate each frame against its table's suite; one outcome per expectation.

    Tables are validated in the order of frames, expectations in suite order. A suite
    without a frame is skipped; a frame without a suite raises ValueError. A 0-row frame
    lacking some of the suite's columns is validated as if they were present and empty.
    An expectation Great Expectations could not evaluate (a missing column, values of a type
    it cannot compare) fails: every row counts as unexpected and unexpected_sample holds
    the error message.

    With docs_dir, the run's results also go into the Data Docs site at
    ``docs_dir/index.html``, which lists every suite of suites_dir and the validation
    results of the latest DOCS_RUNS_KEPT runs, this one included.
    """
    specs = load_suite_specs(suites_dir)
    unknown = sorted(set(frames) - set(specs))
    if unknown:
        raise ValueError(f"no expectation suite in {suites_dir} for: {', '.join(unknown)}")
    if not frames:
        return []

    docs_root = None if docs_dir is None else docs_dir.resolve()
    context = _ephemeral_context(docs_root)
    datasource = context.data_sources.add_pandas(name="newswire")
    documented = frames if docs_root is None else specs
    suites = {table: context.suites.add(build_suite(specs[table])) for table in documented}
    run_id = _run_id()
    outcomes: list[ExpectationOutcome] = []
    for table, frame in frames.items():
        suite = suites[table]
        batch = (
            datasource.add_dataframe_asset(name=table)
            .add_batch_definition_whole_dataframe(name=table)
            .get_batch(batch_parameters={"dataframe": _with_suite_columns(frame, specs[table])})
        )
        validation = batch.validate(suite, result_format=RESULT_FORMAT)
        if docs_root is not None:
            _store_result(context, validation, batch.id, run_id)
        position = {expectation.id: i for i, expectation in enumerate(suite.expectations)}
        results = sorted(validation.results, key=lambda r: position[r.expectation_config.id])
        outcomes.extend(_outcome(table, result, len(frame.index)) for result in results)
    if docs_root is not None:
        _write_data_docs(context, docs_root, run_id)
    return outcomes


def critical_failures(outcomes: Iterable[ExpectationOutcome]) -> list[ExpectationOutcome]:
    """The failed outcomes of critical expectations."""
    return [o for o in outcomes if o.severity == "critical" and not o.success]


def build_suite(spec: Mapping[str, Any]) -> ExpectationSuite:
    """Build a GX ExpectationSuite from its serialised form.

    ``meta.severity`` is copied into GX's own ``severity`` field, which otherwise defaults
    to critical. Raises ValueError for an expectation GX does not accept, which its
    ExpectationSuite constructor would otherwise only log and drop.
    """
    import great_expectations as gx

    data = copy.deepcopy(dict(spec))
    for expectation in data["expectations"]:
        expectation["severity"] = expectation["meta"]["severity"]
    suite = gx.ExpectationSuite(**data)
    dropped = Counter(e["type"] for e in data["expectations"]) - Counter(
        e.expectation_type for e in suite.expectations
    )
    if dropped:
        raise ValueError(
            f"suite {data['name']}: Great Expectations rejected {sorted(dropped.elements())}"
        )
    return suite


def _ephemeral_context(docs_dir: Path | None) -> EphemeralDataContext:
    """An in-memory context; with docs_dir, validation results and Data Docs go there."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    defaults = InMemoryStoreBackendDefaults()
    if docs_dir is not None:
        defaults.stores[defaults.validation_results_store_name] = {
            "class_name": "ValidationResultsStore",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(docs_dir / "results"),
            },
        }
        defaults.data_docs_sites = {
            DOCS_SITE: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
            }
        }
    config = DataContextConfig(
        store_backend_defaults=defaults,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _run_id() -> RunIdentifier:
    from great_expectations.core.run_identifier import RunIdentifier

    return RunIdentifier(run_name=DOCS_SITE, run_time=datetime.now(UTC))


def _store_result(
    context: EphemeralDataContext,
    validation: ExpectationSuiteValidationResult,
    batch_id: str,
    run_id: RunIdentifier,
) -> None:
    """Keep a suite's validation result in the context's store, under the run, for Data Docs."""
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    validation.meta["run_id"] = run_id
    validation.meta["validation_time"] = run_id.run_time
    key = ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=validation.suite_name),
        run_id=run_id,
        batch_identifier=batch_id,
    )
    context.validation_results_store.set(key, validation)


def _write_data_docs(context: EphemeralDataContext, docs_dir: Path, run_id: RunIdentifier) -> None:
    """Drop the results of runs beyond DOCS_RUNS_KEPT, then render the index, the suites and
    this run's results, and make each page written work offline.

    Pages of the earlier runs kept stay as they were written; GX deletes those of dropped runs.
    """
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
    )

    store = context.validation_results_store
    keys = store.list_keys()
    kept = sorted({key.run_id.run_time for key in keys}, reverse=True)[:DOCS_RUNS_KEPT]
    for key in keys:
        if key.run_id.run_time not in kept:
            store.remove_key(key)
    resources = [
        *(ExpectationSuiteIdentifier(name=suite.name) for suite in context.suites.all()),
        *(key for key in keys if key.run_id == run_id),
    ]
    context.build_data_docs(site_names=[DOCS_SITE], resource_identifiers=resources)
    stylesheet = existing(DATA_DOCS_STYLESHEET).read_text(encoding="utf-8")
    pages = [docs_dir / "index.html"]
    for resource in resources:
        [site] = context.get_docs_sites_urls(resource_identifier=resource, site_name=DOCS_SITE)
        pages.append(Path(url2pathname(urlparse(site["site_url"]).path)))
    for page in pages:
        static = Path(os.path.relpath(docs_dir / "static", page.parent)).as_posix()
        page.write_text(
            _offline_page(page.read_text(encoding="utf-8"), stylesheet, static), encoding="utf-8"
        )


_INDEX_TABLE_DATA = re.compile(
    r"\$\('#(?P<id>[\w-]+)'\)\.bootstrapTable\(\s*Object\.assign\(\s*\{\s*"
    r"columns: (?P<columns>.*),\n\s*data: (?P<data>.*),\n\s*toolbar: .*\n\s*\},\n"
    r"\s*(?P<options>\{.*\})\n"
)
_EMPTY_TABLE = re.compile(r'<table\s+id="(?P<id>[\w-]+)"[^>]*>\s*</table>')
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_EXTERNAL_STYLESHEET = re.compile(r'<link\b[^>]*\bhref="https?://[^"]*"[^>]*>')
_EXTERNAL_IMAGE = re.compile(r'\bsrc="https?://[^"]*?/(?P<name>[\w.-]+)(?:\?[^"]*)?"')
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?https?://[^)]*\)")
_EXTERNAL_LINK = re.compile(r'<a\b[^>]*\bhref="https?://[^"]*"[^>]*>(?P<text>.*?)</a>', re.DOTALL)
_FOOTER = re.compile(r"<footer>.*?</footer>", re.DOTALL)
_TABLE_PARTS = ("columns", "data", "options")


def _offline_page(page: str, stylesheet: str, static: str) -> str:
    """A Data Docs page that needs nothing from the network.

    GX's pages take their layout from Bootstrap's CSS and their icons from Font Awesome, both
    on CDNs, and the index fills its tables from inline data with the jQuery bootstrap-table
    plugin. No installed package ships those libraries, so the CDN links and every script are
    dropped, the index tables are written out as plain HTML tables, the GX logo comes from the
    site's own static/images, links to GX's website become plain text, and stylesheet is
    inlined in their place.
    """
    tables = {
        match["id"]: _static_table(*(ast.literal_eval(match[part]) for part in _TABLE_PARTS))
        for match in _INDEX_TABLE_DATA.finditer(page)
    }
    page = _EMPTY_TABLE.sub(lambda m: tables.get(m["id"], m[0]), page)
    page = _SCRIPT.sub("", page)
    page = _EXTERNAL_STYLESHEET.sub("", page)
    page = _FOOTER.sub("", page)
    page = _EXTERNAL_IMAGE.sub(lambda m: f'src="{static}/images/{m["name"]}"', page)
    page = _EXTERNAL_URL.sub("none", page)
    page = _EXTERNAL_LINK.sub(lambda m: m["text"], page)
    return page.replace("</head>", f"<style>{stylesheet}</style>\n</head>", 1)


def _static_table(
    columns: list[dict[str, str]], rows: list[dict[str, Any]], options: dict[str, str]
) -> str:
    """A bootstrap-table as an HTML table, sorted as its options say; a row links to its page.

    Rows that sort equal (the tables of one run) come in suite name order.
    """
    sort_keys = {column["field"]: column.get("sortName", column["field"]) for column in columns}
    sort_key = sort_keys.get(options.get("sortName", ""))
    rows = sorted(rows, key=lambda row: str(row.get("_expectation_suite_name_sort", "")))
    if sort_key is not None:
        rows.sort(key=lambda row: row[sort_key], reverse=options.get("sortOrder") == "desc")
    head = "".join(f"<th>{html.escape(column['title'])}</th>" for column in columns)
    body = []
    for row in rows:
        link = html.escape(row.get("_table_row_link_path", ""), quote=True)
        cells = []
        for column in columns:
            value = str(row.get(column["field"], ""))
            if link and "<a " not in value:
                value = f'<a href="{link}">{value}</a>'
            cells.append(f"<td>{value}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="table table-sm ge-static-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _suite_columns(spec: Mapping[str, Any]) -> list[str]:
    columns: list[str] = []
    for expectation in spec["expectations"]:
        kwargs = expectation["kwargs"]
        named = [kwargs.get("column"), kwargs.get("column_A"), kwargs.get("column_B")]
        for column in [*named, *kwargs.get("column_list", [])]:
            if column is not None and column not in columns:
                columns.append(column)
    return columns


def _with_suite_columns(frame: pd.DataFrame, spec: Mapping[str, Any]) -> pd.DataFrame:
    """An empty frame may come without columns; give it the suite's columns, empty too."""
    if len(frame.index) > 0:
        return frame
    missing = [c for c in _suite_columns(spec) if c not in frame.columns]
    return frame.reindex(columns=[*frame.columns, *missing]) if missing else frame


def _outcome(table: str, result: ExpectationValidationResult, row_count: int) -> ExpectationOutcome:
    config = result.expectation_config
    kwargs = config.kwargs
    error = _exception_message(result.exception_info or {})
    rows: tuple[int, ...] = ()
    if error is not None:
        success = False
        element_count = unexpected_count = row_count
        sample: list[Any] = [f"error: {error}"]
    else:
        success = bool(result.success)
        element_count = int(result.result.get("element_count", row_count))
        unexpected_count = int(result.result.get("unexpected_count", 0))
        rows = tuple(int(i) for i in result.result.get("unexpected_index_list") or ())
        if "partial_unexpected_list" in result.result:
            sample = result.result["partial_unexpected_list"]
        elif not success and "observed_value" in result.result:
            sample = [result.result["observed_value"]]
        else:
            sample = []
    if "column_list" in kwargs:
        column: str | None = ",".join(kwargs["column_list"])
    elif "column_A" in kwargs:
        column = f"{kwargs['column_A']},{kwargs['column_B']}"
    else:
        column = kwargs.get("column")
    return ExpectationOutcome(
        suite=table,
        expectation=config.type,
        column=column,
        severity=config.meta["severity"],
        success=success,
        element_count=element_count,
        unexpected_count=unexpected_count,
        unexpected_sample=json.dumps([_sample_text(v) for v in sample[:SAMPLE_SIZE]]),
        description=config.meta.get("description", ""),
        unexpected_rows=rows,
    )


def _exception_message(exception_info: Mapping[str, Any]) -> str | None:
    """GX reports an exception either at the top level or keyed by the failing metric."""
    if exception_info.get("raised_exception"):
        return str(exception_info.get("exception_message"))
    for info in exception_info.values():
        if isinstance(info, Mapping) and info.get("raised_exception"):
            return str(info.get("exception_message"))
    return None


def _sample_text(value: Any) -> str:
    plain = _plain(value)
    return plain if isinstance(plain, str) else json.dumps(plain)


def _plain(value: Any) -> Any:
    """A JSON-ready copy of an unexpected value: numpy scalars unwrapped, dates as ISO text."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value
