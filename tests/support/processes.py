"""Processes of the tests' servers, from /proc: a process's children, and which processes hold a TCP connection."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

# /proc/net/tcp: the state column's code for an established connection.
_ESTABLISHED = "01"


def children(pid: int) -> list[int]:
    """The process ids of `pid`'s live children (pgrep -P)."""
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return [int(line) for line in found.stdout.split()]


def _connections_to(port: int) -> set[str]:
    """Established IPv4 TCP connections whose far end is `port`, named as /proc/<pid>/fd links name sockets."""
    names = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        remote, state, inode = fields[2], fields[3], fields[9]
        if state == _ESTABLISHED and int(remote.rsplit(":", 1)[1], 16) == port:
            names.add(f"socket:[{inode}]")
    return names


def _sockets_of(pid: int) -> set[str]:
    """What the open file descriptors of `pid` point at; empty for a process that has gone."""
    targets = set()
    try:
        descriptors = list(Path(f"/proc/{pid}/fd").iterdir())
    except FileNotFoundError:
        return set()
    for descriptor in descriptors:
        try:
            targets.add(os.readlink(descriptor))
        except FileNotFoundError:  # closed meanwhile
            continue
    return targets


def connected_to(pids: Iterable[int], port: int) -> list[int]:
    """Those of `pids` that hold an established TCP connection to `port` (a server on 127.0.0.1)."""
    connections = _connections_to(port)
    return [pid for pid in pids if _sockets_of(pid) & connections]
