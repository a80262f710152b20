"""One pattern for named computations that other code looks up by key.

The claims ledger's checks (:data:`multipolar.ledger.CHECKS`) and the argument map's metrics
(:data:`multipolar.chapters.ch07_argmap.METRICS`) are both registries: a dict filled by a
decorator next to each function, so a function and its key are written in one place.

    >>> SQUARES = Registry("square")
    >>> @SQUARES.register()
    ... def four():
    ...     return 4
    >>> SQUARES["four"]()
    4
    >>> SQUARES.lookup("five")
    Traceback (most recent call last):
    ...
    KeyError: "unknown square 'five'; known: ['four']"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Registry"]


class Registry(dict):
    """A dict of named entries, filled with ``@registry.register(...)``.

    ``make(name, function, *args, **kwargs)`` builds the stored entry from the decorator's
    arguments; by default the function itself is stored.  A key registered twice is an error.
    """

    def __init__(self, kind: str, make: Callable[..., Any] | None = None) -> None:
        super().__init__()
        self.kind = kind
        self._make = make

    def register(self, *args: Any, key: str | None = None, **kwargs: Any) -> Callable:
        def wrap(function: Callable) -> Callable:
            self.add(key or function.__name__, function, *args, **kwargs)
            return function

        return wrap

    def add(self, name: str, function: Callable, *args: Any, **kwargs: Any) -> None:
        if name in self:
            raise ValueError(f"{self.kind} {name!r} is registered twice")
        self[name] = self._make(name, function, *args, **kwargs) if self._make else function

    def lookup(self, name: str) -> Any:
        """The entry called ``name``; an unknown name gets a message that lists the known ones."""
        if name not in self:
            raise KeyError(f"unknown {self.kind} {name!r}; known: {sorted(self)}")
        return self[name]
