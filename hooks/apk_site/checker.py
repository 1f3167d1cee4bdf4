"""One editor's file being checked: its problems are collected, never raised (see `problems`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any

from . import fields
from .fields import Invalid
from .problems import Problem
from .records import Record


class Checker:
    """Collects the problems of one record (or of one mapping inside it, under `prefix`) while its
    fields are parsed."""

    def __init__(
        self, record: Record, problems: list[Problem], meta: dict[str, Any] | None = None, prefix: str = ""
    ) -> None:
        self.record, self.problems, self.prefix = record, problems, prefix
        self.meta = record.meta if meta is None else meta

    def report(self, key: str, message: str) -> None:
        """A problem with a field the code asks for: `key` may hold list positions (see `_readable`);
        the prefix is the editor's own (an author's id, say), shown as written."""
        self._add(key, self.prefix + _readable(key), message)

    def _add(self, key: str, shown: str, message: str) -> None:
        self.problems.append(Problem(self.record.path, self.record.line(self.prefix + key), shown, message))

    def get(self, key: str, parse: Callable[[Any], Any], *, required: bool = False, default: Any = None) -> Any:
        if key in self.meta and self.meta[key] is None:
            self.report(key, "is empty: write the value after the colon, or remove the line")
            return default
        if key not in self.meta:
            if required:
                self.report(key, f"is missing: add a line '{key}: ...' (see the editors' guide)")
            return default
        try:
            return parse(self.meta[key])
        except Invalid as error:
            self.report(key, str(error))
            return default

    def unknown_keys(self, allowed: Iterable[str], shared_with: str = "", shared: Collection[str] = ()) -> None:
        """Keys not in `allowed`; in a translation (`shared_with` names its main file), keys that
        belong to the main file (`shared`) are told to move there."""
        allowed = list(allowed)
        for key in self.meta:
            if key in allowed:
                continue
            shown = self.prefix + str(key)  # the editor's key exactly as written
            if shared_with and key in shared:
                self._add(str(key), shown, f"is shared by all languages: set it once in {shared_with}")
            else:
                hint = fields.suggest(str(key), allowed)
                message = "unknown field" + (hint or " (remove it, or see the editors' guide for the fields)")
                self._add(str(key), shown, message)


def _readable(path: str) -> str:
    """List positions help find the line, not the editor: `parts.0.chapters.1` is `parts.chapters`."""
    return ".".join(piece for piece in path.split(".") if not piece.isdigit())
