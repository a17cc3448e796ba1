"""Names (NL4xx): one person's name spelled several ways."""
