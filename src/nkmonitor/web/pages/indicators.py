"""Pages: indicators."""

from fastapi import APIRouter

router = APIRouter()
