"""One file per schema revision, oldest first. Never edit a released revision: add a new one."""

__all__: list[str] = []
