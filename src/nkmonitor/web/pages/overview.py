"""Pages: overview."""

from fastapi import APIRouter

router = APIRouter()
