// "Add article": an editor pastes an article (#/intake), sees what Parley proposes to record from it, highlighted in
// the text by the proposals' offsets, corrects speakers and dates, ticks what to accept and accepts (#/intake/<id>).
import { h } from '../dom.js';
import { query } from '../api.js';
import { editor, token } from '../session.js';
import { dateText, link, words } from '../format.js';
import { heading, notFound } from './parts.js';
import { area, control, dateFields, dateValue, editForm, field, optional, picked, pickerField, text, write } from './forms.js';

const KIND_NAMES = {
  QUOTE: 'Quote', QUOTED_PHRASE: 'Quoted phrase', REPORTED_SPEECH: 'Reported speech', ENCOUNTER: 'Encounter',
  ACTOR_MENTION: 'Actor named', PLACE_MENTION: 'Place named',
};
const RECORD_KINDS = { Statement: 'statement', Encounter: 'encounter', Source: 'source', Actor: 'actor' };

function signedOut() {
  return {
    title: 'Add article',
    page: 'intake',
    nodes: [heading('Add article'), h('p', {}, 'Adding an article needs an editor\'s token. ',
        h('a', { href: `#/sign-in?next=${encodeURIComponent(location.hash)}` }, 'Sign in as editor'), ' first.')],
  };
}

/** #/intake: the article's text and what is known of it. */
function pasteForm() {
  const what = 'Add article';
  const form = editForm(what, [
    field('Text', area('', { rows: 14 }), { path: 'text', required: true, hint: 'The article as printed, a paragraph a line.' }),
    field('Title', text(''), { path: 'title' }),
    field('Publisher', text(''), { path: 'publisher' }),
    field('Published', text('', { placeholder: 'YYYY-MM-DD' }), { path: 'published', hint: 'A date, or a date-time with its offset. Relative dates ("on Thursday") are read against it.' }),
    field('Language', text('en'), { path: 'language', required: true, hint: 'A language code such as en.' }),
    field('Address', text('', { type: 'url' }), { path: 'url', hint: 'The article\'s URL, to match a recorded source.' }),
  ], 'Read the article', async () => {
    const input = {
      text: control(form, 'text').value,
      title: optional(control(form, 'title').value),
      publisher: optional(control(form, 'publisher').value),
      published: optional(control(form, 'published').value),
      language: control(form, 'language').value.trim(),
      url: optional(control(form, 'url').value),
    };
    await write(form, 'ProposeFromArticle', input, 'proposeFromArticle', {
      what: 'article',
      done: p => { location.hash = `#/intake/${encodeURIComponent(p.intake.id)}`; },
    });
  });
  return { title: what, page: 'intake', nodes: [heading(what), form] };
}

/**
 * The text cut at every proposal's start and end; each piece marked with the kinds of the proposals over it (a quote
 * inside a sentence of reported speech is both), and named by their IDs.
 */
function highlighted(text, proposals) {
  const cuts = new Set([0, text.length]);
  for (const p of proposals) {
    cuts.add(p.start);
    cuts.add(p.end);
  }
  const at = [...cuts].filter(c => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const [from, to] = [at[i], at[i + 1]];
    const over = proposals.filter(p => p.start <= from && p.end >= to && p.end > p.start);
    const piece = text.slice(from, to);
    if (over.length === 0) {
      pieces.push(piece);
      continue;
    }
    const quoted = over.some(p => p.kind === 'QUOTE' || p.kind === 'QUOTED_PHRASE');
    pieces.push(h(quoted ? 'mark' : 'span', {
      class: [...new Set(over.map(p => `hl-${p.kind.toLowerCase().replaceAll('_', '-')}`))].join(' '),
      'data-proposals': over.map(p => p.id).join(' '),
      title: over.map(p => `${p.id}: ${words(p.kind)}`).join(', '),
    }, piece));
  }
  return h('div', { class: 'article-text' }, pieces);
}

/** One proposal to review: accept or not, and for a statement its speaker and date as the editor corrects them. */
function proposalFields(p) {
  const accept = h('input', { type: 'checkbox', 'data-proposal': p.id });
  const box = h('fieldset', { class: 'proposal', id: `proposal-${p.id}`, 'data-kind': p.kind },
      h('legend', {}, `${KIND_NAMES[p.kind]} ${p.id}`),
      h('blockquote', {}, p.text),
      h('div', { class: 'field' }, h('label', {}, accept, ` Accept ${p.id}`)));
  if (p.kind === 'ENCOUNTER') {
    const e = p.encounter;
    box.append(h('p', {}, `${words(e.kind)}, ${words(e.status)}: `,
        e.participants.map(a => a.actor ? a.actor.name : `${a.name} (not recorded)`).join(', '),
        e.place ? ` · ${e.place}` : '', p.date ? ` · ${dateText(p.date)}` : ''),
    h('p', {}, e.matches ? ['The recorded encounter it reports: ', link('encounter', e.matches), ' (accepting attests it).']
        : 'No recorded encounter matches: accepting records a new one with its recorded participants.'));
    return box;
  }
  const s = p.speaker;
  const chosen = s?.actor ? { id: s.actor.id, name: s.actor.name } : null;
  const said = s ? `Proposed speaker: ${s.name}${s.match === 'NEW' ? ' (new actor)' : s.match === 'DESCRIBED' ? ' (as described)' : ''}` : 'No speaker found.';
  const speaker = pickerField('Speaker', 'actor', chosen, { hint: `${said} Pick a recorded actor to change it.` });
  speaker.querySelector('input').dataset.role = 'speaker';
  const label = field('Speaker as described', text(s?.match === 'DESCRIBED' ? s.name : ''), { hint: 'For an unnamed speaker ("a senior official").' });
  label.querySelector('input').dataset.role = 'speakerLabel';
  const date = dateFields('Said on', `${p.id}.date`, p.date);
  box.append(h('p', { class: 'meta' }, words(p.statementKind)), speaker, label, date);
  return box;
}

/** Every place the article names a mentioned actor or place, as spans to mark (one proposal, many spans). */
function mentionSpans(mentioned) {
  return mentioned.flatMap(p => p.mentions.map(m => ({ id: p.id, kind: p.kind, start: m.start, end: m.end })));
}

/** An actor or place the article names: what it was matched to, how often it is named, accept or not. */
function mentionFields(p) {
  const accept = h('input', { type: 'checkbox', 'data-proposal': p.id });
  const times = p.mentionCount === 1 ? 'named once' : `named ${p.mentionCount} times`;
  const box = h('fieldset', { class: 'proposal', id: `proposal-${p.id}`, 'data-kind': p.kind },
      h('legend', {}, `${KIND_NAMES[p.kind]} ${p.id}: ${p.text}`));
  if (p.kind === 'PLACE_MENTION') {
    const place = p.place;
    box.append(h('p', {}, `${times}; `, place.match === 'NEW' ? 'not recorded: accepting makes it the place of the'
        + ' new encounters accepted from its sentences.' : place.state ? ['in ', link('actor', place.state), '.'] : 'recorded.'),
    h('div', { class: 'field' }, h('label', {}, accept, ` Accept ${p.id}`)));
    return box;
  }
  const m = p.mentioned;
  const chosen = m?.actor ? { id: m.actor.id, name: m.actor.name } : null;
  box.append(h('p', {}, `${times}; `, chosen ? ['the recorded ', link('actor', m.actor), ' (accepting writes nothing).']
      : `a new actor${m?.title ? ` (${m.title})` : ''}: accepting records it.`),
  h('div', { class: 'field' }, h('label', {}, accept, ` Accept ${p.id}`)));
  const actor = pickerField('Actor named', 'actor', chosen, { hint: 'Pick a recorded actor if the article means another one.' });
  actor.querySelector('input').dataset.role = 'mentioned';
  box.append(actor);
  return box;
}

/** The AcceptProposalInputs of the ticked proposals; their fields get the paths the service's userErrors name. */
function accepted(form, byId) {
  const out = [];
  for (const tick of form.querySelectorAll('input[data-proposal]')) {
    const box = tick.closest('fieldset');
    box.querySelectorAll('[data-role], .date-fields input, .date-fields select').forEach(c => { delete c.dataset.path; });
    if (!tick.checked) continue;
    const p = byId.get(tick.dataset.proposal);
    const index = out.length;
    const item = { proposal: p.id };
    if (p.kind === 'ACTOR_MENTION') {
      const actor = box.querySelector('[data-role="mentioned"]');
      actor.dataset.path = `accept.${index}.actor`;
      const chosen = picked(actor);
      if (chosen && chosen !== (p.mentioned?.actor?.id ?? null)) item.actor = chosen;
    } else if (p.kind !== 'ENCOUNTER' && p.kind !== 'PLACE_MENTION') {
      const speaker = box.querySelector('[data-role="speaker"]');
      const label = box.querySelector('[data-role="speakerLabel"]');
      speaker.dataset.path = `accept.${index}.speaker`;
      label.dataset.path = `accept.${index}.speakerLabel`;
      const chosen = picked(speaker);
      const proposedActor = p.speaker?.actor?.id ?? null;
      if (chosen && chosen !== proposedActor) item.speaker = chosen;
      else if (!chosen && optional(label.value) && optional(label.value) !== (p.speaker?.match === 'DESCRIBED' ? p.speaker.name : null)) {
        item.speakerLabel = optional(label.value);
      }
      const [day, precision] = box.querySelectorAll('.date-fields input, .date-fields select');
      day.dataset.path = `${p.id}.date.date`;
      precision.dataset.path = `${p.id}.date.precision`;
      const date = dateValue(form, `${p.id}.date`);
      day.dataset.path = `accept.${index}.date.date`;
      precision.dataset.path = `accept.${index}.date.precision`;
      if (date && (date.date !== p.date?.date || date.precision !== p.date?.precision)) item.date = date;
    }
    out.push(item);
  }
  return out;
}

/** What acceptance wrote, each with a link to its page. */
function writtenList(intake) {
  const items = intake.accepted.map(r => {
    const plain = atob(r.record.replaceAll('-', '+').replaceAll('_', '/'));
    const kind = RECORD_KINDS[plain.slice(0, plain.indexOf(':'))];
    const what = `${words(r.action)} ${kind ?? 'record'}${r.proposal ? ` (from ${r.proposal})` : ''}`;
    return h('li', {}, kind ? link(kind, { id: r.record }, what) : what);
  });
  return h('section', {}, h('h2', {}, 'Written'), h('ul', { class: 'written' }, items));
}

/** #/intake/<id>: the article with its proposals highlighted, the review form, or what acceptance wrote. */
async function reviewPage(id) {
  const intake = (await query('IntakeReview', { id }, token())).intake;
  if (!intake) throw notFound('intake');
  const what = intake.title ? `Article: ${intake.title}` : 'Article';
  const nodes = [heading(what), h('p', { class: 'meta' }, words(intake.status),
      intake.publisher ? ` · ${intake.publisher}` : '', intake.publishedOn ? ` · ${intake.publishedOn}` : '')];
  if (intake.status !== 'OPEN') {
    nodes.push(intake.source ? h('p', {}, 'Source: ', link('source', intake.source)) : null);
    if (intake.accepted.length) nodes.push(writtenList(intake));
    return { title: what, page: 'intake-review', nodes };
  }
  const proposals = intake.proposals;
  const mentioned = intake.mentioned;
  const byId = new Map([...proposals, ...mentioned].map(p => [p.id, p]));
  nodes.push(h('section', {}, h('h2', {}, 'The article'),
      h('p', { class: 'hint' }, 'Quotes are marked; sentences of reported speech and encounters underlined; the'
          + ' actors and places it names outlined.'),
      highlighted(intake.text ?? '', [...proposals, ...mentionSpans(mentioned)])));
  if (intake.truncated) nodes.push(h('p', { class: 'muted' }, 'The article held more proposals than are kept: the first ones are shown.'));
  const form = editForm('Proposals', [
    h('h2', {}, 'Proposals'),
    proposals.length ? proposals.map(proposalFields) : h('p', { class: 'muted' }, 'Nothing was proposed.'),
    mentioned.length ? [h('h2', {}, 'Actors and places named'), mentioned.map(mentionFields)] : null,
  ], 'Accept the ticked proposals', async () => {
    await write(form, 'AcceptIntake', { intake: intake.id, accept: accepted(form, byId) }, 'acceptIntake', {
      what: 'intake',
      reload: () => window.dispatchEvent(new Event('hashchange')),
      done: () => window.dispatchEvent(new Event('hashchange')),
    });
  });
  nodes.push(form);
  return { title: what, page: 'intake-review', nodes };
}

export async function intakePage(id) {
  if (!editor()) return signedOut();
  return id ? reviewPage(id) : pasteForm();
}
