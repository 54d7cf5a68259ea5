// The editor's forms: an actor (new or changed), an encounter, a statement, a source's account of a record.
import { h } from '../dom.js';
import { query } from '../api.js';
import { editor } from '../session.js';
import { dateEl, link } from '../format.js';
import { heading, notFound, speakerEl } from './parts.js';
import {
  area, choice, control, dateFields, dateValue, editForm, field, keyed, optional, picked, pickerField, rows, rowsOf,
  text, write,
} from './forms.js';

// The schema's enums the forms offer (ExplorerDocumentsTest checks them against docs/schema.graphql).
export const ENUMS = {
  ActorKind: ['PERSON', 'STATE', 'ORGANIZATION', 'NEWS_AGENCY'],
  EncounterKind: ['MEETING', 'SUMMIT', 'TALKS', 'VISIT', 'CALL', 'LETTER', 'BRIEFING', 'CEREMONY'],
  EncounterStatus: ['HELD', 'PLANNED', 'PROPOSED', 'POSTPONED', 'CANCELLED'],
  ParticipantRole: ['HOST', 'GUEST', 'PRINCIPAL', 'ATTENDEE', 'DELEGATION', 'DELEGATION_MEMBER', 'ENVOY', 'MEDIATOR', 'SENDER', 'RECIPIENT'],
  StatementKind: ['CLAIM', 'ASSESSMENT', 'ALLEGATION', 'DENIAL', 'PLEDGE', 'INVITATION', 'ACCEPTANCE', 'DEMAND', 'WARNING', 'OFFER', 'ENDORSEMENT', 'ANNOUNCEMENT', 'INTENTION', 'NO_COMMENT'],
  StatementMode: ['VERBATIM', 'PARAPHRASE'],
};

/** The fields of a source's account: which source, its excerpt, the date as it gives it, a note. */
function attestationFields(keyedFields) {
  const k = (f, key) => (keyedFields ? keyed(f, key) : f);
  const date = dateFields('The date as this source gives it', keyedFields ? '' : 'reportedDate', null,
      'Only when it differs from the recorded date, or is all the source says.');
  if (keyedFields) {
    const [d, p] = date.querySelectorAll('input, select');
    d.dataset.key = 'reportedDate.date';
    p.dataset.key = 'reportedDate.precision';
    delete d.dataset.path;
    delete p.dataset.path;
  }
  return [
    k(pickerField('Source', 'source', null, { path: keyedFields ? null : 'source', required: true, hint: 'Type a few letters of its title or publisher, then choose.' }), 'source'),
    k(field('Excerpt', area('', { rows: 3 }), { path: keyedFields ? null : 'excerpt', required: true, hint: 'The source\'s own words, quoted exactly.' }), 'excerpt'),
    date,
    k(field('Note', text(''), { path: keyedFields ? null : 'note' }), 'note'),
  ];
}

function reportedDate(get) {
  const date = get('reportedDate.date').value;
  return date ? { date, precision: get('reportedDate.precision').value } : null;
}

/** AttestationInputs from the rows of the attestations list. */
function attestations(form) {
  return rowsOf(form, 'attestations').map(get => ({
    source: picked(get('source')) ?? '',
    excerpt: get('excerpt').value,
    note: optional(get('note').value),
    reportedDate: reportedDate(get),
  }));
}

function signedOut(what) {
  return {
    title: what,
    nodes: [heading(what), h('p', {}, 'Writing needs an editor\'s token. ',
        h('a', { href: `#/sign-in?next=${encodeURIComponent(location.hash)}` }, 'Sign in as editor'), ' first.')],
  };
}

async function actorForm(id) {
  const actor = id ? (await query('EditActorPage', { id })).node : null;
  if (id && !actor?.name) throw notFound('actor');
  const what = actor ? `Edit ${actor.name}` : 'New actor';
  const form = editForm(what, [
    field('Name', text(actor?.name), { path: 'name', required: true, hint: 'The name most sources use.' }),
    field('Kind', choice(ENUMS.ActorKind, actor?.kind), { path: 'kind', required: true }),
    field('Description', area(actor?.description), { path: 'description' }),
    actor ? null : field('Other names', area('', { rows: 2 }), { path: 'aliases', hint: 'One name or spelling a line, as printed in sources.' }),
    pickerField('Country', 'actor', actor?.country, { path: 'country', hint: 'The state the actor belongs to.' }),
    field('Wikidata ID', text(actor?.wikidataId), { path: 'wikidataId', hint: 'e.g. Q7747' }),
  ], actor ? 'Save changes' : 'Create actor', async () => {
    const input = {
      name: control(form, 'name').value.trim(),
      kind: control(form, 'kind').value,
      description: optional(control(form, 'description').value),
      country: picked(control(form, 'country')),
      wikidataId: optional(control(form, 'wikidataId').value),
    };
    const options = { what: 'actor', reload: () => window.dispatchEvent(new Event('hashchange')) };
    if (actor) {
      await write(form, 'UpdateActor', { id: actor.id, version: actor.version, ...input }, 'updateActor',
          { ...options, done: p => { location.hash = `#/actor/${encodeURIComponent(p.actor.id)}`; } });
    } else {
      const aliases = control(form, 'aliases').value.split('\n').map(a => a.trim()).filter(Boolean);
      await write(form, 'CreateActor', { ...input, aliases }, 'createActor',
          { ...options, done: p => { location.hash = `#/actor/${encodeURIComponent(p.actor.id)}`; } });
    }
  });
  return { title: what, page: 'edit-actor', nodes: [heading(what), actor ? h('p', {}, link('actor', actor, 'Back to the actor')) : null, form] };
}

function encounterForm() {
  const what = 'Record an encounter';
  const form = editForm(what, [
    field('Title', text(''), { path: 'title', required: true, hint: 'Short: who met whom, where.' }),
    field('Kind', choice(ENUMS.EncounterKind, 'MEETING'), { path: 'kind', required: true }),
    field('Status', choice(ENUMS.EncounterStatus, 'HELD'), { path: 'status', required: true, hint: 'Whether it took place, as the sources report it.' }),
    dateFields('Start', 'start', null),
    dateFields('End', 'end', null, 'For encounters over several days.'),
    h('fieldset', {}, h('legend', {}, 'Place'),
        field('Venue or city', text(''), { path: 'place.name' }),
        field('Locality', text(''), { path: 'place.locality', hint: 'The city or region around the venue.' }),
        field('Latitude', text('', { inputmode: 'decimal' }), { path: 'place.latitude', hint: 'Decimal degrees, -90 to 90.' }),
        field('Longitude', text('', { inputmode: 'decimal' }), { path: 'place.longitude', hint: 'Decimal degrees, -180 to 180.' }),
        pickerField('Country', 'actor', null, { path: 'place.country' })),
    field('Summary', area(''), { path: 'summary' }),
    h('h2', {}, 'Participants'),
    rows('participants', 'Participant', () => [
      keyed(pickerField('Actor', 'actor', null, { required: true }), 'actor'),
      keyed(field('Role', choice(ENUMS.ParticipantRole, 'PRINCIPAL'), { required: true }), 'role'),
      keyed(field('Note', text('')), 'note'),
    ], 2),
    h('h2', {}, 'Sources'),
    rows('attestations', 'Source', () => attestationFields(true)),
  ], 'Record encounter', async () => {
    const problems = [];
    const number = path => {
      const value = control(form, path).value.trim().replace(',', '.');
      if (value === '') return null;
      if (!/^-?\d+(\.\d+)?$/.test(value)) problems.push({ field: path.split('.'), message: 'must be a number in decimal degrees, e.g. 43.12' });
      return Number(value);
    };
    const placeGiven = ['place.name', 'place.locality', 'place.latitude', 'place.longitude', 'place.country']
        .some(path => control(form, path).value.trim() !== '');
    const input = {
      title: control(form, 'title').value.trim(),
      kind: control(form, 'kind').value,
      status: control(form, 'status').value,
      start: dateValue(form, 'start'),
      end: dateValue(form, 'end'),
      summary: optional(control(form, 'summary').value),
      place: !placeGiven ? null : {
        name: control(form, 'place.name').value.trim(),
        locality: optional(control(form, 'place.locality').value),
        latitude: number('place.latitude'),
        longitude: number('place.longitude'),
        country: picked(control(form, 'place.country')),
      },
      participants: rowsOf(form, 'participants').map(get => ({
        actor: picked(get('actor')) ?? '', role: get('role').value, note: optional(get('note').value),
      })),
      attestations: attestations(form),
    };
    await write(form, 'RecordEncounter', input, 'recordEncounter', {
      what: 'encounter',
      problems,
      done: p => { location.hash = `#/encounter/${encodeURIComponent(p.encounter.id)}`; },
    });
  });
  return { title: what, page: 'edit-encounter', nodes: [heading(what), form] };
}

function statementForm() {
  const what = 'Record a statement';
  const form = editForm(what, [
    field('Words', area('', { rows: 4 }), { path: 'text', required: true, hint: 'Exactly as printed when verbatim; a faithful rendering otherwise.' }),
    field('Mode', choice(ENUMS.StatementMode, 'PARAPHRASE'), { path: 'mode', required: true }),
    field('Kind', choice(ENUMS.StatementKind, 'CLAIM'), { path: 'kind', required: true }),
    pickerField('Speaker', 'actor', null, { path: 'speaker', hint: 'A known actor; or describe the speaker below.' }),
    field('Speaker as the source describes them', text(''), { path: 'speakerLabel', hint: 'e.g. a senior State Department official' }),
    dateFields('Said on', 'saidOn', null),
    h('h2', {}, 'Sources'),
    rows('attestations', 'Source', () => attestationFields(true)),
  ], 'Record statement', async () => {
    const input = {
      text: control(form, 'text').value.trim(),
      mode: control(form, 'mode').value,
      kind: control(form, 'kind').value,
      speaker: picked(control(form, 'speaker')),
      speakerLabel: optional(control(form, 'speakerLabel').value),
      saidOn: dateValue(form, 'saidOn'),
      attestations: attestations(form),
    };
    await write(form, 'RecordStatement', input, 'recordStatement', {
      what: 'statement',
      done: p => { location.hash = `#/statement/${encodeURIComponent(p.statement.id)}`; },
    });
  });
  return { title: what, page: 'edit-statement', nodes: [heading(what), form] };
}

async function attestForm(id) {
  const subject = (await query('AttestPage', { id })).node;
  if (!subject || !['Encounter', 'Statement'].includes(subject.__typename)) throw notFound('encounter or statement');
  const kind = subject.__typename.toLowerCase();
  const what = 'Add a source\'s account';
  const back = `#/${kind}/${encodeURIComponent(subject.id)}`;
  const form = editForm(what, attestationFields(false), 'Add this account', async () => {
    const get = key => control(form, key);
    await write(form, 'Attest', {
      [kind]: subject.id,
      source: picked(get('source')) ?? '',
      excerpt: get('excerpt').value,
      note: optional(get('note').value),
      reportedDate: reportedDate(get),
    }, 'attest', { what: 'record', done: () => { location.hash = back; } });
  });
  const about = kind === 'encounter'
      ? h('p', {}, 'Of the encounter ', link('encounter', subject, subject.title), ' · ', dateEl(subject.start))
      : h('p', {}, 'Of the statement by ', speakerEl(subject), ': ', link('statement', subject, subject.text));
  return { title: what, page: 'edit-attest', nodes: [heading(what), about, form] };
}

const FORMS = { actor: actorForm, encounter: encounterForm, statement: statementForm, attest: attestForm };

export async function editPage({ form, id }) {
  const make = FORMS[form];
  if (!make) throw notFound('form');
  if (!editor()) return { ...signedOut('Sign in to edit'), page: `edit-${form}` };
  return make(id);
}
