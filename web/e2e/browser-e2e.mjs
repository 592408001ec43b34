// Browser end-to-end scenarios in headless Chromium (playwright-core with the machine's Chromium, no browser
// download), against a running suite, signing in through Keycloak's real login page. Started by
// system-tests' WebBrowserIT, which prepares the patient and passes (environment):
//   WEB_URL       the gateway's /web/ URL          PATIENT_ID   an infused SITE-01 patient
//   FEVER_AT      an instant after its Day 0 (YYYY-MM-DDTHH:mm, UTC)
//   PLATELET_COUNTS  how many platelet counts the patient has    SUMMARY_AS_OF  the summary's cut-off
//   TOKEN_URL     Keycloak's token endpoint (the API's own figures are read with the dev CLI client)
//   SCREENSHOTS   where the screenshots go         CHROMIUM     the browser (default /usr/bin/chromium)
// Exits non-zero on the first failed expectation, naming it.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const WEB_URL = env('WEB_URL');
const PATIENT_ID = env('PATIENT_ID');
const FEVER_AT = env('FEVER_AT');
const PLATELET_COUNTS = Number(env('PLATELET_COUNTS'));
const SUMMARY_AS_OF = env('SUMMARY_AS_OF');
const TOKEN_URL = env('TOKEN_URL');
const SCREENSHOTS = env('SCREENSHOTS');
mkdirSync(SCREENSHOTS, { recursive: true });

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run'],
});

/** A fresh browser context per user (its own storage and Keycloak session), with console errors collected. */
async function signedIn(user, expectedErrors = []) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedErrors.some((expected) => message.text().includes(expected))) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(WEB_URL);
  await page.click('#sign-in');
  await page.waitForSelector('#username');   // Keycloak's own login page
  await page.fill('#username', user);
  await page.fill('#password', `${user}-pw`);
  await page.click('#kc-login');
  await page.waitForSelector('#caller');
  assert.match(await page.textContent('#caller'), new RegExp(user));
  return {
    page,
    async done() {
      assert.deepEqual(errors, [], `console errors for ${user}`);
      await context.close();
    },
  };
}

const shot = (page, name) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
const scenarios = [];
const scenario = (name, run) => scenarios.push({ name, run });

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

scenario('the platelet plot renders every count and the CAR-T plot its samples', async () => {
  const { page, done } = await signedIn('inv-site01');
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}`);
  await page.waitForSelector('#platelet-plot canvas');
  assert.equal(Number(await page.getAttribute('#platelet-plot', 'data-points')), PLATELET_COUNTS);
  assert.ok(Number(await page.getAttribute('#cart-plot', 'data-points')) > 0, 'CAR-T points');
  await page.waitForSelector('#cart-plot canvas');
  const drawn = await page.$eval('#platelet-plot canvas', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return inked;
  });
  assert.ok(drawn > 1000, `the platelet canvas is drawn (${drawn} pixels)`);
  await page.locator('#platelet-plot').screenshot({ path: `${SCREENSHOTS}/05-platelet-plot.png` });
  await done();
});

scenario('a monitor reads the course but has no form to write with', async () => {
  const { page, done } = await signedIn('monitor-site01');
  await page.goto(`${WEB_URL}#/patients/${PATIENT_ID}`);
  await page.waitForSelector('#read-only');
  assert.equal(await page.$('#vitals-form'), null);
  await shot(page, '06-monitor-read-only');
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
async function apiSummary(user) {
  const token = await fetch(TOKEN_URL, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'celltrial-cli', username: user, password: `${user}-pw` }),
  }).then((response) => response.json());
  const response = await fetch(`${new URL(WEB_URL).origin}/api/v1/study/summary?asOf=${SUMMARY_AS_OF}`, {
    headers: { Authorization: `Bearer ${token.access_token}` },
  });
  assert.equal(response.status, 200, 'the API answers the summary');
  return response.json();
}

let failed = 0;
for (const { name, run } of scenarios) {
  try {
    await run();
    console.log(`PASS ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n${error.stack ?? error}`);
  }
}
await browser.close();
console.log(`${scenarios.length - failed} of ${scenarios.length} browser scenarios passed; screenshots in ${SCREENSHOTS}`);
process.exit(failed ? 1 : 0);
