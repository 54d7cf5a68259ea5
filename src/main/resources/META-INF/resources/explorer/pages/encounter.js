import { h, section } from '../dom.js';
import { query } from '../api.js';
import { dateEl, link, sourceName, words } from '../format.js';
import { editor } from '../session.js';
import { liveStatements } from '../live.js';
import { attestationItem, dateVersions, editorActions, facts, heading, notFound, statementList } from './parts.js';

function place(p) {
  if (!p) return null;
  const where = [p.name, p.locality].filter(Boolean).join(', ');
  const at = p.latitude != null && p.longitude != null ? ` (${p.latitude.toFixed(4)}, ${p.longitude.toFixed(4)})` : '';
  return h('span', {}, where + at, p.country ? [' · ', link('actor', p.country)] : null);
}

function statusHistory(changes) {
  return section('Status history', changes, items => h('ol', { class: 'lines' }, items.map(c =>
      h('li', {}, h('strong', {}, words(c.status)), h('span', { class: 'meta' },
          // the day the change took effect, not the day it was entered in Parley
          ' · ', c.effective ? ['from ', dateEl(c.effective)] : 'date not known',
          c.source ? [' · source: ', link('source', c.source, sourceName(c.source))] : null,
          c.note ? ` · ${c.note}` : '')))));
}

export async function encounterPage(id) {
  const data = await query('EncounterPage', { id });
  const e = data.node;
  if (!e || !e.title) throw notFound('encounter');
  // live: the status and its history as they change, statements made there as they are recorded
  const status = h('span', { class: 'status' }, words(e.status));
  const history = h('div', {}, statusHistory(e.statusHistory));
  const made = liveStatements('Statements made there', e.statements, items => statementList(items));
  return {
    title: e.title,
    live: [
      { name: 'LiveEncounter', variables: { filter: { encounter: id } }, onData: ({ encounterChanged: { encounter } }) => {
        if (!encounter) return 'This encounter was deleted.';
        const changed = encounter.status !== e.status;
        e.status = encounter.status;
        status.textContent = words(encounter.status);
        history.replaceChildren(...[statusHistory(encounter.statusHistory)].filter(Boolean));
        return changed ? `Status changed: ${words(encounter.status)}` : 'This encounter was updated.';
      } },
      { name: 'LiveStatements', variables: { filter: { encounter: id } },
        onData: ({ statementRecorded: { statement } }) => made.show(statement) },
    ],
    nodes: [
      heading(e.title),
      editor() ? editorActions([`#/edit/encounter/${encodeURIComponent(e.id)}`, 'Edit'],
          [`#/edit/attest/${encodeURIComponent(e.id)}`, 'Add a source\'s account']) : null,
      facts([
        ['Kind', words(e.kind)],
        ['Status', status],
        ['Date', e.end ? [dateEl(e.start), ' to ', dateEl(e.end)] : dateEl(e.start)],
        ['Place', place(e.place)],
        ['Part of', e.partOf ? link('encounter', e.partOf, e.partOf.title) : null],
      ]),
      e.summary ? h('p', { class: 'lead' }, e.summary) : null,
      section('Participants', e.participants, ps => h('ul', { class: 'lines' }, ps.map(p =>
          h('li', {}, link('actor', p.actor), h('span', { class: 'meta' }, ' · ', words(p.role), p.note ? ` · ${p.note}` : ''))))),
      history,
      section('Agreements signed there', e.agreementsSigned, items => h('ul', { class: 'lines' }, items.map(a =>
          h('li', {}, link('agreement', a, a.title), h('span', { class: 'meta' }, ' · ', words(a.kind)))))),
      section('Parts', e.parts, parts => h('ul', { class: 'lines' }, parts.map(p =>
          h('li', {}, link('encounter', p, p.title), h('span', { class: 'meta' }, ' · ', dateEl(p.start)))))),
      dateVersions(e.start, e.attestations),
      made.node,
      section('Statements about it', e.statementsAbout, items => statementList(items)),
      section('Sources', e.attestations, items => h('ul', { class: 'cards' }, items.map(a => attestationItem(a))),
          'No source attests this encounter.'),
    ],
  };
}
