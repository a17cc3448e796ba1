"""The input model: documents and their views, diagnostics, corpus facts."""
