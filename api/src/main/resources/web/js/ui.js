// Small helpers to build pages from data without ever putting data into HTML as markup.

/** An element: h('a', {href: '#/x', class: 'c'}, 'text', child...). Attributes starting with "on" become listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the page's content and moves focus to its heading, so keyboard and screen-reader users start there. */
export function show(...children) {
  const main = document.getElementById('main');
  main.replaceChildren();
  append(main, children);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    document.title = heading.textContent + ' · Trimtab';
  }
}

export function loading(what) {
  show(h('p', { role: 'status' }, 'Loading ' + what + '…'));
}

/** A refusal from the service, in its own words, with its located errors listed. */
export function errorBox(error) {
  const problem = (error && error.problem) || {};
  const box = h('div', { class: 'error', role: 'alert' },
    h('strong', {}, problem.title || 'Something went wrong'), ' ',
    h('span', {}, problem.detail || (error && error.message) || ''));
  const errors = problem.errors || [];
  if (errors.length) {
    box.append(h('ul', { class: 'errors' }, errors.map(e => h('li', {},
      e.path ? h('strong', {}, e.path + ': ') : '', e.message || ''))));
  }
  return box;
}

export function money(value) {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

export function number(value, digits = 2) {
  if (value === null || value === undefined || value === '') return '—';
  return Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function quantity(value) {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: 8 });
}

export function when(instant) {
  if (!instant) return '—';
  const d = new Date(instant);
  return d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

const VERDICT_WORDS = {
  PASS: 'Passed', WARN: 'Passed with a warning', REQUIRE_APPROVAL: 'Needs approval', BLOCK: 'Blocked'
};

export function verdictBadge(verdict) {
  return h('span', { class: 'badge v-' + verdict }, VERDICT_WORDS[verdict] || verdict);
}

export function verdictWords(verdict) {
  return VERDICT_WORDS[verdict] || verdict;
}

/** A table: columns [{title, cell: row => node|text, num: bool}]. */
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  if (!rows.length) {
    return h('p', { class: 'muted' }, empty);
  }
  return h('table', {},
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.title)))),
    h('tbody', {}, rows.map(row => h('tr', {}, columns.map(c => h('td', { class: c.num ? 'num' : null }, c.cell(row)))))));
}

export function field(id, labelText, input) {
  input.id = id;
  return h('div', {}, h('label', { for: id }, labelText), input);
}

export function params(hashQuery) {
  return new URLSearchParams(hashQuery || '');
}
