// Small helpers to build the page from data without innerHTML, so text from the API (file names, messages) is
// always shown as text and never run as markup.

/** Creates an element: el('a', { href: '#', class: 'x', dataset: { id: 1 }, onclick: fn }, 'text', child, ...). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replaceContent(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** The element with this id; throws when the page lacks it, which is a mistake in the page. */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no element #${id}`);
  return element;
}

/** Shows or hides an element (the hidden attribute, which assistive technology respects too). */
export function show(element, visible = true) {
  element.hidden = !visible;
}

/**
 * A table: columns are { key (the message of the header), cell: row => content, numeric?: bool }.
 * Wrapped in a focusable, labelled region that scrolls sideways on narrow screens. With stack, each row becomes a
 * card on a phone, every cell labelled with its column's header (data-label), instead of a table too wide to read.
 */
export function table({ caption, columns, rows, t, id, className, stack = false }) {
  const headers = columns.map(c => t(c.key));
  const head = el('thead', {}, el('tr', {}, columns.map((c, index) => el('th', { scope: 'col', class: c.numeric ? 'numeric' : undefined }, headers[index]))));
  const body = el('tbody', {}, rows.map(row => el('tr', {}, columns.map((c, index) => {
    const content = c.cell(row);
    const attributes = { class: c.numeric ? 'numeric' : undefined, 'data-label': stack ? headers[index] : undefined };
    return index === 0 && c.rowHeader !== false
      ? el('th', { scope: 'row', ...attributes }, content)
      : el('td', attributes, content);
  }))));
  const captionElement = caption ? el('caption', {}, caption) : null;
  const classes = [className, stack ? 'stack' : null].filter(Boolean).join(' ');
  const tableElement = el('table', { id, class: classes || undefined }, captionElement, head, body);
  return el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': caption ?? '' }, tableElement);
}
