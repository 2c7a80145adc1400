"""Alembic migrations of the session store (run by `database.upgrade_schema`; see docs/STORAGE.md).

env.py and versions/ are loaded by Alembic from this folder, not imported as modules.
"""

__all__: list[str] = []
