// The study summary at a chosen cut-off, per site or all: the same figures as GET /api/v1/study/summary; and the
// safety exports at the same cut-off and sites, downloaded with the user's token (a plain link would carry none).
import { api, dataOf, everyPage, problemOf } from './api';
import type { Caller } from './auth';
import { el, show, table } from './dom';

export async function summaryScreen(main: HTMLElement, caller: Caller): Promise<void> {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const asOf = query.get('asOf') ?? new Date().toISOString().slice(0, 10);
  const siteCode = query.get('siteCode') ?? '';
  const siteCodes = siteCode ? [siteCode] : undefined;
  const [{ data, error, response }, sites] = await Promise.all([
    api.GET('/api/v1/study/summary', { params: { query: { asOf, siteCode: siteCodes } } }),
    everyPage(async (cursor) => (await api.GET('/api/v1/enrollment/sites', {
      params: { query: { limit: 200, cursor } },
    })).data),
  ]);
  const siteChoice = el('select', { id: 'summary-site', name: 'siteCode' },
    el('option', { value: '' }, 'all sites'),
    ...sites.map((site) => el('option', { value: site.code ?? '' }, `${site.code ?? ''} ${site.name ?? ''}`)));
  siteChoice.value = siteCode;
  const form = el('form', { id: 'summary-form' },
    el('label', { for: 'summary-asOf' }, 'Cut-off '),
    el('input', { type: 'date', id: 'summary-asOf', name: 'asOf', value: asOf, required: '' }),
    el('label', { for: 'summary-site' }, ' Site '),
    siteChoice,
    el('button', { type: 'submit', id: 'summary-show' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = new URLSearchParams();
    values.set('asOf', (form.elements.namedItem('asOf') as HTMLInputElement).value);
    if (siteChoice.value) {
      values.set('siteCode', siteChoice.value);
    }
    location.hash = `#/summary?${values.toString()}`;
  });
  const scope = `${asOf}${siteCode ? `-${siteCode}` : ''}`;
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
    downloads(asOf, siteCodes, scope),
    table(['figure', 'value'], rows, `The study as of ${asOf}${siteCode ? ` at ${siteCode}` : ''}`),
  );
}

/** The exports at the summary's cut-off and sites, each fetched with the token and saved from a Blob. */
function downloads(asOf: string, siteCode: string[] | undefined, scope: string): HTMLElement {
  const status = el('p', { id: 'download-status', role: 'status' });
  const query = { asOf, siteCode };
  const button = (id: string, label: string, fileName: string, read: () => Promise<Blob | undefined>): HTMLElement => {
    const action = el('button', { type: 'button', id }, label);
    action.addEventListener('click', () => void (async () => {
      status.className = '';
      status.textContent = `Preparing ${fileName}…`;
      try {
        const blob = await read();
        if (blob) {
          save(blob, fileName);
          status.textContent = `Saved ${fileName} (${blob.size} bytes).`;
        }
      } catch (failure) {
        status.className = 'problem';
        status.textContent = `${fileName} was not saved: ${failure instanceof Error ? failure.message : String(failure)}`;
      }
    })());
    return action;
  };
  return el('section', { id: 'downloads', 'aria-labelledby': 'downloads-heading' },
    el('h2', { id: 'downloads-heading' }, 'Downloads at this cut-off and site'),
    el('p', {},
      button('download-sdtm', 'SDTM AE dataset (CSV)', `ae-${scope}.csv`, async () =>
        dataOf(await api.GET('/api/v1/safety/export/sdtm-ae', { params: { query }, parseAs: 'blob' }))),
      ' ',
      button('download-fhir', 'FHIR AdverseEvent bundle', `adverse-events-${scope}.fhir.json`, async () =>
        dataOf(await api.GET('/api/v1/safety/export/fhir', { params: { query }, parseAs: 'blob' }))),
      ' ',
      button('download-listing', 'Line listing (JSON)', `line-listing-${scope}.json`, async () => {
        // the listing is paged: every page is read, and the rows saved as one document
        const items = await everyPage(async (cursor) => dataOf(await api.GET('/api/v1/safety/line-listing', {
          params: { query: { ...query, limit: 200, cursor } },
        })));
        return new Blob([JSON.stringify({ asOf, siteCodes: siteCode ?? [], items }, null, 2)],
          { type: 'application/json' });
      })),
    status);
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file once the click is handled; the URL would only hold the Blob in memory
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function format(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
