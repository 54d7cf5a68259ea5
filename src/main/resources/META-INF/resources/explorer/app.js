// Parley Explorer: hash routes (#/actor/<global id>, ...; routes.js) so that every page has its own URL, back/forward
// and reload work, and the service needs no fallback route for deep links.
import { h } from './dom.js';
import { dropPrefetched, explain } from './api.js';
import { pageAt } from './routes.js';
import { editor, signOut } from './session.js';
import { startLive, stopLive } from './live.js';

const main = document.getElementById('main');
const box = document.getElementById('q');
let current = 0;

/**
 * The page at the URL (routes.js), with a function that loads its module: each page type's module is loaded when a
 * page of that type is first shown (the browser then keeps it), so the first page compiles only what it needs, which
 * on a busy machine is much of a full load's time (docs/BENCHMARKS.md).
 */
function route() {
  const at = pageAt(location.hash);
  return { ...at, page: () => import(`./pages/${at.module}.js`).then(module => module[at.exported]) };
}

async function render(focus) {
  const view = ++current;
  // the first page counts from the navigation, later ones from the click: read by ExplorerBench
  const started = view === 1 ? 0 : performance.now();
  const { name, page: load, arg } = route();
  stopLive(); // the page left: its subscriptions end with it
  if (name === 'search' && document.activeElement !== box) box.value = arg;
  main.setAttribute('aria-busy', 'true');
  delete main.dataset.page;
  main.replaceChildren(h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  let content;
  try {
    content = await (await load())(arg);
  } catch (error) {
    content = errorView(error);
  }
  dropPrefetched();
  if (view !== current) return; // a later navigation won
  main.replaceChildren(...[content.nodes].flat(Infinity).filter(node => node != null && node !== false));
  main.dataset.page = content.page ?? name;
  if (content.live) {
    // what arrives live is said here, under the heading, and read out by screen readers
    const news = h('p', { class: 'live-news', role: 'status', 'aria-live': 'polite' });
    (main.querySelector('h1') ?? main.firstChild)?.after(news);
    startLive(content.live, news);
  }
  main.removeAttribute('aria-busy');
  performance.measure(`parley:${main.dataset.page}`, { start: started, end: performance.now() });
  document.title = content.title ? `${content.title} · Parley Explorer` : 'Parley Explorer';
  // a screen reader hears the new page's heading; the search box keeps focus while typing
  if (focus) main.querySelector('h1')?.focus();
}

export function errorView(error) {
  const { code, text, detail } = explain(error);
  return {
    title: 'Error',
    page: 'error',
    nodes: h('div', { class: 'error', role: 'alert' },
        h('h1', { tabindex: '-1' }, 'This page could not be shown'),
        h('p', {}, text),
        h('p', { class: 'muted' }, 'Code ', h('code', {}, code), detail && detail !== text ? `: ${detail}` : ''),
        h('button', { type: 'button', onclick: () => render(true) }, 'Try again')),
  };
}

let typing = null;
function search(q, now) {
  clearTimeout(typing);
  const go = () => {
    const target = `#/search?q=${encodeURIComponent(q.trim())}`;
    if (location.hash === target) return;
    // results as you type replace each other in the history; a new search from another page adds an entry
    if (route().name === 'search') {
      history.replaceState(null, '', target);
      render(false);
    } else {
      location.hash = target;
    }
  };
  if (now) go(); else typing = setTimeout(go, 250);
}

document.getElementById('search-form').addEventListener('submit', event => {
  event.preventDefault();
  search(box.value, true);
});
box.addEventListener('input', () => {
  if (box.value.trim().length >= 2 || box.value.trim().length === 0) search(box.value, false);
});
window.addEventListener('hashchange', () => render(true));

/** The header's editor links: sign in, or what a signed-in editor can record, and sign out. */
function editorLinks() {
  const who = editor();
  const box = document.getElementById('editor');
  if (!who) {
    box.replaceChildren(h('a', { href: '#/sign-in' }, 'Sign in as editor'));
    return;
  }
  box.replaceChildren(h('span', { class: 'who' }, `Editor: ${who.subject}`),
      h('a', { href: '#/edit/actor' }, 'New actor'),
      h('a', { href: '#/edit/encounter' }, 'Record encounter'),
      h('a', { href: '#/edit/statement' }, 'Record statement'),
      h('a', { href: '#/edit/agreement' }, 'Record agreement'),
      h('a', { href: '#/intake' }, 'Add article'),
      h('button', { type: 'button', class: 'link-button', onclick: () => {
        signOut();
        editorLinks();
        render(true);
      } }, 'Sign out'));
}
window.addEventListener('parley:editor', editorLinks);
editorLinks();
render(false);
