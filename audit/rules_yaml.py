"""Reading YAML (rules/, registries, review files, gates): one place that turns I/O and syntax problems into one-line
ConfigErrors, and refuses what a hand-edited file never needs but an attack or a slip does: aliases (a few hundred
bytes of nested `&a [*a, *a…]` expand to gigabytes) and a key given twice in one mapping (PyYAML keeps the last one
silently, so the value a reviewer read is not the one applied)."""
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


class StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases and without duplicate keys; errors name `file:line`."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:  # an alias (*a) or the anchor it names (&a)
            mark = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise ConfigError(f"{self.name}:{event.start_mark.line + 1}: YAML không được dùng neo và bí danh "
                              f"({mark}{event.anchor}); hãy viết đầy đủ giá trị")
        return super().compose_node(parent, index)


def _pairs(loader: yaml.SafeLoader, node: yaml.MappingNode):
    """The mapping's (key, value, key line) in order, refusing a key given twice and a key that is not a value."""
    seen: dict = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise ConfigError(f"{loader.name}:{line}: YAML không được dùng khóa gộp '<<'")
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise ConfigError(f"{loader.name}:{line}: khóa không hợp lệ") from None
        if key in seen:
            raise ConfigError(f"{loader.name}:{line}: khóa '{key}' lặp lại (đã có ở dòng {seen[key]})")
        seen[key] = line
        yield key, loader.construct_object(value_node, deep=True), line


def _strict_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    return {key: value for key, value, _ in _pairs(loader, node)}


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)


class _LocatingLoader(StrictLoader):
    pass


def _located_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Located:
    out = Located()
    out.line, out.key_lines = node.start_mark.line + 1, {}
    for key, value, line in _pairs(loader, node):
        out[key] = value
        out.key_lines[key] = line
    return out


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _located_mapping)


def read_yaml_located(path: str | Path) -> object:
    """Like read_yaml, but every mapping is a `Located` dict carrying line numbers."""
    return read_yaml(path, _LocatingLoader)


def read_yaml(path: str | Path, loader=StrictLoader) -> object:
    """Parse a UTF-8 YAML file; any failure becomes `ConfigError("<file>[:line]: ...")`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: không tìm thấy tệp") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: không đọc được tệp ({exc.__class__.__name__}: cần UTF-8)") from None
    return parse_yaml(text, p, loader)


def parse_yaml(text: str, name: str | Path, loader=StrictLoader) -> object:
    """Parse YAML text read from `name` (named in errors)."""
    p = name
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
