"""Tools for developing Bro, kept out of the apps the site runs.

Nothing here is imported by the site, and nothing here imports Django: make targets and CI
call these tools before the project is installed or configured.
"""
