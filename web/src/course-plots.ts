// The course's plots, by study day (Day 0 = the infusion): platelets with the IWG levels, rescue windows and the
// response; CAR-T copies on a log scale; CD19 B cells with the aplasia line; temperatures with the CRS grades; ANC
// with the ICAHT thresholds and grades. Each draws what the services answered; nothing is graded here.
import type { components } from 'api-types';
import { plot, type Band, type Level, type Marker, type Series } from './plots';

type Schemas = components['schemas'];

const DAY_MS = 86_400_000;
// docs/clinical-rules.md: an exposure window lasts 28 days after a rescue therapy's last day by default
const RESCUE_WINDOW_DAYS = 28;
const RESCUE_CATEGORIES: string[] = ['IVIG', 'ANTI_D', 'PLATELET_TRANSFUSION'];
// docs/clinical-rules.md, Hematotoxicity: the ANC thresholds early ICAHT counts days at or below, and its window
const ANC_SEVERE = 0.5;
const ANC_PROFOUND = 0.1;
const EARLY_ICAHT_LAST_DAY = 30;
// docs/clinical-rules.md, CRS: fever is a temperature of 38 °C or more
const FEVER_C = 38;

export function plateletPlot(
  counts: Schemas['PlateletCountView'][],
  response: Schemas['ResponseView'] | undefined,
  therapies: Schemas['TherapyView'][],
  day0: string | undefined,
): HTMLElement {
  const series = toSeries(counts.map((count) => ({ at: count.date, value: count.valuePer1e9L })), day0);
  const baseline = response?.baselinePer1e9L;
  const levels: Level[] = [
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
  const bands = day0 ? rescueWindows(therapies, day0) : [];
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

export function carTPlot(kinetics: Schemas['SeriesKineticsViewKineticsSummary'] | undefined, day0: string | undefined): HTMLElement {
  const samples = toSeries((kinetics?.items ?? []).map((sample) => ({ at: sample.date, value: sample.copiesPerUgDna })), day0);
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
    scale: 'log',
    markers: summary?.tmaxDay !== undefined ? [{ day: summary.tmaxDay, label: `Cmax ${summary.cmax ?? ''}` }] : [],
    caption: `Cmax ${summary?.cmax ?? '—'} at day ${summary?.tmaxDay ?? '—'}; ${auc}.`,
  });
}

export function bCellPlot(bCells: Schemas['SeriesBCellViewBCellAssessment'] | undefined, day0: string | undefined): HTMLElement {
  const series = toSeries((bCells?.items ?? []).map((count) => ({ at: count.date, value: count.cd19PerUl })), day0);
  const summary = bCells?.summary;
  const threshold = summary?.aplasiaThresholdPerUl;
  const markers: Marker[] = [];
  if (summary?.aplasiaFromDay !== undefined && summary.aplasiaFromDay !== null) {
    markers.push({ day: summary.aplasiaFromDay, label: `aplasia from day ${summary.aplasiaFromDay}` });
  }
  if (summary?.recoveredOnDay !== undefined && summary.recoveredOnDay !== null) {
    markers.push({ day: summary.recoveredOnDay, label: `recovered day ${summary.recoveredOnDay}` });
  }
  const state = summary?.aplasiaSustained ? 'aplasia sustained'
    : summary?.recoveredOnDay !== undefined && summary.recoveredOnDay !== null ? 'recovered'
      : summary?.aplasiaFromDay !== undefined && summary.aplasiaFromDay !== null ? 'aplasia' : 'no aplasia';
  return plot({
    id: 'bcell-plot',
    title: 'CD19 B cells',
    unit: '/µL (asinh scale)',
    series,
    scale: 'asinh',
    levels: threshold ? [{ value: threshold, label: `aplasia below ${threshold} /µL`, dash: [6, 4] }] : [],
    markers,
    caption: `${series.values.length} counts; ${state}. ${summary?.explanation ?? 'Not assessed before Day 0.'}`,
  });
}

export function temperaturePlot(
  vitals: Schemas['VitalsView'][],
  crs: Schemas['CourseView'] | undefined,
  day0: string | undefined,
): HTMLElement {
  const series = toSeries(vitals.map((record) => ({ at: record.at, value: record.temperatureC })), day0);
  const markers: Marker[] = [];
  for (const episode of crs?.episodes ?? []) {
    let previous = 0;
    for (const day of episode.days ?? []) {
      // a label where the grade changes, not on every day: each says its grade in words
      if (day.studyDay !== undefined && (day.grade ?? 0) !== previous) {
        markers.push({ day: day.studyDay, label: `CRS grade ${day.grade ?? 0}` });
        previous = day.grade ?? 0;
      }
    }
    if (episode.resolvedDay !== undefined && episode.resolvedDay !== null) {
      markers.push({ day: episode.resolvedDay, label: 'CRS resolved' });
    }
  }
  return plot({
    id: 'temperature-plot',
    title: 'Temperature and CRS grade',
    unit: '°C',
    series,
    levels: [{ value: FEVER_C, label: `${FEVER_C} °C (fever)`, dash: [6, 4] }],
    markers,
    caption: `${series.values.length} temperatures; CRS: `
      + (markers.length ? markers.map((marker) => `${marker.label} on day ${marker.day}`).join(', ') : 'none')
      + `; maximum grade ${crs?.maxGrade ?? 0}.`,
  });
}

export function ancPlot(labs: Schemas['LabView'][], icaht: Schemas['IcahtView'] | null | undefined, day0: string | undefined): HTMLElement {
  const anc = labs.filter((lab) => lab.analyte === 'ANC');
  const series = toSeries(anc.map((lab) => ({ at: lab.at, value: lab.value })), day0);
  const early = icaht?.early;
  const late = icaht?.late;
  const bands: Band[] = early ? [{ from: 0, to: EARLY_ICAHT_LAST_DAY, label: `early ICAHT grade ${early.grade ?? 0}` }] : [];
  return plot({
    id: 'anc-plot',
    title: 'ANC and ICAHT grade',
    unit: '×10⁹/L',
    series,
    levels: [
      { value: ANC_SEVERE, label: `${ANC_SEVERE} ×10⁹/L (severe)`, dash: [6, 4] },
      { value: ANC_PROFOUND, label: `${ANC_PROFOUND} ×10⁹/L (profound)`, dash: [2, 3] },
    ],
    bands,
    caption: `${series.values.length} ANC results; early ICAHT (days 0–${EARLY_ICAHT_LAST_DAY}) `
      + `${early ? `grade ${early.grade ?? 0}` : 'not graded'}, late ICAHT ${late ? `grade ${late.grade ?? 0}` : 'not graded'}; `
      + `shaded: the early ICAHT window.`,
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

/**
 * Points by study day, oldest first. A date is its day; an instant (vitals, labs: several a day) its fraction of
 * days since Day 0's midnight (UTC), so a day's readings stand apart.
 */
function toSeries(values: { at?: string | undefined; value?: number | undefined }[], day0: string | undefined): Series {
  const anchor = day0 ?? values[0]?.at?.slice(0, 10) ?? '1970-01-01';
  const points = values
    .filter((point): point is { at: string; value: number } => !!point.at && typeof point.value === 'number')
    .map((point) => ({ day: (Date.parse(point.at) - Date.parse(anchor)) / DAY_MS, value: point.value }))
    .sort((a, b) => a.day - b.day);
  return { days: points.map((p) => p.day), values: points.map((p) => p.value) };
}

function studyDay(date: string, day0: string): number {
  return Math.round((Date.parse(date.slice(0, 10)) - Date.parse(day0)) / DAY_MS);
}
