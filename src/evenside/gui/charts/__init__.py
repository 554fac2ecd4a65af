"""pyqtgraph plots. Imported only when a chart is first needed: start-up never pays for it."""
