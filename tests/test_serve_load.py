"""The endpoint under a bounded loopback load (the long run is `make bench`; here a slow-marked
version asserts what the issue asks: no errors, latencies reported, the timeout stops a
pathological query and the server keeps serving)."""

from __future__ import annotations

import pytest

from bench.bench_serve import run_load


@pytest.mark.slow
def test_two_thousand_queries_from_eight_clients_without_errors(seeds_build):
    res = run_load(seeds_build, queries=2000, clients=8)
    assert res.errors == []
    assert len(res.latencies) == 2000 and res.p99 >= res.p50 > 0
    assert res.timeout_status == 503
    assert res.alive_after


def test_a_short_load_has_no_errors_and_survives_a_pathological_query(seeds_build):
    res = run_load(seeds_build, queries=80, clients=4)
    assert res.errors == [] and len(res.latencies) == 80
    assert res.timeout_status == 503
    assert res.alive_after
