"""Users, roles, argon2 password hashes and the sign-in rate limit (tables users, login_attempts)."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import text

from nkmonitor.errors import AuthError, BadValue

ROLES = ("viewer", "editor", "admin")
RANK = {role: i for i, role in enumerate(ROLES)}

# argon2-cffi defaults (RFC 9106 low-memory profile): about 50 ms per hash on one core.
_hasher = PasswordHasher()
# Verifying against this when the user does not exist keeps the timing of "no such user"
# and "wrong password" alike, so sign-in does not reveal which usernames exist.
_DUMMY_HASH = _hasher.hash("not a real password")


class SignInRefused(AuthError):
    code = "NK-AU-001"
    status = 401


class TooManyAttempts(AuthError):
    code = "NK-AU-002"
    status = 429


class NotAllowed(AuthError):
    code = "NK-AU-003"
    status = 403


class SignInRequired(AuthError):
    code = "NK-AU-004"
    status = 401


class CsrfRefused(AuthError):
    code = "NK-AU-005"
    status = 403


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    disabled: bool = False
    created_at: str | None = None

    def can(self, role: str) -> bool:
        return not self.disabled and RANK[self.role] >= RANK[role]

    def to_json(self) -> dict:
        return {"id": self.id, "username": self.username, "role": self.role,
                "disabled": self.disabled, "created_at": self.created_at}


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


@contextmanager
def _tx(store, write: bool = False):
    """A transaction on the store's database (the store owns the engine and its set-up)."""
    with store.connect(write=write) as conn:
        yield conn


def _row_user(row) -> User:
    return User(id=row.id, username=row.username, role=row.role, disabled=bool(row.disabled),
                created_at=row.created_at)


def _check_username(username: str) -> str:
    name = (username or "").strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise BadValue("a username is 1-64 characters without spaces", subject=repr(username))
    return name


def add_user(store, username: str, password: str, role: str = "viewer") -> User:
    """Create a user with an argon2 hash of the password."""
    name = _check_username(username)
    if role not in ROLES:
        raise BadValue(f"unknown role {role!r}", hint="use viewer, editor or admin")
    if len(password or "") < 8:
        raise BadValue("the password is shorter than 8 characters", subject=name)
    digest = _hasher.hash(password)
    with _tx(store, write=True) as conn:
        exists = conn.execute(text("SELECT 1 FROM users WHERE username = :u"), {"u": name}).first()
        if exists:
            raise BadValue("this user already exists", subject=name, hint="pick another name")
        conn.execute(text("INSERT INTO users (username, password_hash, role, created_at, disabled) "
                          "VALUES (:u, :h, :r, :t, :d)"),
                     {"u": name, "h": digest, "r": role, "t": _iso(_now()), "d": False})
    return get_user(store, name)


def get_user(store, username: str) -> User:
    with _tx(store) as conn:
        row = conn.execute(text("SELECT id, username, role, disabled, created_at FROM users WHERE username = :u"),
                           {"u": username}).first()
    if row is None:
        raise BadValue("no such user", subject=username)
    return _row_user(row)


def user_by_id(store, user_id: int) -> User | None:
    with _tx(store) as conn:
        row = conn.execute(text("SELECT id, username, role, disabled, created_at FROM users WHERE id = :i"),
                           {"i": user_id}).first()
    return _row_user(row) if row else None


def list_users(store) -> list[User]:
    with _tx(store) as conn:
        rows = conn.execute(text("SELECT id, username, role, disabled, created_at FROM users ORDER BY username")).all()
    return [_row_user(r) for r in rows]


def set_disabled(store, username: str, disabled: bool = True) -> User:
    with _tx(store, write=True) as conn:
        done = conn.execute(text("UPDATE users SET disabled = :d WHERE username = :u"),
                            {"d": disabled, "u": username})
        if done.rowcount == 0:
            raise BadValue("no such user", subject=username)
    return get_user(store, username)


@dataclass(frozen=True)
class RateLimit:
    """At most `failures` failed sign-ins per username and per IP within `window` minutes."""

    failures: int = 5
    window_minutes: int = 15


def _recent_failures(conn, column: str, value: str, since: str) -> int:
    return conn.execute(text(f"SELECT count(*) FROM login_attempts WHERE {column} = :v AND at >= :s AND ok = :f"),
                        {"v": value, "s": since, "f": False}).scalar_one()


def authenticate(store, username: str, password: str, ip: str | None, limit: RateLimit = RateLimit()) -> User:
    """Check a password; every attempt is logged and too many recent failures refuse early (429)."""
    name = (username or "").strip()[:64]
    now = _now()
    since = _iso(now - timedelta(minutes=limit.window_minutes))
    with _tx(store) as conn:
        by_user = _recent_failures(conn, "username", name, since)
        by_ip = _recent_failures(conn, "ip", ip, since) if ip else 0
        row = conn.execute(text("SELECT id, username, role, disabled, created_at, password_hash FROM users "
                                "WHERE username = :u"), {"u": name}).first()
    if by_user >= limit.failures or by_ip >= limit.failures * 4:
        # The IP allowance is wider because colleagues may share an office NAT.
        raise TooManyAttempts(f"too many failed sign-ins; try again in {limit.window_minutes} minutes")
    ok = False
    try:
        ok = _hasher.verify(row.password_hash if row else _DUMMY_HASH, password or "") and row is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if ok and row.disabled:
        ok = False
    with _tx(store, write=True) as conn:
        conn.execute(text("INSERT INTO login_attempts (username, ip, at, ok) VALUES (:u, :i, :t, :o)"),
                     {"u": name, "i": ip, "t": _iso(now), "o": ok})
        if ok and _hasher.check_needs_rehash(row.password_hash):
            conn.execute(text("UPDATE users SET password_hash = :h WHERE id = :i"),
                         {"h": _hasher.hash(password), "i": row.id})
    if not ok:
        raise SignInRefused("wrong username or password")
    return _row_user(row)
