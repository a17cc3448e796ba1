"""Structure (NL5xx): paragraphs, duplicates, mojibake and layout."""
