"""`build_corpus`, the keyword-argument form of `graph.run.build.build` that the notebooks, the
benches and older tests call; it reads the `COUNCILGRAPH_*` settings from the environment (as the
command does) and leaves the rest to `build`."""

from __future__ import annotations

import os
from pathlib import Path

from graph.run.build import BuildReport, Progress, build
from graph.run.options import BuildOptions

__all__ = ["BuildReport", "build_corpus"]


def build_corpus(
    paths: list[Path], out: Path, *, progress: Progress | None = None, **options: object
) -> BuildReport:
    """Build OUT from PATHS; `options` are fields of `BuildOptions` (include_private, use_model,
    wait, store, as_of, council, executor, workers, doc_timeout, ...)."""
    if options.get("doc_timeout", 0) is None:  # the old signature's "the default"
        del options["doc_timeout"]
    return build(paths, out, BuildOptions.from_env(os.environ, **options), progress)
