"""Word lists and rule tables of the extractors, as data files."""
