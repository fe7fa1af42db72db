"""Helpers the tracking pages share: as_of from the query, the data version and the SVG chart cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable

from fastapi import Request
from sqlalchemy import text

from nkmonitor.web.app import ctx, parse_as_of


def page_as_of(request: Request) -> str | None:
    return parse_as_of(request.query_params.get("as_of"))


def data_version(store) -> tuple[int, int, int]:
    """Changes when a review decision, an analysis or a document is stored: the key results are cached under.

    Three max(id) lookups on primary keys: microseconds, whatever the size of the archive.
    """
    with store.connect(write=False) as conn:
        row = conn.execute(text("SELECT (SELECT coalesce(max(id), 0) FROM review_log), "
                                "(SELECT coalesce(max(id), 0) FROM analyses), "
                                "(SELECT coalesce(max(id), 0) FROM documents)")).one()
    return int(row[0]), int(row[1]), int(row[2])


class ResultCache:
    """Results by (name, as_of, data version, ...): rendered SVG charts (Vega takes 100-800 ms) and
    the slower tracking results (indicators, recommendations). Values are shared: never mutate them."""

    def __init__(self, size: int = 128):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, make: Callable[[], str]) -> str:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        svg = make()  # outside the lock: two first requests may both render, never block each other
        with self._lock:
            self._items[key] = svg
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return svg


def chart(request: Request, name: str, as_of: str | None, make: Callable[[], str], *extra: Any) -> str:
    return memo(request, "chart:" + name, as_of, make, *extra)


def memo(request: Request, name: str, as_of: str | None, make: Callable[[], Any], *extra: Any) -> Any:
    """`make()` once per (name, as_of, extra) until a review decision or analysis changes the data."""
    c = ctx(request)
    return request.app.state.results.get((name, as_of, data_version(c.store), *extra), make)


def warm_charts(app) -> None:
    """Compute today's charts and slow results once at start-up, so the first visitor does not wait seconds."""
    import logging

    from starlette.requests import Request as StarletteRequest

    from nkmonitor.web.pages import indicators, overview, posts, recommendations, un_votes

    jobs = [("/", overview.overview, {}), ("/posts", posts.posts, {}), ("/un-votes", un_votes.un_votes, {}),
            ("/indicators", indicators.indicators, {"by": "year"}),
            ("/recommendations", recommendations.recommendations,
             {"addressee": None, "status": None, "action": None, "reviewed": None, "limit": 25, "offset": 0})]
    for path, handler, kwargs in jobs:
        scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
                 "headers": [], "app": app, "session": {}, "server": ("localhost", 0), "scheme": "http",
                 "root_path": "", "client": None, "state": {}}
        try:
            handler(StarletteRequest(scope), **kwargs)
        except Exception:  # warming is an optimisation; a failure shows up on the real request
            logging.getLogger("nkmonitor.web").exception("warming %s failed", path)
