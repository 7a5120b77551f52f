"""`python -m cleaner` runs the command line."""
from cleaner.cli import main

main()
