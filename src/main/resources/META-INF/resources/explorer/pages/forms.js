// The editor's form pieces: labelled fields, dates with their precision, pickers, repeated rows, and the way a
// write's outcome is shown (userErrors at their fields, CONFLICT with a reload, coded errors in words).
import { h } from '../dom.js';
import { explain, query } from '../api.js';
import { token } from '../session.js';
import { words } from '../format.js';

let ids = 0;

/** A labelled control; its errors go in the paragraph below it, which the control names in aria-describedby. */
export function field(label, control, { path, hint, required } = {}) {
  control.id = `f${++ids}`;
  if (path) control.dataset.path = path;
  if (required) control.setAttribute('aria-required', 'true');
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' },
      h('label', { for: control.id }, label, required ? h('span', { class: 'required' }, ' (required)') : null),
      hintEl, control,
      h('p', { class: 'field-error', id: `${control.id}-error`, hidden: true }));
}

export function text(value, attrs = {}) {
  return h('input', { type: 'text', value: value ?? '', autocomplete: 'off', ...attrs });
}

export function area(value, attrs = {}) {
  const el = h('textarea', { rows: 3, ...attrs });
  el.value = value ?? '';
  return el;
}

export function choice(values, selected, { optional } = {}) {
  return h('select', {},
      optional ? h('option', { value: '' }, '—') : null,
      values.map(v => h('option', { value: v, selected: v === selected }, words(v))));
}

/** A date with how much of it is known; its fields are {path}.date and {path}.precision. */
export function dateFields(legend, path, value, hint) {
  return h('fieldset', { class: 'date-fields' }, h('legend', {}, legend),
      field('Date', h('input', { type: 'date', value: value?.date ?? '' }), { path: `${path}.date`, hint }),
      field('Known to the', choice(['DAY', 'MONTH', 'YEAR'], value?.precision ?? 'DAY'), { path: `${path}.precision` }));
}

/** dateFields in a row of a list: its controls are keyed {key}.date and {key}.precision rather than given a path. */
export function keyedDate(legend, key, value, hint) {
  const date = dateFields(legend, '', value, hint);
  const [day, precision] = date.querySelectorAll('input, select');
  day.dataset.key = `${key}.date`;
  precision.dataset.key = `${key}.precision`;
  delete day.dataset.path;
  delete precision.dataset.path;
  return date;
}

/** The PartialDateInput of a keyedDate in a row (get: a row's key -> control), or null when no date is given. */
export function keyedDateValue(get, key) {
  const date = get(`${key}.date`).value;
  return date ? { date, precision: get(`${key}.precision`).value } : null;
}

/** The PartialDateInput of dateFields, or null when no date is given. */
export function dateValue(form, path) {
  const date = control(form, `${path}.date`).value;
  return date ? { date, precision: control(form, `${path}.precision`).value } : null;
}

/** What a picker suggests for the text typed: [name, id, note] of each record. */
const suggestions = {
  actor: async q => (await query('PickActors', { q })).actors.nodes.map(a => [a.name, a.id, words(a.kind)]),
  source: async q => (await query('PickSources', { q })).sources.nodes.map(s => [s.title ?? s.id, s.id, s.publisher ?? '']),
  agreement: async q => (await query('PickAgreements', { q })).agreements.nodes.map(a => [a.title, a.id, words(a.kind)]),
};

/**
 * A labelled text box that suggests actors, sources or agreements as one types (a datalist filled by a small query) and stands
 * for the ID of the one chosen: its picked() gives it, or null when the text names none of the suggestions.
 * options.suggest (text typed -> [name, id, note] of each suggestion) replaces the kind's own suggestions.
 */
export function pickerField(label, kind, chosen, options) {
  const list = h('datalist', { id: `list${++ids}` });
  const input = h('input', { type: 'text', list: list.id, autocomplete: 'off', value: chosen?.name ?? '' });
  const known = new Map(chosen ? [[chosen.name, chosen.id]] : []);
  input.picked = () => known.get(input.value.trim()) ?? null;
  let typing = null;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    const q = input.value.trim();
    if (q.length < 2 || known.has(q)) return;
    typing = setTimeout(async () => {
      try {
        const found = await (options?.suggest ?? suggestions[kind])(q);
        for (const [name, id] of found) known.set(name, id);
        list.replaceChildren(...found.map(([name, , note]) => h('option', { value: name }, note)));
      } catch (e) {
        // suggestions only: the field still says what is missing when the form is sent
      }
    }, 200);
  });
  const f = field(label, input, options);
  f.append(list);
  return f;
}

/** The ID a picker stands for; null when it is empty. */
export function picked(c) {
  return c.value.trim() ? c.picked() : null;
}

/**
 * Rows of a list input (participants, attestations): each row's controls have data-key; their paths are
 * {list}.{index}.{key}, numbered when the form is sent, so that removing a row renumbers the rest.
 */
export function rows(list, noun, makeRow, initial = 1) {
  const box = h('div', { class: 'rows', 'data-list': list });
  const add = () => {
    const row = h('fieldset', { class: 'row' }, h('legend', {}, noun), makeRow(),
        h('button', { type: 'button', class: 'link-button', onclick: () => { row.remove(); number(); } }, `Remove this ${noun.toLowerCase()}`));
    box.append(row);
    number();
    return row;
  };
  const number = () => box.querySelectorAll(':scope > .row').forEach((row, i) => {
    row.querySelector('legend').textContent = `${noun} ${i + 1}`;
    row.querySelectorAll('[data-key]').forEach(c => { c.dataset.path = `${list}.${i}.${c.dataset.key}`; });
  });
  for (let i = 0; i < initial; i++) add();
  return h('div', {}, box, h('button', { type: 'button', onclick: () => add().querySelector('input, select, textarea')?.focus() }, `Add a ${noun.toLowerCase()}`));
}

/** Marks a control as a row's field: its path is given when the row is numbered. */
export function keyed(fieldEl, key) {
  fieldEl.querySelector('input, select, textarea').dataset.key = key;
  return fieldEl;
}

export function control(form, path) {
  return form.querySelector(`[data-path="${CSS.escape(path)}"]`);
}

/** The rows of a list, each as a function from a key to its control. */
export function rowsOf(form, list) {
  return [...form.querySelectorAll(`[data-list="${list}"] > .row`)].map(row => key => row.querySelector(`[data-key="${key}"]`));
}

export function optional(value) {
  const v = value.trim();
  return v === '' ? null : v;
}

/**
 * The control an error's path names (["input", "place", "latitude"], a row's by its index from 0: ["input",
 * "attestations", "1", "excerpt"]); else the first whose path is that one with the row numbers dropped; else the
 * nearest one, the path without its last parts (["input", "participants"]: the list's first control).
 */
function target(form, path) {
  const parts = path[0] === 'input' ? path.slice(1) : path;
  const named = n => control(form, parts.slice(0, n).join('.'))
      ?? form.querySelector(`[data-path^="${CSS.escape(parts.slice(0, n).join('.'))}."]`);
  const unnumbered = parts.filter(p => !/^\d+$/.test(p)).join('.');
  const found = named(parts.length)
      ?? [...form.querySelectorAll('[data-path]')].find(c => c.dataset.path.replace(/\.\d+\./g, '.') === unnumbered);
  if (found) return found;
  for (let n = parts.length - 1; n > 0; n--) {
    if (named(n)) return named(n);
  }
  return null;
}

function clear(form) {
  form.querySelectorAll('[aria-invalid]').forEach(c => {
    c.removeAttribute('aria-invalid');
    const hint = document.getElementById(`${c.id}-hint`);
    if (hint) c.setAttribute('aria-describedby', hint.id); else c.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('.field-error').forEach(e => { e.hidden = true; e.textContent = ''; });
  const alert = form.querySelector('.form-alert');
  alert.hidden = true;
  alert.replaceChildren();
}

/** Shows errors at their fields; those that name no field go in the form's alert. Focuses the first. */
export function showErrors(form, errors) {
  clear(form);
  const listed = [];
  let first = null;
  for (const error of errors) {
    const c = target(form, error.field ?? []);
    if (!c) {
      listed.push(h('li', {}, error.message));
      continue;
    }
    const slot = document.getElementById(`${c.id}-error`);
    slot.hidden = false;
    slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
    c.setAttribute('aria-invalid', 'true');
    c.setAttribute('aria-describedby', [document.getElementById(`${c.id}-hint`)?.id, slot.id].filter(Boolean).join(' '));
    // the summary names the field and takes the reader there (a button: a link's hash would be read as a route)
    // a row's field is named with its row ("Source 2, Source")
    const row = c.closest('.row')?.querySelector('legend')?.textContent;
    const own = form.querySelector(`label[for="${c.id}"]`)?.firstChild?.textContent ?? '';
    const label = row ? `${row}, ${own}` : own;
    listed.push(h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => c.focus() }, label),
        `: ${error.message}`));
    first ??= c;
  }
  const count = errors.length;
  alert(form, [h('p', {}, count === 1 ? 'One thing to fix before this can be saved:' : `${count} things to fix before this can be saved:`),
    h('ul', {}, listed)]);
  (first ?? form.querySelector('.form-alert')).focus();
}

function alert(form, content) {
  const box = form.querySelector('.form-alert');
  box.replaceChildren(...[content].flat().filter(Boolean));
  box.hidden = false;
  return box;
}

/** The form's frame: the alert at its top (errors), the fields, the submit button and a status line. */
export function editForm(label, nodes, submitText, onSubmit) {
  const status = h('p', { class: 'muted', role: 'status' });
  const button = h('button', { type: 'submit' }, submitText);
  const form = h('form', { class: 'edit', novalidate: true, 'aria-label': label },
      h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true }),
      nodes, h('p', { class: 'actions' }, button), status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = 'Saving…';
    try {
      await onSubmit(form);
    } finally {
      button.disabled = false;
      if (status.textContent === 'Saving…') status.textContent = '';
    }
  });
  return form;
}

/**
 * Sends a write and shows its outcome: the payload when it was made (handed to done), userErrors at their fields, a
 * CONFLICT as "changed meanwhile" with a reload, a coded error (RATE_LIMITED, UNAUTHENTICATED...) in words.
 */
export async function write(form, name, input, payloadKey, { what, reload, done, problems = [] }) {
  const local = [...problems, ...[...form.querySelectorAll('[data-path]')].filter(c => c.picked && c.value.trim() && !c.picked())
      .map(c => ({ field: c.dataset.path.split('.'), message: 'Choose one of the suggestions shown as you type.' }))];
  if (local.length) {
    showErrors(form, local);
    return;
  }
  let payload;
  try {
    payload = (await query(name, { input }, token()))[payloadKey];
  } catch (error) {
    clear(form);
    const { code, text } = explain(error);
    const signIn = code === 'UNAUTHENTICATED' || code === 'HTTP_401' || code === 'FORBIDDEN';
    alert(form, [h('p', {}, text), h('p', { class: 'muted' }, 'Code ', h('code', {}, code), error.message && error.message !== text ? `: ${error.message}` : ''),
      signIn ? h('p', {}, h('a', { href: `#/sign-in?next=${encodeURIComponent(location.hash)}` }, 'Sign in again')) : null]).focus();
    return;
  }
  const conflict = payload.userErrors.find(e => e.code === 'CONFLICT');
  if (conflict) {
    clear(form);
    alert(form, [h('p', { class: 'conflict' }, `This ${what} changed meanwhile: someone saved it after you opened this form. `
        + 'Reload it to see their version, then make your change again.'),
    h('button', { type: 'button', onclick: reload }, 'Reload')]).focus();
    return;
  }
  if (payload.userErrors.length) {
    showErrors(form, payload.userErrors);
    return;
  }
  done(payload);
}
