"""Benchmarks of the decision aid (`make bench`); see bench/run.py. Not part of the app or the tests."""
