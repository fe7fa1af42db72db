"""Shared API parameters: pagination and as_of."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Query

from nkmonitor.web.app import parse_as_of


@dataclass
class Page:
    limit: int
    offset: int

    def wrap(self, items: list[Any], total: int | None, **extra) -> dict[str, Any]:
        out = {"total": total, "limit": self.limit, "offset": self.offset, "items": items}
        out.update(extra)
        return out


def page(limit: int = Query(50, ge=1, le=500, description="rows per page"),
         offset: int = Query(0, ge=0, description="rows to skip")) -> Page:
    return Page(limit, offset)


def as_of_param(as_of: str | None = Query(None, description="state of play as of this date (YYYY-MM-DD); default today",
                                          examples=["2024-01-01"])) -> str | None:
    return parse_as_of(as_of)


def jsonable(value: Any) -> Any:
    """Records of the library as JSON: their own to_json() first, then dataclasses and models."""
    import dataclasses

    if hasattr(value, "to_json"):
        return value.to_json()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
