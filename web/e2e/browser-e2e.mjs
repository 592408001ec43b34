// Browser end-to-end scenarios in headless Chromium (playwright-core with the machine's Chromium, no browser
// download), against a running suite, signing in through Keycloak's real login page. Started by
// system-tests' WebBrowserIT, which prepares the patient and passes (environment):
//   WEB_URL       the gateway's /web/ URL          PATIENT_ID   an infused SITE-01 patient
//   FEVER_AT      an instant after its Day 0 (YYYY-MM-DDTHH:mm, UTC)
//   PLATELET_COUNTS  how many platelet counts the patient has    SUMMARY_AS_OF  the summary's cut-off
//   TOKEN_URL     Keycloak's token endpoint (the API's own figures are read with the dev CLI client)
//   SCREENSHOTS   where the screenshots go         CHROMIUM     the browser (default /usr/bin/chromium)
// The API's own figures and records are read with the dev CLI client's token for the same user.
// Exits non-zero if any scenario fails, naming its first failed expectation.
import assert from 'node:assert/strict';
import { browserSession, env, inkedPixels } from './session.mjs';

const PATIENT_ID = env('PATIENT_ID');
const FEVER_AT = env('FEVER_AT');
const PLATELET_COUNTS = Number(env('PLATELET_COUNTS'));
const SUMMARY_AS_OF = env('SUMMARY_AS_OF');
const session = browserSession();
const { WEB_URL, SCREENSHOTS, signedIn, shot, api, apiFetch, scenario } = session;

// the screened patient: as StudyPatients screens one (three prior lines, chronic ITP since 2018), two months later
const SCREENING = { screeningDate: '2025-03-03', birthDate: '1985-06-15', heightCm: '170', weightKg: '60',
  itpDiagnosisDate: '2018-01-01', baselinePlateletCountPer1e9L: '12' };
const PRIOR_THERAPIES = [
  { category: 'GLUCOCORTICOID', agent: 'prednisone', start: '2018-01-01', end: '2018-03-01' },
  { category: 'IVIG', agent: 'IVIG', start: '2018-02-01', end: '2018-02-02' },
  { category: 'TPO_RA', agent: 'eltrombopag', start: '2019-01-01', end: '2020-01-01' },
];
const DAY_0 = '2025-04-01';
const DAY_1 = '2025-04-02';


scenario('an investigator records a fever that becomes CRS grade 1 on the timeline, and a bad value stores nothing', async () => {
  // the refused write's 400 is the one network error Chromium reports on this page
  const { page, done } = await signedIn('inv-site01', ['status of 400']);
  await page.waitForSelector('table');
  await shot(page, '01-patients');
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}`);
  await page.waitForSelector('#vitals-form');
  await shot(page, '02-course-before');

  await page.fill('#vitals-at', FEVER_AT);
  await page.fill('#vitals-temperatureC', '50');
  await page.click('#vitals-submit');
  await page.waitForSelector('#vitals-temperatureC-error:not(:empty)');
  assert.match(await page.textContent('#vitals-temperatureC-error'), /\S/);
  assert.equal(await page.getAttribute('#vitals-temperatureC', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#vitals-problem'), /Not recorded/);
  await shot(page, '03-vitals-refused');

  await page.fill('#vitals-temperatureC', '38.6');
  await page.click('#vitals-submit');
  await page.waitForFunction(() => /grade 1/.test(document.querySelector('#crs-episodes')?.textContent ?? ''));
  assert.match(await page.textContent('#timeline'), /CRS/);
  await page.click('#crs-episodes summary');
  assert.match(await page.textContent('#crs-episodes details'), /fever|38/i);
  await shot(page, '04-course-crs-grade-1');
  await done();
});

scenario('an investigator screens a new patient, answers eligibility, enrolls, plans and gives lymphodepletion, infuses, and records a fever that becomes CRS grade 1', async () => {
  const { page, done } = await signedIn('inv-site01');
  const screeningNumber = `WEB-UI-${Date.now()}`;
  await page.click('#nav-screen');
  await page.waitForSelector('#screen-form');
  await page.selectOption('#screen-siteCode', 'SITE-01');
  for (const [field, value] of Object.entries(SCREENING)) {
    await page.fill(`#screen-${field}`, value);
  }
  await page.fill('#screen-screeningNumber', screeningNumber);
  await page.selectOption('#screen-sex', 'F');
  for (const [index, therapy] of PRIOR_THERAPIES.entries()) {
    await page.click('#screen-add-therapy');
    await page.selectOption(`#screen-therapy-${index}-category`, therapy.category);
    await page.fill(`#screen-therapy-${index}-agent`, therapy.agent);
    await page.fill(`#screen-therapy-${index}-start`, therapy.start);
    await page.fill(`#screen-therapy-${index}-end`, therapy.end);
  }
  await shot(page, '10-screening');
  await page.click('#screen-submit');

  // the patient's screening-to-Day-0 page: the eligibility checklist, every investigator criterion answered yes
  await page.waitForSelector('#eligibility-form');
  const patientId = /#\/patients\/([0-9a-f-]{36})\/treatment/.exec(page.url())?.[1];
  assert.ok(patientId, `the page names the new patient (${page.url()})`);
  await page.fill('#eligibility-assessedOn', '2025-03-06');
  const criteria = await page.$$eval('#eligibility-form select', (selects) => selects.map((select) => select.id));
  assert.ok(criteria.length >= 5, `investigator criteria asked (${criteria.length})`);
  for (const criterion of criteria) {
    await page.selectOption(`#${criterion}`, 'true');
  }
  await page.click('#eligibility-submit');
  await page.waitForSelector('#eligibility-checklist');
  assert.match(await page.textContent('#eligibility-checklist caption'), /Outcome ELIGIBLE/);
  const verdicts = await page.$$eval('#eligibility-checklist tbody tr', (rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
  assert.ok(verdicts.every(([, verdict, why]) => verdict === 'met' && why.trim()), 'every criterion met, with why');
  assert.ok(verdicts.some(([, , why]) => /\d/.test(why)), 'computed criteria say the values compared');
  await shot(page, '11-eligibility');

  await page.fill('#enroll-consentDate', '2025-03-04');
  await page.selectOption('#enroll-doseLevel', 'DL1');
  await page.click('#enroll-submit');
  await page.waitForSelector('#enrolled');

  await page.click('#plan summary');
  await page.fill('#plan-plannedInfusionDate', DAY_0);
  await page.fill('#plan-creatinineClearanceMlMin', '110');
  await page.click('#plan-submit');
  await page.waitForSelector('#lymphodepletion-plan');
  assert.match(await page.textContent('#lymphodepletion-plan caption'), /BSA [\d.]+ m²/);
  const planned = await page.$$eval('#lymphodepletion-plan tbody tr', (rows) => rows.length);
  assert.ok(planned > 0, 'doses planned');
  assert.match(await page.textContent('#lymphodepletion-plan tbody'), /mg\/m² × [\d.]+ m² = [\d.]+ mg/);
  await shot(page, '12-lymphodepletion-plan');
  for (let dose = 0; dose < planned; dose++) {
    await page.selectOption('#give-planned', String(dose));
    await page.click('#give-submit');
    await page.waitForFunction((count) => document.querySelectorAll('#lymphodepletion-given tbody tr').length === count,
      dose + 1);
  }
  await shot(page, '13-lymphodepletion-given');

  await page.fill('#infuse-date', DAY_0);
  await page.fill('#infuse-totalCellsInfused', '9000000');
  await page.click('#infuse-submit');
  await page.waitForSelector('#infusion-result');
  assert.match(await page.textContent('#infusion-result'), /cells\/kg × 60(\.0)? kg = [\d.E+]+ cells/);
  assert.match(await page.textContent('#treatment-status'), new RegExp(`Day 0 ${DAY_0}`));
  await shot(page, '14-infusion');

  await page.goto(`${WEB_URL}#/patients/${patientId}`);
  await page.waitForSelector('#vitals-form');
  await page.fill('#vitals-at', `${DAY_1}T10:00`);
  await page.fill('#vitals-temperatureC', '38.6');
  await page.click('#vitals-submit');
  await page.waitForFunction(() => /grade 1/.test(document.querySelector('#crs-episodes')?.textContent ?? ''));
  assert.match(await page.textContent('#timeline'), /CRS/);
  await shot(page, '15-screened-patient-crs-grade-1');

  // the API holds exactly what the browser made
  const read = (path) => api('inv-site01', path);
  const patient = await read(`/api/v1/enrollment/patients/${patientId}`);
  assert.deepEqual({ screeningNumber: patient.screeningNumber, siteCode: patient.siteCode, sex: patient.sex,
    birthDate: patient.birthDate, heightCm: patient.heightCm, weightKg: patient.weightKg,
    baseline: patient.baselinePlateletCountPer1e9L, therapies: patient.priorTherapies.length,
    consentDate: patient.consentDate, doseLevel: patient.doseLevel, day0: patient.day0, status: patient.status },
  { screeningNumber, siteCode: 'SITE-01', sex: 'F', birthDate: SCREENING.birthDate, heightCm: 170, weightKg: 60,
    baseline: 12, therapies: PRIOR_THERAPIES.length, consentDate: '2025-03-04', doseLevel: 'DL1', day0: DAY_0,
    status: 'INFUSED' });
  const lymphodepletion = await read(`/api/v1/enrollment/patients/${patientId}/lymphodepletion`);
  const doses = (list) => list.map(({ agent, date, doseMg }) => `${date} ${agent} ${doseMg} mg`).sort();
  assert.deepEqual(doses(lymphodepletion.administrations), doses(lymphodepletion.plan.doses),
    'every planned dose given as planned');
  const vitals = await read(`/api/v1/safety/patients/${patientId}/vitals`);
  assert.deepEqual(vitals.items.map((record) => record.temperatureC), [38.6]);
  assert.equal((await read(`/api/v1/safety/patients/${patientId}/crs`)).maxGrade, 1);
  await done();
});

scenario('the platelet plot renders every count and the CAR-T plot its samples', async () => {
  const { page, done } = await signedIn('inv-site01');
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}`);
  await page.waitForSelector('#platelet-plot canvas');
  assert.equal(Number(await page.getAttribute('#platelet-plot', 'data-points')), PLATELET_COUNTS);
  assert.ok(Number(await page.getAttribute('#cart-plot', 'data-points')) > 0, 'CAR-T points');
  await page.waitForSelector('#cart-plot canvas');
  const drawn = await page.$eval('#platelet-plot canvas', inkedPixels);
  assert.ok(drawn > 1000, `the platelet canvas is drawn (${drawn} pixels)`);
  await page.locator('#platelet-plot').screenshot({ path: `${SCREENSHOTS}/05-platelet-plot.png` });
  await done();
});

scenario('records: a refused platelet count stores nothing, a count with its bleeding grade is recorded, then voided with a reason', async () => {
  const { page, done } = await signedIn('inv-site01', ['status of 400']);
  const counts = () => api('inv-site01', `/api/v1/efficacy/patients/${PATIENT_ID}/platelet-counts`);
  const before = (await counts()).items.map((count) => count.id);
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}/records`);
  await page.waitForSelector('#platelet-form');
  assert.equal(await page.$$eval('#platelets-list tbody tr', (rows) => rows.length), PLATELET_COUNTS);
  await page.fill('#platelet-date', '2025-03-08');
  await page.fill('#platelet-valuePer1e9L', '5000');
  await page.selectOption('#platelet-bleeding', '2');
  await page.click('#platelet-submit');
  await page.waitForSelector('#platelet-valuePer1e9L-error:not(:empty)');
  assert.equal(await page.getAttribute('#platelet-valuePer1e9L', 'aria-invalid'), 'true');
  assert.deepEqual((await counts()).items.map((count) => count.id), before, 'the refused count stored nothing');
  await shot(page, '16-platelet-refused');

  await page.fill('#platelet-valuePer1e9L', '150');
  await page.click('#platelet-submit');
  await page.waitForFunction((count) => document.querySelectorAll('#platelets-list tbody tr').length === count,
    PLATELET_COUNTS + 1);
  const added = (await counts()).items.filter((count) => !before.includes(count.id));
  assert.deepEqual(added.map(({ date, valuePer1e9L, bleeding }) => ({ date, valuePer1e9L, bleeding })),
    [{ date: '2025-03-08', valuePer1e9L: 150, bleeding: 2 }]);
  assert.match(await page.textContent('#platelets-list'), /grade 2/);
  await shot(page, '17-records');

  const row = PLATELET_COUNTS; // the newest count is the last row (oldest first)
  await page.click(`#void-platelets-${row}-open`);
  await page.fill(`#void-platelets-${row}-reason`, 'entered for the wrong patient');
  await page.click(`#void-platelets-${row}-submit`);
  await page.waitForFunction((count) => document.querySelectorAll('#platelets-list tbody tr').length === count,
    PLATELET_COUNTS);
  assert.deepEqual((await counts()).items.map((count) => count.id), before, 'the voided count is gone from the list');
  await done();
});

scenario('a correction is sent with the version read; a concurrent change is explained, not overwritten', async () => {
  const { page, done } = await signedIn('inv-site01', ['status of 412']);
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}/treatment`);
  await page.waitForSelector('#correct summary');
  await page.click('#correct summary');
  await page.fill('#correct-initials', 'XY');
  await page.fill('#correct-reason', 'initials misread from the paper form');
  // meanwhile someone else corrects the patient through the API
  const read = await api('inv-site01', `/api/v1/enrollment/patients/${PATIENT_ID}`);
  const other = await apiFetch('inv-site01', `/api/v1/enrollment/patients/${PATIENT_ID}`, {
    method: 'PUT',
    headers: { 'If-Match': `"${read.version}"`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ sex: read.sex, birthDate: read.birthDate, initials: 'AB', heightCm: read.heightCm,
      weightKg: read.weightKg, itpDiagnosisDate: read.itpDiagnosisDate,
      baselinePlateletCountPer1e9L: read.baselinePlateletCountPer1e9L, reason: 'a concurrent correction' }),
  });
  assert.equal(other.status, 200, 'the concurrent correction');
  await page.click('#correct-submit');
  await page.waitForSelector('#correct-problem:has-text("changed by someone else")');
  const kept = await api('inv-site01', `/api/v1/enrollment/patients/${PATIENT_ID}`);
  assert.deepEqual([kept.initials, kept.version], ['AB', read.version + 1], 'the concurrent change is not overwritten');
  await shot(page, '18-correction-conflict');

  await page.reload();
  await page.waitForSelector('#correct summary');
  await page.click('#correct summary');
  assert.equal(await page.inputValue('#correct-initials'), 'AB');
  await page.fill('#correct-initials', 'XY');
  await page.fill('#correct-reason', 'initials misread from the paper form');
  await page.click('#correct-submit');
  // the page is drawn anew from the corrected record: its form now carries the new version
  await page.waitForSelector(`#correct-submit:has-text("version ${read.version + 2} as read")`, { state: 'attached' });
  const corrected = await api('inv-site01', `/api/v1/enrollment/patients/${PATIENT_ID}`);
  assert.deepEqual([corrected.initials, corrected.version], ['XY', read.version + 2]);
  await done();
});

scenario('a monitor reads the course but has no form to write with', async () => {
  const { page, done } = await signedIn('monitor-site01');
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}`);
  await page.waitForSelector('#read-only');
  assert.equal(await page.$('#vitals-form'), null);
  await shot(page, '06-monitor-read-only');
  for (const [screen, drawn] of [['records', '#platelets-list'], ['treatment', '#eligibility-heading']]) {
    await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}/${screen}`);
    await page.waitForSelector(drawn);
    assert.ok(await page.$('#read-only'), `${screen} says it is read-only`);
    assert.deepEqual(await page.$$eval('main form, main details.void', (writes) => writes.length), 0, `no write on ${screen}`);
  }
  assert.equal(await page.$('#nav-screen'), null, 'a monitor screens no patient');
  await done();
});

scenario('an investigator of another site cannot open the patient', async () => {
  const { page, done } = await signedIn('inv-site02', ['status of 404']);
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}`);
  await page.waitForSelector('#course-problem');
  assert.equal(await page.$('#timeline'), null);
  await shot(page, '07-other-site-not-found');
  await done();
});

scenario("the sponsor's summary shows the API's figures", async () => {
  const { page, done } = await signedIn('sponsor-user');
  await page.goto(`${WEB_URL}#/summary?asOf=${SUMMARY_AS_OF}`);
  await page.waitForSelector(`caption:has-text("as of ${SUMMARY_AS_OF}")`);
  const expected = await apiSummary('sponsor-user');
  for (const name of ['enrolled', 'crs', 'icans', 'response', 'femalePercent']) {
    const figure = typeof expected[name] === 'string' ? expected[name] : JSON.stringify(expected[name]);
    assert.equal(await page.textContent(`[data-figure="${name}"]`), figure, `summary figure ${name}`);
  }
  await shot(page, '08-sponsor-summary');
  await page.click('#sign-out');
  await page.waitForSelector('#sign-in');
  await done();
});

/** The study summary as the API answers it to this user, read now (after the scenarios' own writes). */
const apiSummary = (user) => api(user, `/api/v1/study/summary?asOf=${SUMMARY_AS_OF}`);

await session.run();
