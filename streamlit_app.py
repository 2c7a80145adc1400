"""Entry point: `streamlit run streamlit_app.py` (Streamlit puts only this folder on sys.path)."""

from decision_aid.ui.app import run

run()
