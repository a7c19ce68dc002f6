import { AGREEMENT_SCHEMA_VERSION, type Agreement, type AgreementSave } from '../../shared/model/agreement.ts';
import { notFound, StoreError } from './errors.ts';
import { newRecordId } from './layout.ts';
import { KindRecords, sameJson, type AdoptOutcome } from './record-files.ts';

// Repair agreements: saving a new one or a change to one, deleting, listing (from memory:
// the index holds every agreement whole, they are small), and adopting them from an export.
// The store's lock is held around every call that touches the disk.

export class AgreementRecords extends KindRecords {
  private get agreements() {
    return this.files.index.summary.agreements;
  }

  /** Newest first. */
  list(): Agreement[] {
    return [...this.agreements.values()].sort((a, b) => b.createdAtMs - a.createdAtMs);
  }

  async save(input: AgreementSave): Promise<Agreement> {
    const nowMs = Math.round(this.clock.nowMs());
    const { id, ...fields } = input;
    let next: Agreement;
    if (id === undefined) {
      if (fields.text === undefined) throw new StoreError({ code: 'invalid', reason: 'agreement-without-text' });
      next = {
        schemaVersion: AGREEMENT_SCHEMA_VERSION,
        id: newRecordId(),
        revision: 1,
        createdAtMs: nowMs,
        updatedAtMs: nowMs,
        text: fields.text,
        status: fields.status ?? 'active',
        remindAtMs: fields.remindAtMs ?? null,
        journalEntryId: fields.journalEntryId ?? null,
        sessionId: fields.sessionId ?? null,
      };
    } else {
      if (!this.agreements.has(id)) throw notFound('agreement');
      const current = await this.files.read('agreement', id);
      next = { ...current, ...fields, revision: current.revision + 1, updatedAtMs: nowMs };
    }
    await this.write(next);
    return next;
  }

  async delete(id: string): Promise<{ deleted: true }> {
    if (!this.agreements.has(id)) throw notFound('agreement');
    await this.files.remove('agreement', id);
    this.agreements.delete(id);
    return { deleted: true as const };
  }

  /** Every agreement, for export (from the index, which holds them whole). */
  async forEach(visit: (agreement: Agreement) => Promise<void>): Promise<void> {
    for (const agreement of [...this.agreements.values()]) await visit(agreement);
  }

  async adopt(agreement: Agreement): Promise<AdoptOutcome> {
    const existing = this.agreements.get(agreement.id);
    if (existing) return sameJson(existing, agreement) ? 'unchanged' : 'conflict';
    if (await this.files.occupied('agreement', agreement.id)) return 'conflict';
    await this.write(agreement);
    return 'added';
  }

  private async write(agreement: Agreement): Promise<void> {
    await this.files.write('agreement', agreement);
    this.files.index.putAgreement(agreement);
  }
}
