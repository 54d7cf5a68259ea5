import { h, section } from '../dom.js';
import { query } from '../api.js';
import { dateEl, dateText, instantText, link, sourceName, words } from '../format.js';
import { attestationItem, facts, heading, notFound, statementList } from './parts.js';

function key(partial) {
  return partial ? `${partial.date}/${partial.precision}` : '';
}

/**
 * Where sources give different dates for the encounter: one column per version (its weekday too, when known to the
 * day, since sources often say only "on Wednesday"), with the sources that give it.
 */
function disagreements(encounter) {
  const versions = new Map();
  if (encounter.start) versions.set(key(encounter.start), { date: encounter.start, sources: [], resolved: true });
  for (const attestation of encounter.attestations) {
    if (!attestation.reportedDate) continue;
    const k = key(attestation.reportedDate);
    const version = versions.get(k) ?? { date: attestation.reportedDate, sources: [] };
    version.sources.push(attestation);
    versions.set(k, version);
  }
  if (versions.size < 2) return null;
  return h('section', { class: 'disagreement' },
      h('h2', {}, 'Sources disagree on the date'),
      h('div', { class: 'versions' }, [...versions.values()].map(version =>
          h('div', { class: 'version' },
              h('h3', {}, dateText(version.date)),
              version.resolved ? h('p', { class: 'muted' }, 'the date recorded for the encounter') : null,
              h('ul', {}, version.sources.map(a => h('li', {}, link('source', a.source, sourceName(a.source)),
                  a.note ? h('p', { class: 'note' }, a.note) : null)))))));
}

function place(p) {
  if (!p) return null;
  const where = [p.name, p.locality].filter(Boolean).join(', ');
  const at = p.latitude != null && p.longitude != null ? ` (${p.latitude.toFixed(4)}, ${p.longitude.toFixed(4)})` : '';
  return h('span', {}, where + at, p.country ? [' · ', link('actor', p.country)] : null);
}

export async function encounterPage(id) {
  const data = await query('EncounterPage', { id });
  const e = data.node;
  if (!e || !e.title) throw notFound('encounter');
  return {
    title: e.title,
    nodes: [
      heading(e.title),
      facts([
        ['Kind', words(e.kind)],
        ['Status', words(e.status)],
        ['Date', e.end ? [dateEl(e.start), ' to ', dateEl(e.end)] : dateEl(e.start)],
        ['Place', place(e.place)],
        ['Part of', e.partOf ? link('encounter', e.partOf, e.partOf.title) : null],
      ]),
      e.summary ? h('p', { class: 'lead' }, e.summary) : null,
      section('Participants', e.participants, ps => h('ul', { class: 'lines' }, ps.map(p =>
          h('li', {}, link('actor', p.actor), h('span', { class: 'meta' }, ' · ', words(p.role), p.note ? ` · ${p.note}` : ''))))),
      section('Status history', e.statusHistory, changes => h('ol', { class: 'lines' }, changes.map(c =>
          h('li', {}, h('strong', {}, words(c.status)), h('span', { class: 'meta' },
              c.effective ? [' · effective ', dateEl(c.effective)] : null,
              ` · recorded ${instantText(c.recordedAt)}`,
              c.source ? [' · source: ', link('source', c.source, sourceName(c.source))] : null,
              c.note ? ` · ${c.note}` : ''))))),
      section('Parts', e.parts, parts => h('ul', { class: 'lines' }, parts.map(p =>
          h('li', {}, link('encounter', p, p.title), h('span', { class: 'meta' }, ' · ', dateEl(p.start)))))),
      disagreements(e),
      section('Statements made there', e.statements, items => statementList(items)),
      section('Statements about it', e.statementsAbout, items => statementList(items)),
      section('Sources', e.attestations, items => h('ul', { class: 'cards' }, items.map(a => attestationItem(a))),
          'No source attests this encounter.'),
    ],
  };
}
