"""Content: the schema, the loader and the cross-file checks. No streamlit, no rendering."""

from .loader import DEFAULT_CONTENT_DIR, load_content, read_content
from .schema import ContentBundle

__all__ = ["DEFAULT_CONTENT_DIR", "ContentBundle", "load_content", "read_content"]
