"""Reading the YAML files under rules/: one place that turns I/O and syntax problems into one-line ConfigErrors."""
from __future__ import annotations

from pathlib import Path

import yaml

from audit.errors import ConfigError

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def read_yaml(path: str | Path) -> object:
    """Parse a UTF-8 YAML file; any failure becomes `ConfigError("<file>[:line]: ...")`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: không tìm thấy tệp") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: không đọc được tệp ({exc.__class__.__name__}: cần UTF-8)") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{p}:{mark.line + 1}" if mark else str(p)
        raise ConfigError(f"{where}: YAML không hợp lệ ({getattr(exc, 'problem', None) or exc})") from None


def mapping(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: cần một ánh xạ (key: value)")
    return value
