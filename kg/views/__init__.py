"""Views: the store drawn for people: the explorer page, static pictures, and the layout they share.

:mod:`~kg.views.explore` (the explorer's data: actors, edges, evidence, filters), :mod:`~kg.views.viz`
(the self-contained HTML page, its script and style in ``explorer/``), :mod:`~kg.views.picture` (PNG and
SVG), :mod:`~kg.views.layout` (positions) and :mod:`~kg.views.output` (files written whole or not at all).
It may import :mod:`kg.store`, :mod:`kg.vocabulary` and :mod:`kg.errors`.
"""
