import { h } from './dom.js';

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function utc(date) {
  return new Date(date + 'T00:00:00Z');
}

/** A statement's words, cut to fit a line (a picker's choice, a link). */
export function shortText(s) {
  return s.length > 90 ? `${s.slice(0, 90)}…` : s;
}

/** A partial date as text: only as precise as it is known. */
export function dateText(partial) {
  if (!partial) return 'undated';
  const d = utc(partial.date);
  switch (partial.precision) {
    case 'YEAR': return `${d.getUTCFullYear()}`;
    case 'MONTH': return MONTH.format(d);
    default: return DAY.format(d);
  }
}

/** A partial date as an element, with its precision said when it is not a day. */
export function dateEl(partial) {
  if (!partial) return h('span', { class: 'muted' }, 'undated');
  const note = partial.precision === 'DAY' ? null
      : h('span', { class: 'precision' }, partial.precision === 'MONTH' ? 'month only' : 'year only');
  return h('span', { class: 'date' }, h('time', { datetime: partial.date }, dateText(partial)), note ? ' ' : null, note);
}

/** The days a partial date may fall on: [first, end), in ms. */
export function span(partial, endPartial) {
  const start = utc(partial.date);
  let end = new Date(start);
  if (partial.precision === 'YEAR') end.setUTCFullYear(end.getUTCFullYear() + 1);
  else if (partial.precision === 'MONTH') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCDate(end.getUTCDate() + 1);
  if (endPartial) {
    const [, last] = span(endPartial);
    if (last > end.getTime()) end = new Date(last);
  }
  return [start.getTime(), end.getTime()];
}

export function instantText(iso) {
  return iso ? INSTANT.format(new Date(iso)) + ' UTC' : '';
}

export function words(enumValue) {
  return enumValue ? enumValue.toLowerCase().replaceAll('_', ' ') : '';
}

export function link(kind, node, text) {
  return h('a', { href: `#/${kind}/${encodeURIComponent(node.id)}` }, text ?? node.name ?? node.title ?? node.id);
}

export function sourceName(source) {
  const title = source.title || 'Untitled source';
  return source.publisher ? `${title} (${source.publisher})` : title;
}
