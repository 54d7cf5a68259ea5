import { h, section } from '../dom.js';
import { query } from '../api.js';
import { dateEl, link, shortText, sourceName, words } from '../format.js';
import { editor } from '../session.js';
import { liveStatements } from '../live.js';
import { attestationItem, dateVersions, editorActions, facts, heading, notFound, speakerEl, statementItem } from './parts.js';

/** The answers to a statement, and the answers to those, as nested lists. */
function thread(responses) {
  return h('ul', { class: 'cards thread' }, responses.map(r => {
    const item = statementItem(r);
    if (r.responses?.length) item.append(thread(r.responses));
    return item;
  }));
}

export async function statementPage(id) {
  const data = await query('StatementPage', { id });
  const s = data.node;
  if (!s || s.text == null) throw notFound('statement');
  const verbatim = s.mode === 'VERBATIM';
  const who = s.speaker?.name ?? s.speakerLabel ?? 'Unknown speaker';
  // live: answers to this statement as they are recorded
  const responses = liveStatements('Responses and denials', s.responses, thread);
  return {
    title: `${who}: ${s.text.slice(0, 60)}`,
    live: [{ name: 'LiveStatements', variables: { filter: { respondsTo: id } },
      onData: ({ statementRecorded: { statement } }) => responses.show(statement) }],
    nodes: [
      heading(`${words(s.kind)[0].toUpperCase()}${words(s.kind).slice(1)} by ${who}`),
      editor() ? editorActions([`#/edit/statement/${encodeURIComponent(s.id)}`, 'Edit'],
          [`#/edit/attest/${encodeURIComponent(s.id)}`, 'Add a source\'s account']) : null,
      h('figure', { class: 'said' },
          h('blockquote', { class: verbatim ? 'verbatim' : 'paraphrase' }, s.text),
          h('figcaption', {}, speakerEl(s), ' · ',
              h('span', { class: `mode ${verbatim ? 'mode-verbatim' : 'mode-paraphrase'}` },
                  verbatim ? 'verbatim: the speaker\'s own words' : 'paraphrase: the source\'s words'))),
      facts([
        ['Said on', dateEl(s.saidOn)],
        ['At', s.encounter ? [link('encounter', s.encounter, s.encounter.title), ' · ', dateEl(s.encounter.start)] : null],
        ['About', [...s.about.map(a => link('actor', a)), ...s.aboutEncounters.map(e => link('encounter', e, e.title)),
          ...s.aboutAgreements.map(a => link('agreement', a, a.title)),
          ...s.aboutSources.map(source => link('source', source, sourceName(source))),
          ...s.aboutStatements.map(about => link('statement', about, `“${shortText(about.text)}”`))]
            .flatMap((el, i) => i ? [' · ', el] : [el])],
      ]),
      s.respondsTo ? h('section', {}, h('h2', {}, 'In response to'), h('ul', { class: 'cards' }, statementItem(s.respondsTo))) : null,
      responses.node,
      dateVersions(s.saidOn, s.attestations),
      section('Sources', s.attestations, items => h('ul', { class: 'cards' }, items.map(a => attestationItem(a))),
          'No source attests this statement.'),
    ],
  };
}
