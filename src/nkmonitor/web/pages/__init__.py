"""Server-rendered pages: one module per page, each thin over library functions."""

from fastapi import APIRouter

from nkmonitor.web.pages import (account, documents, indicators, laws, overview, posts, recommendations, review,
                                 un_votes)

account_router = account.router
router = APIRouter(include_in_schema=False)
for module in (overview, posts, laws, un_votes, recommendations, indicators, documents, review):
    router.include_router(module.router)
