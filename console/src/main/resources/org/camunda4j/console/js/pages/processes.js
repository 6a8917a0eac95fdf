// Processes: every definition with its versions; the selected one's diagram shows, on each
// element, how many instances are active there and how many incidents are open.
import { h, table } from '../dom.js';
import { elementInstances, processDefinitions, processXml, searchAll } from '../api.js';
import { countBy, diagram } from '../diagram.js';
import { poll } from '../live.js';

export async function processesPage(view, selectedKey) {
  const definitions = [...(await processDefinitions(true)).values()];
  const byId = Map.groupBy(definitions, d => d.processDefinitionId);
  const latest = [...byId.values()].map(versions => versions.reduce((a, b) => (a.version > b.version ? a : b)));
  const selected = definitions.find(d => d.processDefinitionKey === selectedKey) ?? latest[0];
  const rows = latest.sort((a, b) => a.processDefinitionId.localeCompare(b.processDefinitionId)).map(d =>
    h('tr', { class: d.processDefinitionId === selected?.processDefinitionId ? 'selected' : '' },
      h('td', {}, h('a', { href: `#/processes/${d.processDefinitionKey}`, 'data-process': d.processDefinitionId }, d.name || d.processDefinitionId)),
      h('td', { class: 'mono' }, d.processDefinitionId),
      h('td', {}, byId.get(d.processDefinitionId).length)));
  const list = h('section', { class: 'panel narrow' }, h('h2', {}, 'Process definitions'),
    table(['Name', 'Id', 'Versions'], rows, 'Nothing deployed yet: deploy a .bpmn through POST /v2/deployments.'));
  if (!selected) {
    view.replaceChildren(h('div', { class: 'columns' }, list));
    document.body.dataset.page = 'processes';
    return;
  }
  const versions = byId.get(selected.processDefinitionId).sort((a, b) => b.version - a.version);
  const canvas = h('div', { class: 'diagram', id: 'diagram' });
  const counts = h('div', { id: 'counts' });
  const detail = h('section', { class: 'panel wide' },
    h('h2', {}, selected.name || selected.processDefinitionId),
    h('p', {},
      'Version ',
      h('select', { id: 'version', onchange: e => { location.hash = `#/processes/${e.target.value}`; } },
        versions.map(v => h('option', { value: v.processDefinitionKey, selected: v === selected }, `${v.version}${v.versionTag ? ` (${v.versionTag})` : ''}`))),
      ' · key ', h('span', { class: 'mono' }, selected.processDefinitionKey),
      ' · ', selected.resourceName,
      ' · ', h('a', { href: `#/instances?process=${encodeURIComponent(selected.processDefinitionId)}` }, 'instances')),
    canvas, counts);
  view.replaceChildren(h('div', { class: 'columns' }, list, detail));
  const shown = await diagram(canvas, await processXml(selected.processDefinitionKey));

  const refresh = async () => {
    const key = selected.processDefinitionKey;
    const [elements, incidents] = await Promise.all([
      activeElements(key),
      searchAll('incidents', { processDefinitionKey: key, state: 'ACTIVE' }),
    ]);
    const incidentCounts = countBy(incidents, 'elementId');
    shown.mark({ active: elements, incidents: incidentCounts });
    const ids = [...new Set([...elements.keys(), ...incidentCounts.keys()])].sort();
    counts.replaceChildren(table(['Element', 'Active', 'Incidents'],
      ids.map(id => h('tr', { 'data-element': id }, h('td', {}, shown.elementName(id)), h('td', { class: 'num' }, elements.get(id) ?? 0), h('td', { class: 'num' }, incidentCounts.get(id) ?? 0))),
      'No active instance of this version.'));
  };
  await refresh();
  document.body.dataset.page = 'processes';
  poll(refresh);
}

/** Active element instances by element id: from the element-instance search, else from open jobs and tasks. */
async function activeElements(processDefinitionKey) {
  const elements = await elementInstances({ processDefinitionKey, state: 'ACTIVE' });
  if (elements) {
    // Only where a token rests: a sub-process or the process itself is active around it.
    return countBy(elements.filter(e => !['PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS', 'AD_HOC_SUB_PROCESS', 'AD_HOC_SUB_PROCESS_INNER_INSTANCE', 'MULTI_INSTANCE_BODY', 'SEQUENCE_FLOW'].includes(e.type)), 'elementId');
  }
  const [jobs, tasks] = await Promise.all([
    searchAll('jobs', { processDefinitionKey, kind: 'BPMN_ELEMENT' }),
    searchAll('user-tasks', { processDefinitionKey, state: 'CREATED' }),
  ]);
  return countBy([...jobs.filter(j => !j.endTime), ...tasks], 'elementId');
}
