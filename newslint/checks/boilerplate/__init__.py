"""Boilerplate (NL2xx): page text left in an article (phrase packs)."""
