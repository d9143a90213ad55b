"""The extractor registry: built-ins and plugins register the same way, by name.

A plugin package adds an extractor through the entry-point group
``policy_kg_extractors`` (``name = "package.module:function"``), or by
calling :func:`extractor` at import. A second registration under a name
already taken is an error, not a silent overwrite.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import catalogue

from kg.errors import KGError

if TYPE_CHECKING:
    from kg.extraction.relate.api import Context, Triple

Extractor = Callable[["Context"], Iterable["Triple"]]

_REGISTRY = catalogue.create("policy_kg", "extractors", entry_points=True)


@dataclass(frozen=True)
class Registered:
    name: str
    func: Extractor
    description: str
    late: bool = False   # runs after the others and may read what they found (``ctx.found``)
    order: int = 50      # extractors run by (late, order, name)


def extractor(name: str, *, late: bool = False, order: int = 50) -> Callable[[Extractor], Extractor]:
    """Register the decorated function as the extractor ``name``.

    Extractors run in ``order`` (lower first; built-ins use 10-40), a ``late`` one after all others; what
    earlier ones found is in ``ctx.found`` (roles run first, as possessives such as "his website" read the
    structure statements they find).
    """

    def deco(func: Extractor) -> Extractor:
        if name in _REGISTRY.get_all():
            raise KGError(f"an extractor named '{name}' is already registered; pick another name")
        func.kg_late = late  # type: ignore[attr-defined]
        func.kg_order = order  # type: ignore[attr-defined]
        _REGISTRY.register(name, func=func)
        registered.cache_clear()
        return func

    return deco


@functools.lru_cache(maxsize=1)
def registered() -> dict[str, Registered]:
    """Return every registered extractor (built-ins first, then plugins), by name."""
    out: dict[str, Registered] = {}
    for name, func in _REGISTRY.get_all().items():
        doc = (func.__doc__ or "").strip().splitlines()
        out[name] = Registered(name, func, doc[0] if doc else "", bool(getattr(func, "kg_late", False)),
                               int(getattr(func, "kg_order", 50)))
    return dict(sorted(out.items(), key=lambda kv: (kv[1].late, kv[1].order, kv[0])))
