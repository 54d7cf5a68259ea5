import { h, section } from '../dom.js';
import { query } from '../api.js';
import { dateEl, link, sourceName, words } from '../format.js';
import { editor } from '../session.js';
import { statementNews } from '../live.js';
import { editorActions, facts, heading, moreButton, notFound, statementList, timeline } from './parts.js';

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

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.append(...children);
  return el;
}

/**
 * The actor in the middle, the actors met around, each edge as thick as the encounters shared; a name opens that
 * actor. The list below says the same in words (screen readers get the list; the drawing is hidden from them).
 */
function drawing(actor, met) {
  const shown = met.slice(0, 16);
  const max = Math.max(...shown.map(m => m.count));
  // wide enough for names on both sides; a longer name is clipped (the list below has it whole)
  const width = 520;
  const height = 340;
  const radius = 120;
  const edges = [];
  const names = [];
  shown.forEach(({ actor: other, count }, i) => {
    const angle = (2 * Math.PI * i) / shown.length - Math.PI / 2;
    const x = width / 2 + radius * 1.2 * Math.cos(angle);
    const y = height / 2 + radius * Math.sin(angle);
    edges.push(svg('line', { x1: width / 2, y1: height / 2, x2: x, y2: y, 'stroke-width': 1 + (5 * count) / max, class: 'edge' }));
    const anchor = Math.abs(Math.cos(angle)) < 0.3 ? 'middle' : Math.cos(angle) > 0 ? 'start' : 'end';
    const dx = anchor === 'middle' ? 0 : Math.cos(angle) > 0 ? 8 : -8;
    const dy = anchor === 'middle' ? (Math.sin(angle) > 0 ? 18 : -10) : 4;
    const link = svg('a', { href: `#/actor/${encodeURIComponent(other.id)}`, tabindex: '-1' },
        svg('circle', { cx: x, cy: y, r: 5, class: 'node' }),
        svg('text', { x: x + dx, y: y + dy, 'text-anchor': anchor }, other.name));
    names.push(link);
  });
  return h('div', { class: 'graph', 'aria-hidden': 'true' },
      svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%' },
          ...edges,
          svg('circle', { cx: width / 2, cy: height / 2, r: 8, class: 'node self' }),
          svg('text', { x: width / 2, y: height / 2 - 14, 'text-anchor': 'middle', class: 'self' }, actor.name),
          ...names));
}

function network(actor, met) {
  const max = Math.max(...met.map(m => m.count));
  return [drawing(actor, met), h('ul', { class: 'network' }, met.map(({ actor: other, count }) =>
      h('li', {}, link('actor', other),
          h('span', { class: 'weight', 'aria-hidden': 'true', style: { width: `${(count / max) * 100}%` } }),
          h('span', { class: 'meta' }, ` · ${count} shared encounter${count === 1 ? '' : 's'}`))))];
}

function roleItem(role) {
  return h('li', {}, h('strong', {}, role.title),
      role.organization ? [', ', link('actor', role.organization)] : null,
      h('span', { class: 'meta' }, ' · ', role.start ? dateEl(role.start) : 'since ?', ' to ', role.end ? dateEl(role.end) : 'now',
          role.source ? [' · source: ', link('source', role.source, sourceName(role.source))] : null));
}

/**
 * A list of the page with "more": its items, a status line saying how many of the total are shown, and a button that
 * reads the next page through its cursor (fetch(after) answers the connection).
 */
function paged(connection, noun, render, fetch) {
  const box = h('div', {}, render(connection.nodes));
  const status = h('p', { class: 'muted', role: 'status' });
  const items = [...connection.nodes];
  const count = () => {
    status.textContent = connection.totalCount > connection.nodes.length ? `${items.length} of ${connection.totalCount} ${noun} shown` : '';
  };
  count();
  const more = moreButton(`More ${noun}`, connection.pageInfo, fetch, page => {
    items.push(...page.nodes);
    box.replaceChildren(render(items));
    count();
  }, status);
  /** A statement that arrived live: shown first (or in its place, when already listed); answers the news. */
  const show = statement => {
    if (!statement) return null;
    const at = items.findIndex(x => x.id === statement.id);
    if (at >= 0) {
      items[at] = statement;
    } else {
      items.unshift(statement);
      connection.totalCount += 1;
      connection.nodes = [statement, ...connection.nodes];
    }
    box.replaceChildren(render(items));
    count();
    empty?.remove();
    return statementNews(statement, at >= 0);
  };
  let empty = null;
  const listed = (title, nothing) => {
    empty = items.length ? null : h('p', { class: 'muted' }, nothing);
    return h('section', {}, h('h2', {}, title), empty, box, status, more);
  };
  return { nodes: [box, status, more], items, show, listed };
}

export async function actorPage(id) {
  const data = await query('ActorPage', { id });
  const actor = data.node;
  if (!actor || !actor.name) throw notFound('actor');
  // the timeline and the network are drawn again from all the encounters read so far
  const met = h('div', {});
  const drawMet = encounters => {
    const others = metWith(actor, encounters);
    met.replaceChildren(...[others.length ? h('section', {}, h('h2', {}, 'Met with'), network(actor, others)) : null].filter(Boolean));
  };
  const encounters = paged(actor.encounters, 'encounters', items => {
    drawMet(items);
    return timeline(items) ?? h('p', { class: 'muted' }, 'No dated encounter to draw.');
  }, async after => (await query('ActorEncounters', { id, after })).node.encounters);
  const statements = paged(actor.statements, 'statements', items => statementList(items, { noSpeaker: true }),
      async after => (await query('ActorStatements', { id, after })).node.statements);
  const about = paged(data.about, 'statements', items => statementList(items),
      async after => (await query('StatementsAbout', { id, after })).statements);
  const listed = (title, list, nodes, empty) => h('section', {}, h('h2', {}, title),
      list.items.length ? nodes : h('p', { class: 'muted' }, empty));
  return {
    title: actor.name,
    // live: their statements, and statements about them, as they are recorded
    live: [
      { name: 'LiveStatements', variables: { filter: { speaker: id } },
        onData: ({ statementRecorded: { statement } }) => statements.show(statement) },
      { name: 'LiveStatements', variables: { filter: { about: id } },
        onData: ({ statementRecorded: { statement } }) => about.show(statement) },
    ],
    nodes: [
      heading(actor.name),
      editor() ? editorActions([`#/edit/actor/${encodeURIComponent(actor.id)}`, 'Edit this actor']) : null,
      facts([
        ['Kind', words(actor.kind)],
        ['Description', actor.description],
        ['Also known as', actor.aliases.join(' · ')],
        ['Country', actor.country ? link('actor', actor.country) : null],
        ['Wikidata', actor.wikidataId],
      ]),
      section('Roles', actor.roles, roles => h('ul', { class: 'lines' }, roles.map(roleItem))),
      listed('Encounters', encounters, encounters.nodes, 'No encounters recorded.'),
      met,
      statements.listed('Statements', 'No statements recorded.'),
      about.listed('What others say about them', 'No statements about this actor recorded.'),
    ],
  };
}
