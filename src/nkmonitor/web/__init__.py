"""The web dashboard and REST API: `create_app` for ASGI servers, `serve` to run it with uvicorn."""

from __future__ import annotations

from nkmonitor.config import Settings


def create_app(db_url: str | None = None, settings: Settings | None = None, web=None):
    from nkmonitor.web.app import create_app as _create

    return _create(db_url, settings, web)


def serve(db_url: str | None = None, host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None,
          web=None, log_level: str = "info") -> None:
    """Serve the dashboard and API with uvicorn until interrupted."""
    import uvicorn

    import threading

    from nkmonitor.web.pages.common import warm_charts

    app = create_app(db_url, settings, web)
    app.state.ctx.store  # open and migrate before the first request, so errors show at start
    threading.Thread(target=warm_charts, args=(app,), daemon=True, name="warm-charts").start()
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)


__all__ = ["create_app", "serve"]
