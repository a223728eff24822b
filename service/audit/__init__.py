"""Audit events: who minted what for which profile and when (the writer, its on-disk spool, the table)."""
