// A print-only copy of a table (evidence/ui/print_view.py): every row, written with textContent, so nothing from the
// data is read as markup. The rows come as JSON in UTF-8 bytes; a rerun that sends the same rows rebuilds nothing.
const drawn = new WeakMap();
const utf8 = new TextDecoder();

export default function ({ data, parentElement }) {
  const text = typeof data === "string" ? data : utf8.decode(data);
  if (drawn.get(parentElement) === text) return;
  drawn.set(parentElement, text);
  const { headers, rows } = JSON.parse(text);
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const text of headers) {
    const cell = document.createElement("th");
    cell.textContent = text;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    for (const text of row) line.insertCell().textContent = text;
  }
  parentElement.querySelector(".sme-print-table").replaceChildren(table);
}
