"""Entry point: page config, the evidence database, navigation, then the page; and, for the server, the API."""

from evidence.data import loader

# Start loading the data in its child process now, while this process imports pandas, Altair and DuckDB.
loader.start()

import streamlit as st  # noqa: E402

if __name__ != "__main__":
    # `streamlit run app.py` finds `app` here and serves it: this same file as the script of every session, and
    # the API (evidence/api/routes.py) beside it, on the same port. Script runs execute this file as __main__.
    from starlette.middleware import Middleware  # noqa: E402
    from streamlit.runtime.pages_manager import PagesManager  # noqa: E402

    from evidence.api import live_routes  # noqa: E402
    from evidence.api import routes as api  # noqa: E402
    from evidence.server import errors, server_sockets  # noqa: E402
    from evidence.server.security_headers import SecurityHeaders  # noqa: E402

    server_sockets.send_at_once()  # Nagle's algorithm off: 40 ms less on every rerun (server/server_sockets.py)

    # This file declares the views with st.navigation. Until a session has run it once, Streamlit takes the
    # pages/ folder for an old-style multipage app and runs a deep link's page file alone (no page config, no
    # navigation, the files' names in the sidebar): a shared link opened first after a restart looked broken.
    PagesManager.uses_pages_directory = False
    # Every response carries the security headers (evidence/server/security_headers.py); an unexpected error in a
    # view shows a short message with an id, and the server's log holds the trace under that id (server/errors.py).
    app = st.App(__file__, routes=api.routes() + live_routes.routes(), middleware=[Middleware(SecurityHeaders)],
                 on_script_error=errors.show)
else:
    from evidence.content import state  # noqa: E402
    from evidence.data.validate import DataError  # noqa: E402
    from evidence.query.store import database  # noqa: E402
    from evidence.ui.page import ICON, show_data_problems  # noqa: E402
    from evidence.views import VIEWS  # noqa: E402

    PRESENTING = state.is_present(st.query_params.get_all("present"))

    st.set_page_config(
        page_title="SME innovation internationalisation: evidence",
        page_icon=ICON,
        layout="wide",
        initial_sidebar_state="collapsed" if PRESENTING else "auto",
    )

    try:
        database()
    except DataError as err:
        st.title("Internationalisation of Innovation in SMEs")
        show_data_problems(err)
        st.stop()

    def views() -> dict:
        """The views (evidence/views.py), grouped as the sidebar shows them."""
        pages: dict[str, list] = {}
        for view in VIEWS.values():
            pages.setdefault(view.group, []).append(
                st.Page(view.file, title=view.title, icon=view.icon, default=view.key == "overview",
                        url_path="home" if view.key == "overview" else None))
        overview = pages["Explore"][0]

        def overview_by_name() -> None:
            """`/overview`, the view's own name, opens the Overview (served at `/`) with the same parameters."""
            st.switch_page(overview, query_params=st.query_params.to_dict())

        pages["Look up"].append(st.Page(overview_by_name, title="Overview", url_path="overview", visibility="hidden"))
        # Live mode (issue 25): the participant's phone view and the room's results, reached by their links only.
        pages["Look up"] += [
            st.Page("pages/join.py", title="Join a live session", url_path="join", visibility="hidden"),
            st.Page("pages/room.py", title="The room's answers", url_path="room", visibility="hidden")]
        return pages

    # Made once a session, not on every rerun: making a page resolves its file's path (a twentieth of a rerun of
    # the lighter views). Once a session, not once a process: st.navigation marks the page it returns as runnable
    # and its run clears the mark, so two sessions sharing one page object could race on it.
    if "sme-views" not in st.session_state:
        st.session_state["sme-views"] = views()
    page = st.navigation(st.session_state["sme-views"], position="hidden" if PRESENTING else "sidebar")
    page.run()
