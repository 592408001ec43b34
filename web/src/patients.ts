// Site staff, monitors and safety officers: the patients they may see, by site and status.
import { api, problemOf } from './api';
import type { Caller } from './auth';
import { el, show, table } from './dom';
import { screens } from './forms';

const STATUSES = ['SCREENING', 'ELIGIBLE', 'INELIGIBLE', 'ENROLLED', 'LYMPHODEPLETED', 'INFUSED', 'FOLLOW_UP',
  'COMPLETED', 'WITHDRAWN'] as const;
type Status = (typeof STATUSES)[number];

export async function patientsScreen(main: HTMLElement, caller: Caller): Promise<void> {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const status = query.get('status') as Status | null;
  const { data, error, response } = await api.GET('/api/v1/enrollment/patients', {
    params: { query: { limit: 200, ...(status ? { status } : {}) } },
  });
  if (!data) {
    const problem = problemOf(error, response.status);
    show(main, el('h1', {}, 'Patients'), el('p', { class: 'problem', role: 'alert' }, problem.detail ?? ''));
    return;
  }
  const filter = el('select', { id: 'status-filter' },
    el('option', { value: '' }, 'any status'),
    ...STATUSES.map((value) => el('option', value === status ? { value, selected: '' } : { value }, value)));
  filter.addEventListener('change', () => {
    location.hash = filter.value ? `#/?status=${filter.value}` : '#/';
  });
  const rows = (data.items ?? []).map((patient) => [
    el('a', { href: `#/patients/${patient.id}` }, patient.subjectId ?? patient.id ?? ''),
    patient.siteCode ?? '',
    patient.status ?? '',
    patient.doseLevel ?? '—',
    patient.day0 ?? '—',
    el('a', { href: `#/patients/${patient.id}/treatment` }, 'screening to Day 0'),
  ]);
  show(
    main,
    el('h1', {}, 'Patients'),
    el('p', {}, `Sites: ${caller.sites.length ? caller.sites.join(', ') : 'all'}`),
    screens(caller) ? el('p', {}, el('a', { href: '#/screen', id: 'screen-patient' }, 'Screen a new patient')) : null,
    el('label', { for: 'status-filter' }, 'Status '),
    filter,
    rows.length
      ? table(['subject', 'site', 'status', 'dose level', 'Day 0', ''], rows, `${rows.length} patients`)
      : el('p', {}, 'No patients.'),
  );
}
