"""CLI commands for the web feature: `serve` and `users add|list|disable`."""

from __future__ import annotations

import sys

import typer

from nkmonitor.cli import app
from nkmonitor.cli.common import EXIT_FATAL, EXIT_USAGE, DbOption, JsonOption, emit_json, fail, info
from nkmonitor.errors import BadValue, NkmonitorError

users_app = typer.Typer(help="Dashboard users and roles (viewer, editor, admin).", no_args_is_help=True)
app.add_typer(users_app, name="users")


@app.command()
def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    private: bool = typer.Option(False, "--private", envvar="NKMONITOR_PRIVATE",
                                 help="Require sign-in for every page and API call (default: reading is open)."),
) -> None:
    """Serve the dashboard and the REST API (OpenAPI at /api/docs)."""
    from nkmonitor.web import serve as serve_web
    from nkmonitor.web.app import WebSettings

    try:
        web = WebSettings(private=private)
        info(f"Dashboard: http://{host}:{port}/  API: http://{host}:{port}/api/docs"
             f"{'  (private: sign-in required)' if private else ''}  (Ctrl-C to stop)")
        serve_web(db, host=host, port=port, web=web)
    except NkmonitorError as err:
        fail(str(err), EXIT_FATAL)


def _store(db: str):
    from nkmonitor.store import open_store

    try:
        return open_store(db)
    except NkmonitorError as err:
        fail(str(err), EXIT_FATAL)


@users_app.command("add")
def users_add(
    username: str = typer.Argument(..., help="Sign-in name."),
    role: str = typer.Option("viewer", "--role", help="viewer, editor or admin."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
    db: str = DbOption,
) -> None:
    """Add a user; the password is read from a prompt (or stdin), never from the command line."""
    from nkmonitor.web import auth

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    store = _store(db)
    try:
        user = auth.add_user(store, username, password, role)
    except BadValue as err:
        fail(str(err), EXIT_USAGE)
    info(f"added {user.username} ({user.role})")


@users_app.command("list")
def users_list(db: str = DbOption, json_out: bool = JsonOption) -> None:
    """List users with their roles."""
    from nkmonitor.web import auth

    users = auth.list_users(_store(db))
    if json_out:
        emit_json([u.to_json() for u in users])
        return
    for u in users:
        typer.echo(f"{u.username}\t{u.role}\t{'disabled' if u.disabled else 'active'}\t{u.created_at}")


@users_app.command("disable")
def users_disable(username: str = typer.Argument(...), db: str = DbOption,
                  enable: bool = typer.Option(False, "--enable", help="Re-enable instead.")) -> None:
    """Disable a user (they are signed out at their next request); --enable undoes it."""
    from nkmonitor.web import auth

    try:
        user = auth.set_disabled(_store(db), username, not enable)
    except BadValue as err:
        fail(str(err), EXIT_USAGE)
    info(f"{user.username} is now {'disabled' if user.disabled else 'active'}")
