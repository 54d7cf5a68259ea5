// The editor's forms: an actor (new or changed), an encounter, a statement, an agreement, a source's account of a record.
import { h } from '../dom.js';
import { query } from '../api.js';
import { editor } from '../session.js';
import { dateEl, link } from '../format.js';
import { heading, notFound, speakerEl } from './parts.js';
import {
  area, choice, control, dateFields, editForm, field, keyed, keyedDate, keyedDateValue, optional, picked, pickerField,
  rows, rowsOf, text, write,
} from './forms.js';
import { encounterFields, encounterValue, participantRows, participantsValue, statementFields, statementValue } from './record-fields.js';
import { encounterEditForm, statementEditForm } from './record-edit.js';
import { agreementForm } from './agreement-edit.js';

// The schema's enums the forms offer (ExplorerDocumentsTest checks them against docs/schema.graphql).
export const ENUMS = {
  ActorKind: ['PERSON', 'STATE', 'ORGANIZATION', 'NEWS_AGENCY'],
  AgreementKind: ['AGREEMENT', 'DECLARATION', 'JOINT_STATEMENT', 'MEMORANDUM', 'PROTOCOL', 'TREATY'],
  AgreementStatus: ['SIGNED', 'RATIFIED', 'IN_FORCE', 'SUSPENDED', 'TERMINATED', 'EXPIRED'],
  EncounterKind: ['MEETING', 'SUMMIT', 'TALKS', 'VISIT', 'CALL', 'LETTER', 'BRIEFING', 'CEREMONY'],
  EncounterStatus: ['HELD', 'PLANNED', 'PROPOSED', 'POSTPONED', 'CANCELLED'],
  ParticipantRole: ['HOST', 'GUEST', 'PRINCIPAL', 'ATTENDEE', 'DELEGATION', 'DELEGATION_MEMBER', 'ENVOY', 'MEDIATOR', 'SENDER', 'RECIPIENT'],
  StatementKind: ['CLAIM', 'ASSESSMENT', 'ALLEGATION', 'DENIAL', 'PLEDGE', 'INVITATION', 'ACCEPTANCE', 'DEMAND', 'WARNING', 'OFFER', 'ENDORSEMENT', 'ANNOUNCEMENT', 'INTENTION', 'NO_COMMENT'],
  StatementMode: ['VERBATIM', 'PARAPHRASE'],
};

/** The fields of a source's account: which source, its excerpt, the date as it gives it, a note. */
function attestationFields(keyedFields) {
  const k = (f, key) => (keyedFields ? keyed(f, key) : f);
  const legend = 'The date as this source gives it';
  const hint = 'Only when it differs from the recorded date, or is all the source says.';
  return [
    k(pickerField('Source', 'source', null, { path: keyedFields ? null : 'source', required: true, hint: 'Type a few letters of its title or publisher, then choose.' }), 'source'),
    k(field('Excerpt', area('', { rows: 3 }), { path: keyedFields ? null : 'excerpt', required: true, hint: 'The source\'s own words, quoted exactly.' }), 'excerpt'),
    keyedFields ? keyedDate(legend, 'reportedDate', null, hint) : dateFields(legend, 'reportedDate', null, hint),
    k(field('Note', text(''), { path: keyedFields ? null : 'note' }), 'note'),
  ];
}

function reportedDate(get) {
  return keyedDateValue(get, 'reportedDate');
}

/** The rows of a new record's sources: one source's account each, at least one. */
export function attestationRows() {
  return rows('attestations', 'Source', () => attestationFields(true));
}

/** AttestationInputs from the rows of the attestations list. */
export function attestations(form) {
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
    encounterFields(null, field('Status', choice(ENUMS.EncounterStatus, 'HELD'),
        { path: 'status', required: true, hint: 'Whether it took place, as the sources report it.' })),
    h('h2', {}, 'Participants'),
    participantRows(null, 2),
    h('h2', {}, 'Sources'),
    attestationRows(),
  ], 'Record encounter', async () => {
    const problems = [];
    const input = {
      ...encounterValue(form, problems),
      status: control(form, 'status').value,
      participants: participantsValue(form),
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
    statementFields(null),
    h('h2', {}, 'Sources'),
    attestationRows(),
  ], 'Record statement', async () => {
    const input = {
      ...statementValue(form),
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
  if (!subject || !['Encounter', 'Statement', 'Agreement'].includes(subject.__typename)) throw notFound('encounter, statement or agreement');
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
  const about = {
    encounter: () => h('p', {}, 'Of the encounter ', link('encounter', subject, subject.title), ' · ', dateEl(subject.start)),
    statement: () => h('p', {}, 'Of the statement by ', speakerEl(subject), ': ', link('statement', subject, subject.text)),
    agreement: () => h('p', {}, 'Of the agreement ', link('agreement', subject, subject.title)),
  }[kind]();
  return { title: what, page: 'edit-attest', nodes: [heading(what), about, form] };
}

// with an ID, the encounter and statement forms correct that record (record-edit.js); agreement-edit.js does both
const FORMS = {
  actor: actorForm,
  encounter: id => (id ? encounterEditForm(id) : encounterForm()),
  statement: id => (id ? statementEditForm(id) : statementForm()),
  agreement: agreementForm,
  attest: attestForm,
};

export async function editPage({ form, id }) {
  const make = FORMS[form];
  if (!make) throw notFound('form');
  if (!editor()) return { ...signedOut('Sign in to edit'), page: `edit-${form}` };
  return make(id);
}
