"""Applying fixes to files: edits, atomic writes."""
