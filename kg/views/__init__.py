"""Views: the store drawn for people: the explorer page, static pictures, and the layout they share.

:mod:`~kg.views.explore` (the explorer's data: actors, edges, evidence, filters), :mod:`~kg.views.viz`
(the self-contained HTML page, its script and style in ``explorer/``), :mod:`~kg.views.picture` (PNG and
SVG), :mod:`~kg.views.layout` (positions) and :mod:`~kg.views.output` (files written whole or not at all).
Following a story: :mod:`~kg.views.story` (an actor's or a pair's timeline, stance over time, turning
points), :mod:`~kg.views.timeline_picture` (its PNG/SVG), :mod:`~kg.views.changes` (what is new since a
date or the previous digest) and :mod:`~kg.views.digest` (that digest as Markdown, HTML, JSON).
It may import :mod:`kg.store`, :mod:`kg.vocabulary` and :mod:`kg.errors`.
"""
