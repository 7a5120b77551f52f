"""The cleaning steps, one module each. The chain's order lives in `cleaner.chain`."""
