import { h, section } from '../dom.js';
import { query } from '../api.js';
import { link, sourceName, words, dateEl } from '../format.js';
import { heading, statementList } from './parts.js';

export async function searchPage(q) {
  q = q.trim();
  if (q.length < 2) {
    return { title: 'Search', nodes: [heading('Search'), h('p', {}, 'Type at least two letters in the search box.')] };
  }
  const data = await query('SearchPage', { q });
  // names that resemble the text (transliterations, accents) first, then names that contain it
  const actors = new Map();
  for (const match of data.similarActors) {
    if (match) actors.set(match.actor.id, { actor: match.actor, matched: match.matchedName });
  }
  for (const actor of data.actors.nodes) if (!actors.has(actor.id)) actors.set(actor.id, { actor });
  const none = actors.size + data.statements.nodes.length + data.sources.nodes.length === 0;
  return {
    title: `Search: ${q}`,
    nodes: [
      heading(`Results for “${q}”`),
      none ? h('p', {}, 'Nothing matches. Try fewer words or another spelling.') : null,
      section('Actors', [...actors.values()], items => h('ul', { class: 'lines' }, items.map(({ actor, matched }) =>
          h('li', {}, link('actor', actor), h('span', { class: 'meta' }, ' · ', words(actor.kind),
              matched && matched !== actor.name ? ` · matched “${matched}”` : '',
              actor.description ? ` · ${actor.description}` : ''))))),
      section('Statements', data.statements.nodes, items => statementList(items)),
      section('Sources', data.sources.nodes, items => h('ul', { class: 'lines' }, items.map(source =>
          h('li', {}, link('source', source, sourceName(source)), h('span', { class: 'meta' }, ' · ', dateEl(source.publishedOn)))))),
    ],
  };
}
