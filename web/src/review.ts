// Data review on the course page (docs/data-review.md): the patient's queries, unresolved first with their age, and
// the casebook signatures, valid only while every service's part of a signature is. Status is always written out,
// never shown by colour alone.
import type { components } from 'api-types';
import { el, table } from './dom';

type Schemas = components['schemas'];
type Query = Schemas['QueryView'] & { service: string };
type Signature = Schemas['SignatureView'];

interface ReviewedPart {
  queries?: Schemas['QueryView'][];
  signatures?: Signature[];
}

export function reviewSection(parts: Record<string, ReviewedPart | null | undefined>): HTMLElement {
  const queries: Query[] = [];
  const signatures = new Map<string, Signature[]>();
  for (const [service, part] of Object.entries(parts)) {
    (part?.queries ?? []).forEach((query) => queries.push({ ...query, service }));
    (part?.signatures ?? []).forEach((signature) => {
      const id = signature.id ?? '';
      signatures.set(id, [...(signatures.get(id) ?? []), signature]);
    });
  }
  queries.sort((a, b) => Number(a.status === 'CLOSED') - Number(b.status === 'CLOSED')
    || (b.daysOpen ?? 0) - (a.daysOpen ?? 0));
  const open = queries.filter((query) => query.status !== 'CLOSED').length;
  const queryRows = queries.map((query) => {
    const last = query.thread?.[query.thread.length - 1];
    return [query.status ?? '', `${query.service} ${query.recordType ?? ''}${query.field ? ` · ${query.field}` : ''}`,
      String(query.daysOpen ?? 0), query.openedBy ?? '', last ? `${last.by ?? ''}: ${last.text ?? ''}` : ''];
  });
  const signatureRows = [...signatures.values()].map((copies) => {
    const first = copies[0] as Signature;
    const valid = copies.every((copy) => copy.status === 'VALID');
    const invalidated = copies.find((copy) => copy.status !== 'VALID');
    return [valid ? 'valid' : `invalidated: ${invalidated?.invalidationReason ?? ''}`,
      `through ${first.signedThrough ?? ''}`, `${first.signerName ?? ''} (${first.signer ?? ''})`,
      first.signedAt ?? '', first.meaning ?? ''];
  });
  const section = el(
    'section',
    { id: 'review', 'aria-labelledby': 'review-heading' },
    el('h2', { id: 'review-heading' }, `Data review: ${open} open quer${open === 1 ? 'y' : 'ies'}`),
    queryRows.length
      ? table(['status', 'record', 'days open', 'opened by', 'last step'], queryRows, 'Queries on this patient\'s records')
      : el('p', {}, 'No query on this patient\'s records.'),
    signatureRows.length
      ? table(['signature', 'period', 'signed by', 'at', 'meaning'], signatureRows, 'Casebook signatures')
      : el('p', {}, 'The casebook is not signed.'),
  );
  return section;
}
