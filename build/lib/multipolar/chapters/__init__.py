"""One module per chapter, named after it: the computations only that chapter uses."""
