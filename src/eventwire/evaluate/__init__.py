"""Evaluations of each stage against the gold sets in ../shared (run by ``make eval``)."""
