"""Entry point: page config, the evidence database, navigation, then the page."""

from evidence import loader

# Start loading the data in its child process now, while this process imports pandas, Altair and DuckDB.
loader.start()

import streamlit as st  # noqa: E402

if __name__ != "__main__":
    # `streamlit run app.py` finds `app` here and serves it: this same file as the script of every session, and
    # the API (evidence/api.py) beside it, on the same port. Script runs execute this file as __main__.
    from evidence import api  # noqa: E402

    app = st.App(__file__, routes=api.routes())
else:
    from evidence import state  # noqa: E402
    from evidence.ui import database, show_data_problems  # noqa: E402
    from evidence.validate import DataError  # noqa: E402

    PRESENTING = state.is_present(st.query_params.get_all("present"))

    st.set_page_config(
        page_title="SME innovation internationalisation: evidence",
        page_icon="assets/icon.png",
        layout="wide",
        initial_sidebar_state="collapsed" if PRESENTING else "auto",
    )

    try:
        database()
    except DataError as err:
        st.title("Internationalisation of Innovation in SMEs")
        show_data_problems(err)
        st.stop()

    pages = {
        "Explore": [
            st.Page("pages/overview.py", title="Overview", icon=":material/insights:", default=True),
            st.Page("pages/case_studies.py", title="Case studies", icon=":material/apartment:"),
            st.Page("pages/expert_survey.py", title="Expert survey", icon=":material/forum:"),
            st.Page("pages/policy.py", title="Policy", icon=":material/account_balance:"),
            st.Page("pages/workshop.py", title="Workshop", icon=":material/groups:"),
        ],
        "Look up": [
            st.Page("pages/search.py", title="Evidence search", icon=":material/search:"),
            st.Page("pages/data.py", title="Data", icon=":material/database:"),
        ],
    }
    page = st.navigation(pages, position="hidden" if PRESENTING else "sidebar")
    page.run()
