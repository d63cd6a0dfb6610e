"""Data-quality checks on the warehouse tables, run with Great Expectations.

The rules are data: one serialised Great Expectations ExpectationSuite per table in
``expectations/<table>.json``. Every expectation carries ``meta.severity`` (``critical`` or
``warning``) and ``meta.description``. Each DataFrame is validated in memory through an
ephemeral Data Context and a pandas data source, and every expectation yields one
ExpectationOutcome.

Great Expectations takes seconds to import, so it is imported inside the functions that use it.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from great_expectations.core import ExpectationSuite
    from great_expectations.core.expectation_validation_result import (
        ExpectationValidationResult,
    )
    from great_expectations.data_context import EphemeralDataContext

SUITES_DIR = Path(__file__).resolve().parents[1] / "expectations"
SEVERITIES = ("critical", "warning")
SAMPLE_SIZE = 10


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
    for path in sorted(suites_dir.glob("*.json")):
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
    frames: Mapping[str, pd.DataFrame], suites_dir: Path = SUITES_DIR
) -> list[ExpectationOutcome]:
    """Validate each frame against its table's suite; one outcome per expectation.

    Tables are validated in the order of frames, expectations in suite order. A suite
    without a frame is skipped; a frame without a suite raises ValueError. A 0-row frame
    lacking some of the suite's columns is validated as if they were present and empty.
    An expectation Great Expectations could not evaluate (a missing column, values of a type
    it cannot compare) fails: every row counts as unexpected and unexpected_sample holds
    the error message.
    """
    specs = load_suite_specs(suites_dir)
    unknown = sorted(set(frames) - set(specs))
    if unknown:
        raise ValueError(f"no expectation suite in {suites_dir} for: {', '.join(unknown)}")
    if not frames:
        return []

    context = _ephemeral_context()
    datasource = context.data_sources.add_pandas(name="newswire")
    outcomes: list[ExpectationOutcome] = []
    for table, frame in frames.items():
        spec = specs[table]
        suite = context.suites.add(build_suite(spec))
        batch = (
            datasource.add_dataframe_asset(name=table)
            .add_batch_definition_whole_dataframe(name=table)
            .get_batch(batch_parameters={"dataframe": _with_suite_columns(frame, spec)})
        )
        validation = batch.validate(
            suite,
            result_format={"result_format": "COMPLETE", "partial_unexpected_count": SAMPLE_SIZE},
        )
        position = {expectation.id: i for i, expectation in enumerate(suite.expectations)}
        results = sorted(validation.results, key=lambda r: position[r.expectation_config.id])
        outcomes.extend(_outcome(table, result, len(frame.index)) for result in results)
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


def _ephemeral_context() -> EphemeralDataContext:
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


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
