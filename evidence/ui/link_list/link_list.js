// The Overview's conclusions as one element (evidence/ui/link_list.py). Every text goes in with textContent: nothing
// from the data is read as markup. A plain click on a link asks the server to open it in this tab (a trigger);
// a click with a modifier key, or a middle click, is left to the browser (a new tab or window).
let focused = null;

export default function ({ data, parentElement, setTriggerValue }) {
  const list = parentElement.querySelector("ul");
  list.setAttribute("aria-label", data.label);
  list.replaceChildren();
  for (const row of data.rows) {
    const item = document.createElement("li");
    item.dataset.key = row.key;
    const sentence = document.createElement("p");
    const who = document.createElement("strong");
    who.textContent = row.who;
    sentence.append(who, " · " + row.text);
    item.append(sentence);
    for (const [index, link] of row.links.entries()) {
      if (!link) {
        const gap = document.createElement("span");
        gap.className = "gap";
        item.append(gap);
        continue;
      }
      const anchor = document.createElement("a");
      anchor.href = link.href;
      const icon = document.createElement("span");
      icon.className = "icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = link.icon;
      const words = document.createElement("span");
      words.textContent = link.label;
      anchor.append(icon, words);
      anchor.addEventListener("click", (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        setTriggerValue("open", { key: row.key, link: index });
      });
      item.append(anchor);
    }
    list.append(item);
  }
  // The row the reader came back to: in view and marked, once per address (a later rerun leaves the scroll alone).
  const mark = data.focus ? data.focus + "@" + location.pathname + location.search : null;
  const target = data.focus ? list.querySelector(`li[data-key="${CSS.escape(data.focus)}"]`) : null;
  if (target) {
    target.classList.add("came-back");
    if (focused !== mark) {
      focused = mark;
      requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
    }
  }
}
