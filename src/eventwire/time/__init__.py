"""Time stage: date expressions resolved against the publication date, and event dates."""
