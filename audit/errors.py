"""Errors a user can cause. The CLI prints their message as one line and exits 2; no traceback."""


class ConfigError(Exception):
    """Bad registry, bad argument, unreachable database...: the message names file:line, field or URL."""
