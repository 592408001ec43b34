// The forms' shared parts: labelled fields with an error slot next to each, and one way to send a write and show
// a refusal: the problem's detail above the form and, next to each field its violations name, the message. The
// services validate a whole request before they write, so a refused request has stored nothing.
import type { Caller } from './auth';
import { problemOf, type Problem } from './api';
import { el } from './dom';

export interface Field {
  name: string;
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  row: HTMLElement[];
  value(): string;
  fail(message: string): void;
  clear(): void;
}

/** An `<input>` with its label; its id is `{form}-{name}`, the name the API's field has. */
export function input(form: string, name: string, label: string, type: string,
  more: Record<string, string> = {}): Field {
  return field(name, label, el('input', { type, id: `${form}-${name}`, name, ...more }));
}

/** A `<select>` of the API's enum values (shown in lower case, words spaced), or of [value, text] pairs. */
export function select(form: string, name: string, label: string,
  options: readonly (string | readonly [string, string])[]): Field {
  return field(name, label, el('select', { id: `${form}-${name}`, name }, ...options.map((option) => {
    const [value, text] = typeof option === 'string' ? [option, option.toLowerCase().replace(/_/g, ' ')] : option;
    return el('option', { value }, text);
  })));
}

export function textarea(form: string, name: string, label: string): Field {
  return field(name, label, el('textarea', { id: `${form}-${name}`, name, rows: '2' }));
}

function field(name: string, label: string, control: Field['control']): Field {
  const error = el('span', { class: 'field-error', id: `${control.id}-error`, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', error.id);
  return {
    name,
    control,
    row: [el('label', { for: control.id }, label), control, error],
    value() {
      return control instanceof HTMLInputElement && control.type === 'checkbox'
        ? String(control.checked) : control.value.trim();
    },
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

/**
 * A record form (`{form}-form`): the problem slot (`{form}-problem`), its fields in a grid and a submit button
 * (`{form}-submit`) after any `extra` parts; `send` runs on submit with the slot (the checks are the API's).
 */
export function recordForm(form: string, fields: Field[], submitLabel: string,
  send: (summary: HTMLElement) => Promise<void>, ...extra: HTMLElement[]): HTMLElement {
  const summary = el('div', { id: `${form}-problem`, role: 'alert' });
  const element = el('form', { class: 'record', id: `${form}-form`, novalidate: '' },
    ...fields.flatMap((one) => one.row), ...extra,
    el('span', {}), el('button', { type: 'submit', id: `${form}-submit` }, submitLabel), el('span', {}));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(summary);
  });
  return el('div', {}, summary, element);
}

/**
 * Void with a reason: a disclosure with the reason and a confirm button, sending `voidIt(reason)` (the record's
 * version goes in its If-Match), then `voided()`. Ids: `{id}-reason`, `{id}-confirm`, `{id}-problem`.
 */
export function voidAction(id: string, what: string, voidIt: (reason: string) => Promise<Answer<unknown>>,
  voided: () => void): HTMLElement {
  const reason = textarea(id, 'reason', `Why void ${what}`);
  const form = recordForm(id, [reason], 'Void', async (summary) => {
    if (await submit(voidIt(reason.value()), [reason], summary, 'Not voided')) {
      voided();
    }
  });
  return el('details', { class: 'void' }, el('summary', { id: `${id}-open` }, 'Void…'), form);
}

export type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * Sends one write and answers its data (or `true` for a 204), or undefined after showing the refusal next to the
 * fields. A 412 means the record changed since the user read it: it is said so, never sent again over it.
 */
export async function submit<T>(call: Promise<Answer<T>>, fields: Field[], summary: HTMLElement,
  refusal = 'Not recorded'): Promise<T | true | undefined> {
  fields.forEach((one) => one.clear());
  summary.replaceChildren();
  try {
    const { data, error, response } = await call;
    if (response.ok) {
      return data ?? true;
    }
    refused(problemOf(error, response.status), fields, summary, refusal);
  } catch (failure) {
    summary.replaceChildren(el('p', { class: 'problem' }, `${refusal}: ${String(failure)}`));
  }
  return undefined;
}

export function refused(problem: Problem, fields: Field[], summary: HTMLElement, refusal = 'Not recorded'): void {
  const detail = problem.status === 412
    ? 'This record was changed by someone else since you opened it; reload to see their change, then make yours again.'
    : problem.detail ?? problem.title ?? '';
  summary.replaceChildren(el('p', { class: 'problem' }, `${refusal}: ${detail}`));
  for (const violation of problem.violations ?? []) {
    // a violation names the field by its JSON path ("temperatureC", "priorTherapies[0].start", "ice.naming"):
    // the field of that path, else the one named by its last part
    const path = violation.field ?? '';
    const target = fields.find((candidate) => candidate.name === path)
      ?? fields.find((candidate) => candidate.name === path.split('.').pop());
    if (target) {
      target.fail(violation.message ?? 'invalid');
    } else {
      summary.append(el('p', { class: 'problem' }, `${violation.field ?? ''}: ${violation.message ?? ''}`));
    }
  }
}

/** Only investigators of the patient's site and data managers write patient data (docs/api.md, Sites). */
export function writesAt(caller: Caller, siteCode: string): boolean {
  return caller.roles.includes('data-manager')
    || (caller.roles.includes('investigator') && caller.sites.includes(siteCode));
}

/** Writers of some site: who may screen a patient. */
export const screens = (caller: Caller): boolean =>
  caller.roles.includes('data-manager') || caller.roles.includes('investigator');

/** An `<input type=datetime-local>` value (read as UTC) as an ISO instant; empty stays empty for the API to name. */
export const instant = (value: string): string | undefined =>
  value ? new Date(`${value}Z`).toISOString() : undefined;

/**
 * A number field's value; empty is left out of the request. A required field left empty is sent missing on
 * purpose (its type cast at the call), so the API's violation names it next to the field.
 */
export const numberOrUndefined = (value: string): number | undefined => (value === '' ? undefined : Number(value));

/** ETag `"7"` → version 7's If-Match, as the API sets it (docs/api.md, Conventions). */
export const ifMatch = (version: number | undefined): string => `"${version ?? 0}"`;
