// The one way the Explorer reads Parley: a named document of queries/, POSTed to /graphql. The documents come with
// the app (documents.js, written at build time from queries/*.graphql), so a page's read is sent without fetching
// them first.
import { operations, fragments as sharedFragments } from './documents.js';

const documents = new Map();

export class ApiError extends Error {
  constructor(code, message, retryAfter) {
    super(message);
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** Splits fragments.graphql into its fragments, by name. */
function fragmentsByName(text) {
  const byName = new Map();
  for (const part of text.split(/\n(?=fragment )/).slice(1)) byName.set(part.match(/^fragment (\w+)/)[1], part.trim());
  return byName;
}

/**
 * A page's document with the shared fragments it spreads (directly or through another fragment) appended: GraphQL
 * refuses a document with an unused fragment. ExplorerDocuments (tests) assembles them the same way to validate them.
 */
export function assemble(operation, fragments) {
  const included = new Set();
  const pending = [operation];
  while (pending.length) {
    for (const [, name] of pending.pop().matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
      if (name !== 'on' && !included.has(name) && fragments.has(name)) {
        included.add(name);
        pending.push(fragments.get(name));
      }
    }
  }
  return [operation.trim(), ...[...included].map(name => fragments.get(name))].join('\n\n');
}

let fragments = null;

/** A document of queries/ with the fragments it uses, as sent (live.js sends its subscriptions with it). */
export function documentText(name) {
  if (!documents.has(name)) {
    if (!Object.hasOwn(operations, name)) throw new ApiError('NO_DOCUMENT', `The Explorer has no document ${name}.`);
    fragments ??= fragmentsByName(sharedFragments);
    documents.set(name, assemble(operations[name], fragments));
  }
  return documents.get(name);
}

// reads sent before the page asked for them (boot.js), by document and variables; each is taken once
const early = new Map();
// whether a page has asked for a read: boot.js runs as soon as it is loaded, which is usually before the first page
// asks, but the browser may run app.js first; a read sent early after that would be a second request for the page
let asked = false;

/** Sends a read now, for the page that will ask for it (query with the same document and variables) to take. */
export function prefetch(name, variables) {
  if (asked) return;
  const answer = send(name, variables);
  answer.catch(() => {}); // the page that takes it shows the error
  early.set(`${name} ${JSON.stringify(variables)}`, answer);
}

/** Forgets the reads sent early that no page took (the first page is shown): a later page reads afresh. */
export function dropPrefetched() {
  early.clear();
}

/** Runs a document of queries/; with a token (an editor's writes), sends it as the bearer of the request. */
export function query(name, variables, token) {
  asked = true;
  const key = `${name} ${JSON.stringify(variables)}`;
  const sent = token ? null : early.get(key);
  if (sent) {
    early.delete(key);
    return sent;
  }
  return send(name, variables, token);
}

async function send(name, variables, token) {
  const text = documentText(name);
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: text, operationName: name, variables }),
    });
  } catch (e) {
    throw new ApiError('NETWORK', 'The service could not be reached.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // not JSON: reported by status below
  }
  const error = body?.errors?.[0];
  if (error) {
    throw new ApiError(error.extensions?.code ?? `HTTP_${response.status}`, error.message,
        response.headers.get('Retry-After'));
  }
  if (!response.ok || !body?.data) {
    throw new ApiError(`HTTP_${response.status}`, `The service answered ${response.status}.`,
        response.headers.get('Retry-After'));
  }
  return body.data;
}

const EXPLAINED = {
  RATE_LIMITED: 'You have sent many requests in a short time, and the service asks you to slow down.',
  OVERLOADED: 'The service is busy with other requests just now.',
  TIMEOUT: 'The service took too long to answer.',
  SHUTTING_DOWN: 'The service is restarting.',
  DATABASE_UNAVAILABLE: 'The service cannot reach its database just now.',
  BAD_USER_INPUT: 'The service did not accept this request.',
  NETWORK: 'The service could not be reached: check your connection.',
  NOT_FOUND: 'Nothing has this ID: it may have been deleted, or the link is wrong.',
  UNAUTHENTICATED: 'The service did not accept your editor token (missing or expired): sign in again with a new one.',
  HTTP_401: 'The service did not accept your editor token (missing or expired): sign in again with a new one.',
  FORBIDDEN: 'Your token does not allow this: writing needs the role editor.',
  CONFLICT: 'This record changed meanwhile: reload it, then make your change again.',
};

/** What to tell a reader about an error, in words, with the code for those who report it. */
export function explain(error) {
  const code = error.code ?? 'ERROR';
  let text = EXPLAINED[code] ?? (code.startsWith('MAX_')
      ? 'This page asks for more than the service allows in one request.'
      : 'Something went wrong.');
  if (error.retryAfter) text += ` Try again in ${error.retryAfter} s.`;
  return { code, text, detail: error.message };
}
