"""A shared decision aid for painful spine compression fractures.

Importing the package imports no streamlit, YAML or PDF library; see the subpackages:
content (schema and loader), domain (pure rules), report (summary and its renderings), ui (screen).
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
