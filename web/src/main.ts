// The web front end: hash routes (#/, #/screen, #/patients/{id}, its /treatment and /records, #/summary,
// #/safety), each a screen over the gateway's public API.
import { signedInCaller, signIn, signOut, type Caller } from './auth';
import { el, show } from './dom';
import { patientsScreen } from './patients';
import { courseScreen } from './course';
import { summaryScreen } from './summary';
import { screens } from './forms';
import { screeningScreen } from './screening';
import { treatmentScreen } from './treatment';
import { recordsScreen } from './records';
import { safetyScreen } from './safety';

const main = document.getElementById('main') as HTMLElement;

async function start(): Promise<void> {
  const caller = await signedInCaller();
  if (!caller) {
    show(
      main,
      el('h1', {}, 'CellTrial'),
      el('p', {}, 'Sign in with your study account to see the patients of your sites.'),
      signInButton(),
    );
    return;
  }
  header(caller);
  window.addEventListener('hashchange', () => void route(caller));
  await route(caller);
}

function signInButton(): HTMLButtonElement {
  const button = el('button', { type: 'button', id: 'sign-in' }, 'Sign in');
  button.addEventListener('click', () => void signIn());
  return button;
}

function header(caller: Caller): void {
  const nav = document.getElementById('nav') as HTMLElement;
  const links: HTMLElement[] = [];
  if (readsPatients(caller)) {
    links.push(el('a', { href: '#/' }, 'Patients'));
  }
  if (screens(caller)) {
    links.push(el('a', { href: '#/screen', id: 'nav-screen' }, 'Screen a patient'));
  }
  if (readsSummary(caller)) {
    links.push(el('a', { href: '#/summary' }, 'Study summary'));
  }
  if (readsSafety(caller)) {
    links.push(el('a', { href: '#/safety' }, 'Safety'));
  }
  nav.replaceChildren(...links);
  const signOutButton = el('button', { type: 'button', id: 'sign-out' }, 'Sign out');
  signOutButton.addEventListener('click', () => void signOut());
  const sites = caller.sites.length ? ` · ${caller.sites.join(', ')}` : '';
  (document.getElementById('who') as HTMLElement).replaceChildren(
    el('span', { id: 'caller' }, `${caller.username} (${caller.roles.filter(isStudyRole).join(', ')})${sites}`),
    signOutButton,
  );
}

const STUDY_ROLES = ['investigator', 'data-manager', 'safety-officer', 'monitor', 'sponsor', 'admin'];
const isStudyRole = (role: string): boolean => STUDY_ROLES.includes(role);
const readsPatients = (caller: Caller): boolean =>
  ['investigator', 'data-manager', 'safety-officer', 'monitor'].some((role) => caller.roles.includes(role));
const readsSummary = (caller: Caller): boolean =>
  ['data-manager', 'safety-officer', 'sponsor'].some((role) => caller.roles.includes(role));
// SAEs due are the safety officer's and the data manager's (docs/api.md, safety-service)
const readsSafety = (caller: Caller): boolean =>
  ['data-manager', 'safety-officer'].some((role) => caller.roles.includes(role));

// Each navigation renders into a view of its own, shown only if no later navigation started meanwhile: a slow
// answer to an earlier route must not replace the screen the user went on to.
let navigation = 0;

async function route(caller: Caller): Promise<void> {
  const current = ++navigation;
  const view = el('div', {});
  const hash = location.hash || '#/';
  const patient = /^#\/patients\/([0-9a-f-]{36})$/.exec(hash);
  const patientPage = /^#\/patients\/([0-9a-f-]{36})\/(treatment|records)$/.exec(hash);
  try {
    if (patientPage?.[1] && patientPage[2] === 'treatment') {
      await treatmentScreen(view, caller, patientPage[1]);
    } else if (patientPage?.[1]) {
      await recordsScreen(view, caller, patientPage[1]);
    } else if (hash === '#/screen' && screens(caller)) {
      await screeningScreen(view, caller);
    } else if (patient?.[1]) {
      await courseScreen(view, caller, patient[1]);
    } else if (hash.startsWith('#/safety') && readsSafety(caller)) {
      await safetyScreen(view, caller);
    } else if (hash.startsWith('#/summary') || !readsPatients(caller)) {
      await summaryScreen(view, caller);
    } else {
      await patientsScreen(view, caller);
    }
  } catch (error) {
    show(view, el('h1', {}, 'Something went wrong'), el('p', { class: 'problem', role: 'alert' }, String(error)));
  }
  if (current === navigation) {
    show(main, view);
  }
}

void start();
