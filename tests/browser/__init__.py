"""Browser tests of the built sample site (a package, so its conftest has a name of its own)."""
