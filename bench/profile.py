"""`python -m bench.profile [SCENARIO]`: py-spy (`--gil`) on the broker's gunicorn workers under wrk load.

Starts the broker as `make bench` does (bench.run.running_broker: production settings, gunicorn.conf.py,
the run's database), loads one scenario ("ES256" by default, or "ES256 launch link", "GET /healthz") with
wrk for BENCH_DURATION seconds while `py-spy record --subprocesses --gil --format raw` samples the
workers, and prints where the GIL-holding time goes: the inclusive share of the frames that matter
(BENCH_PROFILE_OUT keeps the collapsed stacks; feed them to flamegraph.pl or speedscope).
py-spy is not a project dependency: `pip install py-spy` into the venv first.
"""

from __future__ import annotations

import collections
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.procs import BenchError
from bench.run import check_broker, config_from_env, ensure_wrk, run_wrk, running_broker, scenarios

RATE = int(os.environ.get("BENCH_PROFILE_RATE", "250"))


def shares(collapsed: Path, top: int = 45) -> list[tuple[float, str]]:
    """Inclusive share of samples per frame (function and file), largest first."""
    total, inclusive = 0, collections.Counter[str]()
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        n = int(count)
        total += n
        frames = {frame.rsplit(":", 1)[0] for frame in stack.split(";")[1:]}
        for frame in frames:
            inclusive[frame] += n
    return [(n / total, frame) for frame, n in inclusive.most_common(top)] if total else []


def main() -> int:
    wanted = sys.argv[1] if len(sys.argv) > 1 else "ES256"
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    config = config_from_env()
    wrk = ensure_wrk()
    out = Path(os.environ.get("BENCH_PROFILE_OUT") or tempfile.mkstemp(suffix=".txt")[1])
    with running_broker(config) as broker:
        scenario = next(s for s in scenarios(broker.credentials, 1, broker.bare.api_key) if s.name == wanted)
        if scenario.bare or scenario.reference:
            raise BenchError("profile a broker scenario")
        check_broker(broker.port, scenario)
        run_wrk(wrk, broker.port, scenario, config.warmup or 1, config)
        spy = subprocess.Popen(
            [py_spy, "record", "--pid", str(broker.meter.master_pid), "--subprocesses", "--gil", "--rate", str(RATE),
             "--duration", str(config.duration + 1), "--format", "raw", "--output", str(out), "--nonblocking"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        result = run_wrk(wrk, broker.port, scenario, config.duration, config)
        _, err = spy.communicate(timeout=60)
        if spy.returncode != 0:
            raise BenchError(f"py-spy failed: {err.decode()[-2000:]}")
    print(f"{wanted}: {result['requests']} requests; collapsed stacks in {out}")
    for share, frame in shares(out):
        print(f"{share:6.1%}  {frame}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
