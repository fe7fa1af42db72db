"""Pages: posts."""

from fastapi import APIRouter

router = APIRouter()
