"""Pages: sign in and sign out (forms with CSRF tokens; the rate limit lives in web.auth)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from nkmonitor.web import auth
from nkmonitor.web.api.session import client_ip, start_session
from nkmonitor.web.app import check_csrf, ctx, render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    # Only same-site paths: an open redirect would let a link send a user elsewhere after sign-in.
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/signin")
def signin_form(request: Request, next: str | None = None):
    return render(request, "signin.html", {"title": "Sign in", "next": _safe_next(next), "username": ""})


@router.post("/signin", dependencies=[Depends(check_csrf)])
def signin(request: Request, username: str = Form(...), password: str = Form(...), next: str = Form("/")):
    c = ctx(request)
    try:
        user = auth.authenticate(c.store, username, password, client_ip(request), c.web.rate_limit)
    except (auth.SignInRefused, auth.TooManyAttempts) as err:
        status = 429 if isinstance(err, auth.TooManyAttempts) else 401
        return render(request, "signin.html", {"title": "Sign in", "next": _safe_next(next), "username": username,
                                               "error": err.message}, status_code=status)
    start_session(request, user)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/signout", dependencies=[Depends(check_csrf)])
def signout(request: Request):
    request.session.clear()
    return RedirectResponse("/", status_code=303)
