"""Errors that the command line reports as one line and exit status 2, and input warnings."""

import sys
import warnings


class InputError(Exception):
    """Bad input from the user: a file that cannot be read, parsed or aligned.

    The message names the file (or line and column) and the problem, and is meant to be
    printed as it is, without a traceback.
    """


class MissingBackendError(InputError):
    """An optional backend (model, MT engine) is not installed; the message says how to install it."""


class InputWarning(UserWarning):
    """Input that is read but may not be what the user meant (a garbled decoding); the
    command line prints it as one ``factalign: warning:`` line."""


_python_show_warning = warnings.showwarning


def _show_warning(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
    if issubclass(category, InputWarning):
        print(f"factalign: warning: {message}", file=sys.stderr)
    else:
        _python_show_warning(message, category, filename, lineno, file, line)


def print_input_warnings() -> None:
    """Show :class:`InputWarning` as one ``factalign: warning:`` line on standard error
    (other warnings as Python shows them): for the command line and its worker processes."""
    warnings.showwarning = _show_warning
