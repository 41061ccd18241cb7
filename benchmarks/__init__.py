"""Benchmarks: three heavy years of data at desktop speed, measured against the floors.

Run `python -m benchmarks [--quick] [--json PATH]`; see README.md ("Benchmarks").
"""
