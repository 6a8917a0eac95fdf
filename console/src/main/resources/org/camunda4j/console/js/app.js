// Hash routes: #/processes[/<definitionKey>], #/instances[?filters], #/instances/<instanceKey>,
// #/decisions[/<decisionDefinitionKey>][?instance=<decisionEvaluationInstanceKey>].
import { h } from './dom.js';
import { Problem, search } from './api.js';
import { stop } from './live.js';
import { processesPage } from './pages/processes.js';
import { instancesPage } from './pages/instances.js';
import { instancePage } from './pages/instance.js';
import { decisionsPage } from './pages/decisions.js';

const routes = [
  [/^#\/processes(?:\/(\d+))?$/, (view, [key]) => processesPage(view, key)],
  [/^#\/instances\/(\d+)$/, (view, [key]) => instancePage(view, key)],
  [/^#\/instances$/, (view, [], query) => instancesPage(view, query)],
  [/^#\/decisions(?:\/(\d+))?$/, (view, [key], query) => decisionsPage(view, key, query)],
];

/** Shows the Decisions link only if the engine serves decisions (an engine without DMN answers 404). */
async function showDecisionsIfServed() {
  try {
    await search('decision-definitions', {}, { limit: 1 });
    document.querySelector('[data-nav="decisions"]').hidden = false;
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
  }
}

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
      view.replaceChildren(h('p', { class: 'error' }, `Could not load this page: ${e.message}`));
    }
    return;
  }
  view.replaceChildren(h('p', { class: 'error' }, `No page ${path}. `, h('a', { href: '#/processes' }, 'Processes')));
}

window.addEventListener('hashchange', route);
route();
showDecisionsIfServed();
