"""Evaluations against the gold sets in ../shared/gold (one module per stage)."""
