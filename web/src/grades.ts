// Every grade on the course opens to its explanation, as the services word it: CRS and ICANS episodes (the worst
// day's rule), ICAHT (neutrophils and platelets), adverse events (derived, confirmed or reported grade), and the
// IWG response (each rule applied). The grade is always written out; colour is only a second signal.
import type { components } from 'api-types';
import { el, explained, grade, table } from './dom';

type Schemas = components['schemas'];

export function episodes(name: string, graded: Schemas['CourseView'] | undefined): HTMLElement {
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

/** ICAHT is 409 before Day 0, so the part is then missing: said, not left blank. */
export function icahtTable(icaht: Schemas['IcahtView'] | null | undefined): HTMLElement {
  if (!icaht) {
    return el('p', { id: 'icaht' }, 'ICAHT is graded from Day 0 on.');
  }
  const kinds: [string, Schemas['IcahtGrade'] | undefined][] = [
    ['early ICAHT (neutrophils, days 0–30)', icaht.early],
    ['late ICAHT (neutrophils, after day 30)', icaht.late],
    ['early T-ICAHT (platelets, days 0–30)', icaht.thrombocytopeniaEarly],
    ['late T-ICAHT (platelets, days 31–100)', icaht.thrombocytopeniaLate],
  ];
  const rows = kinds
    .filter((kind): kind is [string, Schemas['IcahtGrade']] => !!kind[1])
    .map(([name, graded]) => [name, explained(`grade ${graded.grade ?? 0}`, `grade-${graded.grade ?? 0}`,
      [graded.rule ?? '', graded.explanation ?? ''])]);
  const rendered = table(['hematotoxicity', 'grade (open for the rule)'], rows, `ICAHT (${icaht.engine ?? ''})`);
  rendered.id = 'icaht';
  return rendered;
}

export function adverseEventsTable(events: Schemas['AdverseEventView'][]): HTMLElement {
  if (events.length === 0) {
    return el('p', { id: 'adverse-events' }, 'No adverse event.');
  }
  const rows = events.map((event) => [
    event.onset ?? '',
    `${event.ctcaeTerm ?? ''} (${event.meddraCode ?? ''})`,
    (event.origin ?? '').toLowerCase(),
    seriousness(event),
    explained(`grade ${event.grade ?? '?'}`, `grade-${event.grade ?? 'none'}`, aeGradeReasons(event)),
  ]);
  const rendered = table(['onset', 'term', 'origin', 'seriousness', 'grade (open for why)'], rows, 'Adverse events');
  rendered.id = 'adverse-events';
  return rendered;
}

export function seriousness(event: Schemas['AdverseEventView']): string {
  return event.serious
    ? `serious: ${(event.seriousnessCriteria ?? []).join(', ').toLowerCase().replace(/_/g, ' ')}` : 'not serious';
}

/** Which grade counts and why: a confirmed grade wins over a derived one, which wins over the reported one. */
export function aeGradeReasons(event: Schemas['AdverseEventView']): string[] {
  const reasons: string[] = [];
  if (event.confirmedGrade !== undefined && event.confirmedGrade !== null) {
    reasons.push(`confirmed grade ${event.confirmedGrade} by the safety officer: ${event.confirmationReason ?? ''}`);
  }
  if (event.derivedGrade !== undefined && event.derivedGrade !== null) {
    reasons.push(`derived grade ${event.derivedGrade}: ${event.derivedRule ?? ''} (${event.derivedBy ?? ''}, `
      + `protocol v${event.protocolVersion ?? '?'})`);
  }
  if (reasons.length === 0) {
    reasons.push(`grade ${event.grade ?? '?'} as reported by the site`);
  }
  return reasons;
}

export function responseFinding(response: Schemas['ResponseView'] | null | undefined): HTMLElement {
  if (!response) {
    return el('p', { id: 'iwg-response' }, 'The IWG response is assessed from Day 0 on.');
  }
  const best = response.bestResponse ?? 'NE';
  return el('div', { id: 'iwg-response' }, 'Best IWG response: ',
    explained(best, `response-${best.toLowerCase()}`, response.decisions ?? []),
    response.currentStatus ? ` · now ${response.currentStatus}` : '');
}
