// Every action asks first, then shows what the engine answered: its result or its problem detail.
import { h } from './dom.js';
import { Problem } from './api.js';

/**
 * Opens the confirmation dialog; resolves to the fields' values ({name: text}) on Confirm,
 * or null on Cancel. fields: [{name, label, value, placeholder, type}].
 */
export function confirmDialog({ title, text, fields = [], confirmLabel = 'Confirm' }) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text ?? '';
  document.getElementById('confirm-ok').textContent = confirmLabel;
  const inputs = fields.map(field => {
    const input = field.type === 'textarea'
      ? h('textarea', { name: field.name, rows: 4, placeholder: field.placeholder })
      : h('input', { name: field.name, type: field.type ?? 'text', placeholder: field.placeholder, required: field.required });
    input.value = field.value ?? '';
    return { field, input };
  });
  document.getElementById('confirm-fields').replaceChildren(
    ...inputs.map(({ field, input }) => h('label', {}, h('span', {}, field.label), input)));
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'ok') return resolve(null);
      resolve(Object.fromEntries(inputs.map(({ field, input }) => [field.name, input.value])));
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    (inputs[0]?.input ?? document.getElementById('confirm-ok')).focus();
  });
}

/** Shows the outcome of an action at the top of the page until the next one. */
export function showResult(ok, message) {
  const result = document.getElementById('result');
  result.className = ok ? 'ok' : 'error';
  result.replaceChildren(h('span', { class: 'outcome' }, h('strong', {}, ok ? 'Done: ' : 'The engine refused: '), message),
    h('button', { class: 'close', title: 'Dismiss', onclick: () => { result.hidden = true; } }, '×'));
  result.hidden = false;
}

/**
 * Confirms, runs perform(values), and shows the result (describe(answer, values)) or the problem;
 * then calls after() (a refresh) either way. A value that is not valid JSON where JSON is expected
 * is shown as a problem without calling the engine.
 */
export async function act({ title, text, fields, confirmLabel, perform, describe, after }) {
  const values = await confirmDialog({ title, text, fields, confirmLabel });
  if (values === null) return;
  document.getElementById('result').hidden = true; // the previous outcome no longer applies
  try {
    const answer = await perform(values);
    showResult(true, describe ? describe(answer, values) : title);
  } catch (e) {
    if (e instanceof Problem) {
      showResult(false, `${e.status} ${e.problem.title ?? ''} — ${e.problem.detail ?? ''}`);
    } else {
      showResult(false, e.message);
    }
  }
  await after?.();
}

/** Parses JSON typed by a person; says what is wrong instead of throwing a SyntaxError. */
export function json(text, what) {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what} is not valid JSON (${e.message}). Strings need quotes, e.g. "ana".`);
  }
}
