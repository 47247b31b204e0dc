"""Attachments of appeals: the platform's shared rule (`nkohub.core.attachments`)."""

from nkohub.core.attachments import (
    ALLOWED,
    MAX_FILE_SIZE,
    MAX_FILES,
    MultipleFileField,
    validate_attachment,
    validate_attachments,
)

__all__ = [
    "ALLOWED",
    "MAX_FILES",
    "MAX_FILE_SIZE",
    "MultipleFileField",
    "validate_attachment",
    "validate_attachments",
]
