// Instances: a filtered, paged list. Filters live in the URL (#/instances?process=…&state=…),
// so a filtered list can be bookmarked and shared.
import { h, date, table, badge } from '../dom.js';
import { call, processDefinitions, search } from '../api.js';
import { act, json } from '../actions.js';
import { poll } from '../live.js';

const PAGE_SIZE = 20;

export async function instancesPage(view, query) {
  const definitions = [...(await processDefinitions(true)).values()];
  const ids = [...new Set(definitions.map(d => d.processDefinitionId))].sort();
  const value = name => query.get(name) ?? '';
  const from = Number(query.get('from') ?? 0);

  const form = h('form', { class: 'filters', id: 'filters', onsubmit: e => { e.preventDefault(); apply(new FormData(form)); } },
    h('label', {}, 'Process', h('select', { name: 'process' }, h('option', { value: '' }, 'any'),
      ids.map(id => h('option', { value: id, selected: id === value('process') }, id)))),
    h('label', {}, 'State', h('select', { name: 'state' },
      ['', 'ACTIVE', 'COMPLETED', 'TERMINATED'].map(s => h('option', { value: s, selected: s === value('state') }, s || 'any')))),
    h('label', {}, 'Incident', h('select', { name: 'incident' },
      [['', 'any'], ['true', 'with incident'], ['false', 'without']].map(([v, text]) => h('option', { value: v, selected: v === value('incident') }, text)))),
    h('label', {}, 'Started on or after', h('input', { type: 'date', name: 'since', value: value('since') })),
    h('label', {}, 'Variable', h('input', { name: 'variable', placeholder: 'name', value: value('variable'), size: 10 })),
    h('label', {}, '= value (JSON)', h('input', { name: 'equals', placeholder: '"o-1" or 42', value: value('equals'), size: 12 })),
    h('button', { class: 'primary' }, 'Filter'));

  const results = h('div', { id: 'results' });
  view.replaceChildren(h('section', { class: 'panel' },
    h('div', { class: 'heading' }, h('h2', {}, 'Process instances'),
      h('button', { id: 'publish-message', onclick: () => publishMessage() }, 'Publish message…')),
    form, results));

  const refresh = async () => {
    const result = await search('process-instances', filter(query), { from, limit: PAGE_SIZE }, [{ field: 'startDate', order: 'DESC' }]);
    const total = result.page.totalItems;
    const rows = result.items.map(i => h('tr', { 'data-instance': i.processInstanceKey },
      h('td', {}, h('a', { href: `#/instances/${i.processInstanceKey}`, class: 'mono' }, i.processInstanceKey)),
      h('td', {}, `${i.processDefinitionId} v${i.processDefinitionVersion}`),
      h('td', {}, badge(i.state, i.state.toLowerCase())),
      h('td', {}, i.hasIncident ? badge('incident', 'incident') : ''),
      h('td', {}, date(i.startDate)),
      h('td', {}, date(i.endDate)),
      h('td', {}, i.parentProcessInstanceKey ? h('a', { href: `#/instances/${i.parentProcessInstanceKey}`, class: 'mono' }, i.parentProcessInstanceKey) : '')));
    const pager = h('p', { class: 'pager' },
      h('button', { id: 'previous', disabled: from === 0, onclick: () => go(Math.max(0, from - PAGE_SIZE)) }, '‹ Previous'),
      h('span', { id: 'page-info' }, total === 0 ? '0 instances' : `${from + 1}–${Math.min(from + PAGE_SIZE, total)} of ${total}`),
      h('button', { id: 'next', disabled: from + PAGE_SIZE >= total, onclick: () => go(from + PAGE_SIZE) }, 'Next ›'));
    results.replaceChildren(table(['Key', 'Process', 'State', '', 'Started', 'Ended', 'Parent'], rows, 'No instance matches.'), pager);
  };

  const go = offset => {
    const next = new URLSearchParams(query);
    next.set('from', offset);
    location.hash = `#/instances?${next}`;
  };
  const apply = data => {
    const next = new URLSearchParams();
    for (const [name, text] of data) if (text) next.set(name, text);
    location.hash = `#/instances?${next}`;
  };

  try {
    await refresh();
  } catch (e) {
    results.replaceChildren(h('p', { class: 'error', id: 'filter-error' }, e.message));
  }
  document.body.dataset.page = 'instances';
  poll(refresh);
}

/** The REST filter for the URL's filters. */
function filter(query) {
  const filter = {};
  if (query.get('process')) filter.processDefinitionId = query.get('process');
  if (query.get('state')) filter.state = query.get('state');
  if (query.get('incident')) filter.hasIncident = query.get('incident') === 'true';
  if (query.get('since')) filter.startDate = { $gte: new Date(`${query.get('since')}T00:00:00`).toISOString() };
  if (query.get('variable')) {
    // The API compares a variable's JSON text: 'o-1' typed without quotes means the string "o-1".
    const typed = query.get('equals') ?? '';
    let text = typed;
    try { JSON.parse(typed); } catch { text = JSON.stringify(typed); }
    filter.variables = [{ name: query.get('variable'), value: text }];
  }
  return filter;
}

export function publishMessage(after) {
  return act({
    title: 'Publish a message',
    text: 'POST /v2/messages/publication: an instance waiting for this name and correlation key gets it; otherwise it is buffered for its time to live.',
    fields: [
      { name: 'name', label: 'Message name', required: true },
      { name: 'correlationKey', label: 'Correlation key' },
      { name: 'variables', label: 'Variables (JSON object)', type: 'textarea', placeholder: '{"paid": true}' },
      { name: 'timeToLive', label: 'Time to live (ms)', value: '0', type: 'number' },
    ],
    confirmLabel: 'Publish',
    perform: values => call('POST', '/messages/publication', {
      name: values.name,
      correlationKey: values.correlationKey,
      variables: json(values.variables, 'Variables') ?? {},
      timeToLive: Number(values.timeToLive || 0),
    }),
    describe: (answer, values) => `message '${values.name}' published (key ${answer.messageKey}).`,
    after,
  });
}
