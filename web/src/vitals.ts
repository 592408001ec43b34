// The vitals form: a refused request shows the problem's detail and, next to each field its violations name, the
// message; nothing is stored then (the service validates the whole request before it writes).
import { api, problemOf, type Problem } from './api';
import { el } from './dom';

const HYPOTENSION = ['NONE', 'NO_VASOPRESSOR', 'ONE_VASOPRESSOR', 'MULTIPLE_VASOPRESSORS'] as const;
const OXYGEN = ['NONE', 'LOW_FLOW', 'HIGH_FLOW', 'POSITIVE_PRESSURE'] as const;

export function vitalsForm(patientId: string, recorded: () => void): HTMLElement {
  const form = el('form', { class: 'record', id: 'vitals-form', novalidate: '' });
  const summary = el('div', { id: 'vitals-problem', role: 'alert' });
  const at = input('at', 'Observed at (UTC)', 'datetime-local');
  const temperature = input('temperatureC', 'Temperature (°C)', 'number', { step: '0.1' });
  const hypotension = select('hypotension', 'Hypotension', HYPOTENSION);
  const oxygen = select('oxygen', 'Oxygen support', OXYGEN);
  const oxygenLpm = input('oxygenLpm', 'Oxygen flow (L/min, if any)', 'number', { step: '0.5' });
  const antipyretic = input('antipyreticOrAntiCytokine', 'Antipyretic or anti-cytokine given', 'checkbox');
  const fields = [at, temperature, hypotension, oxygen, oxygenLpm, antipyretic];
  form.append(...fields.flatMap((field) => field.row),
    el('span', {}), el('button', { type: 'submit', id: 'vitals-submit' }, 'Record vitals'), el('span', {}));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    fields.forEach((field) => field.clear());
    summary.replaceChildren();
    const lpm = (oxygenLpm.control as HTMLInputElement).value;
    const body = {
      at: new Date(`${(at.control as HTMLInputElement).value}Z`).toISOString(),
      temperatureC: Number((temperature.control as HTMLInputElement).value),
      hypotension: hypotension.control.value as (typeof HYPOTENSION)[number],
      oxygen: oxygen.control.value as (typeof OXYGEN)[number],
      ...(lpm ? { oxygenLpm: Number(lpm) } : {}),
      antipyreticOrAntiCytokine: (antipyretic.control as HTMLInputElement).checked,
    };
    void api.POST('/api/v1/safety/patients/{id}/vitals', { params: { path: { id: patientId } }, body })
      .then(({ data, error, response }) => {
        if (data) {
          recorded();
          return;
        }
        refused(problemOf(error, response.status), fields, summary);
      })
      .catch((failure: unknown) => {
        summary.replaceChildren(el('p', { class: 'problem' }, `Not recorded: ${String(failure)}`));
      });
  });
  return el('section', { 'aria-labelledby': 'vitals-heading' },
    el('h2', { id: 'vitals-heading' }, 'Record vital signs'), summary, form);
}

function refused(problem: Problem, fields: Field[], summary: HTMLElement): void {
  summary.replaceChildren(el('p', { class: 'problem' }, `Not recorded: ${problem.detail ?? problem.title ?? ''}`));
  for (const violation of problem.violations ?? []) {
    // a violation names the field by its JSON path (e.g. "temperatureC" or "body.temperatureC")
    const name = (violation.field ?? '').split('.').pop();
    const field = fields.find((candidate) => candidate.name === name);
    if (field) {
      field.fail(violation.message ?? 'invalid');
    } else {
      summary.append(el('p', { class: 'problem' }, `${violation.field ?? ''}: ${violation.message ?? ''}`));
    }
  }
}

interface Field {
  name: string;
  control: HTMLInputElement | HTMLSelectElement;
  row: HTMLElement[];
  fail(message: string): void;
  clear(): void;
}

function input(name: string, label: string, type: string, more: Record<string, string> = {}): Field {
  return field(name, label, el('input', { type, id: `vitals-${name}`, name, ...more }));
}

function select(name: string, label: string, options: readonly string[]): Field {
  return field(name, label, el('select', { id: `vitals-${name}`, name },
    ...options.map((option) => el('option', { value: option }, option.toLowerCase().replace(/_/g, ' ')))));
}

function field(name: string, label: string, control: HTMLInputElement | HTMLSelectElement): Field {
  const error = el('span', { class: 'field-error', id: `vitals-${name}-error`, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', error.id);
  return {
    name,
    control,
    row: [el('label', { for: control.id }, label), control, error],
    fail(message: string) {
      error.textContent = message;
      control.setAttribute('aria-invalid', 'true');
    },
    clear() {
      error.textContent = '';
      control.removeAttribute('aria-invalid');
    },
  };
}
