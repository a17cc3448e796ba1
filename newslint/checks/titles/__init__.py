"""Titles (NL3xx): office titles, their holders and dates, headlines."""
