// Screening a new patient (POST /enrollment/patients): the screening data and the prior lines of therapy the
// eligibility criteria are computed from; then on to the patient's enrollment and treatment page.
import type { components } from 'api-types';
import { api } from './api';
import type { Caller } from './auth';
import { el, show } from './dom';
import { input, numberOrUndefined, recordForm, select, submit, type Field } from './forms';

const THERAPY_CATEGORIES = ['GLUCOCORTICOID', 'IVIG', 'TPO_RA', 'RITUXIMAB', 'SPLENECTOMY', 'IMMUNOSUPPRESSANT',
  'OTHER'] as const;
const OUTCOMES = [['', 'not known'], ['RESPONSE', 'response'], ['NO_RESPONSE', 'no response'],
  ['RELAPSE', 'relapse'], ['INTOLERANCE', 'intolerance']] as const;
const YES_NO_UNKNOWN = [['', 'not known'], ['true', 'yes'], ['false', 'no']] as const;

/** One prior therapy's fields, named by their JSON path so a violation finds its row. */
interface TherapyRow {
  fields: Field[];
  element: HTMLElement;
}

export async function screeningScreen(main: HTMLElement, caller: Caller): Promise<void> {
  const sites = caller.sites.length ? caller.sites : await allSites();
  const siteCode = select('screen', 'siteCode', 'Site', sites);
  const screeningNumber = input('screen', 'screeningNumber', 'Screening number', 'text', { maxlength: '40' });
  const screeningDate = input('screen', 'screeningDate', 'Screening date', 'date');
  const sex = select('screen', 'sex', 'Sex', [['F', 'female'], ['M', 'male']]);
  const birthDate = input('screen', 'birthDate', 'Birth date', 'date');
  const initials = input('screen', 'initials', 'Initials (1–5 capital letters, optional)', 'text', { maxlength: '5' });
  const heightCm = input('screen', 'heightCm', 'Height (cm)', 'number', { step: '0.1' });
  const weightKg = input('screen', 'weightKg', 'Weight (kg)', 'number', { step: '0.1' });
  const itpDiagnosisDate = input('screen', 'itpDiagnosisDate', 'ITP diagnosed on', 'date');
  const baseline = input('screen', 'baselinePlateletCountPer1e9L', 'Platelet count at screening (×10⁹/L)', 'number',
    { step: '0.1' });
  const gp = select('screen', 'gpAutoantibodyPositive', 'Anti-GP autoantibody positive', YES_NO_UNKNOWN);
  const fields = [siteCode, screeningNumber, screeningDate, sex, birthDate, initials, heightCm, weightKg,
    itpDiagnosisDate, baseline, gp];

  const therapies: TherapyRow[] = [];
  const rows = el('div', { id: 'screen-therapies' });
  const add = el('button', { type: 'button', id: 'screen-add-therapy' }, 'Add a prior therapy');
  add.addEventListener('click', () => {
    const row = therapyRow(therapies.length);
    therapies.push(row);
    rows.append(row.element);
    row.fields[0]?.control.focus();
  });
  const priorTherapies = el('fieldset', { class: 'wide' }, el('legend', {}, 'Prior lines of therapy'), rows, add);

  const form = recordForm('screen', fields, 'Screen the patient', async (summary) => {
    const gpValue = gp.value();
    const body = {
      siteCode: siteCode.value(),
      screeningNumber: screeningNumber.value(),
      screeningDate: screeningDate.value() || undefined,
      sex: sex.value() as 'F' | 'M',
      birthDate: birthDate.value(),
      initials: initials.value() || undefined,
      heightCm: numberOrUndefined(heightCm.value()) as number,
      weightKg: numberOrUndefined(weightKg.value()) as number,
      itpDiagnosisDate: itpDiagnosisDate.value(),
      baselinePlateletCountPer1e9L: numberOrUndefined(baseline.value()) as number,
      gpAutoantibodyPositive: gpValue ? gpValue === 'true' : undefined,
      priorTherapies: therapies.map(({ fields: [category, agent, start, end, outcome] }) => ({
        category: category?.value() as (typeof THERAPY_CATEGORIES)[number],
        agent: agent?.value() || undefined,
        start: start?.value() || undefined,
        end: end?.value() || undefined,
        outcome: (outcome?.value() || undefined) as 'RESPONSE' | 'NO_RESPONSE' | 'RELAPSE' | 'INTOLERANCE' | undefined,
      })),
    };
    const screened = await submit(api.POST('/api/v1/enrollment/patients', { body }),
      [...fields, ...therapies.flatMap((row) => row.fields)], summary, 'Not screened');
    if (screened && screened !== true) {
      // answered with its ETag, the patient is typed by the PatientView schema only
      location.hash = `#/patients/${(screened as components['schemas']['PatientView']).id ?? ''}/treatment`;
    }
  }, priorTherapies);
  show(main, el('h1', {}, 'Screen a patient'),
    el('p', {}, 'The eligibility criteria are computed from these data on the next page, where the investigator '
      + 'answers the others.'),
    form);
}

function therapyRow(index: number): TherapyRow {
  const form = `screen-therapy-${index}`;
  const path = (name: string): string => `priorTherapies[${index}].${name}`;
  const named = (one: Field, name: string): Field => ({ ...one, name: path(name) });
  const fields = [
    named(select(form, 'category', `Therapy ${index + 1}: category`, THERAPY_CATEGORIES), 'category'),
    named(input(form, 'agent', `Therapy ${index + 1}: agent`, 'text', { maxlength: '100' }), 'agent'),
    named(input(form, 'start', `Therapy ${index + 1}: start`, 'date'), 'start'),
    named(input(form, 'end', `Therapy ${index + 1}: end`, 'date'), 'end'),
    named(select(form, 'outcome', `Therapy ${index + 1}: outcome`, OUTCOMES), 'outcome'),
  ];
  return { fields, element: el('div', { class: 'record therapy-row' }, ...fields.flatMap((one) => one.row)) };
}

async function allSites(): Promise<string[]> {
  const { data } = await api.GET('/api/v1/enrollment/sites', { params: { query: { limit: 200 } } });
  return (data && 'items' in data ? data.items ?? [] : []).map((site) => site.code ?? '').filter(Boolean);
}
