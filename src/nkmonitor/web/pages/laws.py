"""Pages: laws."""

from fastapi import APIRouter

router = APIRouter()
