// One patient's course: the timeline by study day, the graded episodes with their rules, the plots, and (for those
// who write at the patient's site) the vitals form. The composite's parts are each service's own answer, typed
// here by that service's schema in the merged document (its JsonNode parts say nothing more). The gateway reads
// every page of a list, so list parts are arrays of the service's items (docs/api.md, gateway composites).
import type { components } from 'api-types';
import { api, problemOf } from './api';
import type { Caller } from './auth';
import { el, grade, show, table } from './dom';
import { plot, type Band, type Marker, type Series } from './plots';
import { reviewSection } from './review';
import { vitalsForm } from './vitals';

type Schemas = components['schemas'];
interface Reviewed {
  queries?: Schemas['QueryView'][];
  signatures?: Schemas['SignatureView'][];
}
interface Parts {
  enrollment?: { therapies?: Schemas['TherapyView'][] } | null;
  safety?: ({ crs?: Schemas['CourseView']; icans?: Schemas['CourseView'] } & Reviewed) | null;
  efficacy?: (Reviewed & {
    plateletCounts?: Schemas['PlateletCountView'][];
    response?: Schemas['ResponseView'] | null;
    carTKinetics?: Schemas['SeriesKineticsViewKineticsSummary'];
  }) | null;
}

const DAY_MS = 86_400_000;
// docs/clinical-rules.md: an exposure window lasts 28 days after a rescue therapy's last day by default
const RESCUE_WINDOW_DAYS = 28;
const RESCUE_CATEGORIES: string[] = ['IVIG', 'ANTI_D', 'PLATELET_TRANSFUSION'];

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
    el('h2', {}, 'CRS and ICANS episodes'),
    episodes('CRS', parts.safety?.crs),
    episodes('ICANS', parts.safety?.icans),
    reviewSection({ safety: parts.safety, efficacy: parts.efficacy }),
    el('h2', {}, 'Plots'),
    plateletPlot(parts, day0),
    carTPlot(parts.efficacy?.carTKinetics, day0),
  );
}

/** Only investigators of the patient's site and data managers write patient data (docs/api.md, Sites). */
function writesAt(caller: Caller, siteCode: string): boolean {
  return caller.roles.includes('data-manager')
    || (caller.roles.includes('investigator') && caller.sites.includes(siteCode));
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

function episodes(name: string, graded: Schemas['CourseView'] | undefined): HTMLElement {
  const found = graded?.episodes ?? [];
  if (found.length === 0) {
    return el('p', { id: `${name.toLowerCase()}-episodes` }, `No ${name} episode.`);
  }
  const rows = found.map((episode) => {
    const worst = [...(episode.days ?? [])].sort((a, b) => (b.grade ?? 0) - (a.grade ?? 0))[0];
    return [
      `${name} from day ${episode.onsetDay ?? '?'}`,
      episode.resolvedDay === undefined || episode.resolvedDay === null
        ? 'ongoing' : `resolved day ${episode.resolvedDay}`,
      grade(episode.maxGrade, worst ? `${worst.rule ?? ''}: ${worst.explanation ?? ''}` : null),
    ];
  });
  const rendered = table(['episode', 'course', 'max grade (open for the rule)'], rows, `${name} episodes`);
  rendered.id = `${name.toLowerCase()}-episodes`;
  return rendered;
}

function plateletPlot(parts: Parts, day0: string | undefined): HTMLElement {
  const counts = parts.efficacy?.plateletCounts ?? [];
  const response = parts.efficacy?.response ?? undefined;
  const series = toSeries(counts.map((count) => ({ date: count.date, value: count.valuePer1e9L })), day0);
  const baseline = response?.baselinePer1e9L;
  const levels = [
    { value: 30, label: '30 ×10⁹/L (response)', dash: [6, 4] },
    { value: 100, label: '100 ×10⁹/L (complete response)', dash: [6, 4] },
  ];
  if (baseline) {
    levels.push({ value: 2 * baseline, label: `2 × baseline (${2 * baseline})`, dash: [2, 3] });
  }
  const markers: Marker[] = [];
  const responded = response?.responseConfirmedOn ?? response?.firstResponseDate;
  if (responded && day0) {
    markers.push({ day: studyDay(responded, day0), label: `IWG ${response?.bestResponse ?? ''}` });
  }
  const bands = day0 ? rescueWindows(parts.enrollment?.therapies ?? [], day0) : [];
  return plot({
    id: 'platelet-plot',
    title: 'Platelet count',
    unit: '×10⁹/L',
    series,
    levels,
    bands,
    markers,
    caption: `${series.values.length} counts; dashed lines at 30 and 100 ×10⁹/L and twice baseline; `
      + `shaded: rescue therapy windows (${bands.length}); best IWG response ${response?.bestResponse ?? 'not assessed'}.`,
  });
}

function carTPlot(kinetics: Schemas['SeriesKineticsViewKineticsSummary'] | undefined, day0: string | undefined): HTMLElement {
  const samples = toSeries((kinetics?.items ?? []).map((sample) => ({ date: sample.date, value: sample.copiesPerUgDna })), day0);
  // a log axis cannot show zero: below-LLOQ samples (0) are left out of the plot, not out of the AUC
  const positive: Series = { days: [], values: [] };
  samples.values.forEach((value, index) => {
    if (value > 0) {
      positive.days.push(samples.days[index] ?? 0);
      positive.values.push(value);
    }
  });
  const summary = kinetics?.summary;
  const auc = summary?.auc0to28 !== undefined && summary.auc0to28 !== null
    ? `AUC₀₋₂₈ ${summary.auc0to28}` : `AUC₀₋last ${summary?.auc0toLast ?? '—'}`;
  return plot({
    id: 'cart-plot',
    title: 'CAR-T copies (log scale)',
    unit: 'copies/µg DNA',
    series: positive,
    log: true,
    markers: summary?.tmaxDay !== undefined ? [{ day: summary.tmaxDay, label: `Cmax ${summary.cmax ?? ''}` }] : [],
    caption: `Cmax ${summary?.cmax ?? '—'} at day ${summary?.tmaxDay ?? '—'}; ${auc}.`,
  });
}

function rescueWindows(therapies: Schemas['TherapyView'][], day0: string): Band[] {
  return therapies
    .filter((therapy) => therapy.kind === 'RESCUE' || RESCUE_CATEGORIES.includes(therapy.category ?? ''))
    .map((therapy) => {
      const start = therapy.start ?? day0;
      const end = therapy.end ?? start;
      return { from: studyDay(start, day0), to: studyDay(end, day0) + RESCUE_WINDOW_DAYS, label: therapy.agent ?? '' };
    });
}

function toSeries(values: { date?: string | undefined; value?: number | undefined }[], day0: string | undefined): Series {
  const anchor = day0 ?? values[0]?.date ?? '1970-01-01';
  const points = values
    .filter((point): point is { date: string; value: number } => !!point.date && typeof point.value === 'number')
    .map((point) => ({ day: studyDay(point.date, anchor), value: point.value }))
    .sort((a, b) => a.day - b.day);
  return { days: points.map((p) => p.day), values: points.map((p) => p.value) };
}

function studyDay(date: string, day0: string): number {
  return Math.round((Date.parse(date.slice(0, 10)) - Date.parse(day0)) / DAY_MS);
}
