"""Pages: un_votes."""

from fastapi import APIRouter

router = APIRouter()
