"""Benchmarks: they measure speed and scale, and are never part of the test run."""
