"""The plugin contract and what plugins are given: hooks, registry, config, selection, context, packs."""
