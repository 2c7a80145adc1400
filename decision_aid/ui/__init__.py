"""The screen: the only package that imports streamlit. Entry point: decision_aid.ui.app.run()."""

__all__: list[str] = []
