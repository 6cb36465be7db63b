"""Evaluations against the gold sets in ../shared/gold (run by `eventwire eval ...`, `make eval`)."""
