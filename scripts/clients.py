"""The contract's tooling: redocly lints openapi.yaml, and the two clients are generated from it.

    python scripts/clients.py generate   # rewrite clients/python and clients/typescript/{src,dist} (`make clients`)
    python scripts/clients.py check      # what `make lint` runs: fails on any warning or any drift

`check` lints openapi.yaml with redocly (recommended rules, warnings as errors: redocly.yaml), generates both
clients into a temporary folder, fails when either generator warns or when what it made differs from what is
committed, and type-checks the TypeScript client's tests (`tsc --noEmit`). `generate` makes the same files and
copies them into clients/.

Pinned: openapi-python-client (and the ruff it formats with) in requirements-dev.txt; @redocly/cli,
@hey-api/openapi-ts, typescript and @types/node in tools/package-lock.json, which the Makefile installs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CLIENTS = ROOT / "clients"
PYTHON_CLIENT = CLIENTS / "python"
TS_CLIENT = CLIENTS / "typescript"
# The parts of clients/typescript the tools write; package.json, tsconfig.json, README.md and test/ are by hand.
TS_GENERATED = ("src", "dist")
NODE_BIN = ROOT / "tools" / "node_modules" / ".bin"
# The virtualenv's bin: openapi-python-client, and the ruff its post-generation hooks call.
VENV_BIN = Path(sys.executable).parent
# Files that tools leave behind and that are never part of a client.
LITTER = ("__pycache__", ".ruff_cache")
DIFF_LINES = 60


class Failed(Exception):
    """A check failed; the message says which and how to fix it."""


def run(command: Sequence[str | Path], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> str:
    """Run a tool; its output (stdout and stderr together) if it succeeded, else Failed with that output."""
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise Failed(f"`{' '.join(str(part) for part in command)}` failed ({done.returncode}):\n{output}")
    return output


def node_tool(name: str) -> Path:
    tool = NODE_BIN / name
    if not tool.exists():
        raise Failed(f"{tool.relative_to(ROOT)} is missing: run `make lint` or `make clients`, which install tools/")
    return tool


# --- the contract --------------------------------------------------------------------------------------------
def lint_contract() -> None:
    """redocly lint with the recommended rules, every warning an error (redocly.yaml)."""
    run(
        [node_tool("redocly"), "lint", "openapi.yaml", "--format=stylish"],
        # No usage data sent, no update notice (nothing leaves the machine, and the output stays quiet).
        env={"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
    )
    print("redocly lint: openapi.yaml has no error and no warning (recommended rules)")


# --- generating ----------------------------------------------------------------------------------------------
def spec_for_python(folder: Path) -> Path:
    """openapi.yaml less inspectToken's `text/plain` body, which openapi-python-client cannot send.

    openapi-python-client 0.29 supports no text/plain request body (it warns and drops it, upstream issue
    #542); the Python client sends the JSON form of the same request. Every response is kept.
    """
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    del spec["paths"]["/api/v1/tokens/inspect"]["post"]["requestBody"]["content"]["text/plain"]
    path = folder / "openapi-python.json"
    path.write_text(json.dumps(spec, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def generate_python(out: Path, work: Path) -> None:
    """clients/python's files, made in `out` (a folder that must not exist yet)."""
    run(
        [
            VENV_BIN / "openapi-python-client",
            "generate",
            "--path",
            spec_for_python(work),
            "--output-path",
            out,
            "--meta",
            "pdm",
            "--config",
            CLIENTS / "openapi-python-client.yaml",
            "--custom-template-path",
            CLIENTS / "templates" / "python",
            "--fail-on-warning",
        ],
        cwd=work,
        env={"PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
    )


def generate_typescript(out: Path) -> None:
    """clients/typescript's src/ and dist/, made in `out` (beside a copy of its package.json and tsconfig.json)."""
    out.mkdir(parents=True)
    for name in ("package.json", "tsconfig.json"):
        shutil.copy2(TS_CLIENT / name, out / name)
    output = run(
        [node_tool("openapi-ts"), "--file", CLIENTS / "openapi-ts.config.mjs"],
        env={"CLIENTS_OPENAPI": str(SPEC), "CLIENTS_TS_OUTPUT": str(out / "src")},
    )
    # Its progress lines are all it may print: a warning (console.warn) fails the check.
    if "warn" in output.lower() or "🚨" in output or "❗" in output:
        raise Failed(f"@hey-api/openapi-ts warned:\n{output}")
    run([node_tool("tsc"), "--project", out / "tsconfig.json"])


def generate_all(into: Path) -> tuple[Path, Path]:
    """Both clients in `into`: (the Python project, the TypeScript package)."""
    work = into / "work"
    work.mkdir()
    python, typescript = into / "python", into / "typescript"
    generate_python(python, work)
    generate_typescript(typescript)
    return python, typescript


# --- the examples in the guides ------------------------------------------------------------------------------
# Where the guides and the READMEs show the clients; every such block must type-check against them.
GUIDES = (ROOT / "docs", PYTHON_CLIENT / "README.md", TS_CLIENT / "README.md")
# The guides' stand-ins for what a reader fills in (their `curl` uses the same names as shell variables).
PYTHON_PRELUDE = 'BASE = API_KEY = ADMIN_KEY = LINK_ID = ""\n'
TS_PRELUDE = "declare const BASE: string, API_KEY: string, ADMIN_KEY: string, LINK_ID: string;\nexport {};\n"


def example_blocks(fence: str, package: str) -> dict[str, list[str]]:
    """Each guide's ```fence blocks that use `package`, by guide (a later block may use an earlier one's names)."""
    found: dict[str, list[str]] = {}
    for guide in sorted(p for place in GUIDES for p in ([place] if place.is_file() else place.glob("*.md"))):
        blocks = re.findall(rf"^```{fence}\n(.*?)^```", guide.read_text(encoding="utf-8"), flags=re.M | re.S)
        if blocks := [block for block in blocks if package in block]:
            found[guide.relative_to(ROOT).as_posix().replace("/", "_").removesuffix(".md")] = blocks
    return found


def check_examples(folder: Path) -> None:
    """Each guide's Python blocks as one module, checked by mypy --strict; each TypeScript block by tsc."""
    python = folder / "python-examples"
    python.mkdir()
    for name, blocks in example_blocks("python", "sso_token_broker_client").items():
        (python / f"{name}.py").write_text(PYTHON_PRELUDE + "\n".join(blocks), encoding="utf-8")
    run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", os.devnull, "--cache-dir",
         ROOT / ".mypy_cache" / "client-examples", *sorted(python.glob("*.py"))],
        env={"MYPYPATH": str(PYTHON_CLIENT)},
    )  # fmt: skip
    # Inside the package's folder, so `sso-token-broker-client` resolves to it (the test tsconfig's settings).
    typescript = TS_CLIENT / "test" / "build" / "examples"
    shutil.rmtree(typescript, ignore_errors=True)
    typescript.mkdir(parents=True)
    # Each block a module of its own (each imports what it uses).
    for name, blocks in example_blocks("ts", "sso-token-broker-client").items():
        for number, block in enumerate(blocks):
            (typescript / f"{name}_{number}.ts").write_text(block + TS_PRELUDE, encoding="utf-8")
    (typescript / "tsconfig.json").write_text(
        json.dumps({"extends": "../../tsconfig.json", "compilerOptions": {"noEmit": True, "rootDir": "."},
                    "include": ["*.ts"], "exclude": []}),
        encoding="utf-8",
    )  # fmt: skip
    run([node_tool("tsc"), "--project", typescript / "tsconfig.json"])


# --- comparing -----------------------------------------------------------------------------------------------
def differences(made: Path, committed: Path) -> str:
    """A unified diff of two folders (missing files count as empty), or "" when they are the same."""
    excludes = [arg for name in LITTER for arg in ("--exclude", name)]
    done = subprocess.run(
        ["diff", "--recursive", "--unified", "--new-file", *excludes, str(committed), str(made)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode > 1:
        raise Failed(f"diff failed: {done.stderr}")
    return done.stdout


def check() -> None:
    lint_contract()
    with tempfile.TemporaryDirectory(prefix="clients-") as folder:
        python, typescript = generate_all(Path(folder))
        drift = differences(python, PYTHON_CLIENT)
        for part in TS_GENERATED:
            drift += differences(typescript / part, TS_CLIENT / part)
    if drift:
        lines = drift.splitlines()
        shown = "\n".join(lines[:DIFF_LINES])
        if len(lines) > DIFF_LINES:
            shown += f"\n… and {len(lines) - DIFF_LINES} more lines"
        raise Failed(f"clients/ differs from what openapi.yaml generates; run `make clients` and commit:\n{shown}")
    print("clients: both generators ran without a warning; clients/ is what openapi.yaml generates")
    # The tests use the client as a user would; they must type-check against the generated types.
    run([node_tool("tsc"), "--noEmit", "--project", TS_CLIENT / "test" / "tsconfig.json"])
    print("tsc --noEmit: the TypeScript client's tests type-check")
    with tempfile.TemporaryDirectory(prefix="examples-") as folder:
        check_examples(Path(folder))
    print("examples: every client example in docs/ and the clients' READMEs type-checks (mypy --strict, tsc)")


def generate() -> None:
    with tempfile.TemporaryDirectory(prefix="clients-") as folder:
        python, typescript = generate_all(Path(folder))
        shutil.rmtree(PYTHON_CLIENT, ignore_errors=True)
        shutil.copytree(python, PYTHON_CLIENT, ignore=shutil.ignore_patterns(*LITTER))
        for part in TS_GENERATED:
            shutil.rmtree(TS_CLIENT / part, ignore_errors=True)
            shutil.copytree(typescript / part, TS_CLIENT / part)
    print("clients/python and clients/typescript regenerated from openapi.yaml")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["generate", "check"])
    args = parser.parse_args(argv)
    try:
        generate() if args.command == "generate" else check()
    except Failed as failure:
        print(f"scripts/clients.py {args.command}: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
