"""rashomon: news articles in, a traceable database of real-world incidents out."""

__version__ = "0.1.0"
