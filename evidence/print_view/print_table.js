// A print-only copy of a table (evidence/print_view.py): every row, written with textContent, so nothing from the
// data is read as markup. The rows come as one JSON text; a rerun that sends the same text rebuilds nothing.
const drawn = new WeakMap();

export default function ({ data, parentElement }) {
  if (drawn.get(parentElement) === data) return;
  drawn.set(parentElement, data);
  const { headers, rows } = JSON.parse(data);
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
