"""Encoding (NL0xx): bytes that are not UTF-8 text."""
