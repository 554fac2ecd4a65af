"""Routine sheets on paper or PDF, drawn with QPainter."""
