import { h, section } from '../dom.js';
import { query } from '../api.js';
import { dateEl, link, sourceName, words } from '../format.js';
import { facts, heading, notFound, statementList, timeline } from './parts.js';

/** The actors met in these encounters, with the number of encounters shared, most first. */
function metWith(actor, encounters) {
  const met = new Map();
  for (const encounter of encounters) {
    for (const { actor: other } of encounter.participants) {
      if (other.id === actor.id) continue;
      const entry = met.get(other.id) ?? { actor: other, count: 0 };
      entry.count++;
      met.set(other.id, entry);
    }
  }
  return [...met.values()].sort((a, b) => b.count - a.count || a.actor.name.localeCompare(b.actor.name));
}

function network(actor, met) {
  const max = Math.max(...met.map(m => m.count));
  return h('ul', { class: 'network' }, met.map(({ actor: other, count }) =>
      h('li', {}, link('actor', other),
          h('span', { class: 'weight', 'aria-hidden': 'true', style: { width: `${(count / max) * 100}%` } }),
          h('span', { class: 'meta' }, ` · ${count} shared encounter${count === 1 ? '' : 's'}`))));
}

function roleItem(role) {
  return h('li', {}, h('strong', {}, role.title),
      role.organization ? [', ', link('actor', role.organization)] : null,
      h('span', { class: 'meta' }, ' · ', role.start ? dateEl(role.start) : 'since ?', ' to ', role.end ? dateEl(role.end) : 'now',
          role.source ? [' · source: ', link('source', role.source, sourceName(role.source))] : null));
}

export async function actorPage(id) {
  const data = await query('ActorPage', { id });
  const actor = data.node;
  if (!actor || !actor.name) throw notFound('actor');
  const encounters = actor.encounters.nodes;
  const more = (connection, noun) => connection.totalCount > connection.nodes.length
      ? h('p', { class: 'muted' }, `The first ${connection.nodes.length} of ${connection.totalCount} ${noun}.`) : null;
  return {
    title: actor.name,
    nodes: [
      heading(actor.name),
      facts([
        ['Kind', words(actor.kind)],
        ['Description', actor.description],
        ['Also known as', actor.aliases.join(' · ')],
        ['Country', actor.country ? link('actor', actor.country) : null],
        ['Wikidata', actor.wikidataId],
      ]),
      section('Roles', actor.roles, roles => h('ul', { class: 'lines' }, roles.map(roleItem))),
      section('Encounters', encounters, items => [timeline(items), more(actor.encounters, 'encounters')],
          'No encounters recorded.'),
      section('Met with', metWith(actor, encounters), met => network(actor, met)),
      section('Statements', actor.statements.nodes, items => [statementList(items, { noSpeaker: true }),
        more(actor.statements, 'statements')], 'No statements recorded.'),
      section('What others say about them', data.about.nodes, items => [statementList(items), more(data.about, 'statements')],
          'No statements about this actor recorded.'),
    ],
  };
}
