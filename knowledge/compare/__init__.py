"""Side-by-side comparison of up to four programmes or methods, as a table and as exports."""
