"""Helpers for the tests: servers, payloads, clocks, databases. Tests import them from here, never from a conftest."""
