// One patient's course: the timeline by study day, the graded episodes with their rules, the plots, and (for those
// who write at the patient's site) the vitals form. The composite's parts are each service's own answer, typed
// here by that service's schema in the merged document (its JsonNode parts say nothing more). The gateway reads
// every page of a list, so list parts are arrays of the service's items (docs/api.md, gateway composites).
import type { components } from 'api-types';
import { api, everyPage, problemOf } from './api';
import type { Caller } from './auth';
import { el, show, table } from './dom';
import { writesAt } from './forms';
import { ancPlot, bCellPlot, carTPlot, plateletPlot, temperaturePlot } from './course-plots';
import { adverseEventsTable, episodes, icahtTable, responseFinding } from './grades';
import { reviewSection } from './review';
import { vitalsForm } from './vitals';

type Schemas = components['schemas'];
interface Reviewed {
  queries?: Schemas['QueryView'][];
  signatures?: Schemas['SignatureView'][];
}
interface Parts {
  enrollment?: { therapies?: Schemas['TherapyView'][] } | null;
  safety?: ({
    crs?: Schemas['CourseView'];
    icans?: Schemas['CourseView'];
    icaht?: Schemas['IcahtView'] | null;
    adverseEvents?: Schemas['AdverseEventView'][];
  } & Reviewed) | null;
  efficacy?: (Reviewed & {
    plateletCounts?: Schemas['PlateletCountView'][];
    response?: Schemas['ResponseView'] | null;
    carTKinetics?: Schemas['SeriesKineticsViewKineticsSummary'];
    bCells?: Schemas['SeriesBCellViewBCellAssessment'];
  }) | null;
}

export async function courseScreen(main: HTMLElement, caller: Caller, patientId: string): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/study/patients/{id}/course', {
    params: { path: { id: patientId } },
  });
  if (!data) {
    const problem = problemOf(error, response.status);
    show(
      main,
      el('h1', {}, 'Patient'),
      el('p', { class: 'problem', role: 'alert', id: 'course-problem' }, problem.detail ?? problem.title ?? ''),
      el('p', {}, el('a', { href: '#/' }, 'Back to the patients')),
    );
    return;
  }
  const parts = data as Parts;
  const day0 = data.day0;
  const siteCode = data.siteCode ?? '';
  const unavailable = data.unavailable ?? [];
  // temperatures and ANC are not in the composite: read from safety, whole (only once the patient is visible)
  const [vitals, labs] = unavailable.includes('safety') ? [[], []] : await Promise.all([
    everyPage(async (cursor) => (await api.GET('/api/v1/safety/patients/{id}/vitals', {
      params: { path: { id: patientId }, query: { limit: 200, cursor } },
    })).data),
    everyPage(async (cursor) => (await api.GET('/api/v1/safety/patients/{id}/labs', {
      params: { path: { id: patientId }, query: { limit: 200, cursor } },
    })).data),
  ]);
  show(
    main,
    el('h1', {}, data.subjectId ?? patientId),
    el('p', {}, `Site ${siteCode} · status ${data.status ?? ''} · Day 0 ${day0 ?? 'not yet'}`),
    unavailable.length
      ? el('p', { class: 'notice', role: 'status' }, `Not answering now: ${unavailable.join(', ')}; their part is missing.`)
      : null,
    writesAt(caller, siteCode)
      ? vitalsForm(patientId, () => void courseScreen(main, caller, patientId))
      : el('p', { class: 'notice', id: 'read-only' }, 'You can read this patient; you cannot record for it.'),
    el('h2', {}, 'Timeline'),
    timeline(data.timeline ?? []),
    el('h2', {}, 'Grades (open one for its rule)'),
    episodes('CRS', parts.safety?.crs),
    episodes('ICANS', parts.safety?.icans),
    icahtTable(parts.safety?.icaht),
    adverseEventsTable(parts.safety?.adverseEvents ?? []),
    responseFinding(parts.efficacy?.response),
    reviewSection({ safety: parts.safety, efficacy: parts.efficacy }),
    el('h2', {}, 'Plots'),
    plateletPlot(parts.efficacy?.plateletCounts ?? [], parts.efficacy?.response ?? undefined,
      parts.enrollment?.therapies ?? [], day0),
    carTPlot(parts.efficacy?.carTKinetics, day0),
    bCellPlot(parts.efficacy?.bCells, day0),
    temperaturePlot(vitals, parts.safety?.crs, day0),
    ancPlot(labs, parts.safety?.icaht, day0),
  );
}

function timeline(events: Schemas['TimelineEvent'][]): HTMLElement {
  const rows = events.map((event) => [String(event.studyDay ?? '—'), event.date ?? '', event.source ?? '',
    event.kind ?? '', event.what ?? '']);
  const rendered = rows.length
    ? table(['study day', 'date', 'service', 'kind', 'what'], rows, 'Events by study day')
    : el('p', {}, 'Nothing recorded yet.');
  rendered.id = 'timeline';
  return rendered;
}
