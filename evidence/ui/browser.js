// What runs in the reader's browser, installed once per tab (evidence/ui/browser.py). Nothing here is built from
// data and nothing is fetched: it reads the address bar, remembers scroll positions, and maps clicker keys.
(function () {
  // The app's styles (assets/app.css) live in the document's head, so the runs after the first send nothing.
  if (window.smeAppStyles && !document.getElementById("sme-app-styles")) {
    const style = document.createElement("style");
    style.id = "sme-app-styles";
    style.textContent = window.smeAppStyles;
    document.head.appendChild(style);
  }
  if (window.smeEvidence) { window.smeEvidence.refresh(); return; }

  const STORE = "sme-evidence-scroll";
  const main = () => document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
  const here = () => location.pathname + location.search;
  const saved = () => { try { return JSON.parse(sessionStorage.getItem(STORE) || "{}"); } catch (e) { return {}; } };
  const remember = () => {
    const all = saved();
    all[here()] = main().scrollTop;
    try { sessionStorage.setItem(STORE, JSON.stringify(all)); } catch (e) { /* private mode: no memory */ }
  };

  // Back and forth: every new entry in the history first records where the reader was on the old one.
  const push = history.pushState.bind(history);
  history.pushState = function (state, title, url) { remember(); push(state, title, url); refresh(); };
  const replace = history.replaceState.bind(history);
  history.replaceState = function (state, title, url) { replace(state, title, url); refresh(); };

  // On Back or Forward, Streamlit reruns the view from the URL; once it has drawn, go back to the old place.
  let restoring = null;
  const stopRestoring = () => { if (restoring) { clearInterval(restoring); restoring = null; } };
  window.addEventListener("popstate", () => {
    stopRestoring();
    refresh();
    const target = saved()[here()] || 0;
    const started = Date.now();
    let seenRun = false;
    restoring = setInterval(() => {
      const app = document.querySelector('[data-testid="stApp"]');
      const running = app && app.getAttribute("data-test-script-state") === "running";
      seenRun = seenRun || running;
      const element = main();
      const room = element.scrollHeight - element.clientHeight;
      if (!running && (seenRun || Date.now() - started > 1500) && room >= target - 2) {
        element.scrollTop = target;
        if (Date.now() - started > 600) stopRestoring();
      }
      if (Date.now() - started > 6000) { element.scrollTop = Math.min(target, room); stopRestoring(); }
    }, 100);
  });
  ["wheel", "touchstart", "keydown", "mousedown"].forEach((name) => window.addEventListener(name, stopRestoring, true));

  // The share box shows the address bar as it is now (filters, selections, the slide, the query), every moment,
  // without the presenter's secret of a live session (SECRET_PARAMS in evidence/content/state.py).
  function shareable() {
    const url = new URL(location.href);
    url.searchParams.delete("host");
    return url.href;
  }
  function refresh() {
    const link = shareable();
    document.querySelectorAll("input.sme-share-link").forEach((box) => {
      if (box.value !== link) box.value = link;
    });
  }
  setInterval(refresh, 400);

  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("button.sme-share-copy");
    if (!button) return;
    const box = button.parentElement.querySelector("input.sme-share-link");
    const status = button.parentElement.querySelector(".sme-share-status");
    refresh();
    const done = (ok) => { status.textContent = ok ? "Copied." : "Select the link and copy it (Ctrl+C)."; };
    const fallback = () => { box.select(); let ok = false; try { ok = document.execCommand("copy"); } catch (e) { ok = false; } done(ok); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(() => done(true), fallback);
    } else {
      fallback();
    }
  });

  // A presentation clicker sends PageDown / PageUp; Space also moves on. Each key presses the slide button
  // Streamlit already binds to the arrow keys (shortcut=), so there is one way to change slides. The clicker's keys
  // work wherever the focus is (on the Next button the mouse just clicked, on the page), except in a text field,
  // where they edit or scroll the text. Space keeps its own meaning on a control (it presses a focused button).
  const CLICKER = { PageDown: "next", " ": "next", PageUp: "previous" };
  const NOT_TEXT = ["button", "checkbox", "radio", "range", "file", "reset", "submit", "color", "image"];
  const CONTROL = 'button, a[href], summary, input, select, textarea, [contenteditable="true"], [role="button"], '
    + '[role="switch"], [role="checkbox"], [role="radio"], [role="tab"], [role="option"], [role="menuitem"], '
    + '[role="slider"], [role="combobox"]';
  const inText = (target) => !!target && (target.isContentEditable || target.tagName === "TEXTAREA"
    || target.tagName === "SELECT" || (target.tagName === "INPUT" && !NOT_TEXT.includes(target.type)));
  document.addEventListener("keydown", (event) => {
    const action = CLICKER[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target && event.target.closest ? event.target : null;
    if (inText(target) || (event.key === " " && target && target.closest(CONTROL))) return;
    const button = document.querySelector(`.st-key-slide-${action} button`);
    if (!button || button.disabled) return;
    event.preventDefault();
    button.click();
  }, true);

  // Focus put on the page by a click (Streamlit's main block takes it) shows no frame around the whole view when a
  // key is pressed next; reached with Tab, the block keeps Streamlit's frame (assets/app.css reads this mark).
  const root = document.documentElement;
  window.addEventListener("mousedown", () => { root.dataset.smePointer = "1"; }, true);
  window.addEventListener("keydown", (event) => { if (event.key === "Tab") delete root.dataset.smePointer; }, true);

  window.smeEvidence = { refresh };
})();
