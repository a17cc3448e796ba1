"""Text helpers several rule families share: folding, dates, writing systems."""
