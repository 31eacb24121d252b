"""Evaluation against gold data: actor resolution (entities.py) and relation extraction (relations.py)."""
