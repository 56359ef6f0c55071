// Taking a view away, in the reader's browser; installed once per tab (evidence/takeaway/offer.py), bundled, never
// fetched. It reads window.smeTakeaway (fixed text the server wrote: the styles, each view's *Cite this* block)
// and the address bar. It puts the styles and the printed pages' foot in the document's head, the filters' words
// on paper beside their widgets, and the *Cite this* block beside each view's take-away buttons, so none of it
// costs the server an element per rerun.
// (No less-than sign may be followed by a letter, a slash or "!" anywhere in this file: the page's HTML sanitiser
// drops a script whose text looks like markup.)
(function () {
  const data = window.smeTakeaway;
  if (!data || window.smeTakeawayInstalled) return;
  window.smeTakeawayInstalled = true;

  const style = document.createElement("style");
  style.id = "sme-takeaway-styles";
  style.textContent = data.css;
  document.head.appendChild(style);

  // The foot of every printed page: the view's link and the date, in the page's bottom margin (an @page margin
  // box, styled in assets/print.css), so it never covers the page's last lines. Only the words are written here.
  const foot = document.createElement("style");
  foot.id = "sme-print-foot";
  document.head.appendChild(foot);
  const today = () => new Date().toISOString().slice(0, 10);
  const LONGEST_LINK = 360;  // three lines of the foot; a longer link (an SQL query) is cut, with an ellipsis
  const cssString = (text) => '"' + text.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, " ") + '"';

  // A filter on paper is its label and what it holds, in the words the screen shows ("Typology group: Urged
  // globals"), where the widget was; a list with nothing chosen says what its box says ("All countries"). Written
  // as an attribute the print styles show (textContent-like: nothing is read as markup).
  const WIDGETS = '[data-testid="stMultiSelect"], [data-testid="stSelectbox"], [data-testid="stTextInput"], '
    + '[data-testid="stTextArea"], [data-testid="stButtonGroup"]';
  function words(widget) {
    const label = widget.querySelector('[data-testid="stWidgetLabel"]');
    const name = label ? label.textContent.trim() : "";
    let said = "";
    const kind = widget.getAttribute("data-testid");
    if (kind === "stMultiSelect") {
      said = Array.from(widget.querySelectorAll(".react-aria-ComboBox [data-tag]"))
        .map((tag) => tag.getAttribute("aria-label") || tag.textContent.trim()).join(", ");
      const input = widget.querySelector("input");
      if (!said && input) said = input.getAttribute("placeholder") || "";
    } else if (kind === "stButtonGroup") {
      said = Array.from(widget.querySelectorAll('[aria-checked="true"], [aria-pressed="true"]'))
        .map((button) => button.textContent.trim()).join(", ");
    } else {
      const input = widget.querySelector("input, textarea");
      said = input ? input.value.trim() : "";
    }
    return name && said ? name + ": " + said : "";
  }
  function describe() {
    document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]').forEach((box) => {
      const widget = box.querySelector(":scope > " + WIDGETS.split(", ").join(", :scope > "));
      if (!widget) return;
      const text = words(widget);
      if (!text) {
        if (box.hasAttribute("data-sme-print-words")) box.removeAttribute("data-sme-print-words");
      } else if (box.getAttribute("data-sme-print-words") !== text) {
        box.setAttribute("data-sme-print-words", text);
      }
    });
  }
  let describing = 0;
  const describeSoon = () => { if (!describing) describing = requestAnimationFrame(() => { describing = 0; describe(); }); };
  new MutationObserver(describeSoon).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["aria-checked", "aria-pressed", "value"] });

  // The address as the reader may hand it on: without the presenter's secret of a live session (content/state.py).
  function shareable() {
    const url = new URL(location.href);
    url.searchParams.delete("host");
    return url.href;
  }

  function fill() {
    const here = shareable();
    const link = here.length > LONGEST_LINK ? here.slice(0, LONGEST_LINK - 1) + "…" : here;
    const page = "@page { @bottom-left { content: " + cssString(link) + "; } @bottom-right { content: "
      + cssString("Printed " + today()) + "; } }";
    if (foot.textContent !== page) foot.textContent = page;
    document.querySelectorAll("textarea.sme-cite-view").forEach((box) => {
      const text = box.dataset.before + here + box.dataset.after.replace("{date}", today());
      if (box.value !== text) box.value = text;
    });
  }

  // Each view's tools sit in a block keyed "takeaway-" and the view: give it its *Cite this* block, once.
  function place() {
    document.querySelectorAll('[class*="st-key-takeaway-"]').forEach((tools) => {
      if (tools.querySelector(":scope > .sme-cite-details")) return;
      const view = Array.from(tools.classList).map((name) => name.replace("st-key-takeaway-", ""))
        .find((name) => name in data.cite);
      if (!view) return;
      tools.insertAdjacentHTML("beforeend", data.cite[view]);
      fill();
    });
  }
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
  place();
  fill();
  describe();
  setInterval(() => { fill(); describe(); }, 400);
  window.addEventListener("beforeprint", () => { fill(); describe(); });

  // Ctrl+P (Cmd+P): Chromium lays the page out for paper without letting the charts redraw, so a chart keeps the
  // width the window gave it and is shrunk onto the page, its type with it. First the view takes the paper's width
  // on screen (html.sme-print-prepare, assets/print.css), the charts redraw to it, then the print dialog opens.
  const root = document.documentElement;
  const chartWidths = () => Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"] svg'))
    .map((svg) => svg.getAttribute("width")).join(" ");
  function prepareAndPrint() {
    if (root.classList.contains("sme-print-prepare")) return;
    root.classList.add("sme-print-prepare");
    let last = chartWidths(), still = 0, ticks = 0;
    const waiting = setInterval(() => {  // until the charts' widths have held for 300 ms (3 s at most)
      const now = chartWidths();
      still = now === last ? still + 1 : 0;
      last = now;
      ticks += 1;
      if (still < 3 && ticks < 30) return;
      clearInterval(waiting);
      fill();
      describe();
      window.print();
    }, 100);
  }
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || String(event.key).toLowerCase() !== "p") return;
    event.preventDefault();
    event.stopPropagation();
    prepareAndPrint();
  }, true);
  window.addEventListener("afterprint", () => root.classList.remove("sme-print-prepare"));

  // An open *Cite this* stays within the view's column (not under the sidebar, not past the right edge) and within
  // the window: brought up the page when there is little room under its button, then as tall as the room left
  // (it scrolls in itself when its content is taller).
  const MARGIN = 12, LEAST_ROOM = 320;
  function fit(details) {
    const panel = details.querySelector(".sme-cite");
    panel.style.left = "0px";
    panel.style.maxHeight = "";
    const box = panel.getBoundingClientRect();
    const column = (document.querySelector('[data-testid="stMain"]') || document.body).getBoundingClientRect();
    let shift = Math.min(0, column.right - MARGIN - box.right);
    shift = Math.max(shift, column.left + MARGIN - box.left);
    panel.style.left = shift + "px";
    if (window.innerHeight - box.top - MARGIN < Math.min(LEAST_ROOM, box.height)) {
      details.scrollIntoView({ block: "start" });
    }
    const room = window.innerHeight - panel.getBoundingClientRect().top - MARGIN;
    panel.style.maxHeight = Math.max(room, 160) + "px";
  }
  document.addEventListener("toggle", (event) => {
    const details = event.target;
    if (details.classList && details.classList.contains("sme-cite-details") && details.open) fit(details);
  }, true);
  window.addEventListener("resize", () => {
    document.querySelectorAll("details.sme-cite-details[open]").forEach(fit);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.sme-cite-details[open]").forEach((open) => { open.open = false; });
  });
  document.addEventListener("click", (event) => {
    const target = event.target.closest ? event.target : null;
    if (!target) return;
    const file = target.closest("button.sme-cite-ris");
    if (file) {  // the RIS text as a file, made here from the box above it
      const text = file.closest(".sme-cite").querySelector("textarea.sme-cite-ris").value;
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/x-research-info-systems" }));
      link.download = "internationalisation-innovation-smes.ris";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      return;
    }
    const button = target.closest("button.sme-cite-copy");
    if (!button) return;
    const box = button.parentElement.querySelector("textarea");
    const status = button.closest(".sme-cite").querySelector(".sme-cite-status");
    fill();
    const done = (ok) => { status.textContent = ok ? "Copied." : "Select the text and copy it (Ctrl+C)."; };
    const fallback = () => {
      box.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      done(ok);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(() => done(true), fallback);
    } else {
      fallback();
    }
  });
})();
