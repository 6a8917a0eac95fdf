// Sign-in for an engine with bearer authentication (--auth oidc): a client id and secret of the
// engine's built-in token endpoint, or a token obtained elsewhere (an external identity provider).
import { h } from '../dom.js';
import { Problem, signIn } from '../api.js';

export function signInPage(view, reason, done) {
  const error = h('p', { id: 'signin-error', class: 'error' });
  const submit = async (event, credentials) => {
    event.preventDefault();
    try {
      await signIn(credentials());
      done();
    } catch (e) {
      error.textContent = e instanceof Problem ? `The engine refused: ${e.message}` : `Could not sign in: ${e.message}`;
    }
  };
  const field = (name, label, type = 'text') => h('label', {}, h('span', {}, label), h('input', { name, type, required: true, autocomplete: 'off' }));
  const clientForm = h('form', { id: 'signin-client', onsubmit: e => submit(e, () => ({
    clientId: clientForm.elements.clientId.value, clientSecret: clientForm.elements.clientSecret.value })) },
    h('h3', {}, 'With a client of the engine'),
    field('clientId', 'Client id'), field('clientSecret', 'Client secret', 'password'),
    h('button', { class: 'primary' }, 'Sign in'));
  const tokenForm = h('form', { id: 'signin-token', onsubmit: e => submit(e, () => ({ pastedToken: tokenForm.elements.token.value })) },
    h('h3', {}, 'With a token'),
    h('label', {}, h('span', {}, 'Access token (from your identity provider)'), h('textarea', { name: 'token', rows: 4, required: true })),
    h('button', {}, 'Use this token'));
  view.replaceChildren(h('section', { class: 'panel signin' },
    h('h2', {}, 'Sign in'),
    h('p', { class: 'muted' }, 'This engine asks for a bearer token. ', reason ?? '',
      ' The token stays in this tab only and is sent with every request of the console.'),
    h('div', { class: 'columns' }, clientForm, tokenForm),
    error));
  document.body.dataset.page = 'signin';
}
