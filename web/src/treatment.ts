// One patient from screening to Day 0, for site staff: the screening data (corrected with the version read), the
// eligibility checklist (computed criteria with why, investigator criteria answered), enrollment, the
// lymphodepletion plan with its BSA and dose arithmetic as the API answers it, administrations and omissions
// (voided with a reason), and the CAR-T infusion with target vs infused. Each form shows only where the patient's
// status allows it; the service still decides (a 409 is shown like any refusal).
import type { components } from 'api-types';
import { api, problemOf } from './api';
import type { Caller } from './auth';
import { el, show, table } from './dom';
import { ifMatch, input, numberOrUndefined, recordForm, select, submit, textarea, voidAction, writesAt } from './forms';

type Schemas = components['schemas'];
type Patient = Schemas['PatientView'];
type Protocol = Schemas['ProtocolView'];
type Lymphodepletion = Schemas['LymphodepletionView'];

// What only a write answers (no GET returns it again), kept for this tab so the page can be drawn anew after it.
const assessments = new Map<string, Schemas['EligibilityResponse']>();
const infusions = new Map<string, Schemas['InfusionView']>();

const BEFORE_ENROLLMENT = ['SCREENING', 'INELIGIBLE', 'ELIGIBLE'];
const BEFORE_INFUSION = ['ENROLLED', 'LYMPHODEPLETED'];

export async function treatmentScreen(main: HTMLElement, caller: Caller, patientId: string): Promise<void> {
  const path = { params: { path: { id: patientId } } };
  const [patient, protocol, lymphodepletion] = await Promise.all([
    api.GET('/api/v1/enrollment/patients/{id}', path),
    api.GET('/api/v1/enrollment/protocol'),
    api.GET('/api/v1/enrollment/patients/{id}/lymphodepletion', path),
  ]);
  if (!patient.data || !protocol.data) {
    const problem = problemOf(patient.error ?? protocol.error, patient.data ? protocol.response.status : patient.response.status);
    show(main, el('h1', {}, 'Patient'),
      el('p', { class: 'problem', role: 'alert', id: 'treatment-problem' }, problem.detail ?? problem.title ?? ''),
      el('p', {}, el('a', { href: '#/' }, 'Back to the patients')));
    return;
  }
  const view = patient.data;
  const status = view.status ?? '';
  const writes = writesAt(caller, view.siteCode ?? '');
  const reload = (): void => void treatmentScreen(main, caller, patientId);
  const etag = patient.response.headers.get('ETag') ?? ifMatch(view.version);
  show(
    main,
    el('h1', {}, `${view.subjectId ?? patientId}: screening to Day 0`),
    el('p', { id: 'treatment-status' }, `Site ${view.siteCode ?? ''} · status ${status} · Day 0 ${view.day0 ?? 'not yet'}`),
    el('p', {}, el('a', { href: `#/patients/${patientId}` }, 'The course'), ' · ',
      el('a', { href: `#/patients/${patientId}/records` }, 'Records and voids')),
    writes ? null : el('p', { class: 'notice', id: 'read-only' }, 'You can read this patient; you cannot record for it.'),
    screeningSection(view, writes ? { patientId, etag, reload } : undefined),
    eligibilitySection(patientId, protocol.data, writes && BEFORE_ENROLLMENT.includes(status), reload),
    enrollmentSection(view, protocol.data, writes && status === 'ELIGIBLE', reload),
    BEFORE_ENROLLMENT.includes(status) ? null
      : lymphodepletionSection(view, lymphodepletion.data, writes && BEFORE_INFUSION.includes(status) && !view.day0, reload),
    BEFORE_ENROLLMENT.includes(status) ? null
      : infusionSection(view, writes && BEFORE_INFUSION.includes(status) && !view.day0, reload),
  );
}

function screeningSection(view: Patient, correct?: { patientId: string; etag: string; reload: () => void }): HTMLElement {
  const facts: [string, string][] = [
    ['screening number', view.screeningNumber ?? ''], ['screened on', view.screeningDate ?? ''],
    ['sex', view.sex ?? ''], ['birth date', view.birthDate ?? ''], ['initials', view.initials ?? '—'],
    ['height', `${view.heightCm ?? ''} cm`], ['weight', `${view.weightKg ?? ''} kg`],
    ['ITP diagnosed on', view.itpDiagnosisDate ?? ''],
    ['platelets at screening', `${view.baselinePlateletCountPer1e9L ?? ''} ×10⁹/L`],
    ['anti-GP autoantibody', view.gpAutoantibodyPositive === undefined ? 'not known' : view.gpAutoantibodyPositive ? 'positive' : 'negative'],
    ['prior lines', (view.priorTherapies ?? []).map((line) =>
      `${line.category ?? ''} ${line.agent ?? ''} ${line.start ?? '?'}–${line.end ?? '?'}`.trim()).join('; ') || 'none'],
    ['record version', String(view.version ?? '')],
  ];
  return el('section', { 'aria-labelledby': 'screening-heading' },
    el('h2', { id: 'screening-heading' }, 'Screening data'),
    table(['item', 'value'], facts.map(([name, value]) => [name, value]), 'As screened, with corrections'),
    correct ? correctionForm(view, correct.patientId, correct.etag, correct.reload) : null);
}

/** Corrects screening data with the version the user read: a concurrent change is a 412, explained, not overwritten. */
function correctionForm(view: Patient, patientId: string, etag: string, reload: () => void): HTMLElement {
  const sex = select('correct', 'sex', 'Sex', [['F', 'female'], ['M', 'male']]);
  const birthDate = input('correct', 'birthDate', 'Birth date', 'date');
  const initials = input('correct', 'initials', 'Initials', 'text', { maxlength: '5' });
  const heightCm = input('correct', 'heightCm', 'Height (cm)', 'number', { step: '0.1' });
  const weightKg = input('correct', 'weightKg', 'Weight (kg)', 'number', { step: '0.1' });
  const itpDiagnosisDate = input('correct', 'itpDiagnosisDate', 'ITP diagnosed on', 'date');
  const baseline = input('correct', 'baselinePlateletCountPer1e9L', 'Platelet count at screening (×10⁹/L)', 'number',
    { step: '0.1' });
  const gp = select('correct', 'gpAutoantibodyPositive', 'Anti-GP autoantibody positive',
    [['', 'not known'], ['true', 'yes'], ['false', 'no']]);
  const reason = textarea('correct', 'reason', 'Reason for the correction');
  const values: [typeof sex, string | undefined][] = [[sex, view.sex], [birthDate, view.birthDate],
    [initials, view.initials], [heightCm, String(view.heightCm ?? '')], [weightKg, String(view.weightKg ?? '')],
    [itpDiagnosisDate, view.itpDiagnosisDate], [baseline, String(view.baselinePlateletCountPer1e9L ?? '')],
    [gp, view.gpAutoantibodyPositive === undefined ? '' : String(view.gpAutoantibodyPositive)]];
  values.forEach(([field, value]) => { field.control.value = value ?? ''; });
  const fields = [sex, birthDate, initials, heightCm, weightKg, itpDiagnosisDate, baseline, gp, reason];
  const form = recordForm('correct', fields, `Correct (version ${view.version ?? ''} as read)`, async (summary) => {
    const body = {
      sex: sex.value() as 'F' | 'M',
      birthDate: birthDate.value(),
      initials: initials.value() || undefined,
      heightCm: numberOrUndefined(heightCm.value()) as number,
      weightKg: numberOrUndefined(weightKg.value()) as number,
      itpDiagnosisDate: itpDiagnosisDate.value(),
      baselinePlateletCountPer1e9L: numberOrUndefined(baseline.value()) as number,
      gpAutoantibodyPositive: gp.value() ? gp.value() === 'true' : undefined,
      reason: reason.value(),
    };
    if (await submit(api.PUT('/api/v1/enrollment/patients/{id}', {
      params: { path: { id: patientId }, header: { 'If-Match': etag } }, body,
    }), fields, summary, 'Not corrected')) {
      reload();
    }
  });
  return el('details', { id: 'correct' }, el('summary', {}, 'Correct the screening data'), form);
}

function eligibilitySection(patientId: string, protocol: Protocol, writes: boolean, reload: () => void): HTMLElement {
  const assessed = assessments.get(patientId);
  const criteria = protocol.eligibility?.investigatorCriteria ?? [];
  const assessedOn = input('eligibility', 'assessedOn', 'Assessed on', 'date');
  const answers = criteria.map((criterion) => ({
    code: criterion.code ?? '',
    field: select('eligibility', criterion.code ?? '', criterion.text ?? criterion.code ?? '',
      [['', 'not answered'], ['true', 'yes'], ['false', 'no']]),
  }));
  const fields = [assessedOn, ...answers.map((answer) => answer.field)];
  const form = recordForm('eligibility', fields, 'Evaluate eligibility', async (summary) => {
    const body = {
      assessedOn: assessedOn.value() || undefined,
      answers: Object.fromEntries(answers.filter((answer) => answer.field.value())
        .map((answer) => [answer.code, answer.field.value() === 'true'])),
    };
    const result = await submit(api.POST('/api/v1/enrollment/patients/{id}/eligibility', {
      params: { path: { id: patientId } }, body,
    }), fields, summary, 'Not evaluated');
    if (result && result !== true) {
      assessments.set(patientId, result);
      reload();
    }
  });
  return el('section', { 'aria-labelledby': 'eligibility-heading' },
    el('h2', { id: 'eligibility-heading' }, 'Eligibility'),
    assessed ? checklist(assessed) : null,
    !assessed && !writes ? el('p', {}, 'The checklist is the answer to an evaluation, shown in the tab that made it.') : null,
    writes ? el('p', {}, `The investigator's criteria of protocol version ${protocol.version ?? ''}; `
      + 'the others are computed from the screening data, each shown with why after the evaluation.') : null,
    writes ? form : null);
}

function checklist(assessed: Schemas['EligibilityResponse']): HTMLElement {
  const verdict = (met: boolean | null | undefined): string => (met === true ? 'met' : met === false ? 'not met' : 'not decided');
  const rendered = table(['criterion', 'verdict', 'why'],
    (assessed.criteria ?? []).map((criterion) => [criterion.description ?? criterion.code ?? '', verdict(criterion.met), criterion.why ?? '']),
    `Outcome ${assessed.outcome ?? ''} on ${assessed.assessedOn ?? ''} (protocol version ${assessed.protocolVersion ?? ''})`);
  rendered.id = 'eligibility-checklist';
  return rendered;
}

function enrollmentSection(view: Patient, protocol: Protocol, writes: boolean, reload: () => void): HTMLElement {
  const consentDate = input('enroll', 'consentDate', 'Consent signed on', 'date');
  const doseLevel = select('enroll', 'doseLevel', 'Dose level', (protocol.doseLevels ?? [])
    .map((level) => [level.code ?? '', `${level.code ?? ''} (${level.cellsPerKg ?? ''} cells/kg)`] as const));
  const fields = [consentDate, doseLevel];
  const form = recordForm('enroll', fields, 'Enroll', async (summary) => {
    const body = { consentDate: consentDate.value(), doseLevel: doseLevel.value() };
    if (await submit(api.POST('/api/v1/enrollment/patients/{id}/enrollment', {
      params: { path: { id: view.id ?? '' } }, body,
    }), fields, summary, 'Not enrolled')) {
      reload();
    }
  });
  return el('section', { 'aria-labelledby': 'enroll-heading' },
    el('h2', { id: 'enroll-heading' }, 'Enrollment'),
    view.consentDate
      ? el('p', { id: 'enrolled' }, `Enrolled: consent ${view.consentDate}, dose level ${view.doseLevel ?? ''}, `
        + `protocol version ${view.protocolVersion ?? ''}.`)
      : el('p', {}, writes ? 'Eligible: enroll with the consent date and the dose level.' : 'Not enrolled.'),
    writes ? form : null);
}

function lymphodepletionSection(view: Patient, current: Lymphodepletion | undefined, writes: boolean,
  reload: () => void): HTMLElement {
  const id = view.id ?? '';
  const plan = current?.plan;
  const given = current?.administrations ?? [];
  return el('section', { 'aria-labelledby': 'lymphodepletion-heading' },
    el('h2', { id: 'lymphodepletion-heading' }, 'Lymphodepletion'),
    plan ? planTable(plan) : el('p', {}, 'No plan yet.'),
    given.length ? administrationsTable(id, given, writes, reload) : el('p', {}, 'Nothing given or omitted yet.'),
    writes ? planForm(view, reload) : null,
    writes && plan ? administrationForm(id, plan, reload) : null,
    writes ? omissionForm(id, reload) : null);
}

function planTable(plan: Schemas['PlanView']): HTMLElement {
  const bsa = `${plan.bsaM2 ?? ''} m²`;
  const rows = (plan.doses ?? []).map((dose) => [
    dose.agent ?? '', String(dose.studyDay ?? ''), dose.date ?? '',
    `${dose.mgPerM2 ?? ''} mg/m² × ${bsa} = ${dose.fullDoseMg ?? ''} mg`,
    `${dose.doseMg ?? ''} mg`,
    dose.adjustment
      ? `${dose.adjustment.rule ?? ''} −${dose.adjustment.reductionPercent ?? ''} %: ${dose.adjustment.reason ?? ''}`
      : 'full dose',
    dose.requiresDecision ? 'withheld: the investigator decides' : '',
  ]);
  const rendered = table(['agent', 'study day', 'date', 'full dose', 'to give', 'adjustment', ''], rows,
    `Plan for Day 0 ${plan.plannedInfusionDate ?? ''} (protocol version ${plan.protocolVersion ?? ''}): BSA ${bsa} `
    + `by ${plan.bsaFormula ?? ''} from ${plan.heightCm ?? ''} cm and ${plan.weightKg ?? ''} kg; creatinine clearance `
    + `${plan.creatinineClearanceMlMin ?? 'not given'} mL/min`);
  rendered.id = 'lymphodepletion-plan';
  return rendered;
}

function administrationsTable(patientId: string, given: Schemas['AdministrationView'][], writes: boolean,
  reload: () => void): HTMLElement {
  const rows = given.map((administration, index) => [
    administration.omitted ? 'omitted' : administration.agent ?? '',
    administration.date ?? '', String(administration.studyDay ?? '—'),
    administration.omitted ? administration.reason ?? '' : `${administration.doseMg ?? ''} mg`,
    writes ? voidAction(`void-administration-${index}`, 'this administration', (reason) =>
      api.POST('/api/v1/enrollment/patients/{id}/lymphodepletion/administrations/{administrationId}/void', {
        params: { path: { id: patientId, administrationId: administration.id ?? '' },
          header: { 'If-Match': ifMatch(administration.version) } },
        body: { reason },
      }), reload) : '',
  ]);
  const rendered = table(['agent', 'date', 'study day', 'dose or reason', ''], rows, 'Given or omitted');
  rendered.id = 'lymphodepletion-given';
  return rendered;
}

function planForm(view: Patient, reload: () => void): HTMLElement {
  const plannedInfusionDate = input('plan', 'plannedInfusionDate', 'Planned infusion date (Day 0)', 'date');
  const heightCm = input('plan', 'heightCm', 'Height (cm)', 'number', { step: '0.1' });
  const weightKg = input('plan', 'weightKg', 'Weight (kg)', 'number', { step: '0.1' });
  const clearance = input('plan', 'creatinineClearanceMlMin', 'Creatinine clearance (mL/min)', 'number',
    { step: '0.1' });
  heightCm.control.value = String(view.heightCm ?? '');
  weightKg.control.value = String(view.weightKg ?? '');
  const fields = [plannedInfusionDate, heightCm, weightKg, clearance];
  const form = recordForm('plan', fields, 'Plan the doses', async (summary) => {
    const body = {
      plannedInfusionDate: plannedInfusionDate.value(),
      heightCm: numberOrUndefined(heightCm.value()) as number,
      weightKg: numberOrUndefined(weightKg.value()) as number,
      creatinineClearanceMlMin: numberOrUndefined(clearance.value()),
    };
    if (await submit(api.POST('/api/v1/enrollment/patients/{id}/lymphodepletion/plan', {
      params: { path: { id: view.id ?? '' } }, body,
    }), fields, summary, 'Not planned')) {
      reload();
    }
  });
  return el('details', { id: 'plan' }, el('summary', {}, 'Plan (or plan again)'), form);
}

/** A dose given: the planned doses fill it in (agent, date, dose), the user confirms or changes what was given. */
function administrationForm(patientId: string, plan: Schemas['PlanView'], reload: () => void): HTMLElement {
  const doses = plan.doses ?? [];
  const planned = select('give', 'planned', 'Planned dose', [['', 'other'],
    ...doses.map((dose, index) => [String(index), `${dose.agent ?? ''} ${dose.date ?? ''} ${dose.doseMg ?? ''} mg`] as const)]);
  const agent = input('give', 'agent', 'Agent', 'text', { maxlength: '60' });
  const date = input('give', 'date', 'Given on', 'date');
  const doseMg = input('give', 'doseMg', 'Dose given (mg)', 'number', { step: '0.1' });
  planned.control.addEventListener('change', () => {
    const dose = doses[Number(planned.value())];
    agent.control.value = dose?.agent ?? '';
    date.control.value = dose?.date ?? '';
    doseMg.control.value = dose ? String(dose.doseMg ?? '') : '';
  });
  const fields = [planned, agent, date, doseMg];
  return el('section', { 'aria-labelledby': 'give-heading' }, el('h3', { id: 'give-heading' }, 'Record a dose given'),
    recordForm('give', fields, 'Record the dose', async (summary) => {
      const body = { agent: agent.value(), date: date.value(), doseMg: numberOrUndefined(doseMg.value()) };
      if (await submit(api.POST('/api/v1/enrollment/patients/{id}/lymphodepletion/administrations', {
        params: { path: { id: patientId } }, body,
      }), fields, summary)) {
        reload();
      }
    }));
}

function omissionForm(patientId: string, reload: () => void): HTMLElement {
  const date = input('omit', 'date', 'Decided on', 'date');
  const reason = textarea('omit', 'reason', 'Why lymphodepletion is left out');
  const fields = [date, reason];
  return el('details', { id: 'omit' }, el('summary', {}, 'Leave lymphodepletion out (a protocol deviation)'),
    recordForm('omit', fields, 'Record the omission', async (summary) => {
      const body = { omitted: true, date: date.value() || undefined, reason: reason.value() };
      if (await submit(api.POST('/api/v1/enrollment/patients/{id}/lymphodepletion/administrations', {
        params: { path: { id: patientId } }, body,
      }), fields, summary)) {
        reload();
      }
    }));
}

function infusionSection(view: Patient, writes: boolean, reload: () => void): HTMLElement {
  const id = view.id ?? '';
  const infused = infusions.get(id);
  const date = input('infuse', 'date', 'Infused on (Day 0)', 'date');
  const weightKg = input('infuse', 'weightKg', 'Weight (kg)', 'number', { step: '0.1' });
  const doseLevel = input('infuse', 'doseLevel', 'Dose level', 'text');
  const cells = input('infuse', 'totalCellsInfused', 'Total CAR-T cells infused', 'number', { step: '1' });
  weightKg.control.value = String(view.weightKg ?? '');
  doseLevel.control.value = view.doseLevel ?? '';
  const fields = [date, weightKg, doseLevel, cells];
  const form = recordForm('infuse', fields, 'Record the infusion', async (summary) => {
    const body = {
      date: date.value(),
      weightKg: numberOrUndefined(weightKg.value()) as number,
      doseLevel: doseLevel.value(),
      totalCellsInfused: numberOrUndefined(cells.value()) as number,
    };
    const result = await submit(api.POST('/api/v1/enrollment/patients/{id}/infusion', {
      params: { path: { id } }, body,
    }), fields, summary);
    if (result && result !== true) {
      infusions.set(id, result);
      reload();
    }
  });
  return el('section', { 'aria-labelledby': 'infusion-heading' },
    el('h2', { id: 'infusion-heading' }, 'CAR-T infusion'),
    infused ? infusionTable(infused) : el('p', {}, view.day0 ? `Infused on ${view.day0} (Day 0).` : 'Not infused yet.'),
    writes ? form : null);
}

function infusionTable(infused: Schemas['InfusionView']): HTMLElement {
  const rendered = table(['item', 'value'], [
    ['Day 0', infused.day0 ?? ''],
    ['dose level', `${infused.doseLevel ?? ''} (${infused.cellsPerKg ?? ''} cells/kg)`],
    ['target', `${infused.cellsPerKg ?? ''} cells/kg × ${infused.weightKg ?? ''} kg = ${infused.targetCells ?? ''} cells`],
    ['infused', `${infused.totalCellsInfused ?? ''} cells`],
    ['deviation from target', `${infused.deviationPercent ?? ''} % (${infused.withinTolerance ? 'within' : 'outside'} tolerance)`],
    ['explanation', infused.explanation ?? ''],
    ['deviation recorded', infused.deviationRecorded ? 'yes' : 'no'],
  ], 'Target vs infused');
  rendered.id = 'infusion-result';
  return rendered;
}
