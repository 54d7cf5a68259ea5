// Recording or correcting an agreement (#/edit/agreement, #/edit/agreement/<id>): its title and kind, the parties,
// the encounter where it was signed, the steps of its life each with its source, and (new ones) the sources that
// report it. A correction is sent with the version it was read at: a change saved meanwhile is refused (CONFLICT).
import { h } from '../dom.js';
import { query } from '../api.js';
import { dateText, link } from '../format.js';
import { ENUMS, attestationRows, attestations } from './edit.js';
import { heading, notFound } from './parts.js';
import {
  area, choice, control, editForm, field, keyed, keyedDate, keyedDateValue, optional, picked, pickerField, rows, rowsOf,
  text, write,
} from './forms.js';
import { encountersOf, titled } from './record-edit.js';

const LAST_DAY = { DAY: d => d, MONTH: d => new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).toISOString().slice(0, 10), YEAR: d => `${d.slice(0, 4)}-12-31` };
const FIRST_DAY = { DAY: d => d, MONTH: d => `${d.slice(0, 7)}-01`, YEAR: d => `${d.slice(0, 4)}-01-01` };

/** The days the steps' dates cover, from the first to the last ({from, to}), or null when no step is dated. */
function stepsSpan(form) {
  const dates = rowsOf(form, 'steps').map(get => keyedDateValue(get, 'date')).filter(Boolean);
  if (!dates.length) return null;
  const from = dates.map(d => FIRST_DAY[d.precision](d.date)).sort()[0];
  const to = dates.map(d => LAST_DAY[d.precision](d.date)).sort().at(-1);
  return { from, to };
}

/**
 * Suggests where the agreement was signed: the encounters within the dates of its steps, and those its first party
 * took part in (a state's agreements are mostly signed at its leaders' meetings: the dates find those).
 */
function signingEncounters(form) {
  return async q => {
    const typed = q.toLowerCase().split(/\s+/).filter(Boolean);
    const span = stepsSpan(form);
    const party = picked(form.querySelector('[data-list="parties"] [data-key="actor"]'));
    const [dated, met] = await Promise.all([
      span ? query('PickEncountersDated', span).then(r => r.encounters.nodes
          .filter(e => typed.every(w => e.title.toLowerCase().includes(w)))
          .map(e => [e.title, e.id, e.start ? dateText(e.start) : 'undated'])) : [],
      party ? encountersOf(party, q) : [],
    ]);
    const seen = new Set();
    return [...dated, ...met].filter(([, id]) => !seen.has(id) && seen.add(id));
  };
}

function stepRows(steps) {
  const given = [...(steps ?? [])];
  return rows('steps', 'Step', () => {
    const s = given.shift();
    return [
      keyed(field('Status', choice(ENUMS.AgreementStatus, s?.status ?? 'SIGNED'), { required: true }), 'status'),
      keyedDate('Date', 'date', s?.date, 'As precisely as the source gives it.'),
      keyed(pickerField('Source', 'source', s?.source ? { id: s.source.id, name: s.source.title ?? s.source.id } : null,
          { hint: 'The source that reports this step.' }), 'source'),
      keyed(field('Note', text(s?.note)), 'note'),
    ];
  }, given.length || 1);
}

export async function agreementForm(id) {
  const a = id ? (await query('EditAgreementPage', { id })).node : null;
  if (id && !a?.title) throw notFound('agreement');
  const what = a ? `Edit ${a.title}` : 'Record an agreement';
  const parties = [...(a?.parties ?? [])];
  const form = editForm(what, [
    field('Title', text(a?.title), { path: 'title', required: true, hint: 'As the instrument is known, e.g. Panmunjom Declaration.' }),
    field('Kind', choice(ENUMS.AgreementKind, a?.kind ?? 'AGREEMENT'), { path: 'kind', required: true }),
    field('Summary', area(a?.summary), { path: 'summary' }),
    pickerField('Signed at', 'encounter', titled(a?.signedAt), { path: 'signedAt',
      hint: 'The encounter where it was signed: one within the dates of its steps, or one its first party took part in; type a word of its title.',
      suggest: q => signingEncounters(form)(q) }),
    h('h2', {}, 'Parties'),
    rows('parties', 'Party', () => [keyed(pickerField('Actor', 'actor', parties.shift(),
        { required: true, hint: 'A state or organization bound by it, mostly.' }), 'actor')], parties.length || 2),
    h('h2', {}, 'Steps'),
    stepRows(a?.steps),
    a ? null : [h('h2', {}, 'Sources'), attestationRows()],
  ], a ? 'Save changes' : 'Record agreement', async () => {
    const input = {
      title: control(form, 'title').value.trim(),
      kind: control(form, 'kind').value,
      summary: optional(control(form, 'summary').value),
      parties: rowsOf(form, 'parties').map(get => picked(get('actor')) ?? ''),
      signedAt: picked(control(form, 'signedAt')),
      steps: rowsOf(form, 'steps').map(get => ({
        status: get('status').value,
        date: keyedDateValue(get, 'date'),
        source: picked(get('source')),
        note: optional(get('note').value),
      })),
    };
    const done = p => { location.hash = `#/agreement/${encodeURIComponent(p.agreement.id)}`; };
    if (a) {
      await write(form, 'UpdateAgreement', { id: a.id, version: a.version, ...input }, 'updateAgreement',
          { what: 'agreement', reload: () => window.dispatchEvent(new Event('hashchange')), done });
    } else {
      await write(form, 'CreateAgreement', { ...input, attestations: attestations(form) }, 'createAgreement',
          { what: 'agreement', done });
    }
  });
  return {
    title: what,
    page: a ? 'edit-agreement-update' : 'edit-agreement',
    nodes: [heading(what), a ? h('p', {}, link('agreement', a, 'Back to the agreement')) : null, form],
  };
}
