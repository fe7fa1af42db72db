"""The one exception tree of nkmonitor; every error carries a code and says what to do.

    NkmonitorError
    ├── InputError            a file, row, id or date given by the user is unusable
    │   ├── UnsupportedInput      (NK-IN-001) no reader for this kind of file
    │   ├── CorruptInput          (NK-IN-002) the reader could not parse it
    │   ├── InputTooLarge         (NK-IN-003) over the configured size limit
    │   ├── EmptyInput            (NK-IN-004) no text could be read
    │   ├── SidecarError          (NK-IN-005) the metadata sidecar is invalid
    │   └── BadValue              (NK-IN-006) an unknown id or an impossible date
    ├── StoreError            the database refused or is unreachable (NK-DB-xxx)
    │   └── QueryError            (NK-DB-002) a malformed search query
    ├── PackError             the knowledge pack is invalid (NK-PK-xxx)
    ├── ReviewRefused         a review decision would break the record (NK-RV-xxx)
    └── AuthError             sign-in or permission failure (NK-AU-xxx)
"""

from __future__ import annotations


class NkmonitorError(Exception):
    code = "NK-000"

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None, subject: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.hint = hint
        self.subject = subject  # the file, id or query the error is about

    def __str__(self) -> str:
        parts = [f"[{self.code}]"]
        if self.subject:
            parts.append(f"{self.subject}:")
        parts.append(self.message)
        if self.hint:
            parts.append(f"({self.hint})")
        return " ".join(parts)


class InputError(NkmonitorError):
    code = "NK-IN-000"


class UnsupportedInput(InputError):
    code = "NK-IN-001"


class CorruptInput(InputError):
    code = "NK-IN-002"


class InputTooLarge(InputError):
    code = "NK-IN-003"


class EmptyInput(InputError):
    code = "NK-IN-004"


class SidecarError(InputError):
    code = "NK-IN-005"


class BadValue(InputError):
    code = "NK-IN-006"


class StoreError(NkmonitorError):
    code = "NK-DB-001"


class QueryError(StoreError):
    code = "NK-DB-002"


class PackError(NkmonitorError):
    code = "NK-PK-000"


class ReviewRefused(NkmonitorError):
    code = "NK-RV-000"


class AuthError(NkmonitorError):
    code = "NK-AU-000"
