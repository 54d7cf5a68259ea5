// Correcting an encounter or a statement (#/edit/encounter/<id>, #/edit/statement/<id>): forms filled with the record
// as it is, sent with the version it was read at, so that a change saved meanwhile is refused (CONFLICT) rather than
// overwritten. An encounter's status changes by a step of its history (setEncounterStatus), in a form of its own.
import { h } from '../dom.js';
import { query } from '../api.js';
import { dateText, link, shortText, words } from '../format.js';
import { ENUMS } from './edit.js';
import { heading, notFound } from './parts.js';
import {
  choice, control, dateFields, dateValue, editForm, field, keyed, optional, picked, pickerField, rows, rowsOf,
  text, write,
} from './forms.js';
import { encounterFields, encounterValue, participantRows, participantsValue, statementFields, statementValue } from './record-fields.js';

const reload = () => window.dispatchEvent(new Event('hashchange'));
const open = (kind, id) => { location.hash = `#/${kind}/${encodeURIComponent(id)}`; };

/** A record with a title as a picker's choice. */
export function titled(record) {
  return record ? { id: record.id, name: record.title } : null;
}

/** A statement as a picker's choice: its words, cut. */
function worded(statement) {
  return statement ? { id: statement.id, name: shortText(statement.text) } : null;
}

export async function encounterEditForm(id) {
  const e = (await query('EditEncounterPage', { id })).node;
  if (!e?.title || !e.participants) throw notFound('encounter');
  const what = `Edit ${e.title}`;
  const details = editForm('The encounter', [
    encounterFields(e),
    pickerField('Part of', 'encounter', titled(e.partOf), { path: 'partOf',
      hint: 'The larger encounter it belongs to (a summit, a visit): one its first participant took part in; type a word of its title.',
      suggest: encountersOfPicked(() => details.querySelector('[data-list="participants"] [data-key="actor"]'), e.id) }),
    h('h3', {}, 'Participants'),
    participantRows(e.participants, 1),
  ], 'Save changes', async () => {
    const problems = [];
    const input = {
      id: e.id,
      version: e.version,
      ...encounterValue(details, problems),
      partOf: picked(control(details, 'partOf')),
      participants: participantsValue(details),
    };
    await write(details, 'UpdateEncounter', input, 'updateEncounter',
        { what: 'encounter', problems, reload, done: p => open('encounter', p.encounter.id) });
  });

  const steps = e.statusHistory.length;
  const status = editForm('A status step', [
    h('p', { class: 'muted' }, `Now ${words(e.status)}`, steps ? `, after ${steps} step${steps > 1 ? 's' : ''}` : '',
        '. A step says from which day a status holds (a summit planned, postponed, then held) and who reports it.'),
    field('New status', choice(ENUMS.EncounterStatus, e.status), { path: 'status', required: true }),
    dateFields('From', 'effective', null, 'The day the change took effect, as precisely as known.'),
    pickerField('Source', 'source', null, { path: 'source', hint: 'The source that reports the change.' }),
    field('Note', text(''), { path: 'note' }),
  ], 'Add this step', async () => {
    await write(status, 'SetEncounterStatus', {
      encounter: e.id,
      version: e.version,
      status: control(status, 'status').value,
      effective: dateValue(status, 'effective'),
      source: picked(control(status, 'source')),
      note: optional(control(status, 'note').value),
    }, 'setEncounterStatus', { what: 'encounter', reload, done: p => open('encounter', p.encounter.id) });
  });
  return {
    title: what,
    page: 'edit-encounter-update',
    nodes: [heading(what), h('p', {}, link('encounter', e, 'Back to the encounter')),
      h('section', { 'aria-labelledby': 'status-step' }, h('h2', { id: 'status-step' }, 'Status'), status),
      h('section', { 'aria-labelledby': 'encounter-details' }, h('h2', { id: 'encounter-details' }, 'Details'), details)],
  };
}

/** The encounters an actor took part in whose title holds every word typed, as picker suggestions. */
export async function encountersOf(actor, q, except) {
  const typed = q.toLowerCase().split(/\s+/).filter(Boolean);
  return (await query('PickEncounters', { participant: actor })).encounters.nodes
      .filter(e => e.id !== except && typed.every(w => e.title.toLowerCase().includes(w)))
      .map(e => [e.title, e.id, e.start ? dateText(e.start) : 'undated']);
}

/** Suggests the encounters the actor of a picker took part in (the API searches no titles), narrowed by the words typed. */
function encountersOfPicked(actorControl, except) {
  return async q => {
    const actor = picked(actorControl());
    return actor ? encountersOf(actor, q, except) : [];
  };
}

async function pickStatements(q) {
  return (await query('PickStatements', { q })).statements.nodes
      .map(s => [shortText(s.text), s.id, s.speaker?.name ?? s.speakerLabel ?? '']);
}

export async function statementEditForm(id) {
  const s = (await query('EditStatementPage', { id })).node;
  if (!s || s.text == null || !s.about) throw notFound('statement');
  const what = 'Edit a statement';
  let form = null;
  const encounters = encountersOfPicked(() => control(form, 'speaker'));
  const about = [...s.about];
  const aboutEncounters = s.aboutEncounters.map(titled);
  const aboutAgreements = s.aboutAgreements.map(titled);
  const aboutSources = s.aboutSources.map(source => ({ id: source.id, name: source.title ?? source.id }));
  const aboutStatements = s.aboutStatements.map(worded);
  form = editForm(what, [
    statementFields(s),
    pickerField('Said at the encounter', 'encounter', titled(s.encounter),
        { path: 'encounter', hint: 'One of the speaker\'s encounters: type a word of its title.', suggest: encounters }),
    pickerField('In response to', 'statement', worded(s.respondsTo),
        { path: 'respondsTo', hint: 'The statement it answers (what a denial denies): type a few of its words.', suggest: pickStatements }),
    h('h2', {}, 'What it is about'),
    rows('about', 'Subject', () => [keyed(pickerField('Actor', 'actor', about.shift(), {}), 'actor')], s.about.length),
    rows('aboutEncounters', 'Related encounter', () => [keyed(pickerField('Encounter', 'encounter', aboutEncounters.shift(),
        { hint: 'One of the speaker\'s encounters.', suggest: encounters }), 'encounter')], s.aboutEncounters.length),
    rows('aboutAgreements', 'Related agreement', () => [keyed(pickerField('Agreement', 'agreement', aboutAgreements.shift(),
        { hint: 'Type a word of its title.' }), 'agreement')], s.aboutAgreements.length),
    rows('aboutSources', 'Related source', () => [keyed(pickerField('Source', 'source', aboutSources.shift(),
        { hint: 'The report it is about (one it calls fabricated): type a few letters of its title or publisher.' }), 'source')],
    s.aboutSources.length),
    rows('aboutStatements', 'Related statement', () => [keyed(pickerField('Statement', 'statement', aboutStatements.shift(),
        { hint: 'A statement it comments on (not the one it answers): type a few of its words.', suggest: pickStatements }),
    'statement')], s.aboutStatements.length),
  ], 'Save changes', async () => {
    // a row left empty is removed first, so that the rows sent are the rows shown: the service names a row at fault
    // by its index (["input", "aboutSources", "1"])
    const ids = (list, key) => {
      rowsOf(form, list).filter(get => !get(key).value.trim())
          .forEach(get => get(key).closest('.row').querySelector(':scope > button').click());
      return rowsOf(form, list).map(get => picked(get(key)));
    };
    await write(form, 'UpdateStatement', {
      id: s.id,
      version: s.version,
      ...statementValue(form),
      encounter: picked(control(form, 'encounter')),
      respondsTo: picked(control(form, 'respondsTo')),
      about: ids('about', 'actor'),
      aboutEncounters: ids('aboutEncounters', 'encounter'),
      aboutAgreements: ids('aboutAgreements', 'agreement'),
      aboutSources: ids('aboutSources', 'source'),
      aboutStatements: ids('aboutStatements', 'statement'),
    }, 'updateStatement', { what: 'statement', reload, done: p => open('statement', p.statement.id) });
  });
  return { title: what, page: 'edit-statement-update', nodes: [heading(what), h('p', {}, link('statement', s, 'Back to the statement')), form] };
}
