// An agreement: what kind of instrument, between whom, signed where, the steps of its life each with its source, the
// statements about it and every source's account, with the dates on which sources disagree side by side.
import { h, section } from '../dom.js';
import { query } from '../api.js';
import { dateEl, link, sourceName, words } from '../format.js';
import { editor } from '../session.js';
import { attestationItem, dateVersions, editorActions, facts, heading, notFound, statementList } from './parts.js';

/** The date an agreement is known by: that of its first step (signed, mostly), as the disagreements list takes it. */
export function agreementDate(steps) {
  return steps[0]?.date ?? null;
}

export async function agreementPage(id) {
  const a = (await query('AgreementPage', { id })).node;
  if (!a || !a.title || !a.parties) throw notFound('agreement');
  return {
    title: a.title,
    nodes: [
      heading(a.title),
      editor() ? editorActions([`#/edit/agreement/${encodeURIComponent(a.id)}`, 'Edit'],
          [`#/edit/attest/${encodeURIComponent(a.id)}`, 'Add a source\'s account']) : null,
      facts([
        ['Kind', words(a.kind)],
        ['Status', a.status ? words(a.status) : 'no step recorded'],
        ['Parties', a.parties.flatMap((p, i) => [i ? ' · ' : null, link('actor', p)])],
        ['Signed at', a.signedAt ? [link('encounter', a.signedAt, a.signedAt.title), ' · ', dateEl(a.signedAt.start)] : null],
      ]),
      a.summary ? h('p', { class: 'lead' }, a.summary) : null,
      section('Steps', a.steps, steps => h('ol', { class: 'lines' }, steps.map(s =>
          h('li', {}, h('strong', {}, words(s.status)), h('span', { class: 'meta' },
              ' · ', s.date ? dateEl(s.date) : 'date not known',
              s.source ? [' · source: ', link('source', s.source, sourceName(s.source))] : null,
              s.note ? ` · ${s.note}` : ''))))),
      dateVersions(agreementDate(a.steps), a.attestations),
      section('Statements about it', a.statementsAbout, items => statementList(items)),
      section('Sources', a.attestations, items => h('ul', { class: 'cards' }, items.map(x => attestationItem(x))),
          'No source attests this agreement.'),
    ],
  };
}
