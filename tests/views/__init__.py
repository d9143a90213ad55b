"""Tests of the views: the explorer page, its filters, pictures and the browser."""
