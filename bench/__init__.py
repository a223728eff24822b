"""Benchmarks of the broker (not tests): `make bench` runs bench.run."""
