// One instance: its diagram with the path taken, where tokens wait and where incidents are; its
// incidents, jobs, user tasks, the decisions it evaluated, variables by scope, parent and children;
// and the actions on them.
import { h, date, table, badge } from '../dom.js';
import { call, decisionInstances, elementInstances, processXml, searchAll } from '../api.js';
import { act, json } from '../actions.js';
import { countBy, diagram } from '../diagram.js';
import { poll } from '../live.js';
import { publishMessage } from './instances.js';

const CONTAINERS = ['PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS', 'AD_HOC_SUB_PROCESS', 'AD_HOC_SUB_PROCESS_INNER_INSTANCE', 'MULTI_INSTANCE_BODY', 'SEQUENCE_FLOW'];

export async function instancePage(view, key) {
  let instance = await call('GET', `/process-instances/${key}`);
  const header = h('div', { id: 'instance-header' });
  const canvas = h('div', { class: 'diagram', id: 'diagram' });
  const sections = Object.fromEntries(['incidents', 'jobs', 'user-tasks', 'decisions', 'variables', 'children'].map(id => [id, h('div', { id })]));
  view.replaceChildren(
    h('section', { class: 'panel' }, header, canvas),
    h('div', { class: 'columns' },
      h('section', { class: 'panel half' }, h('h3', {}, 'Incidents'), sections.incidents),
      h('section', { class: 'panel half' }, h('h3', {}, 'User tasks'), sections['user-tasks'])),
    h('section', { class: 'panel' }, h('h3', {}, 'Jobs'), sections.jobs),
    h('section', { class: 'panel', id: 'decisions-panel', hidden: true }, h('h3', {}, 'Decisions evaluated'), sections.decisions),
    h('div', { class: 'columns' },
      h('section', { class: 'panel half' }, h('h3', {}, 'Variables'), sections.variables),
      h('section', { class: 'panel half' }, h('h3', {}, 'Called instances'), sections.children)));
  const shown = await diagram(canvas, await processXml(instance.processDefinitionKey));
  const evaluations = new Map(); // decisionEvaluationInstanceKey -> the instance with its matched rules; they never change


  const refresh = async () => {
    instance = await call('GET', `/process-instances/${key}`);
    const mine = { processInstanceKey: key };
    const [elements, incidents, jobs, tasks, variables, children, decisions] = await Promise.all([
      elementInstances(mine),
      searchAll('incidents', mine),
      searchAll('jobs', mine),
      searchAll('user-tasks', mine),
      searchAll('variables', mine),
      searchAll('process-instances', { parentProcessInstanceKey: key }),
      decisionInstances(mine),
    ]);
    const openIncidents = incidents.filter(i => i.state === 'ACTIVE');
    shown.mark({ ...tokens(elements, jobs, tasks), incidents: countBy(openIncidents, 'elementId') });
    const scopes = scopeNames(key, elements, jobs, tasks, shown);
    renderHeader(header, instance, refresh);
    sections.incidents.replaceChildren(incidentTable(openIncidents, jobs, shown, refresh));
    sections['user-tasks'].replaceChildren(taskTable(tasks, shown, refresh));
    sections.jobs.replaceChildren(jobTable(jobs, shown, refresh));
    if (decisions) {
      await withMatchedRules(decisions, evaluations);
      document.getElementById('decisions-panel').hidden = false;
      sections.decisions.replaceChildren(decisionTable(decisions, evaluations, scopes));
    }
    sections.variables.replaceChildren(...variableTables(variables, scopes, instance, refresh));
    sections.children.replaceChildren(table(['Key', 'Process', 'State'], children.map(c => h('tr', { 'data-child': c.processInstanceKey },
      h('td', {}, h('a', { href: `#/instances/${c.processInstanceKey}`, class: 'mono' }, c.processInstanceKey)),
      h('td', {}, `${c.processDefinitionId} v${c.processDefinitionVersion}`),
      h('td', {}, badge(c.state, c.state.toLowerCase()), c.hasIncident ? badge('incident', 'incident') : ''))), 'No call activity started an instance.'));
  };
  await refresh();
  document.body.dataset.page = 'instance';
  poll(refresh);
}

/** Where tokens wait and what was passed: from element instances, else from jobs and user tasks. */
function tokens(elements, jobs, tasks) {
  if (elements) {
    const flowNodes = elements.filter(e => !CONTAINERS.includes(e.type));
    return {
      active: countBy(flowNodes.filter(e => e.state === 'ACTIVE'), 'elementId'),
      passed: new Set(flowNodes.filter(e => e.state === 'COMPLETED').map(e => e.elementId)),
    };
  }
  const bpmnJobs = jobs.filter(j => j.kind === 'BPMN_ELEMENT');
  return {
    active: countBy([...bpmnJobs.filter(j => !j.endTime), ...tasks.filter(t => t.state === 'CREATED')], 'elementId'),
    passed: new Set([...bpmnJobs.filter(j => j.state === 'COMPLETED'), ...tasks.filter(t => t.state === 'COMPLETED')].map(x => x.elementId)),
  };
}

/** A readable name for each variable scope key. */
function scopeNames(instanceKey, elements, jobs, tasks, shown) {
  const names = new Map([[instanceKey, 'Process instance']]);
  for (const e of elements ?? []) {
    if (e.elementInstanceKey === instanceKey) continue;
    // an ad-hoc sub-process's inner instance has the sub-process's id; it holds one activation's variables
    const inner = e.type === 'AD_HOC_SUB_PROCESS_INNER_INSTANCE' ? ` (activation ${e.elementInstanceKey})` : '';
    names.set(e.elementInstanceKey, shown.elementName(e.elementId) + inner);
  }
  for (const x of [...jobs, ...tasks]) if (!names.has(x.elementInstanceKey)) names.set(x.elementInstanceKey, shown.elementName(x.elementId));
  return names;
}

function renderHeader(header, instance, refresh) {
  const key = instance.processInstanceKey;
  const active = instance.state === 'ACTIVE';
  header.replaceChildren(
    h('div', { class: 'heading' },
      h('h2', {}, 'Instance ', h('span', { class: 'mono' }, key), ' ', badge(instance.state, instance.state.toLowerCase()),
        instance.hasIncident ? badge('incident', 'incident') : ''),
      h('div', { class: 'buttons' },
        h('button', { id: 'publish-message', onclick: () => publishMessage(refresh) }, 'Publish message…'),
        h('button', { id: 'set-variable', disabled: !active, onclick: () => setVariable(key, 'the process instance', refresh) }, 'Set variable…'),
        h('button', { id: 'cancel-instance', class: 'danger', disabled: !active, onclick: () => act({
          title: `Cancel instance ${key}?`,
          text: 'POST /v2/process-instances/{key}/cancellation terminates every element of the instance and of the instances it called. This cannot be undone.',
          confirmLabel: 'Cancel instance',
          perform: () => call('POST', `/process-instances/${key}/cancellation`, {}),
          describe: () => `instance ${key} cancelled.`,
          after: refresh,
        }) }, 'Cancel instance…'))),
    h('p', {},
      h('a', { href: `#/processes/${instance.processDefinitionKey}` }, `${instance.processDefinitionName || instance.processDefinitionId} v${instance.processDefinitionVersion}`),
      ` · started ${date(instance.startDate)}`,
      instance.endDate ? ` · ended ${date(instance.endDate)}` : '',
      instance.parentProcessInstanceKey ? [' · called by ', h('a', { id: 'parent', href: `#/instances/${instance.parentProcessInstanceKey}`, class: 'mono' }, instance.parentProcessInstanceKey)] : '',
      ' · ', h('span', { class: 'legend passed' }, 'passed'), ' ', h('span', { class: 'legend active' }, 'waiting'), ' ', h('span', { class: 'legend incident' }, 'incident')));
}

function incidentTable(incidents, jobs, shown, refresh) {
  return table(['Element', 'Type', 'Message', 'Since', ''], incidents.map(i => h('tr', { 'data-incident': i.incidentKey },
    h('td', {}, shown.elementName(i.elementId)),
    h('td', {}, i.errorType),
    h('td', { class: 'message' }, i.errorMessage),
    h('td', {}, date(i.creationTime)),
    h('td', {}, h('button', { class: 'resolve', onclick: () => resolve(i, jobs.find(j => j.jobKey === i.jobKey), refresh) }, 'Resolve…')))), 'No open incident.');
}

/** A job's incident needs retries first, or the job would raise it again at once. */
function resolve(incident, job, refresh) {
  const needsRetries = job && job.retries < 1;
  return act({
    title: `Resolve incident ${incident.incidentKey}?`,
    text: needsRetries
      ? `The job '${job.type}' has no retries left: the console first gives it the retries below (PATCH /v2/jobs/{key}), then resolves the incident, so a worker can take the job again.`
      : 'POST /v2/incidents/{key}/resolution runs the failed step again.',
    fields: needsRetries ? [{ name: 'retries', label: 'Retries for the job', value: '1', type: 'number' }] : [],
    confirmLabel: 'Resolve',
    perform: async values => {
      if (needsRetries) await call('PATCH', `/jobs/${job.jobKey}`, { changeset: { retries: Number(values.retries) } });
      return call('POST', `/incidents/${incident.incidentKey}/resolution`, {});
    },
    describe: () => `incident ${incident.incidentKey} resolved.`,
    after: refresh,
  });
}

function jobTable(jobs, shown, refresh) {
  return table(['Type', 'Element', 'Retries', 'Deadline', 'Worker', 'State', ''], jobs.map(j => h('tr', { 'data-job': j.jobKey },
    h('td', { class: 'mono' }, j.type, j.kind !== 'BPMN_ELEMENT' ? h('small', {}, ` ${j.kind.toLowerCase().replaceAll('_', ' ')}`) : ''),
    h('td', {}, shown.elementName(j.elementId)),
    h('td', { class: 'num' }, j.retries),
    h('td', {}, date(j.deadline)),
    h('td', {}, j.worker || '—'),
    h('td', {}, badge(j.state, j.state.toLowerCase()), j.errorMessage ? h('div', { class: 'message' }, j.errorMessage) : ''),
    h('td', {}, j.endTime ? '' : h('button', { class: 'retries', onclick: () => act({
      title: `Update the retries of job ${j.jobKey}`,
      text: `PATCH /v2/jobs/{key}. The job '${j.type}' has ${j.retries} retries left.`,
      fields: [{ name: 'retries', label: 'Retries', value: String(Math.max(1, j.retries)), type: 'number' }],
      confirmLabel: 'Update',
      perform: values => call('PATCH', `/jobs/${j.jobKey}`, { changeset: { retries: Number(values.retries) } }),
      describe: (answer, values) => `job ${j.jobKey} now has ${values.retries} retries.`,
      after: refresh,
    }) }, 'Retries…')))), 'No job.');
}

function taskTable(tasks, shown, refresh) {
  return table(['Task', 'Assignee', 'State', ''], tasks.map(t => {
    const open = t.state === 'CREATED';
    const path = `/user-tasks/${t.userTaskKey}`;
    return h('tr', { 'data-task': t.userTaskKey },
      h('td', {}, t.name || shown.elementName(t.elementId)),
      h('td', {}, t.assignee || '—'),
      h('td', {}, badge(t.state, t.state.toLowerCase())),
      h('td', { class: 'buttons' }, open ? [
        h('button', { class: 'assign', onclick: () => act({
          title: `Assign '${t.name || t.elementId}'`, text: 'POST /v2/user-tasks/{key}/assignment',
          fields: [{ name: 'assignee', label: 'Assignee', value: t.assignee ?? '', required: true }],
          confirmLabel: 'Assign',
          perform: values => call('POST', `${path}/assignment`, { assignee: values.assignee }),
          describe: (answer, values) => `task assigned to ${values.assignee}.`, after: refresh,
        }) }, 'Assign…'),
        t.assignee ? h('button', { class: 'unassign', onclick: () => act({
          title: `Unassign '${t.name || t.elementId}' from ${t.assignee}?`, text: 'DELETE /v2/user-tasks/{key}/assignee',
          confirmLabel: 'Unassign',
          perform: () => call('DELETE', `${path}/assignee`),
          describe: () => 'task unassigned.', after: refresh,
        }) }, 'Unassign…') : '',
        h('button', { class: 'complete', onclick: () => act({
          title: `Complete '${t.name || t.elementId}'`, text: 'POST /v2/user-tasks/{key}/completion, with these variables set on the task.',
          fields: [{ name: 'variables', label: 'Variables (JSON object)', type: 'textarea', placeholder: '{"approved": true}' }],
          confirmLabel: 'Complete',
          perform: values => call('POST', `${path}/completion`, { variables: json(values.variables, 'Variables') ?? {} }),
          describe: () => 'task completed.', after: refresh,
        }) }, 'Complete…'),
      ] : ''));
  }), 'No user task.');
}

/** The search answers decision instances without their matched rules: each is read once, by key. */
async function withMatchedRules(decisions, evaluations) {
  const unread = decisions.filter(d => !evaluations.has(d.decisionEvaluationInstanceKey));
  const read = await Promise.all(unread.map(d => call('GET', `/decision-instances/${d.decisionEvaluationInstanceKey}`)));
  for (const d of read) evaluations.set(d.decisionEvaluationInstanceKey, d);
}

function decisionTable(decisions, evaluations, scopes) {
  const ordered = [...decisions].sort((a, b) => (a.evaluationDate ?? '').localeCompare(b.evaluationDate ?? '')
    || a.decisionEvaluationInstanceKey.localeCompare(b.decisionEvaluationInstanceKey));
  return table(['Decision', 'Element', 'Evaluated', 'Matched rules', 'Result', 'State'], ordered.map(d => {
    const rules = evaluations.get(d.decisionEvaluationInstanceKey)?.matchedRules ?? [];
    return h('tr', { 'data-decision-instance': d.decisionEvaluationInstanceKey },
      h('td', {}, h('a', { class: 'show-rules', href: `#/decisions/${d.decisionDefinitionKey}?instance=${d.decisionEvaluationInstanceKey}` },
        `${d.decisionDefinitionName || d.decisionDefinitionId} v${d.decisionDefinitionVersion}`)),
      h('td', {}, scopes.get(d.elementInstanceKey) ?? '—'),
      h('td', {}, date(d.evaluationDate)),
      h('td', { class: 'rules' }, rules.length === 0 ? h('span', { class: 'muted' }, 'none') : rules.map(r =>
        h('div', { 'data-rule': r.ruleId }, h('span', { class: 'mono' }, `#${r.ruleIndex} ${r.ruleId}`),
          (r.evaluatedOutputs ?? []).map(o => h('span', { class: 'mono output' }, ` → ${o.outputName} = ${o.outputValue}`))))),
      h('td', { class: 'mono value' }, d.result),
      h('td', {}, badge(d.state, d.state.toLowerCase()), d.evaluationFailure ? h('div', { class: 'message' }, d.evaluationFailure) : ''));
  }), 'No decision evaluated yet.');
}

function variableTables(variables, scopes, instance, refresh) {
  if (variables.length === 0) return [h('p', { class: 'muted' }, 'No variable.')];
  const byScope = Map.groupBy(variables, v => v.scopeKey);
  const order = [...byScope.keys()].sort((a, b) => (a === instance.processInstanceKey ? -1 : b === instance.processInstanceKey ? 1 : a.localeCompare(b)));
  return order.map(scope => h('div', { class: 'scope', 'data-scope': scope },
    h('h4', {}, scopes.get(scope) ?? 'Scope', ' ', h('small', { class: 'mono' }, scope), ' ',
      instance.state === 'ACTIVE' ? h('button', { class: 'set-local', title: 'Set a variable in this scope', onclick: () => setVariable(scope, scopes.get(scope) ?? scope, refresh) }, 'Set…') : ''),
    table(['Name', 'Value'], byScope.get(scope).sort((a, b) => a.name.localeCompare(b.name)).map(v =>
      h('tr', { 'data-variable': v.name }, h('td', { class: 'mono' }, v.name), h('td', { class: 'mono value' }, v.value, v.isTruncated ? '…' : ''))))));
}

function setVariable(scopeKey, scopeName, refresh) {
  return act({
    title: `Set a variable on ${scopeName}`,
    text: 'PUT /v2/element-instances/{key}/variables, local to this scope. The value is JSON: "text", 42, true, {"a": 1}.',
    fields: [{ name: 'name', label: 'Name', required: true }, { name: 'value', label: 'Value (JSON)', required: true }],
    confirmLabel: 'Set',
    perform: values => call('PUT', `/element-instances/${scopeKey}/variables`, { variables: { [values.name]: json(values.value, 'The value') }, local: true }),
    describe: (answer, values) => `variable '${values.name}' set.`,
    after: refresh,
  });
}
