// The study summary at a chosen cut-off, per site or all: the same figures as GET /api/v1/study/summary.
import { api, problemOf } from './api';
import type { Caller } from './auth';
import { el, show, table } from './dom';

export async function summaryScreen(main: HTMLElement, caller: Caller): Promise<void> {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const asOf = query.get('asOf') ?? new Date().toISOString().slice(0, 10);
  const siteCode = query.get('siteCode') ?? '';
  const { data, error, response } = await api.GET('/api/v1/study/summary', {
    params: { query: { asOf, ...(siteCode ? { siteCode: [siteCode] } : {}) } },
  });
  const form = el('form', { id: 'summary-form' },
    el('label', { for: 'summary-asOf' }, 'Cut-off '),
    el('input', { type: 'date', id: 'summary-asOf', name: 'asOf', value: asOf }),
    el('label', { for: 'summary-site' }, ' Site (empty: all) '),
    el('input', { type: 'text', id: 'summary-site', name: 'siteCode', value: siteCode }),
    el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = new URLSearchParams();
    values.set('asOf', (form.elements.namedItem('asOf') as HTMLInputElement).value);
    const site = (form.elements.namedItem('siteCode') as HTMLInputElement).value.trim();
    if (site) {
      values.set('siteCode', site);
    }
    location.hash = `#/summary?${values.toString()}`;
  });
  if (!data) {
    const problem = problemOf(error, response.status);
    show(main, el('h1', {}, 'Study summary'), form, el('p', { class: 'problem', role: 'alert' }, problem.detail ?? ''));
    return;
  }
  const figures = data as unknown as Record<string, unknown>;
  const rows = Object.entries(figures)
    .filter(([name]) => !['parts', 'unavailable'].includes(name))
    .map(([name, value]) => [name, el('code', { 'data-figure': name }, format(value))]);
  show(
    main,
    el('h1', {}, 'Study summary'),
    el('p', {}, `Signed in as ${caller.username}; pseudonymised figures only.`),
    form,
    table(['figure', 'value'], rows, `The study as of ${asOf}${siteCode ? ` at ${siteCode}` : ''}`),
  );
}

function format(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
