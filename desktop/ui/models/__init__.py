"""Qt item models over the rows the application layer returns."""
