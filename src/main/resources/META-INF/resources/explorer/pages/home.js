import { h } from '../dom.js';
import { query, explain } from '../api.js';
import { encounterItem, heading } from './parts.js';

export async function homePage() {
  const data = await query('HomePage', { after: null });
  const list = h('ul', { class: 'lines' });
  const status = h('p', { role: 'status', class: 'muted' });
  const more = h('button', { type: 'button', class: 'more' }, 'More encounters');
  let page = data.encounters;
  const show = () => {
    list.append(...page.nodes.map(encounterItem));
    status.textContent = `${list.children.length} of ${data.encounters.totalCount} encounters shown`;
    more.hidden = !page.pageInfo.hasNextPage;
  };
  // "more" is a request of its own, with the last cursor; what is shown stays
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      page = (await query('HomePage', { after: page.pageInfo.endCursor })).encounters;
      show();
    } catch (error) {
      const { code, text } = explain(error);
      status.textContent = `${text} (${code})`;
    } finally {
      more.disabled = false;
    }
  });
  show();
  return {
    title: null,
    nodes: [
      heading('Who met whom, what was said, who reports it'),
      h('p', { class: 'lead' }, 'Search for an actor, a statement or a source above, or start from an encounter.'),
      h('section', {}, h('h2', {}, 'Encounters, by date'), list, status, more),
    ],
  };
}
