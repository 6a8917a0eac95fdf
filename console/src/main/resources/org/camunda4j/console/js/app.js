// Hash routes: #/processes[/<definitionKey>], #/instances[?filters], #/instances/<instanceKey>,
// #/decisions[/<decisionDefinitionKey>][?instance=<decisionEvaluationInstanceKey>].
import { h } from './dom.js';
import { SignInNeeded, search, signOut, token } from './api.js';
import { stop } from './live.js';
import { processesPage } from './pages/processes.js';
import { instancesPage } from './pages/instances.js';
import { instancePage } from './pages/instance.js';
import { decisionsPage } from './pages/decisions.js';
import { signInPage } from './pages/signin.js';

const routes = [
  [/^#\/processes(?:\/(\d+))?$/, (view, [key]) => processesPage(view, key)],
  [/^#\/instances\/(\d+)$/, (view, [key]) => instancePage(view, key)],
  [/^#\/instances$/, (view, [], query) => instancesPage(view, query)],
  [/^#\/decisions(?:\/(\d+))?$/, (view, [key], query) => decisionsPage(view, key, query)],
];

/** Shows the Decisions link only if the engine serves decisions (an engine without DMN answers 404). */
async function showDecisionsIfServed() {
  try {
    await search('decision-definitions', {}, { from: 0, limit: 1 });
    document.querySelector('[data-nav="decisions"]').hidden = false;
  } catch {
    // not served, or not signed in yet: the sign-in asks again
  }
}

function showSignedIn() {
  document.getElementById('sign-out').hidden = !token();
}

function signInAgain(reason) {
  stop();
  showSignedIn();
  signInPage(document.getElementById('view'), reason, () => {
    showSignedIn();
    showDecisionsIfServed();
    route();
  });
}

// a refresh of an open page (live polling) found the token expired
window.addEventListener('camunda4j:sign-in-needed', event => signInAgain(event.detail));
document.getElementById('sign-out').addEventListener('click', event => {
  event.preventDefault();
  signOut();
  signInAgain('Signed out.');
});

async function route() {
  stop();
  const [path, queryText] = (location.hash || '#/processes').split('?');
  const query = new URLSearchParams(queryText ?? '');
  const view = document.getElementById('view');
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('current', path.startsWith(`#/${link.dataset.nav}`));
  }
  document.body.dataset.page = 'loading';
  for (const [pattern, render] of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    try {
      await render(view, match.slice(1), query);
    } catch (e) {
      if (e instanceof SignInNeeded) return signInAgain(e.message);
      view.replaceChildren(h('p', { class: 'error' }, `Could not load this page: ${e.message}`));
    }
    return;
  }
  view.replaceChildren(h('p', { class: 'error' }, `No page ${path}. `, h('a', { href: '#/processes' }, 'Processes')));
}

window.addEventListener('hashchange', route);
showSignedIn();
route();
showDecisionsIfServed();
