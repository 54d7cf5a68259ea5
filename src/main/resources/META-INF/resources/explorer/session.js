// The editor's token: pasted once, kept in this tab's sessionStorage (gone when the tab closes), sent with writes.
const KEY = 'parley.editor-token';

/** What the token says of its bearer (it is checked by the service, not here): subject, roles, expiry in ms. */
function claims(token) {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('This is not a token: a token is three parts separated by dots.');
  let body;
  try {
    body = JSON.parse(atob(parts[1].replaceAll('-', '+').replaceAll('_', '/')));
  } catch (e) {
    throw new Error('This token cannot be read: copy it whole, with nothing around it.');
  }
  const roles = [body.groups ?? []].flat();
  return { subject: body.upn ?? body.sub ?? 'editor', roles, expires: body.exp ? body.exp * 1000 : null };
}

/** Keeps the token if it is one, of an editor, not expired; throws an Error that says what is wrong otherwise. */
export function signIn(text) {
  const token = text.trim();
  if (!token) throw new Error('Paste your token here.');
  const who = claims(token);
  if (!who.roles.includes('editor') && !who.roles.includes('admin')) {
    throw new Error('This token does not give the role editor.');
  }
  if (who.expires && who.expires <= Date.now()) throw new Error('This token has expired: mint a new one.');
  sessionStorage.setItem(KEY, token);
  return who;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** The token, while it has not expired. */
export function token() {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  try {
    const { expires } = claims(stored);
    if (!expires || expires > Date.now()) return stored;
  } catch (e) {
    // not readable: dropped below
  }
  signOut();
  return null;
}

/** The signed-in editor ({ subject, roles, expires }), or null. */
export function editor() {
  const stored = token();
  return stored ? claims(stored) : null;
}
