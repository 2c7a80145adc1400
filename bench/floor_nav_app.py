"""The floor for changing step: a trivial two-page app whose only widget, a Next button, switches page."""

import streamlit as st


def make(number: int, other: int):  # type: ignore[no-untyped-def]
    def page() -> None:
        st.title(f"Floor page {number}")
        if st.button("Next", key=f"next{number}"):
            st.switch_page(pages[other])

    page.__name__ = f"page{number}"
    return page


pages = [
    st.Page(make(0, 1), title="One", url_path="one", default=True),
    st.Page(make(1, 0), title="Two", url_path="two"),
]
st.navigation(pages, position="hidden").run()
