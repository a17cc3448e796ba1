"""Style (NL6xx): spelling variety, typography, weekdays, confusable characters."""
