"""Evaluation of the text stages against hand-written fixtures (`make eval`)."""
