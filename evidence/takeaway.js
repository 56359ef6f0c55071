// Taking a view away, in the reader's browser; installed once per tab (evidence/takeaway.py), bundled, never
// fetched. It reads window.smeTakeaway (fixed text the server wrote: the styles, each view's *Cite this* block)
// and the address bar. It puts the styles in the document's head, the printed pages' foot in the body, and the
// *Cite this* block beside each view's take-away buttons, so none of it costs the server an element per rerun.
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

  // The foot of every printed page: the view's link and the date (position: fixed repeats it on each page).
  const foot = document.createElement("div");
  foot.className = "sme-print-foot";
  foot.setAttribute("aria-hidden", "true");
  ["sme-print-link", "sme-print-date"].forEach((name) => {
    const part = document.createElement("span");
    part.className = name;
    foot.appendChild(part);
  });
  document.body.appendChild(foot);
  const today = () => new Date().toISOString().slice(0, 10);

  function fill() {
    foot.querySelector(".sme-print-link").textContent = location.href;
    foot.querySelector(".sme-print-date").textContent = "Printed " + today();
    document.querySelectorAll("textarea.sme-cite-view").forEach((box) => {
      const text = box.dataset.before + location.href + box.dataset.after.replace("{date}", today());
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
  setInterval(fill, 400);
  window.addEventListener("beforeprint", fill);

  // An open *Cite this* stays within the view's column (not under the sidebar, not past the right edge).
  document.addEventListener("toggle", (event) => {
    const details = event.target;
    if (!details.classList || !details.classList.contains("sme-cite-details") || !details.open) return;
    const panel = details.querySelector(".sme-cite");
    panel.style.left = "0px";
    const box = panel.getBoundingClientRect();
    const column = (document.querySelector('[data-testid="stMain"]') || document.body).getBoundingClientRect();
    let shift = Math.min(0, column.right - 12 - box.right);
    shift = Math.max(shift, column.left + 12 - box.left);
    panel.style.left = shift + "px";
  }, true);
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
