"""The JSON API under /api: one router per resource, all thin over library functions."""

from fastapi import APIRouter

from nkmonitor.web.api import documents, reference, review, session, tracking

session_router = session.router
router = APIRouter()
for module in (documents, review, tracking, reference):
    router.include_router(module.router)
