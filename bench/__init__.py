"""Benchmarks of fazhi against side-by-side baselines (issue #8). Run `make bench` or `python -m bench`."""
