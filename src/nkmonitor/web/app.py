"""The one place the web app is wired together: settings, store, pack, middleware, routers."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from nkmonitor import __version__
from nkmonitor.config import Settings, get_settings
from nkmonitor.errors import BadValue
from nkmonitor.web import auth
from nkmonitor.web.security import SecurityHeaders, csrf_ok, csrf_token, install_error_handlers, new_nonce

HERE = Path(__file__).parent


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class WebSettings:
    """Web-only settings; each has an environment variable so `nkmonitor demo` needs no flags."""

    # NKMONITOR_PRIVATE=1: every page and API call needs a signed-in user.
    private: bool = field(default_factory=lambda: _flag("NKMONITOR_PRIVATE"))
    # Signs session cookies. Unset: a random key per process (sessions end at restart).
    secret_key: str = field(default_factory=lambda: os.environ.get("NKMONITOR_SECRET_KEY") or secrets.token_hex(32))
    # NKMONITOR_COOKIE_SECURE=1 behind HTTPS: the browser sends the cookie over HTTPS only.
    cookie_secure: bool = field(default_factory=lambda: _flag("NKMONITOR_COOKIE_SECURE"))
    session_hours: int = 12
    rate_limit: auth.RateLimit = field(default_factory=auth.RateLimit)


class WebContext:
    """What every request handler needs: the store, the pack and the settings (opened once)."""

    def __init__(self, db_url: str, settings: Settings, web: WebSettings):
        self.db_url = db_url
        self.settings = settings
        self.web = web

    @cached_property
    def store(self):
        from nkmonitor.store import open_store

        return open_store(self.db_url)

    @cached_property
    def pack(self):
        from nkmonitor.pack import load_pack

        return load_pack()


def parse_as_of(value: str | None) -> str | None:
    """`?as_of=YYYY-MM-DD` (also YYYY-MM, YYYY) checked, or None for today."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        elif len(value) == 7:
            date.fromisoformat(value + "-01")
        elif len(value) == 4 and value.isdigit():
            pass
        else:
            raise ValueError
    except ValueError:
        raise BadValue("as_of must be a date like 2024-01-01", subject=value) from None
    return value


# --- request dependencies ------------------------------------------------------------

def ctx(request: Request) -> WebContext:
    return request.app.state.ctx


def current_user(request: Request) -> auth.User | None:
    """The signed-in user, re-read from the database so a disabled account stops at once."""
    if hasattr(request.state, "user"):  # looked up once per request
        return request.state.user
    user = None
    uid = request.session.get("uid")
    if uid is not None:
        user = auth.user_by_id(ctx(request).store, uid)
        if user is None or user.disabled:
            request.session.clear()
            user = None
    request.state.user = user
    return user


def require_reader(request: Request) -> auth.User | None:
    """Reading is open unless the site is private."""
    user = current_user(request)
    if ctx(request).web.private and user is None:
        raise auth.SignInRequired("this site is private: sign in to read it")
    return user


def require_editor(request: Request) -> auth.User:
    user = current_user(request)
    if user is None:
        raise auth.SignInRequired("sign in as an editor to change anything")
    if not user.can("editor"):
        raise auth.NotAllowed("this needs the editor role", subject=user.username)
    return user


def session_csrf(request: Request) -> str:
    """The CSRF token of this session (creating the session nonce on first use)."""
    nonce = request.session.get("nonce")
    if not nonce:
        nonce = request.session["nonce"] = new_nonce()
    return csrf_token(ctx(request).web.secret_key, nonce)


async def check_csrf(request: Request) -> None:
    """Every state-changing request carries the token: form field or X-CSRF-Token header."""
    token = request.headers.get("x-csrf-token")
    if token is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        token = form.get("csrf_token")
    if not csrf_ok(ctx(request).web.secret_key, request.session.get("nonce"), token):
        raise auth.CsrfRefused("missing or wrong CSRF token; reload the page and try again")


# --- templates ---------------------------------------------------------------------------

NAV = [("/", "Overview"), ("/posts", "Posts"), ("/laws", "Laws & mandates"), ("/un-votes", "UN votes"),
       ("/recommendations", "Recommendations"), ("/indicators", "Indicators"), ("/documents", "Documents"),
       ("/review", "Review")]


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(str(url)).hostname or str(url)
    return host.removeprefix("www.").removeprefix("m.")


def make_templates() -> Jinja2Templates:
    # Jinja2Templates turns autoescape on for .html: every value from a document is escaped.
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.globals.update(nav=NAV, version=__version__)
    env.filters["q"] = lambda v: quote(str(v), safe="")
    env.filters["host"] = _host
    from nkmonitor.web.format import duration

    env.globals["duration"] = duration
    return templates


def render(request: Request, name: str, context: dict, status_code: int = 200):
    """Render a page with the layout's context (user, CSRF token, navigation, as_of)."""
    user = current_user(request)
    base = {"user": user, "csrf": session_csrf(request), "path": request.url.path,
            "as_of": request.query_params.get("as_of") or "", "private": ctx(request).web.private}
    base.update(context)
    return request.app.state.templates.TemplateResponse(request, name, base, status_code=status_code)


# --- the app -----------------------------------------------------------------------------

def create_app(db_url: str | None = None, settings: Settings | None = None,
               web: WebSettings | None = None) -> FastAPI:
    """The FastAPI app: JSON API under /api (OpenAPI at /api/docs) and the pages."""
    settings = settings or get_settings()
    db_url = db_url or settings.db
    web = web or WebSettings()
    app = FastAPI(title="nkmonitor API", version=__version__,
                  description="Evidence-linked monitor of North Korean human-rights policy. "
                              "Reading is open unless the site is private; changes need an editor "
                              "session and the X-CSRF-Token header (GET /api/session).",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.ctx = WebContext(db_url, settings, web)
    app.state.templates = make_templates()
    from nkmonitor.web.pages.common import ResultCache

    app.state.results = ResultCache()

    install_error_handlers(app)
    app.add_middleware(SessionMiddleware, secret_key=web.secret_key, session_cookie="nkmonitor_session",
                       max_age=web.session_hours * 3600, same_site="lax", https_only=web.cookie_secure)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    from nkmonitor.web import api, pages

    reader = [Depends(require_reader)]
    app.include_router(api.session_router, prefix="/api")
    app.include_router(api.router, prefix="/api", dependencies=reader)
    app.include_router(pages.account_router)
    app.include_router(pages.router, dependencies=reader)
    return app
