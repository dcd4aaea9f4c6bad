"""Reading the YAML files under rules/: one place that turns I/O and syntax problems into one-line ConfigErrors."""
from __future__ import annotations

from pathlib import Path

import yaml

from audit.errors import ConfigError

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


class Located(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based), so that a validation error can
    name `file:line` of the very field that is wrong."""
    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line) if hasattr(self, "key_lines") else self.line


class _LocatingLoader(yaml.SafeLoader):
    pass


def _located_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    out = Located()
    out.line, out.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise ConfigError(f"{loader.name}:{key_node.start_mark.line + 1}: khóa không hợp lệ") from None
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _located_mapping)


def read_yaml_located(path: str | Path) -> object:
    """Like read_yaml, but every mapping is a `Located` dict carrying line numbers."""
    return read_yaml(path, _LocatingLoader)


def read_yaml(path: str | Path, loader=yaml.SafeLoader) -> object:
    """Parse a UTF-8 YAML file; any failure becomes `ConfigError("<file>[:line]: ...")`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: không tìm thấy tệp") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: không đọc được tệp ({exc.__class__.__name__}: cần UTF-8)") from None
    try:
        parser = loader(text)
        parser.name = str(p)  # so constructors can name the file in their errors
        try:
            return parser.get_single_data()
        finally:
            parser.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{p}:{mark.line + 1}" if mark else str(p)
        raise ConfigError(f"{where}: YAML không hợp lệ ({getattr(exc, 'problem', None) or exc})") from None


def mapping(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: cần một ánh xạ (key: value)")
    return value
