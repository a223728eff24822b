"""`make bench`'s report: figures derived from the measurements, the printed tables, and latest.json.

`derive` adds the derived sections to the result document (so latest.json holds what was printed);
the `print_*` functions only format. Nothing here fails the run: a missed goal is a figure.
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from bench.procs import ROOT

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "latest.json"
TRIVIAL = "GET /healthz"
BROKER_SCENARIOS = ("ES256", "ES256 verify", "RS256-2048", "RS256-2048 verify")
# Each broker scenario against the reference issuing the same algorithm (the reference never verifies).
BROKER_VS_REFERENCE = (
    ("ES256", "ref ES256"),
    ("ES256 verify", "ref ES256"),
    ("RS256-2048", "ref RS256-2048"),
    ("RS256-2048 verify", "ref RS256-2048"),
)
BROKER_VS_TRIVIAL = tuple((name, TRIVIAL) for name in BROKER_SCENARIOS)
BETWEEN_BROKER_SCENARIOS = (
    ("ES256 verify", "ES256"),
    ("RS256-2048 verify", "RS256-2048"),
    ("RS256-2048", "ES256"),
    ("RS256-2048 verify", "ES256 verify"),
)
# verify's cost per algorithm: (without, with).
VERIFY_PAIRS = {"ES256": ("ES256", "ES256 verify"), "RS256-2048": ("RS256-2048", "RS256-2048 verify")}
# Secrets Manager calls per keyset refresh: DescribeSecret (the stages) + GetSecretValue (a new version).
CALLS_PER_REFRESH = 2

# The broker against the bare-Flask app (bench/bare_app.py) on the same gunicorn settings.
BROKER_VS_BARE = (("ES256", "bare ES256"), ("GET /healthz", "bare /healthz"))
# The launch-link mint (exorlive-main, form mode: a link and its event written) against the query-mode one.
LINK_VS_QUERY = (("ES256 launch link", "ES256"),)

# Issue 25's goals (verify's cost is issue 11's, kept).
GOAL_MINT_VS_BARE = 0.8
GOAL_HEALTHZ_VS_BARE = 0.9
GOAL_P99_MS = 25.0
GOAL_P99_CONNECTIONS = 16
GOAL_ES256_VS_REFERENCE = 0.5
GOAL_RS256_CAPACITY = 0.30
GOAL_LINK_VS_QUERY = 0.7
GOAL_VERIFY_COST = 0.15
GOAL_RSS_MB = 100.0

Row = dict[str, Any]


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return "n/a" if value is None else format(value, spec)


def _by_name(rows: Iterable[Row]) -> dict[str, Row]:
    return {row["scenario"]: row for row in rows}


# --- derived figures -----------------------------------------------------------------------------
def _ratio(rows: Mapping[str, Row], top: str, bottom: str, field: str) -> float | None:
    a, b = rows.get(top, {}).get(field), rows.get(bottom, {}).get(field)
    return a / b if a is not None and b else None


def ratio_table(rows: Mapping[str, Row], pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, float | None]]:
    """Scenario against scenario, by requests/s and by server CPU per request (robust to other load)."""
    return {
        f"{a} / {b}": {
            "requests_per_second": _ratio(rows, a, b, "rps"),
            "server_cpu_per_request": _ratio(rows, a, b, "server_cpu_ms_per_request"),
        }
        for a, b in pairs
    }


def efficiency_table(rows: Mapping[str, Row], pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, float | None]]:
    """Scenario against its baseline, both as "how much of the baseline's": requests/s (a / b) and CPU per request
    (b's CPU per request / a's, so 0.5 means twice the CPU per request)."""
    table: dict[str, dict[str, float | None]] = {}
    for a, b in pairs:
        cpu = _ratio(rows, b, a, "server_cpu_ms_per_request")
        table[f"{a} / {b}"] = {"requests_per_second": _ratio(rows, a, b, "rps"), "cpu_efficiency": cpu}
        # BENCH_ROUNDS: each round's own ratio too, so the spread shows beside the pooled figure.
        tops, bottoms = rows.get(a, {}).get("rounds", []), rows.get(b, {}).get("rounds", [])
        if len(tops) > 1 and len(tops) == len(bottoms):
            table[f"{a} / {b}"]["per_round_requests_per_second"] = [
                top["rps"] / bottom["rps"] for top, bottom in zip(tops, bottoms, strict=True) if bottom["rps"]
            ]
    return table


def ratios(rows: Mapping[str, Row]) -> dict[str, dict[str, dict[str, float | None]]]:
    return {
        "broker / reference": ratio_table(rows, BROKER_VS_REFERENCE),
        "broker / trivial": ratio_table(rows, BROKER_VS_TRIVIAL),
        "between broker scenarios": ratio_table(rows, BETWEEN_BROKER_SCENARIOS),
    }


def verify_costs(rows: Mapping[str, Row]) -> dict[str, dict[str, float | None]]:
    """What `verify` costs: the share of throughput lost (1 - verify/plain) and the extra CPU per request."""
    costs: dict[str, dict[str, float | None]] = {}
    for alg, (plain, verified) in VERIFY_PAIRS.items():
        throughput = _ratio(rows, verified, plain, "rps")
        cpu = _ratio(rows, verified, plain, "server_cpu_ms_per_request")
        costs[alg] = {
            "throughput_cost": None if throughput is None else 1 - throughput,
            "extra_cpu_per_request": None if cpu is None else cpu - 1,
        }
    return costs


def raw_capacity(result: Mapping[str, Any], rows: Mapping[str, Row]) -> dict[str, dict[str, float | None]]:
    """Broker throughput against what raw signing alone allows on the cores its workers can use."""
    cores_used = min(result["config"]["gunicorn_workers"], result["machine"]["cores"])
    capacity: dict[str, dict[str, float | None]] = {}
    for alg, cost in result["signing"].items():
        tokens_per_second = cores_used / (cost["sign_us"] / 1e6)
        rps = rows.get(alg, {}).get("rps")
        capacity[alg] = {
            "cores_used": cores_used,
            "sign_us": cost["sign_us"],
            "capacity_tokens_per_second": tokens_per_second,
            "broker_rps": rps,
            "fraction": None if rps is None else rps / tokens_per_second,
        }
    return capacity


def memory(rows: list[Row]) -> dict[str, dict[str, Any]]:
    """Workers' VmRSS per server: at the end of its last loaded phase, and the peak over all its phases."""
    summary: dict[str, dict[str, Any]] = {}
    for server in ("broker", "bare", "reference"):
        sampled = [row for row in rows if row["server"] == server and row["worker_rss_mb"]]
        if not sampled:
            continue
        last = sampled[-1]
        peak = max(sampled, key=lambda row: max(row["worker_rss_mb"]))
        summary[server] = {
            "workers": len(last["worker_rss_mb"]),
            "end_phase": last["scenario"],
            "end_max_mb": max(last["worker_rss_mb"]),
            "end_mean_mb": statistics.fmean(last["worker_rss_mb"]),
            "peak_mb": max(peak["worker_rss_mb"]),
            "peak_phase": peak["scenario"],
        }
    return summary


def schedule_bound(workers: int, keysets: int, seconds: float, refresh_seconds: int) -> int:
    """Most Secrets Manager calls the cache's schedule allows in `seconds`: every worker refreshes every keyset
    once per SECRET_REFRESH_SECONDS (plus one refresh that may fall anywhere in the window), two calls each."""
    return workers * keysets * (1 + math.floor(seconds / refresh_seconds)) * CALLS_PER_REFRESH


def secrets_manager(result: Mapping[str, Any], rows: list[Row]) -> dict[str, dict[str, Any]]:
    """Calls counted in the emulator's log against the schedule's bound: the loaded period and any sustained load."""
    period = result["loaded_period"]
    inputs = (period["workers"], period["keysets"])
    summary = {
        "loaded period": {**period, "bound": schedule_bound(*inputs, period["seconds"], period["refresh_seconds"])}
    }
    for row in rows:
        if row.get("sustained"):
            summary[row["scenario"]] = {
                "seconds": row["loaded_seconds"],
                "secrets_manager_calls": row["secrets_manager_calls"],
                "bound": schedule_bound(*inputs, row["loaded_seconds"], period["refresh_seconds"]),
            }
    return summary


def _goal(text: str, value: float | None, passes: Callable[[float], bool], figure: str) -> dict[str, Any]:
    status = "N/A" if value is None else "PASS" if passes(value) else "MISS"
    return {"goal": text, "status": status, "value": value, "figure": figure}


def _at_least(text: str, value: float | None, goal: float, note: str = "") -> dict[str, Any]:
    """A "ratio >= goal" line: the figure, and when missed, by how much (absolute and as a share of the goal)."""
    figure = _fmt(value)
    if value is not None and value < goal:
        figure += f" (missed by {goal - value:.2f}, {1 - value / goal:.0%} short)"
    return _goal(text, value, lambda v: v >= goal, figure + note)


def goals(result: Mapping[str, Any], rows: Mapping[str, Row]) -> list[dict[str, Any]]:
    """Each of issue 25's goals with this run's figure: PASS, MISS (by how much), or N/A when the run cannot say."""
    bare = result["lean"]["broker / bare"]
    mint, healthz = bare["ES256 / bare ES256"], bare["GET /healthz / bare /healthz"]
    link = result["lean"]["launch link / query mode"]["ES256 launch link / ES256"]
    database = result["config"].get("database", "SQLite")
    es_ratio = result["ratios"]["broker / reference"]["ES256 / ref ES256"]["requests_per_second"]
    connections = result["config"]["connections"]
    p99 = rows.get("ES256", {}).get("p99_ms") if connections == GOAL_P99_CONNECTIONS else None
    capacity = result["raw_capacity"].get("RS256-2048", {}).get("fraction")
    verify_cost = result["verify_cost"]["ES256"]["throughput_cost"]
    sm = result["secrets_manager"].values()
    sm_over = max(part["secrets_manager_calls"] - part["bound"] for part in sm)
    sm_figure = "; ".join(
        f"{name}: {part['secrets_manager_calls']} calls, schedule <= {part['bound']}"
        for name, part in result["secrets_manager"].items()
    )
    rss = result["memory"].get("broker", {}).get("peak_mb")
    if p99 is None:
        p99_figure = f"not measured at {GOAL_P99_CONNECTIONS} connections (this run: {connections})"
    else:
        over = f" (missed by {p99 - GOAL_P99_MS:.1f} ms)" if p99 >= GOAL_P99_MS else ""
        p99_figure = f"p99 {p99:.1f} ms{over}"
    link_note = "" if database.startswith("PostgreSQL") else f" (on {database}; the goal is on PostgreSQL)"
    return [
        _at_least(
            f"ES256 mint: broker/bare req/s >= {GOAL_MINT_VS_BARE}", mint["requests_per_second"], GOAL_MINT_VS_BARE
        ),
        _at_least(
            f"ES256 mint: bare/broker CPU per request >= {GOAL_MINT_VS_BARE}", mint["cpu_efficiency"], GOAL_MINT_VS_BARE
        ),
        _at_least(
            f"/healthz: broker/bare req/s >= {GOAL_HEALTHZ_VS_BARE}",
            healthz["requests_per_second"],
            GOAL_HEALTHZ_VS_BARE,
        ),
        _at_least(
            f"/healthz: bare/broker CPU per request >= {GOAL_HEALTHZ_VS_BARE}",
            healthz["cpu_efficiency"],
            GOAL_HEALTHZ_VS_BARE,
        ),
        _goal(
            f"ES256: broker p99 < {GOAL_P99_MS:.0f} ms at {GOAL_P99_CONNECTIONS} connections",
            p99,
            lambda v: v < GOAL_P99_MS,
            p99_figure,
        ),
        _at_least(
            f"ES256: broker/node-oidc-provider req/s >= {GOAL_ES256_VS_REFERENCE}", es_ratio, GOAL_ES256_VS_REFERENCE
        ),
        _at_least(f"RS256: fraction of raw-signing capacity >= {GOAL_RS256_CAPACITY}", capacity, GOAL_RS256_CAPACITY),
        _at_least(
            f"launch-link mint / query-mode mint req/s >= {GOAL_LINK_VS_QUERY}",
            link["requests_per_second"],
            GOAL_LINK_VS_QUERY,
            link_note,
        ),
        _goal(
            f"verify costs <= {GOAL_VERIFY_COST:.0%} of ES256 throughput (issue 11)",
            verify_cost,
            lambda v: v <= GOAL_VERIFY_COST,
            _fmt(verify_cost and verify_cost * 100, ".1f") + "%",
        ),
        _goal("Secrets Manager calls <= the refresh schedule", sm_over, lambda v: v <= 0, sm_figure),
        _goal(
            f"RSS per broker worker < {GOAL_RSS_MB:.0f} MB",
            rss,
            lambda v: v < GOAL_RSS_MB,
            f"peak {_fmt(rss, '.1f')} MB"
            + (f" (missed by {rss - GOAL_RSS_MB:.1f} MB)" if rss and rss >= GOAL_RSS_MB else ""),
        ),
    ]


def derive(result: dict[str, Any]) -> None:
    """Add the derived sections to the result document, in dependency order."""
    rows = result["scenarios"]
    named = _by_name(rows)
    result["ratios"] = ratios(named)
    result["lean"] = {
        "broker / bare": efficiency_table(named, BROKER_VS_BARE),
        "launch link / query mode": efficiency_table(named, LINK_VS_QUERY),
    }
    result["verify_cost"] = verify_costs(named)
    result["raw_capacity"] = raw_capacity(result, named)
    result["memory"] = memory(rows)
    result["secrets_manager"] = secrets_manager(result, rows)
    result["goals"] = goals(result, named)


def write_results(result: dict[str, Any]) -> None:
    """The result document as JSON at bench/results/latest.json (git-ignored)."""
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(result, indent=2) + "\n")


# --- printing ------------------------------------------------------------------------------------
def print_table(rows: list[Row]) -> None:
    """One line per scenario; throughput also relative to the trivial endpoint."""
    base = _by_name(rows).get(TRIVIAL, rows[0])["rps"] or 1.0
    print(
        f"\n{'scenario':<18} {'server':<9} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'non-2xx':>7} {'SM calls':>8} "
        f"{'vs healthz':>10} {'CPU ms/req':>10} {'RSS MB':>6} {'other cores':>11}"
    )
    for row in rows:
        print(
            f"{row['scenario']:<18} {row['server']:<9} {row['rps']:>8.1f} {row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f} "
            f"{row['non2xx']:>7} {row['secrets_manager_calls']:>8} {row['rps'] / base:>10.3f} "
            f"{row['server_cpu_ms_per_request']:>10.2f} {_fmt(max(row['worker_rss_mb'], default=None), '.0f'):>6} "
            f"{row['other_cores']:>11.2f}"
        )
    print(
        "(CPU ms/req: the serving processes' CPU time per request, master and workers; RSS MB: the largest "
        "worker's VmRSS at the end of the load;\n other cores: CPU used by neither that server nor wrk; "
        "SM calls: Secrets Manager calls during the phase, from the broker, loaded or idle)"
    )


def print_ratios(table: Mapping[str, Mapping[str, Mapping[str, float | None]]]) -> None:
    print(f"\n{'ratio':<40} {'req/s':>6} {'CPU/req':>8}")
    for group, pairs in table.items():
        print(f"{group}:")
        for name, pair in pairs.items():
            print(f"  {name:<38} {_fmt(pair['requests_per_second']):>6} {_fmt(pair['server_cpu_per_request']):>8}")


def print_lean(result: Mapping[str, Any]) -> None:
    """The broker against the bare-Flask app, and the launch-link mint against the query-mode one."""
    database = result["config"].get("database", "SQLite")
    print(f"\n{'broker / bare Flask, launch link / query mode':<44} {'req/s':>6} {'CPU':>6}")
    for group, pairs in result["lean"].items():
        print(f"{group}{' (' + database + ')' if group.startswith('launch') else ''}:")
        for name, pair in pairs.items():
            spread = pair.get("per_round_requests_per_second")
            rounds = f"  (rounds: {min(spread):.2f}-{max(spread):.2f} req/s)" if spread else ""
            print(f"  {name:<42} {_fmt(pair['requests_per_second']):>6} {_fmt(pair['cpu_efficiency']):>6}{rounds}")
    print("(req/s: the first's over the second's; CPU: the second's CPU ms per request over the first's, so both read")
    print(' as "this fraction of the baseline"; 0.50 in CPU means twice the CPU per request)')


def print_verify(costs: Mapping[str, Mapping[str, float | None]]) -> None:
    for alg, cost in costs.items():
        lost, extra = cost["throughput_cost"], cost["extra_cpu_per_request"]
        print(
            f"verify cost {alg:<10} {_fmt(lost and lost * 100, '.1f')}% of throughput (1 - verify/plain req/s), "
            f"{_fmt(extra and extra * 100, '+.1f')}% CPU per request"
        )


def print_signing(result: Mapping[str, Any], rows: Mapping[str, Row]) -> None:
    """Raw signing cost, the throughput it alone would allow, its share of a request's CPU, and how close we get."""
    print()
    for alg, cost in result["signing"].items():
        row, capacity = rows.get(alg), result["raw_capacity"][alg]
        # No share for a phase that served nothing (0 requests: no CPU per request to divide by).
        cpu_ms = row["server_cpu_ms_per_request"] if row else 0
        share = cost["sign_us"] / (cpu_ms * 1000) if cpu_ms else None
        fraction = capacity["fraction"]
        print(
            f"raw {alg:<10} sign {cost['sign_us']:7.1f} µs/token (<= {capacity['capacity_tokens_per_second']:,.0f} "
            f"tokens/s on {capacity['cores_used']} cores), self-verify {cost['verify_us']:6.1f} µs; "
            f"signing is {_fmt(share and share * 100, '.1f')}% of generateJWT's CPU; "
            f"broker reaches {_fmt(fraction and fraction * 100, '.1f')}% of that capacity"
        )


def print_memory(summary: Mapping[str, Mapping[str, Any]]) -> None:
    print()
    for server, mem in summary.items():
        print(
            f"RSS per {server} worker ({mem['workers']} workers): at the end of {mem['end_phase']!r} max "
            f"{mem['end_max_mb']:.1f} MB, mean {mem['end_mean_mb']:.1f} MB; peak {mem['peak_mb']:.1f} MB "
            f"({mem['peak_phase']})"
        )


def print_secrets_manager(summary: Mapping[str, Mapping[str, Any]]) -> None:
    print()
    for name, part in summary.items():
        print(
            f"Secrets Manager calls, {name} ({part['seconds']:.0f} s): {part['secrets_manager_calls']} counted; "
            f"the refresh schedule allows at most {part['bound']}"
        )
    period = summary["loaded period"]
    print(
        f"(schedule: {period['workers']} workers x {period['keysets']} keysets x (1 + floor(seconds / "
        f"{period['refresh_seconds']})) x {CALLS_PER_REFRESH} calls)"
    )


def print_goals(goal_list: list[dict[str, Any]]) -> None:
    print("\ngoal check (reported, not enforced):")
    for goal in goal_list:
        print(f"  {goal['status']:<4}  {goal['goal']:<52} {goal['figure']}")


def warnings(rows: list[Row], n_cores: int) -> list[str]:
    """What makes this run's numbers less trustworthy."""
    found = [f"{row['scenario']}: {row['socket_errors']} socket errors" for row in rows if row["socket_errors"]]
    found += [
        f"{row['scenario']}: {row['non2xx']} non-2xx responses, counted in req/s" for row in rows if row["non2xx"]
    ]
    found += [
        f"{row['scenario']}: wrk counted {row['wrk_status_errors']} 4xx/5xx, load.lua {row['non2xx']} non-2xx"
        for row in rows
        if row["wrk_status_errors"] != row["non2xx"]
    ]
    busiest = max(rows, key=lambda row: row["other_cores"])
    # Anything beyond a sliver of one core means another workload took CPU the server would have used.
    if busiest["other_cores"] > 0.25:
        found.append(
            f"other processes used up to {busiest['other_cores']:.2f} of {n_cores} cores ({busiest['scenario']}); "
            "requests/s are depressed and noisy, compare CPU ms/req or rerun on a quiet machine"
        )
    return found


def print_report(result: Mapping[str, Any]) -> None:
    """The table, the ratios, verify's cost, raw signing, memory, Secrets Manager, goals and warnings."""
    rows = result["scenarios"]
    named = _by_name(rows)
    config = result["config"]
    print(
        f"\nworkers: broker (gunicorn) {config['gunicorn_workers']}, reference ({config['reference']}, "
        f"node {result['machine']['node']}, node:cluster) {config['reference_workers']}; "
        f"{result['machine']['cores']} cores; bare Flask (bench/bare_app.py) under the same gunicorn.conf.py; "
        f"database {config.get('database', 'SQLite')}"
    )
    print_table(rows)
    print_lean(result)
    print_ratios(result["ratios"])
    print()
    print_verify(result["verify_cost"])
    print_signing(result, named)
    print_memory(result["memory"])
    print_secrets_manager(result["secrets_manager"])
    print_goals(result["goals"])
    for warning in warnings(rows, result["machine"]["cores"]):
        print(f"warning: {warning}")
    print(f"\nsaved to {RESULTS_PATH.relative_to(ROOT)}")
