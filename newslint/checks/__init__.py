"""Built-in rule plugins: one folder per rule-code family (NL3xx -> checks/titles/), registered like installed ones."""
