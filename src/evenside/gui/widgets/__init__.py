"""Reusable widgets: set entry, rest timer, stretch card."""
