"""Evenside: a workout tracker for people who train to fix a muscle imbalance."""

__version__ = "0.1.0"
APP_ID = "org.evenside.Evenside"
APP_NAME = "Evenside"
