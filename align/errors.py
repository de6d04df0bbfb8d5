"""Errors that the command line reports as one line and exit status 2."""


class InputError(Exception):
    """Bad input from the user: a file that cannot be read, parsed or aligned.

    The message names the file (or line and column) and the problem, and is meant to be
    printed as it is, without a traceback.
    """


class MissingBackendError(InputError):
    """An optional backend (model, MT engine) is not installed; the message says how to install it."""
