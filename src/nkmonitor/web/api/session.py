"""Sign-in state for API clients: who am I, the CSRF token, sign in and out."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from nkmonitor.web import auth
from nkmonitor.web.app import check_csrf, ctx, current_user, session_csrf
from nkmonitor.web.security import new_nonce

router = APIRouter(tags=["session"])


class Credentials(BaseModel):
    username: str
    password: str


@router.get("/session", summary="The signed-in user (or null) and this session's CSRF token")
def get_session(request: Request) -> dict:
    user = current_user(request)
    return {"user": user.to_json() if user else None, "csrf_token": session_csrf(request),
            "private": ctx(request).web.private}


@router.post("/session", summary="Sign in (send X-CSRF-Token from GET /api/session)",
             dependencies=[Depends(check_csrf)])
def sign_in(request: Request, body: Credentials) -> dict:
    c = ctx(request)
    user = auth.authenticate(c.store, body.username, body.password, client_ip(request), c.web.rate_limit)
    start_session(request, user)
    return {"user": user.to_json(), "csrf_token": session_csrf(request)}


@router.delete("/session", summary="Sign out", dependencies=[Depends(check_csrf)])
def sign_out(request: Request) -> dict:
    request.session.clear()
    return {"user": None}


def client_ip(request: Request) -> str | None:
    # The direct peer only: X-Forwarded-For is client-controlled unless a proxy we trust sets it.
    return request.client.host if request.client else None


def start_session(request: Request, user: auth.User) -> None:
    """A fresh session on sign-in (new nonce, so a token planted before sign-in is useless)."""
    request.session.clear()
    request.session["uid"] = user.id
    request.session["nonce"] = new_nonce()
    request.state.user = user
