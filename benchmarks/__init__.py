"""Benchmarks: they print figures and never fail on timing. See the README."""
