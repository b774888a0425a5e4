"""Benchmarks: ``python -m explorer.bench`` prints JSON numbers; nothing here fails on time."""
