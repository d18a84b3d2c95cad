"""The version of Drafter, which draft files record (`drafter.__version__` gives it too)."""

__version__ = "0.1.0"
