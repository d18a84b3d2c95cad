"""Edits as JSON data, written generically: any `Edit`, by its class and its attributes.

An edit is written as `{"edit": "module:Class", "fields": {name: value}}`, the fields being the edit's
own attributes (`vars(edit)`) as they stand when it is journaled. Values are written by their type:

- None, bool, int, float and str as they are; a list as a JSON list;
- a tuple as `{"$tuple": [...]}`, a set as `{"$set": [...]}`, a dict as `{"$dict": [[key, value], ...]}`
  (so that keys of any type, and the difference between a list and a tuple, come back);
- a paragraph's content (a tuple of inlines) as `{"$content": ...}`, one inline as `{"$inline": ...}`, a
  paragraph or heading as `{"$block": ...}` and a whole resolution as `{"$resolution": ...}`, in the
  lossless form of `drafter.serialize`;
- another edit (the steps of a `Compound`) as `{"$edit": ...}`;
- an object with `to_dict` and a class method `from_dict` as `{"$object": "module:Class", "data": ...}`;
- any other dataclass (a footnote, a `Where`) as `{"$dataclass": "module:Class", "fields": {...}}`.

Every JSON object in the output is one of these tags, so reading is unambiguous. Classes are found by
name when read, and only in the modules of `drafter`. A value of any other type raises `CodecError`
naming the edit and the field: an edit class added later that holds one fails the test that writes
an instance of every edit class, not a user.

Reading builds the edit without calling its `__init__` (the attributes are set as they were written),
so the edit is the one that was journaled: applying it to the document it was made on does the same.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
from collections.abc import Callable
from typing import Any

from drafter import serialize
from drafter.edits.primitives import Edit
from drafter.model import CrossHeading, NoteRef, Paragraph, Resolution, Text


class CodecError(ValueError):
    """A value that cannot be written or read as part of an edit."""


def class_key(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def edit_classes() -> dict[str, type[Edit]]:
    """Every subclass of `Edit` defined so far, by its key (the modules that define them must be imported)."""
    found: dict[str, type[Edit]] = {}
    todo = list(Edit.__subclasses__())
    while todo:
        cls = todo.pop()
        found[class_key(cls)] = cls
        todo.extend(cls.__subclasses__())
    return found


def _find_class(key: object) -> type:
    if not isinstance(key, str) or ":" not in key:
        raise CodecError(f"no class named {key!r}")
    return _class_named(key)


@functools.cache
def _class_named(key: str) -> type:
    module, _, name = key.partition(":")
    if module != "drafter" and not module.startswith("drafter."):
        raise CodecError(f"class {key!r} is not one of Drafter's")
    try:
        value: Any = importlib.import_module(module)
        for part in name.split("."):
            value = getattr(value, part)
    except (ImportError, AttributeError) as exc:
        raise CodecError(f"no class {key!r} in this version of Drafter") from exc
    if not isinstance(value, type):
        raise CodecError(f"{key!r} is not a class")
    return value


def _attributes(value: object) -> dict[str, Any]:
    """The attributes of an object: its `__dict__`, or its slots."""
    if hasattr(value, "__dict__"):
        return dict(vars(value))
    names = [name for cls in type(value).__mro__ for name in getattr(cls, "__slots__", ())]
    return {name: getattr(value, name) for name in names if hasattr(value, name)}


# --- writing -----------------------------------------------------------------------------------------
def encode_edit(edit: Edit) -> dict[str, Any]:
    """The JSON data of an edit; raises CodecError for a value of a type it cannot write."""
    name = type(edit).__name__
    return {"edit": class_key(type(edit)),
            "fields": {key: encode(value, f"{name}.{key}") for key, value in _attributes(edit).items()}}


def _is_inline(value: object) -> bool:
    return isinstance(value, Text | NoteRef)


def encode(value: Any, where: str = "value") -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Edit):
        return {"$edit": encode_edit(value)}
    if _is_inline(value):
        return {"$inline": serialize.content_to_data((value,))[0]}
    if isinstance(value, tuple):
        if value and all(_is_inline(item) for item in value):
            return {"$content": serialize.content_to_data(value)}
        return {"$tuple": [encode(item, f"{where}[{index}]") for index, item in enumerate(value)]}
    if isinstance(value, list):
        return [encode(item, f"{where}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, dict):
        return {"$dict": [[encode(key, f"{where} key"), encode(item, f"{where}[{key!r}]")]
                          for key, item in value.items()]}
    if isinstance(value, set | frozenset):
        return {"$set": [encode(item, f"{where} item") for item in value], "frozen": isinstance(value, frozenset)}
    if isinstance(value, Paragraph | CrossHeading):
        return {"$block": serialize.block_to_data(value)}
    if isinstance(value, Resolution):
        return {"$resolution": serialize.to_dict(value)}
    if callable(getattr(value, "to_dict", None)) and callable(getattr(type(value), "from_dict", None)):
        return {"$object": class_key(type(value)), "data": encode(value.to_dict(), f"{where}.to_dict()")}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"$dataclass": class_key(type(value)),
                "fields": {field.name: encode(getattr(value, field.name), f"{where}.{field.name}")
                           for field in dataclasses.fields(value)}}
    raise CodecError(f"{where}: a value of type {type(value).__qualname__} cannot be journaled")


# --- reading -------------------------------------------------------------------------------------------
def decode_edit(data: Any) -> Edit:
    """The edit that `encode_edit` wrote; raises CodecError for data it cannot read."""
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise CodecError("an edit without its fields")
    cls = _find_class(data.get("edit"))
    if not issubclass(cls, Edit):
        raise CodecError(f"{data.get('edit')!r} is not an edit")
    edit = cls.__new__(cls)
    for key, value in data["fields"].items():
        object.__setattr__(edit, key, decode(value))
    return edit


def decode(data: Any) -> Any:
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict):
        if data is None or isinstance(data, bool | int | float | str):
            return data
        raise CodecError(f"not a value written by the journal: {str(data)[:80]}")
    tag = next(iter(data), "")  # a tagged value's first key is its tag
    reader = _READERS.get(tag)
    if reader is None or sum(key.startswith("$") for key in data) != 1:
        raise CodecError(f"not a value written by the journal: {str(data)[:80]}")
    try:
        return reader(data)
    except CodecError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CodecError(f"a damaged value ({exc}): {str(data)[:80]}") from exc


def _read_object(data: dict[str, Any]) -> Any:
    reader = getattr(_find_class(data["$object"]), "from_dict", None)
    if not callable(reader):
        raise CodecError(f"{data['$object']!r} cannot be read from data")
    return reader(decode(data["data"]))


def _read_set(data: dict[str, Any]) -> Any:
    items = [decode(item) for item in data["$set"]]
    return frozenset(items) if data.get("frozen") else set(items)


def _decode_dataclass(data: dict[str, Any]) -> Any:
    cls = _find_class(data["$dataclass"])
    if not dataclasses.is_dataclass(cls):
        raise CodecError(f"{data['$dataclass']!r} is not a dataclass")
    fields = {field.name for field in dataclasses.fields(cls)}
    value = cls.__new__(cls)
    for key, item in data["fields"].items():
        if key not in fields:
            raise CodecError(f"{data['$dataclass']} has no field {key!r}")
        object.__setattr__(value, key, decode(item))
    missing = fields - set(data["fields"])
    for field in dataclasses.fields(cls):  # a field added since: its default
        if field.name in missing:
            if field.default is not dataclasses.MISSING:
                object.__setattr__(value, field.name, field.default)
            elif field.default_factory is not dataclasses.MISSING:
                object.__setattr__(value, field.name, field.default_factory())
            else:
                raise CodecError(f"{data['$dataclass']}: no value for {field.name!r}")
    return value


_READERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "$edit": lambda data: decode_edit(data["$edit"]),
    "$content": lambda data: serialize.content_from_data(data["$content"]),
    "$inline": lambda data: serialize.content_from_data([data["$inline"]])[0],
    "$tuple": lambda data: tuple(decode(item) for item in data["$tuple"]),
    "$dict": lambda data: {decode(key): decode(value) for key, value in data["$dict"]},
    "$set": _read_set,
    "$block": lambda data: serialize.block_from_data(data["$block"]),
    "$resolution": lambda data: serialize.from_dict(data["$resolution"]),
    "$object": _read_object,
    "$dataclass": lambda data: _decode_dataclass(data),
}
