"""Running a lint: the engine, sources and datasets, the per-document loop, pools, the cache, progress."""
