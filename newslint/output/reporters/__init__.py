"""Built-in output formats, each a plugin implementing ``newslint_reporters``."""
