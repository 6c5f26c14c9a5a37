"""What one build is asked to do: `BuildOptions`, and the table of settings the environment may set.

The `COUNCILGRAPH_*` variables were read in four places, some at import (so a test or a notebook
that set one after importing saw the old value) and one was written back into `os.environ` to reach
the workers. Here they are one table, `SETTINGS`, read once by `BuildOptions.from_env` from the
mapping it is given; the options then travel as an argument, to the worker processes too. The
README's "Settings" section lists the same table (`settings_markdown`), and a test holds them equal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.nlp import DEFAULT_MODEL

if TYPE_CHECKING:
    from extract.records import PartialDate

EXECUTORS = ("local", "dask")
# as `extract.load.MAX_BYTES` (a test holds them equal), not imported: the command reads this module
# before its first worker starts, and extract.load's imports would delay that
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Setting:
    """One option the environment may set: the `BuildOptions` field it fills, and how."""

    name: str
    env: str
    default: object
    type: Callable[[str], object]
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "model",
        "COUNCILGRAPH_MODEL",
        DEFAULT_MODEL,
        str,
        "spaCy model extraction reads people with (`--model` overrides it).",
    ),
    Setting(
        "doc_timeout",
        "COUNCILGRAPH_DOC_TIMEOUT",
        300.0,
        float,
        "Seconds one document may take in an extraction worker before it is given up (E501).",
    ),
    Setting(
        "worker_memory_mb",
        "COUNCILGRAPH_WORKER_MEMORY_MB",
        4096,
        int,
        "Address-space cap of each extraction worker, in MB (0: none); a worker over it is E502.",
    ),
    Setting(
        "max_bytes",
        "COUNCILGRAPH_MAX_BYTES",
        MAX_BYTES,
        int,
        "Largest input file read, in bytes; a larger one is E003.",
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildOptions:
    """Everything a build's stages and its extraction workers read besides the input paths.

    `workers`: extraction processes (None: one per core; 0: in the build's process, with no time or
    memory guard). `executor="dask"` extracts on a Dask cluster instead (the scheduler in
    DASK_SCHEDULER_ADDRESS, else a LocalCluster of `workers` processes). `as_of` and `council` date
    and name the ModernGov feeds no manifest row does. `store`: also load the SPARQL store."""

    include_private: bool = False
    use_model: bool = True
    wait: bool = False
    store: bool = True
    as_of: PartialDate | None = None
    council: str | None = None
    executor: str = "local"
    workers: int | None = None
    model: str = DEFAULT_MODEL
    doc_timeout: float = 300.0
    worker_memory_mb: int = 4096
    max_bytes: int = MAX_BYTES

    def __post_init__(self) -> None:
        if self.executor not in EXECUTORS:
            raise ValueError(f"E401 unknown executor {self.executor!r}; use one of {', '.join(EXECUTORS)}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **given: object) -> BuildOptions:
        """The options `given`, the rest from the `SETTINGS` variables set in `environ`, else their
        defaults. A variable that does not read as its type is a ValueError naming it."""
        values: dict[str, object] = {}
        for s in SETTINGS:
            if s.env in environ and s.name not in given:
                try:
                    values[s.name] = s.type(environ[s.env])
                except ValueError as exc:
                    raise ValueError(f"{s.env}={environ[s.env]!r} is not a {s.type.__name__}") from exc
        return cls(**values, **given)  # type: ignore[arg-type]


def settings_markdown() -> str:
    """The README's "Settings" table, from `SETTINGS`."""
    rows = ["| Variable | Default | What it sets |", "| --- | --- | --- |"]
    rows += [f"| `{s.env}` | `{s.default}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"
