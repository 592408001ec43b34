// A patient's records by kind, for site staff: vitals, ICE / CAPD neuro assessments, labs, platelet counts (with
// the bleeding grade) and therapies, each listed with a void-with-reason action (its version in If-Match) and a
// form to record one more. Monitors and safety officers read the lists; only writers get forms and voids.
import type { components } from 'api-types';
import { api, problemOf } from './api';
import type { Caller } from './auth';
import { el, grade, show, table } from './dom';
import { ifMatch, input, instant, numberOrUndefined, recordForm, select, submit, textarea, voidAction, writesAt,
  type Answer, type Field } from './forms';
import { vitalsForm } from './vitals';

type Schemas = components['schemas'];

const CONSCIOUSNESS = ['AWAKE', 'AWAKENS_SPONTANEOUSLY', 'AWAKENS_TO_VOICE', 'AWAKENS_TO_TOUCH', 'UNAROUSABLE'] as const;
const SEIZURE = ['NONE', 'SELF_LIMITING', 'PROLONGED_OR_REPETITIVE'] as const;
const MOTOR = ['NONE', 'DEEP_FOCAL'] as const;
const EDEMA = ['NONE', 'FOCAL', 'DIFFUSE'] as const;
const SCORE_STATUS = [['', 'as the score implies'], ['DONE', 'done'], ['NOT_PERFORMED', 'not performed'],
  ['UNABLE', 'unable (patient cannot be assessed)']] as const;
const ANALYTES = ['PLT', 'ANC', 'WBC', 'LYM', 'HGB', 'ALT', 'AST', 'TBIL', 'CREAT', 'FIB'] as const;
const BLEEDING = [['', 'not assessed'], ['0', 'grade 0: none'], ['1', 'grade 1: petechiae, minor'],
  ['2', 'grade 2: mild blood loss'], ['3', 'grade 3: gross blood loss'], ['4', 'grade 4: debilitating']] as const;
const THERAPY_KINDS = ['CONCOMITANT', 'RESCUE', 'SUBSEQUENT'] as const;
const TREATMENTS = ['IVIG', 'ANTI_D', 'PLATELET_TRANSFUSION', 'GLUCOCORTICOID', 'TPO_RA', 'RITUXIMAB', 'ANTI_CD38',
  'IMMUNOSUPPRESSANT', 'ANTIFIBRINOLYTIC', 'TOCILIZUMAB', 'ANTI_INFECTIVE', 'OTHER'] as const;

export async function recordsScreen(main: HTMLElement, caller: Caller, patientId: string): Promise<void> {
  const path = { params: { path: { id: patientId }, query: { limit: 200 } } };
  const [patient, vitals, neuro, labs, platelets, therapies] = await Promise.all([
    api.GET('/api/v1/enrollment/patients/{id}', { params: { path: { id: patientId } } }),
    api.GET('/api/v1/safety/patients/{id}/vitals', path),
    api.GET('/api/v1/safety/patients/{id}/neuro-assessments', path),
    api.GET('/api/v1/safety/patients/{id}/labs', path),
    api.GET('/api/v1/efficacy/patients/{id}/platelet-counts', path),
    api.GET('/api/v1/enrollment/patients/{id}/therapies', path),
  ]);
  if (!patient.data) {
    const problem = problemOf(patient.error, patient.response.status);
    show(main, el('h1', {}, 'Records'),
      el('p', { class: 'problem', role: 'alert', id: 'records-problem' }, problem.detail ?? problem.title ?? ''));
    return;
  }
  // the patient's GET answers with its ETag, so the document types its body by the PatientView schema only
  const view = patient.data as Schemas['PatientView'];
  const writes = writesAt(caller, view.siteCode ?? '');
  const reload = (): void => void recordsScreen(main, caller, patientId);
  const id = { id: patientId };
  const voidHeader = (version: number | undefined): { 'If-Match': string } => ({ 'If-Match': ifMatch(version) });
  show(
    main,
    el('h1', {}, `${view.subjectId ?? patientId}: records`),
    el('p', {}, el('a', { href: `#/patients/${patientId}` }, 'The course'), ' · ',
      el('a', { href: `#/patients/${patientId}/treatment` }, 'Screening to Day 0')),
    writes ? null : el('p', { class: 'notice', id: 'read-only' }, 'You can read these records; you cannot record or void.'),

    kind('vitals', 'Vital signs', vitals.data?.items, ['observed', 'temperature', 'hypotension', 'oxygen'],
      (record: Schemas['VitalsView']) => [record.at ?? '', `${record.temperatureC ?? ''} °C`, record.hypotension ?? '',
        `${record.oxygen ?? ''}${record.oxygenLpm ? ` ${record.oxygenLpm} L/min` : ''}`],
      writes && ((record, reason) => api.POST('/api/v1/safety/patients/{id}/vitals/{recordId}/void', {
        params: { path: { ...id, recordId: record.id ?? '' }, header: voidHeader(record.version) }, body: { reason },
      })), writes ? vitalsForm(patientId, reload) : null, reload),

    kind('neuro', 'Neurological assessments (ICE / CAPD)', neuro.data?.items,
      ['observed', 'ICE', 'CAPD', 'consciousness', 'seizure', 'motor', 'cerebral edema'],
      (record: Schemas['NeuroView']) => [record.at ?? '',
        record.iceTotal !== undefined ? `${record.iceTotal}/10` : (record.iceStatus ?? '—'),
        record.capdScore !== undefined ? `${record.capdScore}/32` : (record.capdStatus ?? '—'),
        record.consciousness ?? '', record.seizure ?? '', record.motorWeakness ?? '', record.cerebralEdema ?? ''],
      writes && ((record, reason) => api.POST('/api/v1/safety/patients/{id}/neuro-assessments/{recordId}/void', {
        params: { path: { ...id, recordId: record.id ?? '' }, header: voidHeader(record.version) }, body: { reason },
      })), writes ? neuroForm(patientId, reload) : null, reload),

    kind('labs', 'Labs', labs.data?.items, ['observed', 'analyte', 'value', 'normal range', 'CTCAE'],
      (record: Schemas['LabView']) => [record.at ?? '', record.analyte ?? '', `${record.value ?? ''} ${record.unit ?? ''}`,
        `${record.lowerLimitNormal ?? '?'}–${record.upperLimitNormal ?? '?'}`,
        grade(record.ctcaeGrade, `${record.ctcaeRule ?? ''} (${record.ctcaeEngine ?? ''} ${record.ctcaeVersion ?? ''})`)],
      writes && ((record, reason) => api.POST('/api/v1/safety/patients/{id}/labs/{recordId}/void', {
        params: { path: { ...id, recordId: record.id ?? '' }, header: voidHeader(record.version) }, body: { reason },
      })), writes ? labForm(patientId, reload) : null, reload),

    kind('platelets', 'Platelet counts', platelets.data?.items, ['date', 'count', 'bleeding', 'source'],
      (record: Schemas['PlateletCountView']) => [record.date ?? '', `${record.valuePer1e9L ?? ''} ×10⁹/L`,
        record.bleeding === undefined ? 'not assessed' : `grade ${record.bleeding}`, record.source ?? ''],
      writes && ((record, reason) => api.POST('/api/v1/efficacy/patients/{id}/platelet-counts/{recordId}/void', {
        params: { path: { ...id, recordId: record.id ?? '' }, header: voidHeader(record.version) }, body: { reason },
      })), writes ? plateletForm(patientId, reload) : null, reload),

    kind('therapies', 'Therapies', therapies.data?.items, ['kind', 'category', 'agent', 'dose', 'from–to', 'indication'],
      (record: Schemas['TherapyView']) => [record.kind ?? '', record.category ?? '', record.agent ?? '',
        record.doseValue !== undefined ? `${record.doseValue} ${record.doseUnit ?? ''}` : '—',
        `${record.start ?? ''}–${record.end ?? 'ongoing'}`, record.indication ?? ''],
      writes && ((record, reason) => api.POST('/api/v1/enrollment/patients/{id}/therapies/{therapyId}/void', {
        params: { path: { ...id, therapyId: record.id ?? '' }, header: voidHeader(record.version) }, body: { reason },
      })), writes ? therapyForm(patientId, reload) : null, reload),
  );
}

/** One kind of record: its list (`{name}-list`, a void action per row for writers) and its form. */
function kind<T extends { id?: string }>(name: string, title: string, items: T[] | undefined, columns: string[],
  row: (record: T) => (Node | string)[], voidIt: false | ((record: T, reason: string) => Promise<Answer<unknown>>),
  form: HTMLElement | null, reload: () => void): HTMLElement {
  const records = items ?? [];
  const rows = records.map((record, index) => [...row(record),
    voidIt ? voidAction(`void-${name}-${index}`, 'this record', (reason) => voidIt(record, reason), reload) : '']);
  const list = records.length ? table([...columns, ''], rows, `${records.length} recorded`) : el('p', {}, 'None recorded.');
  list.id = `${name}-list`;
  return el('section', { 'aria-labelledby': `${name}-heading` }, el('h2', { id: `${name}-heading` }, title), list, form);
}

function saved(reload: () => void) {
  return async (call: Promise<Answer<unknown>>, fields: Field[], summary: HTMLElement): Promise<void> => {
    if (await submit(call, fields, summary)) {
      reload();
    }
  };
}

function neuroForm(patientId: string, reload: () => void): HTMLElement {
  const at = input('neuro', 'at', 'Assessed at (UTC)', 'datetime-local');
  const iceItem = (name: string, max: number): Field =>
    input('neuro', name, `ICE ${name} (0–${max})`, 'number', { min: '0', max: String(max) });
  const [orientation, naming, commands, writing, attention] = [iceItem('orientation', 4), iceItem('naming', 3),
    iceItem('commands', 1), iceItem('writing', 1), iceItem('attention', 1)];
  const ice = [orientation, naming, commands, writing, attention];
  const iceStatus = select('neuro', 'iceStatus', 'ICE status', SCORE_STATUS);
  const capdScore = input('neuro', 'capdScore', 'CAPD score (0–32, children)', 'number', { min: '0', max: '32' });
  const capdStatus = select('neuro', 'capdStatus', 'CAPD status', SCORE_STATUS);
  const consciousness = select('neuro', 'consciousness', 'Level of consciousness', CONSCIOUSNESS);
  const seizure = select('neuro', 'seizure', 'Seizure', SEIZURE);
  const motor = select('neuro', 'motorWeakness', 'Motor weakness', MOTOR);
  const edema = select('neuro', 'cerebralEdema', 'Cerebral edema', EDEMA);
  const fields = [at, ...ice, iceStatus, capdScore, capdStatus, consciousness, seizure, motor, edema];
  const send = saved(reload);
  return el('section', { 'aria-label': 'Record a neuro assessment' }, recordForm('neuro', fields, 'Record the assessment',
    (summary) => {
      // a score the user left out goes as missing, for the API to name
      const score = (item: Field): number => numberOrUndefined(item.value()) as number;
      const body = {
        at: instant(at.value()) as string,
        ice: ice.some((item) => item.value() !== '') ? { orientation: score(orientation), naming: score(naming),
          commands: score(commands), writing: score(writing), attention: score(attention) } : undefined,
        iceStatus: (iceStatus.value() || undefined) as 'DONE' | 'NOT_PERFORMED' | 'UNABLE' | undefined,
        capdScore: numberOrUndefined(capdScore.value()),
        capdStatus: (capdStatus.value() || undefined) as 'DONE' | 'NOT_PERFORMED' | 'UNABLE' | undefined,
        consciousness: consciousness.value() as (typeof CONSCIOUSNESS)[number],
        seizure: seizure.value() as (typeof SEIZURE)[number],
        motorWeakness: motor.value() as (typeof MOTOR)[number],
        cerebralEdema: edema.value() as (typeof EDEMA)[number],
      };
      return send(api.POST('/api/v1/safety/patients/{id}/neuro-assessments', { params: { path: { id: patientId } }, body }),
        fields, summary);
    }));
}

function labForm(patientId: string, reload: () => void): HTMLElement {
  const at = input('lab', 'at', 'Sampled at (UTC)', 'datetime-local');
  const analyte = select('lab', 'analyte', 'Analyte', ANALYTES);
  const value = input('lab', 'value', 'Value', 'number', { step: 'any' });
  const unit = input('lab', 'unit', 'Unit', 'text', { maxlength: '20' });
  const lower = input('lab', 'lowerLimitNormal', 'Lower limit of normal', 'number', { step: 'any' });
  const upper = input('lab', 'upperLimitNormal', 'Upper limit of normal', 'number', { step: 'any' });
  const fields = [at, analyte, value, unit, lower, upper];
  const send = saved(reload);
  return el('section', { 'aria-label': 'Record a lab result' }, recordForm('lab', fields, 'Record the lab result',
    (summary) => send(api.POST('/api/v1/safety/patients/{id}/labs', {
      params: { path: { id: patientId } },
      body: {
        at: instant(at.value()) as string,
        analyte: analyte.value() as (typeof ANALYTES)[number],
        value: numberOrUndefined(value.value()) as number,
        unit: unit.value(),
        lowerLimitNormal: numberOrUndefined(lower.value()),
        upperLimitNormal: numberOrUndefined(upper.value()),
      },
    }), fields, summary)));
}

function plateletForm(patientId: string, reload: () => void): HTMLElement {
  const date = input('platelet', 'date', 'Measured on', 'date');
  const count = input('platelet', 'valuePer1e9L', 'Platelet count (×10⁹/L)', 'number', { step: '0.1' });
  const bleeding = select('platelet', 'bleeding', 'Bleeding (WHO grade)', BLEEDING);
  const source = input('platelet', 'source', 'Source (optional)', 'text', { maxlength: '60' });
  const fields = [date, count, bleeding, source];
  const send = saved(reload);
  return el('section', { 'aria-label': 'Record a platelet count' }, recordForm('platelet', fields, 'Record the count',
    (summary) => send(api.POST('/api/v1/efficacy/patients/{id}/platelet-counts', {
      params: { path: { id: patientId } },
      body: {
        date: date.value(),
        valuePer1e9L: numberOrUndefined(count.value()) as number,
        bleeding: numberOrUndefined(bleeding.value()),
        source: source.value() || undefined,
      },
    }), fields, summary)));
}

function therapyForm(patientId: string, reload: () => void): HTMLElement {
  const kindField = select('therapy', 'kind', 'Kind', THERAPY_KINDS);
  const category = select('therapy', 'category', 'Category', TREATMENTS);
  const agent = input('therapy', 'agent', 'Agent', 'text', { maxlength: '100' });
  const doseValue = input('therapy', 'doseValue', 'Dose (optional)', 'number', { step: 'any' });
  const doseUnit = input('therapy', 'doseUnit', 'Dose unit (UCUM, e.g. mg, g/kg)', 'text', { maxlength: '20' });
  const start = input('therapy', 'start', 'Started on', 'date');
  const end = input('therapy', 'end', 'Ended on (empty while ongoing)', 'date');
  const indication = textarea('therapy', 'indication', 'Indication (optional)');
  const fields = [kindField, category, agent, doseValue, doseUnit, start, end, indication];
  const send = saved(reload);
  return el('section', { 'aria-label': 'Record a therapy' }, recordForm('therapy', fields, 'Record the therapy',
    (summary) => send(api.POST('/api/v1/enrollment/patients/{id}/therapies', {
      params: { path: { id: patientId } },
      body: {
        kind: kindField.value() as (typeof THERAPY_KINDS)[number],
        category: category.value() as (typeof TREATMENTS)[number],
        agent: agent.value(),
        doseValue: numberOrUndefined(doseValue.value()),
        doseUnit: doseUnit.value() || undefined,
        start: start.value(),
        end: end.value() || undefined,
        indication: indication.value() || undefined,
      },
    }), fields, summary)));
}
