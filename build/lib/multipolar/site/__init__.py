"""The book site: the Sphinx extension, launch links, and the readability measure."""
