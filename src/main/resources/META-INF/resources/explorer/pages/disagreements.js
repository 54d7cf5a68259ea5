import { h } from '../dom.js';
import { query } from '../api.js';
import { dateEl, link } from '../format.js';
import { heading, moreButton, speakerEl } from './parts.js';

/** One disagreement: the record it is about (its page has each source's version side by side), and the versions. */
function item(d) {
  const record = d.encounter
      ? [h('span', { class: 'meta' }, 'Encounter · '), link('encounter', d.encounter, d.encounter.title)]
      : d.agreement ? [h('span', { class: 'meta' }, 'Agreement · '), link('agreement', d.agreement, d.agreement.title)]
      : [h('span', { class: 'meta' }, 'Statement by '), speakerEl(d.statement), ': ',
        link('statement', d.statement, d.statement.text.length > 100 ? `${d.statement.text.slice(0, 100)}…` : d.statement.text)];
  return h('li', { class: 'disagreement-item' },
      h('p', {}, record),
      h('p', { class: 'meta' }, 'The sources give the date as ',
          h('span', { class: 'given' }, d.versions.flatMap((v, i) => [i ? (i === d.versions.length - 1 ? ' or ' : ', ') : null, dateEl(v)])),
          d.recordedDate ? ['; recorded as ', dateEl(d.recordedDate)] : null, '.'));
}

export async function disagreementsPage() {
  const first = (await query('DisagreementsPage', { after: null })).disagreements;
  const list = h('ul', { class: 'cards' });
  const status = h('p', { role: 'status', class: 'muted' });
  const show = page => {
    list.append(...page.nodes.map(item));
    status.textContent = `${list.children.length} shown`;
  };
  show(first);
  const more = moreButton('More disagreements', first.pageInfo,
      async after => (await query('DisagreementsPage', { after })).disagreements, show, status);
  return {
    title: 'Where sources disagree',
    nodes: [
      heading('Where sources disagree'),
      h('p', { class: 'lead' }, 'Encounters, statements and agreements whose sources give dates that cannot all be '
          + 'true, newest first. Each page shows every source\'s version side by side.'),
      first.nodes.length ? h('section', { 'aria-label': 'Disagreements' }, list, status, more)
          : h('p', { class: 'muted' }, 'No disagreement recorded.'),
    ],
  };
}
