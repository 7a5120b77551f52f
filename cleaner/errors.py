"""Errors raised by the library. Only the command line maps them to exit codes."""
from __future__ import annotations


class CleanerError(Exception):
    """Base of every error the cleaner raises on purpose."""


class InputError(CleanerError):
    """A source cannot be cleaned (binary, empty, unreadable, too large...)."""


class RuleFileError(CleanerError):
    """A rule file is malformed: the message names the file, rule id and field."""


class StepError(CleanerError):
    """A step failed or returned something the chain cannot apply."""


class EditConflictError(StepError):
    """A step returned overlapping or out-of-range edits."""


class UsageError(CleanerError):
    """The options given do not fit together."""
