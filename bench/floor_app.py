"""The floor: a trivial one-widget Streamlit app, measured in the same run as the decision aid."""

import streamlit as st

st.title("Floor")
clicks = st.session_state.setdefault("clicks", 0)
if st.button("Next", key="next"):
    st.session_state["clicks"] = clicks + 1
st.markdown(f"Clicks: {st.session_state['clicks']}")
