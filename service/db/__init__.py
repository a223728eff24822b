"""The database: engine, sessions, the declarative base, the read cache and migrations.

Each feature keeps its own tables (`<feature>/models.py`) and queries (`<feature>/store.py`).
"""
