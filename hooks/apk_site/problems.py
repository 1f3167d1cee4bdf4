"""Problems found in editors' files, kept as data so that all of them can be reported at once.

A problem prints as `path:line: field: message`, the form editors, editors' tools and CI annotations read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"
