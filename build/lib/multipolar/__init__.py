"""Course package."""
