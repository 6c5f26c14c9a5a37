"""Nothing lost, nothing mixed, nothing breaks it: a build killed at any point resumes to the
same graph; two builds into one folder never interleave; hostile files are problem lines.

The long variants (more kill points, the model on, hundreds of fuzz examples) are marked
`slow` and run by `make bench`; the default run keeps a few of each.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.core.store import build_lock, read_facts
from graph.run.corpus import build_corpus
from tests.conftest import dev_corpus

ROOT = Path(__file__).resolve().parent.parent
CG = [sys.executable, "-m", "graph.cli", "build"]


def _build(corpus: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CG, str(corpus), "--out", str(out), "--workers", "1", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _assert_whole(out: Path) -> None:
    """Every facts file on disk is complete: a header naming its document, every line JSON."""
    for fpath in (out / "facts").glob("*.jsonl") if (out / "facts").exists() else []:
        header, _facts, _probs = read_facts(fpath)
        assert header.get("doc_id") and header.get("sha256"), fpath


def _kill_during(corpus: Path, out: Path, after_lines: int, extra: tuple[str, ...]) -> None:
    """Start a build and SIGKILL it after `after_lines` progress lines (then a random instant)."""
    proc = subprocess.Popen(
        [*CG, str(corpus), "--out", str(out), "--workers", "1", *extra],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    seen = 0
    assert proc.stderr is not None
    while seen < after_lines:
        line = proc.stderr.readline()
        if not line:
            break
        seen += line.startswith("[")
    time.sleep(random.random() * 0.5)
    os.killpg(proc.pid, signal.SIGKILL)  # the build and its extraction workers, as a power cut would
    proc.wait()


def _kill_and_resume(tmp_path: Path, docs: int, kills: int, extra: tuple[str, ...]) -> None:
    corpus = dev_corpus(tmp_path, docs)
    reference = tmp_path / "reference"
    assert _build(corpus, reference, *extra).returncode in (0, 1)
    out = tmp_path / "out"
    rng = random.Random(8)
    for _ in range(kills):
        _kill_during(corpus, out, rng.randint(0, docs), extra)
        _assert_whole(out)
    done = _build(corpus, out, *extra)
    assert done.returncode in (0, 1), done.stderr
    _assert_whole(out)
    assert not [p for p in out.rglob("*.tmp")], "a killed build's temporary files outlived the next build"
    for name in ("graph.ttl", "graph.nt", "problems.jsonl"):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


def test_a_build_killed_at_random_points_resumes_to_the_same_graph(tmp_path):
    _kill_and_resume(tmp_path, docs=5, kills=2, extra=("--no-model",))


@pytest.mark.slow
def test_a_build_with_the_model_killed_many_times_resumes_to_the_same_graph(tmp_path):
    _kill_and_resume(tmp_path, docs=24, kills=10, extra=())


def test_a_second_build_into_the_same_folder_refuses_clearly(tmp_path):
    corpus = dev_corpus(tmp_path, 1)
    out = tmp_path / "out"
    with build_lock(out):
        refused = _build(corpus, out, "--no-model")
    assert refused.returncode == 2
    assert "E400" in refused.stderr and "--wait" in refused.stderr
    assert not (out / "graph.ttl").exists()


def test_a_waiting_build_starts_when_the_first_finishes(tmp_path):
    corpus = dev_corpus(tmp_path, 1)
    out = tmp_path / "out"
    with build_lock(out):
        proc = subprocess.Popen(
            [*CG, str(corpus), "--out", str(out), "--no-model", "--wait"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(2)
        assert proc.poll() is None, "a --wait build ran while another held the folder"
        assert not (out / "graph.ttl").exists()
    assert proc.wait(timeout=300) in (0, 1), proc.stderr.read() if proc.stderr else ""
    assert (out / "graph.ttl").exists()


@pytest.mark.slow
def test_two_builds_started_together_never_mix(tmp_path):
    corpus = dev_corpus(tmp_path, 24)
    reference = tmp_path / "reference"
    _build(corpus, reference)
    out = tmp_path / "out"
    procs = [
        subprocess.Popen(
            [*CG, str(corpus), "--out", str(out)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in procs]
    assert any(code in (0, 1) for code, _ in results)
    for code, err in results:
        assert code in (0, 1) or (code == 2 and "E400" in err), err
    assert (out / "graph.ttl").read_bytes() == (reference / "graph.ttl").read_bytes()


# --- hostile input ---------------------------------------------------------------------------


def _flate_bomb_pdf(megabytes: int = 200) -> bytes:
    """A few hundred bytes of PDF whose content stream inflates twice, to `megabytes` of data."""
    stream = zlib.compress(zlib.compress(b"A" * (megabytes << 20), 9), 9)
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n4 0 obj<</Length "
        + str(len(stream)).encode()
        + b"/Filter[/FlateDecode/FlateDecode]>>stream\n"
        + stream
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


HOSTILE = {
    "bomb.pdf": _flate_bomb_pdf(),
    "huge-line.txt": ("Herefordshire Council\n" + " ".join(["Aaaa Bbbb"] * 20_000) + " Committee\n").encode(),
    "deep.html": (
        "<div>" * 100_000 + "Councillor Jane Smith chaired the meeting." + "</div>" * 100_000
    ).encode(),
    "controls.txt": bytes(range(32)) * 200 + b"Councillor Jane\x00 Smith\x1b[31m attended\x07.\n",
    "random.pdf": b"%PDF-1.7\n" + random.Random(1).randbytes(50_000),
    "nul.txt": b"Minutes\x00\x00" + random.Random(2).randbytes(5_000),
    "empty.html": b"",
}


def _accounted(out: Path, names: list[str]) -> None:
    """Each input is either a facts file or a problem line naming it: nothing silently dropped."""
    problems = [
        json.loads(line) for line in (out / "problems.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    facts = {p.name for p in (out / "facts").glob("*.jsonl")} if (out / "facts").exists() else set()
    for name in names:
        assert f"{name}.jsonl" in facts or any(p["path"].endswith(name) for p in problems), name
    assert (out / "graph.ttl").exists()


def test_hostile_files_are_problem_lines_and_the_rest_builds(tmp_path):
    corpus = dev_corpus(tmp_path, 1)
    for name, data in HOSTILE.items():
        (corpus / name).write_bytes(data)
    report = build_corpus([corpus], tmp_path / "out", use_model=False, store=False, workers=2, doc_timeout=6)
    _accounted(tmp_path / "out", [*HOSTILE, "d01.txt"])
    lines = {p.doc_id.rsplit("/", 1)[-1]: p.code for p in report.errors}
    assert lines["bomb.pdf"] in ("E007", "E501", "E502")  # unparsable, too slow, or over the memory cap
    assert "empty.html" in lines and "nul.txt" in lines
    assert report.extracted >= 1  # the real document still built


_FILE = st.tuples(
    st.sampled_from([".txt", ".html", ".pdf", ".md"]),
    st.one_of(
        st.binary(max_size=4_000),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=2_000).map(
            lambda t: t.encode("utf-8", "surrogatepass")
        ),
        st.text(alphabet="AaBb Councillor.\t\n\x00\x07\x1b<>/()&;", max_size=3_000).map(str.encode),
        st.integers(1, 3_000).map(lambda n: ("<b>" * n + "Mr Smith" + "</i>" * n).encode()),
    ),
)


def _fuzz(tmp_path_factory, files: list[tuple[str, bytes]]) -> None:
    base = tmp_path_factory.mktemp("fuzz")
    corpus = base / "in"
    corpus.mkdir()
    names = []
    for i, (suffix, data) in enumerate(files):
        name = f"f{i}{suffix}"
        (corpus / name).write_bytes(data)
        names.append(name)
    build_corpus([corpus], base / "out", use_model=False, store=False, workers=1, doc_timeout=20)
    _accounted(base / "out", names)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(files=st.lists(_FILE, min_size=1, max_size=4))
def test_random_files_never_crash_the_build(tmp_path_factory, files):
    _fuzz(tmp_path_factory, files)


@pytest.mark.slow
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(files=st.lists(_FILE, min_size=1, max_size=8))
def test_random_files_never_crash_the_build_long(tmp_path_factory, files):
    _fuzz(tmp_path_factory, files)
