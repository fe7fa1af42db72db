"""Security plumbing for the web app: headers, CSRF tokens, problem-details errors."""

from __future__ import annotations

import hmac
import logging
import secrets
from hashlib import sha256

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware

from nkmonitor.errors import (AuthError, BadValue, InputError, NkmonitorError, QueryError, ReviewRefused,
                              StoreError)

log = logging.getLogger("nkmonitor.web")

# No inline script or style anywhere: pages load /static/*.css and *.js only, and SVG charts
# are inlined markup without scripts. 'unsafe-inline' for style-src is not needed either.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
# The OpenAPI explorer (Swagger UI) needs its own bundle; served only on /api/docs.
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


class SecurityHeaders(BaseHTTPMiddleware):
    """Adds the security headers to every response (pages, API and static files)."""

    async def dispatch(self, request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/") or request.url.path in ("/signin",):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


# --- CSRF ------------------------------------------------------------------------------
# Synchronizer token tied to the session: token = HMAC(secret, session nonce). Forms carry
# it in a hidden field, API clients in the X-CSRF-Token header (read from /api/session).

def new_nonce() -> str:
    return secrets.token_urlsafe(24)


def csrf_token(secret: str, nonce: str) -> str:
    return hmac.new(secret.encode(), f"csrf:{nonce}".encode(), sha256).hexdigest()


def csrf_ok(secret: str, nonce: str | None, token: str | None) -> bool:
    if not nonce or not token:
        return False
    return hmac.compare_digest(csrf_token(secret, nonce), token)


# --- errors as RFC 9457 problem details --------------------------------------------------

# Codes that mean "no such thing" whatever their class.
STATUS_BY_CODE = {"NK-RV-001": 404}
STATUS_BY_ERROR: list[tuple[type[NkmonitorError], int]] = [
    (BadValue, 400), (QueryError, 400), (InputError, 400), (ReviewRefused, 409),
    (AuthError, 403), (StoreError, 503),
]

TITLES = {400: "Bad request", 401: "Sign-in required", 403: "Forbidden", 404: "Not found",
          405: "Method not allowed", 409: "Conflict", 422: "Invalid parameters",
          429: "Too many attempts", 500: "Internal error", 503: "Database unavailable"}


def status_for(err: NkmonitorError) -> int:
    status = getattr(err, "status", None)
    if status:
        return status
    if err.code in STATUS_BY_CODE:
        return STATUS_BY_CODE[err.code]
    for cls, code in STATUS_BY_ERROR:
        if isinstance(err, cls):
            return code
    return 400


class NotFound(BadValue):
    """An id in the URL names nothing (404 rather than 400)."""

    status = 404


def get_or_404(fetch, *args, **kwargs):
    """Call a library lookup; its BadValue for an unknown id becomes a 404."""
    try:
        return fetch(*args, **kwargs)
    except NotFound:
        raise
    except BadValue as err:
        raise NotFound(err.message, code=err.code, hint=err.hint, subject=err.subject) from None


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def problem(request: Request, status: int, detail: str, code: str | None = None, **extra) -> JSONResponse:
    body = {"type": "about:blank", "title": TITLES.get(status, "Error"), "status": status,
            "detail": detail, "instance": request.url.path}
    if code:
        body["code"] = code
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


def _render_error(request: Request, status: int, detail: str, code: str | None = None):
    """HTML error page for browsers, problem+json for everyone else."""
    if wants_html(request):
        from nkmonitor.web.app import render

        try:
            return render(request, "error.html", {
                "status": status, "title": TITLES.get(status, "Error"), "detail": detail, "code": code},
                status_code=status)
        except Exception:  # never let the error page itself leak a trace
            log.exception("error page failed")
            return HTMLResponse(f"<!doctype html><title>{status}</title><h1>{status} {TITLES.get(status, 'Error')}</h1>",
                                status_code=status)
    return problem(request, status, detail, code)


def install_error_handlers(app) -> None:
    @app.exception_handler(NkmonitorError)
    async def _nk(request: Request, err: NkmonitorError):
        status = status_for(err)
        if status == 401 and wants_html(request):
            from fastapi.responses import RedirectResponse
            from urllib.parse import quote
            return RedirectResponse(f"/signin?next={quote(request.url.path)}", status_code=303)
        return _render_error(request, status, str(err), err.code)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException):
        detail = err.detail if isinstance(err.detail, str) else TITLES.get(err.status_code, "Error")
        resp = _render_error(request, err.status_code, detail)
        for k, v in (err.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, err: RequestValidationError):
        errors = [{"loc": list(e.get("loc", [])), "msg": e.get("msg", "")} for e in err.errors()]
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in errors)
        if wants_html(request):
            return _render_error(request, 422, detail)
        return problem(request, 422, detail, errors=errors)

    @app.exception_handler(Exception)
    async def _internal(request: Request, err: Exception):
        # The trace goes to the server log only; the client gets an opaque reference.
        ref = secrets.token_hex(4)
        log.exception("internal error %s on %s", ref, request.url.path)
        return _render_error(request, 500, f"Something went wrong on our side (reference {ref}).")
