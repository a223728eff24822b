"""Audit rows queued when a process exits are written (another Python process, as a gunicorn worker is)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from sqlalchemy import func, select

from service.audit.models import AuditEvent
from tests.support.paths import ROOT


def test_rows_queued_at_exit_are_written(db_url: str) -> None:
    # A process that ends without flushing (as a gunicorn worker's interpreter does) still writes its queue.
    script = textwrap.dedent(
        f"""
        from service.audit.store import AuditStore
        from service.audit.writer import AuditWriter
        from service.db.database import Database, make_engine
        writer = AuditWriter(AuditStore(Database(make_engine({db_url!r}))))
        for n in range(200):
            writer.submit({{"action": "token.minted", "outcome": "ok", "request_id": str(n), "detail": {{}}}})
        """
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=60)
    from service.db.database import Database, make_engine

    with Database(make_engine(db_url)).session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 200
