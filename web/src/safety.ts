// The safety officer's screen (data managers read it too): serious events due for expedited reporting, most urgent
// first as the API orders them, with the days left; adverse events across sites from the line listing, where a
// safety officer confirms a grade (a JSON Merge Patch with a reason and the version read); and the state of the
// sponsor feed. Every figure is the API's; the services decide, a hidden control is only convenience.
import type { components } from 'api-types';
import { api, dataOf, everyPage, problemOf } from './api';
import type { Caller } from './auth';
import { el, explained, show, table } from './dom';
import { aeGradeReasons, seriousness } from './grades';

type Schemas = components['schemas'];
type AdverseEvent = Schemas['AdverseEventView'];

const DAY_MS = 86_400_000;
const FEED_PAGE = 200;
const FEED_LATEST = 10;

export async function safetyScreen(main: HTMLElement, caller: Caller, notice?: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const [due, events, feed] = await Promise.all([
    api.GET('/api/v1/safety/sae/due').then(dataOf),
    everyPage(async (cursor) => dataOf(await api.GET('/api/v1/safety/line-listing', {
      params: { query: { asOf: today, limit: 200, cursor } },
    }))),
    feedState(),
  ]);
  const confirms = caller.roles.includes('safety-officer');
  show(
    main,
    el('h1', {}, 'Safety'),
    notice ? el('p', { class: 'notice', role: 'status', id: 'safety-notice' }, notice) : null,
    el('h2', {}, `Serious adverse events due (today ${due.today ?? today})`),
    saesDue(due),
    el('h2', {}, `Adverse events across sites (${events.length}, onset up to ${today})`),
    adverseEvents(events, confirms ? (message) => void safetyScreen(main, caller, message) : undefined),
    el('h2', {}, 'Sponsor feed'),
    feed,
  );
}

function saesDue(due: Schemas['SaeDueView']): HTMLElement {
  const today = due.today ?? new Date().toISOString().slice(0, 10);
  const items = due.items ?? [];
  if (items.length === 0) {
    return el('p', { id: 'sae-due' }, 'No serious adverse event.');
  }
  const rendered = table(
    ['status', 'days left', 'deadline', 'subject', 'site', 'term', 'grade', 'SUSAR', 'rule'],
    items.map((item) => [
      el('strong', {}, (item.reporting?.status ?? '').replace('_', ' ').toLowerCase()),
      daysLeft(item.reporting?.deadline, today, item.reporting?.status),
      item.reporting?.deadline ?? '—',
      item.subjectId ?? '',
      item.siteCode ?? '',
      item.ctcaeTerm ?? '',
      `grade ${item.grade ?? '?'}`,
      item.reporting?.susar ? 'yes' : 'no',
      item.reporting?.rule ?? '',
    ]),
    'Serious events and their reporting deadlines, overdue first',
  );
  rendered.id = 'sae-due';
  items.forEach((item, index) => rendered.tBodies[0]?.rows[index]?.setAttribute('data-ae-id', item.adverseEventId ?? ''));
  return rendered;
}

function daysLeft(deadline: string | undefined, today: string, status: string | undefined): string {
  if (!deadline || status === 'REPORTED' || status === 'NOT_EXPEDITED') {
    return '—';
  }
  const days = Math.round((Date.parse(deadline) - Date.parse(today)) / DAY_MS);
  return days < 0 ? `${-days} day${days === -1 ? '' : 's'} overdue` : `${days} day${days === 1 ? '' : 's'} left`;
}

function adverseEvents(events: AdverseEvent[], confirmed: ((message: string) => void) | undefined): HTMLElement {
  if (events.length === 0) {
    return el('p', { id: 'ae-list' }, 'No adverse event.');
  }
  const headers = ['subject', 'site', 'onset', 'term', 'origin', 'seriousness', 'grade (open for why)'];
  const rendered = table(
    confirmed ? [...headers, 'confirm a grade'] : headers,
    events.map((event) => {
      const row = [
        event.subjectId ?? '',
        event.siteCode ?? '',
        event.onset ?? '',
        event.ctcaeTerm ?? '',
        (event.origin ?? '').toLowerCase(),
        seriousness(event),
        explained(`grade ${event.grade ?? '?'}`, `grade-${event.grade ?? 'none'}`, aeGradeReasons(event)),
      ];
      return confirmed ? [...row, confirmForm(event, confirmed)] : row;
    }),
    'One row per adverse event (line listing), by subject and onset',
  );
  rendered.id = 'ae-list';
  events.forEach((event, index) => rendered.tBodies[0]?.rows[index]?.setAttribute('data-ae-id', event.id ?? ''));
  return rendered;
}

/** A safety officer's confirmed grade, sent with the version listed: a change made meanwhile is a 412, explained. */
function confirmForm(event: AdverseEvent, confirmed: (message: string) => void): HTMLFormElement {
  const id = event.id ?? '';
  const gradeField = el('select', { id: `confirm-grade-${id}`, name: 'confirmedGrade' },
    ...[1, 2, 3, 4, 5].map((value) => el('option', { value: String(value) }, `grade ${value}`)));
  gradeField.value = String(event.confirmedGrade ?? event.grade ?? 1);
  const reasonField = el('input', { type: 'text', id: `confirm-reason-${id}`, name: 'reason', required: '',
    'aria-describedby': `confirm-error-${id}` });
  const error = el('span', { class: 'field-error', id: `confirm-error-${id}`, role: 'alert' });
  const form = el('form', { class: 'confirm-grade', 'data-ae-id': id },
    el('label', { for: gradeField.id }, 'Grade '), gradeField,
    el('label', { for: reasonField.id }, ' Reason '), reasonField,
    el('button', { type: 'submit' }, 'Confirm'),
    error);
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    void (async () => {
      const grade = Number(gradeField.value);
      const { error: refused, response } = await api.PATCH('/api/v1/safety/adverse-events/{aeId}', {
        params: { path: { aeId: id }, header: { 'If-Match': `"${event.version ?? 0}"` } },
        headers: { 'Content-Type': 'application/merge-patch+json' },
        // the document types the patch by the whole follow-up, whose seriousness and treatments it requires: they
        // are sent as listed, unchanged (a change made since is the 412 of If-Match, not overwritten)
        body: { confirmedGrade: grade, reason: reasonField.value, serious: event.serious ?? false,
          seriousnessCriteria: event.seriousnessCriteria ?? [], treatments: event.treatments ?? [] },
      });
      if (response.ok) {
        confirmed(`${event.subjectId ?? ''} ${event.ctcaeTerm ?? ''}: grade ${grade} confirmed.`);
        return;
      }
      const problem = problemOf(refused, response.status);
      const fields = (problem.violations ?? []).map((violation) => `${violation.field ?? ''}: ${violation.message ?? ''}`);
      error.textContent = response.status === 412
        ? 'Changed by someone else since this list was read: reload and confirm again.'
        : [problem.detail ?? problem.title ?? `refused (${response.status})`, ...fields].join('; ');
      reasonField.setAttribute('aria-invalid', String(fields.some((field) => field.startsWith('reason'))));
    })();
  });
  return form;
}

/** The feed as a sponsor system pulls it, from its start: how many changes of each kind, the latest, the cursor. */
async function feedState(): Promise<HTMLElement> {
  const changes: Schemas['FeedItem'][] = [];
  let since: string | undefined;
  for (;;) {
    const page = dataOf(await api.GET('/api/v1/safety/feed', { params: { query: { since, limit: FEED_PAGE } } }));
    changes.push(...(page.items ?? []));
    // the feed never ends: a page shorter than asked for is where it stands now
    if ((page.items ?? []).length < FEED_PAGE || !page.nextCursor) {
      since = page.nextCursor ?? since;
      break;
    }
    since = page.nextCursor;
  }
  const counts = ['CREATE', 'CORRECT', 'VOID'].map((kind) =>
    `${changes.filter((change) => change.change === kind).length} ${kind.toLowerCase()}`);
  const last = changes[changes.length - 1];
  const latest = changes.slice(-FEED_LATEST).reverse();
  const event = (change: Schemas['FeedItem']): { subjectId?: string; ctcaeTerm?: string } =>
    (change.adverseEvent ?? {}) as { subjectId?: string; ctcaeTerm?: string };
  return el('section', { id: 'feed' },
    el('p', { id: 'feed-state' },
      `${changes.length} changes (${counts.join(', ')}); last at ${last?.at ?? '—'}; `
      + `a sponsor system that has read them all continues from cursor `, el('code', {}, since ?? '—')),
    latest.length
      ? table(['at', 'change', 'subject', 'term', 'reason', 'E2B report'], latest.map((change) => [
        change.at ?? '', (change.change ?? '').toLowerCase(), event(change).subjectId ?? '', event(change).ctcaeTerm ?? '',
        change.reason ?? '', change.e2b ?? '—']), `The latest ${latest.length} changes, newest first`)
      : el('p', {}, 'No change yet.'));
}
