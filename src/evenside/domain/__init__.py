"""Pure-Python training rules: sides, units, e1RM, asymmetry, weak side, volume matching.

Nothing here imports the rest of the project or anything outside the standard library.
"""
