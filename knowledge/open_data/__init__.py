"""Open data: the API v2, the JSON and CSV exports and the Atom feeds, all from the database."""
