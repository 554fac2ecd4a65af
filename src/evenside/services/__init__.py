"""Use cases: what the screens and the command line ask of the data. No Qt here."""
