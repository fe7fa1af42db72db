"""API: a readable reference of the API, rendered server-side from the OpenAPI description."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(tags=["reference"])


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    # Swagger UI would need a CDN or a vendored JS bundle; a server-rendered page of the
    # same OpenAPI document keeps the site free of third-party script and offline-ready.
    from nkmonitor.web.app import render

    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "tag": (op.get("tags") or ["other"])[0],
                        "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                    "description": p.get("description", ""),
                                    "type": (p.get("schema") or {}).get("type")
                                    or " | ".join(s.get("type", "") for s in (p.get("schema") or {}).get("anyOf", []) if s.get("type") != "null")}
                                   for p in op.get("parameters", [])]})
    return render(request, "api_docs.html", {"title": "API reference", "spec": spec, "ops": ops})
