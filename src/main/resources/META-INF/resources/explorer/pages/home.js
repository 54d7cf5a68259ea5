import { h } from '../dom.js';
import { query } from '../api.js';
import { encounterItem, heading, moreButton } from './parts.js';

export async function homePage() {
  const data = await query('HomePage', { after: null });
  const list = h('ul', { class: 'lines' });
  const status = h('p', { role: 'status', class: 'muted' });
  const show = page => {
    list.append(...page.nodes.map(encounterItem));
    status.textContent = `${list.children.length} of ${data.encounters.totalCount} encounters shown`;
  };
  show(data.encounters);
  // "more" is a request of its own, with the last cursor; what is shown stays
  const more = moreButton('More encounters', data.encounters.pageInfo,
      async after => (await query('HomePage', { after })).encounters, show, status);
  return {
    title: null,
    nodes: [
      heading('Who met whom, what was said, who reports it'),
      h('p', { class: 'lead' }, 'Search for an actor, a statement or a source above, or start from an encounter.'),
      h('section', {}, h('h2', {}, 'Encounters, by date'), list, status, more),
    ],
  };
}
