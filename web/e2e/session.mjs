// What every browser scenario file needs: headless Chromium (playwright-core with the machine's Chromium, no
// browser download), a user signed in through Keycloak's real login page in a fresh context with its console
// errors collected, screenshots, the API read directly with the user's own token, and a runner that names each
// failed scenario and exits non-zero.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

export const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

export function browserSession() {
  const WEB_URL = env('WEB_URL');
  const TOKEN_URL = env('TOKEN_URL');
  const SCREENSHOTS = env('SCREENSHOTS');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const launched = chromium.launch({
    executablePath: env('CHROMIUM', '/usr/bin/chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run'],
  });
  const scenarios = [];

  async function apiFetch(user, path, init = {}) {
    const token = await fetch(TOKEN_URL, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'celltrial-cli', username: user, password: `${user}-pw` }),
    }).then((response) => response.json());
    return fetch(`${new URL(WEB_URL).origin}${path}`, {
      ...init, headers: { ...init.headers, Authorization: `Bearer ${token.access_token}` },
    });
  }

  return {
    WEB_URL,
    SCREENSHOTS,

    /** A fresh browser context for the user (its own storage and Keycloak session), console errors collected. */
    async signedIn(user, expectedErrors = []) {
      const context = await (await launched).newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
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
    },

    shot: (page, name) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true }),

    /** A call to the API as this user (the dev CLI client's password grant), as the browser's writes are checked. */
    apiFetch,

    /** GET an API path as the user answers it now, as text or JSON. */
    async api(user, path, as = 'json') {
      const response = await apiFetch(user, path);
      assert.equal(response.status, 200, `the API answers ${path}`);
      return as === 'json' ? response.json() : response.text();
    },

    scenario: (name, run) => scenarios.push({ name, run }),

    async run() {
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
      await (await launched).close();
      console.log(`${scenarios.length - failed} of ${scenarios.length} browser scenarios passed; screenshots in ${SCREENSHOTS}`);
      process.exit(failed ? 1 : 0);
    },
  };
}

/** Counts the canvas's drawn pixels: a plot with points and lines has thousands. */
export const inkedPixels = (canvas) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
  return inked;
};
