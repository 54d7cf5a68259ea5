// Pieces that several pages show: a statement, an encounter line, a source's attestation, a date-range timeline.
import { h } from '../dom.js';
import { explain } from '../api.js';
import { dateEl, dateText, link, sourceName, span, words } from '../format.js';

export function speakerEl(statement) {
  const name = statement.speaker ? link('actor', statement.speaker) : null;
  const label = statement.speakerLabel;
  if (name && label) return h('span', {}, name, ` (${label})`);
  return name ?? h('span', {}, label ?? 'unknown speaker');
}

/** A statement with its mode marked: verbatim words in quotes, paraphrase as such. */
export function statementItem(statement, options = {}) {
  const verbatim = statement.mode === 'VERBATIM';
  const text = verbatim
      ? h('q', { class: 'verbatim' }, statement.text)
      : h('span', { class: 'paraphrase' }, statement.text);
  return h('li', { class: 'statement' },
      h('p', { class: 'meta' },
          options.noSpeaker ? null : [speakerEl(statement), ' · '],
          h('span', { class: `mode ${verbatim ? 'mode-verbatim' : 'mode-paraphrase'}` }, verbatim ? 'verbatim' : 'paraphrase'),
          ' · ', words(statement.kind), ' · ', dateEl(statement.saidOn)),
      h('p', {}, link('statement', statement, text)));
}

export function statementList(statements, options) {
  return h('ul', { class: 'cards' }, statements.map(s => statementItem(s, options)));
}

export function encounterItem(encounter) {
  return h('li', {},
      link('encounter', encounter, encounter.title),
      h('span', { class: 'meta' }, ' · ', words(encounter.kind), ', ', words(encounter.status), ' · ',
          dateEl(encounter.start), encounter.place ? ` · ${encounter.place.name}` : ''));
}

export function attestationItem(attestation, subject) {
  const parts = [
    attestation.source ? link('source', attestation.source, sourceName(attestation.source)) : null,
    subject,
    attestation.reportedDate ? ['gives the date as ', dateEl(attestation.reportedDate)] : null,
  ].filter(Boolean);
  return h('li', { class: 'attestation' },
      h('p', { class: 'meta' }, parts.map((part, i) => (i ? [' · ', part] : part))),
      h('blockquote', {}, attestation.excerpt),
      attestation.note ? h('p', { class: 'note' }, attestation.note) : null);
}

/**
 * Encounters on a time axis. A date known to the day is a point; one known only to the month or the year is drawn as
 * a span over that month or year and labelled so. The bars are decoration: each row says its date in words.
 */
export function timeline(encounters) {
  const dated = encounters.filter(e => e.start);
  if (dated.length === 0) return null;
  const spans = dated.map(e => span(e.start, e.end));
  const min = Math.min(...spans.map(s => s[0]));
  const max = Math.max(...spans.map(s => s[1]));
  const width = Math.max(max - min, 1);
  const axis = h('div', { class: 'axis', 'aria-hidden': 'true' },
      h('span', {}, dateText({ date: new Date(min).toISOString().slice(0, 10), precision: 'MONTH' })),
      h('span', {}, dateText({ date: new Date(max - 1).toISOString().slice(0, 10), precision: 'MONTH' })));
  return h('div', { class: 'timeline' }, axis, h('ol', {}, dated.map((e, i) => {
    const [from, to] = spans[i];
    const point = e.start.precision === 'DAY' && !e.end;
    return h('li', {},
        h('div', { class: 'track', 'aria-hidden': 'true' },
            h('span', {
              class: point ? 'bar point' : `bar span-${e.start.precision.toLowerCase()}`,
              style: { left: `${((from - min) / width) * 100}%`, width: point ? null : `${Math.max(((to - from) / width) * 100, 0.8)}%` },
            })),
        h('p', {}, link('encounter', e, e.title), h('span', { class: 'meta' }, ' · ', dateEl(e.start),
            e.end ? [' to ', dateEl(e.end)] : null)));
  })), encounters.length > dated.length ? h('p', { class: 'muted' }, `${encounters.length - dated.length} undated, not drawn`) : null);
}

export function notFound(kind) {
  const error = new Error(`No ${kind} has this ID.`);
  error.code = 'NOT_FOUND';
  return error;
}

export function heading(text, ...after) {
  return h('h1', { tabindex: '-1' }, text, ...after);
}

export function facts(pairs) {
  const rows = pairs.filter(([, value]) => value != null && value !== '' && !(Array.isArray(value) && value.length === 0));
  return h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/**
 * "More" for a connection: reads the page after the last cursor (fetch(after) answers it), hands it to show, and hides
 * itself when no page follows. What is shown stays; a failure is said in the status line.
 */
export function moreButton(label, pageInfo, fetch, show, status) {
  let info = pageInfo;
  const button = h('button', { type: 'button', class: 'more', hidden: !info.hasNextPage }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const page = await fetch(info.endCursor);
      show(page);
      info = page.pageInfo;
      button.hidden = !info.hasNextPage;
    } catch (error) {
      const { code, text } = explain(error);
      status.textContent = `${text} (${code})`;
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function dateKey(partial) {
  return partial ? `${partial.date}/${partial.precision}` : '';
}

/**
 * Where sources give different dates for a record: one column per version (its weekday too, when known to the day,
 * since sources often say only "on Wednesday"), with the sources that give it. A source that gives no date of its own
 * is counted with the recorded date.
 */
export function dateVersions(recorded, attestations) {
  const versions = new Map();
  if (recorded) versions.set(dateKey(recorded), { date: recorded, sources: [], resolved: true });
  for (const attestation of attestations) {
    const date = attestation.reportedDate ?? recorded;
    if (!date) continue;
    const k = dateKey(date);
    const version = versions.get(k) ?? { date, sources: [] };
    version.sources.push(attestation);
    versions.set(k, version);
  }
  if (versions.size < 2) return null;
  // as the disagreements list judges: versions disagree when their periods do not all overlap ("May" and "30 May" agree)
  const periods = [...versions.values()].map(v => span(v.date));
  const disagree = Math.max(...periods.map(p => p[0])) >= Math.min(...periods.map(p => p[1]));
  return h('section', { class: disagree ? 'disagreement' : 'versions-differ' },
      h('h2', {}, disagree ? 'Sources disagree on the date' : 'Sources give the date more or less precisely'),
      h('div', { class: 'versions' }, [...versions.values()].map(version =>
          h('div', { class: 'version' },
              h('h3', {}, dateText(version.date)),
              version.resolved ? h('p', { class: 'muted' }, 'the date recorded') : null,
              h('ul', {}, version.sources.map(a => h('li', {}, link('source', a.source, sourceName(a.source)),
                  a.note ? h('p', { class: 'note' }, a.note) : null)))))));
}

/** What an editor can do from a page, when signed in. */
export function editorActions(...actions) {
  return h('p', { class: 'editor-actions' }, actions.flatMap(([href, text], i) => [i ? ' · ' : null, h('a', { href }, text)]));
}
