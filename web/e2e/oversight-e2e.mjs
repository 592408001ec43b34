// Browser scenarios of the oversight screens (docs/web.md, Tests): the course's B-cell, temperature and ANC plots
// and the grades' explanations; the safety officer's SAEs due, adverse events (a grade confirmed) and feed; the
// sponsor's summary at a chosen cut-off and site, and the downloads. Started by system-tests' WebOversightIT, which
// prepares the data and passes (environment), besides session.mjs's WEB_URL, TOKEN_URL, SCREENSHOTS, CHROMIUM:
//   PATIENT_ID    an infused SITE-01 patient       TEMPERATURES, ANC_COUNTS, B_CELL_COUNTS  how many it has
//   OVERDUE_AE    a serious event past its deadline DUE_AE  one still due (another site)
//   SUMMARY_AS_OF, SUMMARY_SITE  the cut-off and site the sponsor chooses
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { browserSession, env, inkedPixels } from './session.mjs';

const PATIENT_ID = env('PATIENT_ID');
const OVERDUE_AE = env('OVERDUE_AE');
const DUE_AE = env('DUE_AE');
const SUMMARY_AS_OF = env('SUMMARY_AS_OF');
const SUMMARY_SITE = env('SUMMARY_SITE');
const session = browserSession();
const { WEB_URL, SCREENSHOTS, signedIn, shot, api, scenario } = session;

scenario('the course plots B cells, temperatures and ANC with every point, and each grade opens to its rule', async () => {
  const { page, done } = await signedIn('inv-site01');
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}`);
  const plots = { 'bcell-plot': 'B_CELL_COUNTS', 'temperature-plot': 'TEMPERATURES', 'anc-plot': 'ANC_COUNTS' };
  for (const [id, count] of Object.entries(plots)) {
    await page.waitForSelector(`#${id} canvas`);
    assert.equal(Number(await page.getAttribute(`#${id}`, 'data-points')), Number(env(count)), `${id} points`);
    const inked = await page.$eval(`#${id} canvas`, inkedPixels);
    assert.ok(inked > 1000, `${id} is drawn (${inked} pixels)`);
    await page.locator(`#${id}`).screenshot({ path: `${SCREENSHOTS}/oversight-${id}.png` });
  }
  const crs = await api('inv-site01', `/api/v1/safety/patients/${PATIENT_ID}/crs`);
  assert.ok(crs.maxGrade >= 1, 'the fever is CRS');
  assert.match(await page.textContent('#temperature-plot figcaption'), new RegExp(`CRS grade ${crs.maxGrade}\\b`));
  assert.match(await page.textContent('#temperature-plot figcaption'), new RegExp(`maximum grade ${crs.maxGrade}\\.`));
  const bCells = await api('inv-site01', `/api/v1/efficacy/patients/${PATIENT_ID}/b-cells`);
  assert.equal(bCells.summary.aplasiaSustained, true, 'the counts are a sustained aplasia');
  assert.match(await page.textContent('#bcell-plot figcaption'), /aplasia sustained/);

  // ICAHT: the grade the API gives, its rule and explanation behind the <details>
  const icaht = await api('inv-site01', `/api/v1/safety/patients/${PATIENT_ID}/icaht`);
  const early = page.locator('#icaht tbody tr').first();
  assert.match(await early.textContent(), new RegExp(`grade ${icaht.early.grade}`));
  assert.match(await page.textContent('#anc-plot figcaption'), new RegExp(`early ICAHT \\(days 0–30\\) grade ${icaht.early.grade}`));
  await early.locator('summary').click();
  assert.ok((await early.locator('li').first().isVisible()), 'the ICAHT rule opens');
  assert.equal(await early.locator('li').first().textContent(), icaht.early.rule);
  // adverse events: the reported serious one with its grade, and why that grade
  const events = page.locator('#adverse-events tbody tr', { hasText: 'Encephalopathy' });
  assert.equal(await events.count(), 1, 'the reported serious event is listed');
  await events.locator('summary').click();
  assert.match(await events.locator('li').first().textContent(), /grade 3 as reported by the site|confirmed grade/);
  // CRS: the episode's worst day's rule
  await page.locator('#crs-episodes summary').first().click();
  assert.match(await page.textContent('#crs-episodes details'), /grade|fever/i);
  await shot(page, 'oversight-01-course-grades-and-plots');
  await done();
});

scenario('a safety officer sees the SAEs due, overdue first with days left, as the API orders them', async () => {
  const { page, done } = await signedIn('safety-officer');
  assert.equal(await page.locator('nav a[href="#/safety"]').count(), 1, 'the safety link is in the nav');
  await page.click('nav a[href="#/safety"]');
  await page.waitForSelector('#sae-due tbody tr');
  const expected = await api('safety-officer', '/api/v1/safety/sae/due');
  const shown = await page.$$eval('#sae-due tbody tr', (rows) => rows.map((row) => row.getAttribute('data-ae-id')));
  assert.deepEqual(shown, expected.items.map((item) => item.adverseEventId), 'the API\'s order');
  assert.ok(shown.indexOf(OVERDUE_AE) >= 0 && shown.indexOf(OVERDUE_AE) < shown.indexOf(DUE_AE), 'overdue before due');
  // the status cell, then the days left (or overdue) cell
  const cell = (id, column) => page.textContent(`#sae-due tr[data-ae-id="${id}"] td:nth-child(${column})`);
  const overdue = expected.items.find((item) => item.adverseEventId === OVERDUE_AE);
  const late = Math.round((Date.parse(expected.today) - Date.parse(overdue.reporting.deadline)) / 86_400_000);
  assert.equal(await cell(OVERDUE_AE, 1), 'overdue');
  assert.equal(await cell(OVERDUE_AE, 2), `${late} days overdue`);
  const due = expected.items.find((item) => item.adverseEventId === DUE_AE);
  const left = Math.round((Date.parse(due.reporting.deadline) - Date.parse(expected.today)) / 86_400_000);
  assert.equal(await cell(DUE_AE, 1), 'due');
  assert.equal(await cell(DUE_AE, 2), `${left} days left`);
  // both sites' events are in the adverse events list
  assert.equal(await page.locator(`#ae-list tr[data-ae-id="${OVERDUE_AE}"]`).count(), 1);
  assert.equal(await page.locator(`#ae-list tr[data-ae-id="${DUE_AE}"]`).count(), 1);
  assert.match(await page.textContent('#feed-state'), /\d+ changes \(\d+ create/);
  await shot(page, 'oversight-02-safety-officer');
  await done();
});

scenario('a safety officer confirms a grade with a reason; the API then holds it and the feed counts the change', async () => {
  const { page, done } = await signedIn('safety-officer');
  await page.goto(`${WEB_URL}#/safety`);
  const form = page.locator(`form.confirm-grade[data-ae-id="${OVERDUE_AE}"]`);
  await form.locator('select').selectOption('4');
  await form.locator('input[name="reason"]').fill('Intensive care on day 6: grade 4 per the source documents');
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('#safety-notice');
  assert.match(await page.textContent('#safety-notice'), /grade 4 confirmed/);
  const event = await api('safety-officer', `/api/v1/safety/adverse-events/${OVERDUE_AE}`);
  assert.equal(event.confirmedGrade, 4);
  assert.equal(event.confirmationReason, 'Intensive care on day 6: grade 4 per the source documents');
  assert.match(await page.textContent(`#ae-list tr[data-ae-id="${OVERDUE_AE}"]`), /grade 4/);
  assert.match(await page.textContent('#feed-state'), /[1-9]\d* correct/);
  await shot(page, 'oversight-03-grade-confirmed');
  await done();
});

scenario('a sponsor chooses a cut-off and a site: the figures are the API\'s for the same; no safety screen', async () => {
  const { page, done } = await signedIn('sponsor-user');
  assert.equal(await page.locator('nav a[href="#/safety"]').count(), 0, 'a sponsor has no safety screen');
  await page.goto(`${WEB_URL}#/summary`);
  await page.waitForSelector('#summary-form');
  await page.fill('#summary-asOf', SUMMARY_AS_OF);
  await page.selectOption('#summary-site', SUMMARY_SITE);
  await page.click('#summary-show');
  await page.waitForSelector(`caption:has-text("as of ${SUMMARY_AS_OF} at ${SUMMARY_SITE}")`);
  const expected = await api('sponsor-user', `/api/v1/study/summary?asOf=${SUMMARY_AS_OF}&siteCode=${SUMMARY_SITE}`);
  const everything = await api('sponsor-user', `/api/v1/study/summary?asOf=${SUMMARY_AS_OF}`);
  assert.notDeepEqual(expected.siteCodes, everything.siteCodes, 'the site choice changes the figures asked for');
  for (const name of ['asOf', 'siteCodes', 'enrolled', 'crs', 'icans', 'response', 'femalePercent', 'lymphodepleted']) {
    const figure = typeof expected[name] === 'string' ? expected[name] : JSON.stringify(expected[name]);
    assert.equal(await page.textContent(`[data-figure="${name}"]`), figure, `summary figure ${name}`);
  }
  await shot(page, 'oversight-04-sponsor-summary');
  await done();
});

scenario('a sponsor downloads the SDTM AE CSV, the FHIR bundle and the line listing: the API\'s rows', async () => {
  const { page, done } = await signedIn('sponsor-user');
  await page.goto(`${WEB_URL}#/summary?asOf=${SUMMARY_AS_OF}`);
  await page.waitForSelector('#download-sdtm');
  const query = `asOf=${SUMMARY_AS_OF}`;

  const csv = await downloaded(page, '#download-sdtm', /^ae-.*\.csv$/);
  const expectedCsv = await api('sponsor-user', `/api/v1/safety/export/sdtm-ae?${query}`, 'text');
  assert.ok(csvRecords(expectedCsv) > 1, 'the API has adverse events to export');
  assert.equal(csvRecords(csv), csvRecords(expectedCsv), 'CSV rows');
  assert.equal(csv, expectedCsv, 'the same CSV');

  const bundle = JSON.parse(await downloaded(page, '#download-fhir', /\.fhir\.json$/));
  const expectedBundle = await api('sponsor-user', `/api/v1/safety/export/fhir?${query}`);
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.entry.length, expectedBundle.entry.length, 'FHIR entries');

  const listing = JSON.parse(await downloaded(page, '#download-listing', /^line-listing-.*\.json$/));
  const expectedIds = [];
  let cursor = '';
  do {
    const chunk = await api('sponsor-user', `/api/v1/safety/line-listing?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expectedIds.push(...chunk.items.map((row) => row.id));
    cursor = chunk.nextCursor;
  } while (cursor);
  assert.deepEqual(listing.items.map((row) => row.id), expectedIds, 'line listing rows');
  assert.match(await page.textContent('#download-status'), /Saved line-listing-/);
  await shot(page, 'oversight-05-sponsor-downloads');
  await done();
});

/** Clicks a download button and returns the saved file's text, checking its suggested name. */
async function downloaded(page, button, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  assert.match(download.suggestedFilename(), name);
  return readFile(await download.path(), 'utf8');
}

/** CSV records after the header, quoted line breaks kept inside their field (RFC 4180). */
function csvRecords(text) {
  let records = 0;
  let quoted = false;
  let content = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    if (character === '\n' && !quoted) {
      if (content) records++;
      content = false;
    } else if (character !== '\r') {
      content = true;
    }
  }
  return records + (content ? 1 : 0) - 1;
}

await session.run();
