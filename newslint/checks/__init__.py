"""Built-in rule plugins, one module per rule family, registered like installed ones."""
