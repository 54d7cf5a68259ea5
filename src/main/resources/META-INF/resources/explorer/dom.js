// Elements are built with the DOM API, never from HTML strings: text from the API can hold anything.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'style') Object.assign(el.style, value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A section with a heading, or nothing when it would be empty. */
export function section(title, items, render, empty) {
  if (!items || items.length === 0) {
    return empty ? h('section', {}, h('h2', {}, title), h('p', { class: 'muted' }, empty)) : null;
  }
  return h('section', {}, h('h2', {}, title), render(items));
}
