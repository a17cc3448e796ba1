"""The language server and the config edits its code actions make."""
