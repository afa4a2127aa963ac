"""The region and country overview: counts by theme, evidence, year, status and organisation."""
