import { h } from '../dom.js';
import { editor, signIn, signOut } from '../session.js';
import { instantText } from '../format.js';
import { heading } from './parts.js';
import { editForm, field, area, showErrors } from './forms.js';

/** Where to go once signed in: the page that sent the reader here, if it is one of the Explorer's. */
function next(params) {
  const target = params.get('next');
  return target && target.startsWith('#/') && !target.startsWith('#/sign-in') ? target : '#/';
}

export function signInPage({ params }) {
  const who = editor();
  const token = area('', { rows: 4, spellcheck: 'false', autocomplete: 'off' });
  const form = editForm('Sign in as editor', [
    field('Editor token', token, {
      path: 'token',
      required: true,
      hint: 'A bearer token with the role editor, pasted once: it is kept in this tab only, until you sign out or '
          + 'close it. For a development service, mint one with: '
          + 'java src/test/java/org/parley/testsupport/DevTokens.java editor alice',
    }),
  ], 'Sign in', async () => {
    try {
      signIn(token.value);
    } catch (error) {
      showErrors(form, [{ field: ['token'], message: error.message }]);
      return;
    }
    window.dispatchEvent(new Event('parley:editor'));
    location.hash = next(params);
  });
  return {
    title: 'Sign in as editor',
    page: 'sign-in',
    nodes: [
      heading('Sign in as editor'),
      who ? h('p', {}, `Signed in as ${who.subject}`, who.expires ? ` until ${instantText(new Date(who.expires).toISOString())}` : '',
          '. ', h('button', { type: 'button', class: 'link-button', onclick: () => {
            signOut();
            window.dispatchEvent(new Event('parley:editor'));
            location.hash = '#/';
          } }, 'Sign out')) : null,
      h('p', {}, 'Reading needs no sign-in. Editors record actors, encounters, statements and what sources say.'),
      form,
    ],
  };
}
