"""The ontology files (*.ttl), installed as the package data ``kg.ontology_data``; see kg/vocabulary/ontology.py."""
