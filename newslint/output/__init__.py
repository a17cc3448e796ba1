"""The output end: reporters, the Reporter base, baselines."""
