// The Explorer's URLs: hash routes (#/actor/<global id>, #/search?q=..., #/edit/encounter/<id>...), read here by the
// app (app.js) and, before the app's modules are loaded, by boot.js, which sends the page's read at once.

/** What a hash names: the route's kind, its record's ID (decoded), the form of #/edit/<form>/<id>, and its query. */
export function parse(hash) {
  const [path, search] = hash.replace(/^#\/?/, '').split('?');
  const [kind, id, target] = path.split('/');
  const decoded = s => (s ? decodeURIComponent(s) : null);
  if (kind === 'edit') return { kind, form: id, id: decoded(target), params: new URLSearchParams(search) };
  return { kind, id: decoded(id), params: new URLSearchParams(search) };
}

// the document and variables with which each page type reads its content first (the page's own call must ask the
// same: ExplorerBench counts the requests of a page view, and a second one would show there)
const BY_ID = {
  actor: 'ActorPage', encounter: 'EncounterPage', statement: 'StatementPage', source: 'SourcePage', agreement: 'AgreementPage',
};
const EDIT_BY_ID = { actor: 'EditActorPage', encounter: 'EditEncounterPage', statement: 'EditStatementPage', agreement: 'EditAgreementPage' };

/** [document, variables] of the first read of the page at this hash; null when it reads nothing without a token. */
export function firstRead(hash) {
  const { kind, id, form, params } = parse(hash);
  if (kind === 'edit') return EDIT_BY_ID[form] && id ? [EDIT_BY_ID[form], { id }] : null;
  if (BY_ID[kind] && id) return [BY_ID[kind], { id }];
  if (kind === 'search') {
    const q = (params.get('q') ?? '').trim();
    return q.length >= 2 ? ['SearchPage', { q }] : null;
  }
  if (kind === 'disagreements') return ['DisagreementsPage', { after: null }];
  // any other hash is the home page (app.js)
  return ['sign-in', 'intake'].includes(kind) ? null : ['HomePage', { after: null }];
}
