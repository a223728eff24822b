"""The database: tables, the store (the only module that queries), migrations and the short-lived read cache."""
