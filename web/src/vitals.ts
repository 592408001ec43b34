// The vitals form: a refused request shows the problem's detail and, next to each field its violations name, the
// message; nothing is stored then (the service validates the whole request before it writes).
import { api } from './api';
import { el } from './dom';
import { input, instant, numberOrUndefined, recordForm, select, submit } from './forms';

export const HYPOTENSION = ['NONE', 'NO_VASOPRESSOR', 'ONE_VASOPRESSOR', 'MULTIPLE_VASOPRESSORS'] as const;
export const OXYGEN = ['NONE', 'LOW_FLOW', 'HIGH_FLOW', 'POSITIVE_PRESSURE'] as const;

export function vitalsForm(patientId: string, recorded: () => void): HTMLElement {
  const at = input('vitals', 'at', 'Observed at (UTC)', 'datetime-local');
  const temperature = input('vitals', 'temperatureC', 'Temperature (°C)', 'number', { step: '0.1' });
  const hypotension = select('vitals', 'hypotension', 'Hypotension', HYPOTENSION);
  const oxygen = select('vitals', 'oxygen', 'Oxygen support', OXYGEN);
  const oxygenLpm = input('vitals', 'oxygenLpm', 'Oxygen flow (L/min, if any)', 'number', { step: '0.5' });
  const antipyretic = input('vitals', 'antipyreticOrAntiCytokine', 'Antipyretic or anti-cytokine given', 'checkbox');
  const fields = [at, temperature, hypotension, oxygen, oxygenLpm, antipyretic];
  const form = recordForm('vitals', fields, 'Record vitals', async (summary) => {
    const body = {
      at: instant(at.value()) as string,
      temperatureC: numberOrUndefined(temperature.value()) as number,
      hypotension: hypotension.value() as (typeof HYPOTENSION)[number],
      oxygen: oxygen.value() as (typeof OXYGEN)[number],
      oxygenLpm: numberOrUndefined(oxygenLpm.value()),
      antipyreticOrAntiCytokine: antipyretic.value() === 'true',
    };
    if (await submit(api.POST('/api/v1/safety/patients/{id}/vitals', { params: { path: { id: patientId } }, body }),
      fields, summary)) {
      recorded();
    }
  });
  return el('section', { 'aria-labelledby': 'vitals-heading' }, el('h2', { id: 'vitals-heading' }, 'Record vital signs'), form);
}
