"""Saved research queries (*.rq), installed as the package data ``kg.saved_queries``; ``kg query NAME`` runs one."""
