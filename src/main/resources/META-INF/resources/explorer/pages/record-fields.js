// Fields that recording and correcting an encounter or a statement share: the place, the participants, the words
// and speaker of a statement. Each takes the record as it is (null for a new one) and reads back its input.
import { h } from '../dom.js';
import { ENUMS } from './edit.js';
import { area, choice, control, dateFields, dateValue, field, keyed, optional, picked, pickerField, rows, rowsOf, text } from './forms.js';

const PLACE = ['place.name', 'place.locality', 'place.latitude', 'place.longitude', 'place.country'];

export function placeFields(place) {
  const number = n => (n == null ? '' : String(n));
  return h('fieldset', {}, h('legend', {}, 'Place'),
      field('Venue or city', text(place?.name), { path: 'place.name' }),
      field('Locality', text(place?.locality), { path: 'place.locality', hint: 'The city or region around the venue.' }),
      field('Latitude', text(number(place?.latitude), { inputmode: 'decimal' }), { path: 'place.latitude', hint: 'Decimal degrees, -90 to 90.' }),
      field('Longitude', text(number(place?.longitude), { inputmode: 'decimal' }), { path: 'place.longitude', hint: 'Decimal degrees, -180 to 180.' }),
      pickerField('Country', 'actor', place?.country, { path: 'place.country' }));
}

/** The PlaceInput of placeFields, null when every field is empty; a coordinate that is no number goes to problems. */
export function placeValue(form, problems) {
  if (!PLACE.some(path => control(form, path).value.trim() !== '')) return null;
  const number = path => {
    const value = control(form, path).value.trim().replace(',', '.');
    if (value === '') return null;
    if (!/^-?\d+(\.\d+)?$/.test(value)) problems.push({ field: path.split('.'), message: 'must be a number in decimal degrees, e.g. 43.12' });
    return Number(value);
  };
  return {
    name: control(form, 'place.name').value.trim(),
    locality: optional(control(form, 'place.locality').value),
    latitude: number('place.latitude'),
    longitude: number('place.longitude'),
    country: picked(control(form, 'place.country')),
  };
}

/** An encounter's title, kind, dates, place and summary; `status` (a new encounter's) goes after the kind. */
export function encounterFields(e, status) {
  return [
    field('Title', text(e?.title), { path: 'title', required: true, hint: 'Short: who met whom, where.' }),
    field('Kind', choice(ENUMS.EncounterKind, e?.kind ?? 'MEETING'), { path: 'kind', required: true }),
    status,
    dateFields('Start', 'start', e?.start),
    dateFields('End', 'end', e?.end, 'For encounters over several days.'),
    placeFields(e?.place),
    field('Summary', area(e?.summary), { path: 'summary' }),
  ];
}

/** The values of encounterFields; a coordinate that is no number goes to problems. */
export function encounterValue(form, problems) {
  return {
    title: control(form, 'title').value.trim(),
    kind: control(form, 'kind').value,
    start: dateValue(form, 'start'),
    end: dateValue(form, 'end'),
    summary: optional(control(form, 'summary').value),
    place: placeValue(form, problems),
  };
}

/** Rows of participants, one per participant given (or `blank` empty rows), each removable; "Add" adds one. */
export function participantRows(participants, blank) {
  const given = [...(participants ?? [])];
  return rows('participants', 'Participant', () => {
    const p = given.shift();
    return [
      keyed(pickerField('Actor', 'actor', p?.actor, { required: true }), 'actor'),
      keyed(field('Role', choice(ENUMS.ParticipantRole, p?.role ?? 'PRINCIPAL'), { required: true }), 'role'),
      keyed(field('Note', text(p?.note)), 'note'),
    ];
  }, given.length || blank);
}

export function participantsValue(form) {
  return rowsOf(form, 'participants').map(get => ({
    actor: picked(get('actor')) ?? '', role: get('role').value, note: optional(get('note').value),
  }));
}

/** A statement's words, mode, kind, speaker (or the source's description of them) and date. */
export function statementFields(s) {
  return [
    field('Words', area(s?.text, { rows: 4 }), { path: 'text', required: true, hint: 'Exactly as printed when verbatim; a faithful rendering otherwise.' }),
    field('Mode', choice(ENUMS.StatementMode, s?.mode ?? 'PARAPHRASE'), { path: 'mode', required: true }),
    field('Kind', choice(ENUMS.StatementKind, s?.kind ?? 'CLAIM'), { path: 'kind', required: true }),
    pickerField('Speaker', 'actor', s?.speaker, { path: 'speaker', hint: 'A known actor; or describe the speaker below.' }),
    field('Speaker as the source describes them', text(s?.speakerLabel), { path: 'speakerLabel', hint: 'e.g. a senior State Department official' }),
    dateFields('Said on', 'saidOn', s?.saidOn),
  ];
}

export function statementValue(form) {
  return {
    text: control(form, 'text').value.trim(),
    mode: control(form, 'mode').value,
    kind: control(form, 'kind').value,
    speaker: picked(control(form, 'speaker')),
    speakerLabel: optional(control(form, 'speakerLabel').value),
    saidOn: dateValue(form, 'saidOn'),
  };
}
