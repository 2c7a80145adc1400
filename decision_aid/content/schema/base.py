"""Base classes for wording models: immutable, unknown keys rejected, with a review record."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Reviewed", "Text"]


class Text(BaseModel):
    """Base for wording models: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Reviewed(Text):
    """A wording file with its clinical review record."""

    reviewed_by: str = Field(description="Who last reviewed this file clinically, or a note that nobody has.")
    reviewed_on: dt.date | None = Field(description="Date of that review; null until a clinician reviews it.")
