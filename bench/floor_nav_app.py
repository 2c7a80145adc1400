"""The floor for changing step: a trivial multipage app, one widget a page, laid out like the aid.

Nine pages ("Floor step 1 of 9" ... "9 of 9"), each with a single widget: a Next button whose
callback calls st.switch_page, as the decision aid's Next does (so a click is the same one script
run, of the new page), and on the last page a download button whose data is a callable
(deferred, as the aid's PDF). The click measure uses it as the like-for-like floor for Next; the
load test runs the same 25 patients through it, to show what the harness and Streamlit alone cost.
"""

import streamlit as st

STEPS = 9


def make(number: int):  # type: ignore[no-untyped-def]
    def page() -> None:
        st.title(f"Floor step {number} of {STEPS}")
        if number < STEPS:
            st.button("Next", key=f"next{number}", on_click=st.switch_page, args=(pages[number],))
        else:
            st.download_button(
                "Download summary (PDF)",
                data=lambda: b"%PDF-1.4\n% floor\n%%EOF\n",
                file_name="floor.pdf",
                mime="application/pdf",
                on_click="ignore",
                key="download",
            )

    page.__name__ = f"page{number}"
    return page


pages = [
    st.Page(make(n), title=f"Step {n}", url_path="one" if n == 1 else f"step{n}", default=n == 1)
    for n in range(1, STEPS + 1)
]
st.navigation(pages, position="hidden").run()
