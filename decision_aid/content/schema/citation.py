"""Model of content/citations.yaml: the primary publications the content cites."""

from __future__ import annotations

import re

from pydantic import Field, field_validator, model_validator

from .structure import Frozen

__all__ = ["Citation"]


class Citation(Frozen):
    """A primary publication, identified by DOI or PMID (a publisher URL only until one is confirmed)."""

    short: str = Field(description="Short label shown beside facts, e.g. 'Firanescu 2018'.")
    authors: str = Field(description="Authors as cited (first authors, et al).")
    title: str = Field(description="Title of the publication.")
    journal: str = Field(description="Journal or publisher.")
    year: int = Field(ge=1900, le=2100, description="Year of publication.")
    volume: str | None = Field(default=None, description="Volume(issue):pages or article number.")
    doi: str | None = Field(default=None, description="DOI, without the https://doi.org/ prefix.")
    pmid: str | None = Field(default=None, pattern=r"^\d{1,9}$", description="PubMed id.")
    url: str | None = Field(
        default=None,
        pattern=r"^https://\S+$",
        description="The article's page at its publisher, when neither DOI nor PMID could be confirmed.",
    )
    registry: str | None = Field(default=None, description="Trial registration, e.g. 'NCT00323609'.")
    design: str = Field(description="Study design, e.g. 'sham-controlled RCT', 'meta-analysis'.")
    industry_funded: bool = Field(default=False, description="True when a maker of the devices paid for the study.")

    @field_validator("doi")
    @classmethod
    def _doi_shape(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^10\.\d{4,9}/\S+$", value):
            raise ValueError("a DOI starts with '10.' and has no spaces or URL prefix")
        return value

    @model_validator(mode="after")
    def _has_identifier(self) -> Citation:
        if not (self.doi or self.pmid or self.url):
            raise ValueError("a citation needs a doi or a pmid (or, until one is confirmed, a url)")
        return self
