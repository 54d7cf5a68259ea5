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

const RECORDS = ['actor', 'encounter', 'statement', 'source', 'agreement'];
// the modules of pages/ beyond the page's own that the editors' pages import (app.js loads a page's module when the
// page is shown; boot.js has the browser fetch all of them at once rather than import by import)
const FORMS = ['forms', 'record-fields', 'record-edit', 'agreement-edit', 'edit'];

/**
 * The page at a hash: its name (main[data-page] unless the page says otherwise), the module of pages/ that builds it
 * and the function it exports, the argument it takes, and the modules it needs (its own first).
 */
export function pageAt(hash) {
  const { kind, id, form, params } = parse(hash);
  const at = (name, module, exported, arg, forms) => ({ name, module, exported, arg, modules: [module, ...(forms ? FORMS : [])] });
  if (kind === 'search') return at('search', 'search', 'searchPage', params.get('q') ?? '');
  if (kind === 'disagreements') return at('disagreements', 'disagreements', 'disagreementsPage', null);
  if (kind === 'sign-in') return at('sign-in', 'signin', 'signInPage', { params }, true);
  // #/intake (paste an article), #/intake/<id> (review its proposals)
  if (kind === 'intake') return at('intake', 'intake', 'intakePage', id, true);
  // #/edit/actor (new), #/edit/actor/<id>, #/edit/encounter[/<id>], #/edit/statement[/<id>],
  // #/edit/agreement[/<id>], #/edit/attest/<encounter, statement or agreement>
  if (kind === 'edit') return at(`edit-${form}`, 'edit', 'editPage', { form, id }, true);
  if (RECORDS.includes(kind) && id) return at(kind, kind, `${kind}Page`, id);
  return at('home', 'home', 'homePage', null);
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
