"""Pages: recommendations."""

from fastapi import APIRouter

router = APIRouter()
