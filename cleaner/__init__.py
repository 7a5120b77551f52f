"""cleaner: strip page debris from scraped article text, and record every edit."""

__version__ = "0.1.0"
