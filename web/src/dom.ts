// Small DOM helpers: elements are built with textContent only, never innerHTML, so no data is ever markup.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

export function table(headers: string[], rows: Child[][], caption: string): HTMLTableElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, cell))))),
  );
}

/** A grade is never shown by colour alone: the number and the word "grade" are always there. */
export function grade(value: number | null | undefined, explanation?: string | null): HTMLElement {
  const label = value === null || value === undefined ? 'not graded' : `grade ${value}`;
  const badge = el('span', { class: `grade grade-${value ?? 'none'}` }, label);
  if (!explanation) {
    return badge;
  }
  return el('details', { class: 'grade-details' }, el('summary', {}, badge), el('p', {}, explanation));
}

export function show(main: HTMLElement, ...children: Child[]): void {
  main.replaceChildren(...children.filter((child): child is Node | string => !!child));
  main.focus();
}

/** A finding (a response, a grade) that opens to the rules behind it, one line each, as the API words them. */
export function explained(label: string, badgeClass: string, lines: string[]): HTMLElement {
  const badge = el('span', { class: `grade ${badgeClass}` }, label);
  const reasons = lines.filter((line) => line.trim() !== '');
  if (reasons.length === 0) {
    return badge;
  }
  return el('details', { class: 'grade-details' }, el('summary', {}, badge),
    el('ul', {}, ...reasons.map((line) => el('li', {}, line))));
}
