"""The explorer page's own script, style and HTML template (package data read by :mod:`kg.views.viz`).

Holds no Python: it imports nothing.
"""
