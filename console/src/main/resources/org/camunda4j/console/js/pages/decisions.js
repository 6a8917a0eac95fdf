// Decisions: every decision definition with its decision table (read from the deployed DMN), and
// its evaluated instances; picking one highlights the rules that matched and shows its inputs.
import { h, date, table, badge } from '../dom.js';
import { call, search, searchAll } from '../api.js';
import { poll } from '../live.js';

const DMN = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

export async function decisionsPage(view, selectedKey, query) {
  const definitions = await searchAll('decision-definitions');
  const byId = Map.groupBy(definitions, d => d.decisionDefinitionId);
  const latest = [...byId.values()]
    .map(versions => versions.reduce((a, b) => (a.version > b.version ? a : b)))
    .sort((a, b) => a.decisionDefinitionId.localeCompare(b.decisionDefinitionId));
  const selected = definitions.find(d => d.decisionDefinitionKey === selectedKey) ?? latest[0];
  const list = h('section', { class: 'panel narrow' }, h('h2', {}, 'Decisions'),
    table(['Name', 'Id', 'Versions'], latest.map(d =>
      h('tr', { class: d.decisionDefinitionId === selected?.decisionDefinitionId ? 'selected' : '' },
        h('td', {}, h('a', { href: `#/decisions/${d.decisionDefinitionKey}`, 'data-decision': d.decisionDefinitionId }, d.name || d.decisionDefinitionId)),
        h('td', { class: 'mono' }, d.decisionDefinitionId),
        h('td', {}, byId.get(d.decisionDefinitionId).length))), 'No decision deployed yet: deploy a .dmn through POST /v2/deployments.'));
  if (!selected) {
    view.replaceChildren(h('div', { class: 'columns' }, list));
    document.body.dataset.page = 'decisions';
    return;
  }
  const versions = byId.get(selected.decisionDefinitionId).sort((a, b) => b.version - a.version);
  const xml = await call('GET', `/decision-definitions/${selected.decisionDefinitionKey}/xml`);
  const decisionTable = parseTable(xml, selected.decisionDefinitionId);
  const tableView = h('div', { id: 'decision-table' });
  const instances = h('div', { id: 'decision-instances' });
  const chosen = query.get('instance');
  view.replaceChildren(h('div', { class: 'columns' }, list, h('div', { class: 'stack wide' },
    h('section', { class: 'panel' },
      h('h2', {}, selected.name || selected.decisionDefinitionId),
      h('p', {}, 'Version ',
        h('select', { id: 'version', onchange: e => { location.hash = `#/decisions/${e.target.value}`; } },
          versions.map(v => h('option', { value: v.decisionDefinitionKey, selected: v === selected }, v.version))),
        ' · key ', h('span', { class: 'mono' }, selected.decisionDefinitionKey),
        ' · ', selected.decisionRequirementsName || selected.decisionRequirementsId),
      tableView),
    h('section', { class: 'panel' }, h('h3', {}, 'Evaluations'), instances))));

  const renderTable = async () => {
    let matched = new Set();
    let inputs = [];
    if (chosen) {
      const instance = await call('GET', `/decision-instances/${chosen}`);
      matched = new Set((instance.matchedRules ?? []).map(r => r.ruleId));
      inputs = instance.evaluatedInputs ?? [];
    }
    tableView.replaceChildren(decisionTable
      ? tableOf(decisionTable, matched)
      : h('p', { class: 'muted' }, 'This decision is not a decision table (a literal expression).'),
    inputs.length ? h('p', { id: 'evaluated-inputs' }, 'Inputs of the chosen evaluation: ',
      inputs.map(i => h('span', { class: 'mono input' }, `${i.inputName} = ${i.inputValue}`))) : '');
  };
  const refresh = async () => {
    const result = await search('decision-instances', { decisionDefinitionKey: selected.decisionDefinitionKey }, { from: 0, limit: 50 },
      [{ field: 'evaluationDate', order: 'DESC' }]);
    instances.replaceChildren(table(['Evaluated', 'Result', 'State', 'Process instance', ''], result.items.map(i =>
      h('tr', { 'data-decision-instance': i.decisionEvaluationInstanceKey, class: i.decisionEvaluationInstanceKey === chosen ? 'selected' : '' },
        h('td', {}, date(i.evaluationDate)),
        h('td', { class: 'mono value' }, i.result),
        h('td', {}, badge(i.state, i.state.toLowerCase()), i.evaluationFailure ? h('div', { class: 'message' }, i.evaluationFailure) : ''),
        h('td', {}, calledByProcess(i) ? h('a', { class: 'mono', href: `#/instances/${i.processInstanceKey}` }, i.processInstanceKey) : 'over REST'),
        h('td', {}, h('a', { class: 'show-rules', href: `#/decisions/${selected.decisionDefinitionKey}?instance=${i.decisionEvaluationInstanceKey}` }, 'matched rules')))),
    'Not evaluated yet.'));
  };
  await renderTable();
  await refresh();
  document.body.dataset.page = 'decisions';
  poll(refresh);
}

/** Evaluations over the REST API have no process: their process instance key is null or "-1". */
function calledByProcess(instance) {
  return instance.processInstanceKey && instance.processInstanceKey !== '-1';
}

/** The decision table of decision `id` in a DMN file: inputs, outputs and rules as texts. */
function parseTable(xml, id) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const decision = [...doc.getElementsByTagNameNS(DMN, 'decision')].find(d => d.getAttribute('id') === id);
  const tableElement = decision?.getElementsByTagNameNS(DMN, 'decisionTable')[0];
  if (!tableElement) return null;
  const children = name => [...tableElement.children].filter(c => c.localName === name);
  const text = element => element?.getElementsByTagNameNS(DMN, 'text')[0]?.textContent ?? '';
  return {
    hitPolicy: tableElement.getAttribute('hitPolicy') ?? 'UNIQUE',
    inputs: children('input').map(i => i.getAttribute('label') || text(i.getElementsByTagNameNS(DMN, 'inputExpression')[0])),
    outputs: children('output').map(o => o.getAttribute('label') || o.getAttribute('name')),
    rules: children('rule').map(r => ({
      id: r.getAttribute('id'),
      inputs: [...r.children].filter(c => c.localName === 'inputEntry').map(text),
      outputs: [...r.children].filter(c => c.localName === 'outputEntry').map(text),
    })),
  };
}

function tableOf(decisionTable, matched) {
  return h('table', { class: 'decision-table' },
    h('thead', {}, h('tr', {},
      h('th', { title: 'hit policy' }, decisionTable.hitPolicy),
      decisionTable.inputs.map(label => h('th', { class: 'input' }, label)),
      decisionTable.outputs.map(label => h('th', { class: 'output' }, label)))),
    h('tbody', {}, decisionTable.rules.map((rule, index) =>
      h('tr', { 'data-rule': rule.id, class: matched.has(rule.id) ? 'matched' : '' },
        h('td', { class: 'num' }, index + 1),
        rule.inputs.map(entry => h('td', { class: 'mono' }, entry || '-')),
        rule.outputs.map(entry => h('td', { class: 'mono output' }, entry))))));
}
