import { h, section } from '../dom.js';
import { query } from '../api.js';
import { dateEl, instantText, link, sourceName } from '../format.js';
import { attestationItem, facts, heading, notFound, speakerEl } from './parts.js';

function subject(attestation) {
  if (attestation.encounter) {
    return ['encounter: ', link('encounter', attestation.encounter, attestation.encounter.title)];
  }
  if (attestation.statement) {
    const s = attestation.statement;
    return ['statement by ', speakerEl(s), ': ', link('statement', s, s.text.length > 80 ? `${s.text.slice(0, 80)}…` : s.text)];
  }
  return null;
}

export async function sourcePage(id) {
  const data = await query('SourcePage', { id });
  const s = data.node;
  if (!s || s.attestations == null) throw notFound('source');
  // the source's own link is dropped from each attestation: the whole page is about this source
  const items = s.attestations.map(a => attestationItem({ ...a, source: null }, subject(a)));
  return {
    title: sourceName(s),
    nodes: [
      heading(s.title || 'Untitled source'),
      facts([
        ['Publisher', s.publisher],
        ['Author', s.author],
        ['Published', s.publishedAt ? instantText(s.publishedAt) : s.publishedOn ? dateEl(s.publishedOn) : null],
        ['Updated', s.updatedAt ? instantText(s.updatedAt) : null],
        ['Language', s.language],
        ['Address', s.url ? h('a', { href: s.url, rel: 'noopener noreferrer' }, s.url) : null],
      ]),
      s.reliabilityNote ? h('section', {}, h('h2', {}, 'Reliability'), h('p', { class: 'note' }, s.reliabilityNote)) : null,
      section('What it attests', items, list => h('ul', { class: 'cards' }, list), 'It attests nothing yet.'),
    ],
  };
}
