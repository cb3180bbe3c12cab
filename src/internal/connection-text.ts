/** Words for connection statuses and source types, shared by every element. */
import { msg } from '@lit/localize';
import type { ConnectionStatus, SourceType } from '../api/types.js';
import type { Attention } from './attention.js';

/** The status in words. Unknown statuses are shown as the API sent them. */
export function statusLabel(status: ConnectionStatus | string): string {
  switch (status) {
    case 'Linked':
      return msg('Linked', { id: 'status.linked', desc: 'Connection status: sharing data' });
    case 'Unlinked':
      return msg('Unlinked', { id: 'status.unlinked', desc: 'Connection status: disconnected by the customer or app' });
    case 'Deauthorized':
      return msg('Deauthorized', { id: 'status.deauthorized', desc: 'Connection status: access revoked or expired' });
    case 'PendingAuth':
      return msg('Pending', { id: 'status.pending', desc: 'Connection status: authorization not finished' });
    default:
      return status;
  }
}

/** One sentence that says what the status means for the customer. */
export function statusDescription(status: ConnectionStatus | string): string {
  switch (status) {
    case 'Linked':
      return msg('Data is being shared. New data is read as scheduled.', { id: 'status.linked.description' });
    case 'Unlinked':
      return msg('Disconnected. No new data is read; data already shared stays available.', {
        id: 'status.unlinked.description',
      });
    case 'Deauthorized':
      return msg('Access was revoked or has expired. No new data is read until it is reconnected.', {
        id: 'status.deauthorized.description',
      });
    case 'PendingAuth':
      return msg('Authorization was started but not finished. No data is shared yet.', {
        id: 'status.pending.description',
      });
    default:
      return '';
  }
}

/** What needs attention, in words: the text of a badge, also part of the item's accessible name. */
export function attentionLabel(attention: Attention): string {
  switch (attention) {
    case 'reconnect':
      return msg('Needs reconnecting', { id: 'attention.reconnect', desc: 'Badge: access is gone; link it again' });
    case 'error':
      return msg('Error', { id: 'attention.error', desc: 'Badge: the platform reports an active error' });
    case 'paused':
      return msg('Syncs paused', { id: 'attention.paused', desc: 'Badge: no data is read until syncs resume' });
    case 'syncing':
      return msg('Syncing…', { id: 'attention.syncing', desc: 'Badge: data is being read now' });
  }
}

/** The source type in words. */
export function sourceTypeLabel(sourceType: SourceType | string): string {
  switch (sourceType) {
    case 'Accounting':
      return msg('Accounting', { id: 'source.accounting' });
    case 'Banking':
      return msg('Banking', { id: 'source.banking' });
    case 'BankFeed':
      return msg('Bank feeds', { id: 'source.bankfeed' });
    case 'Commerce':
      return msg('Commerce', { id: 'source.commerce' });
    case 'Expense':
      return msg('Expenses', { id: 'source.expense' });
    case 'Other':
      return msg('Other', { id: 'source.other' });
    default:
      return msg('Other', { id: 'source.other' });
  }
}

/** The order groups appear in: Accounting, Banking, Commerce, then the others. */
export const SOURCE_TYPE_ORDER: readonly string[] = [
  'Accounting',
  'Banking',
  'Commerce',
  'BankFeed',
  'Expense',
  'Other',
  'Unknown',
];

/**
 * A data type key (`bankAccounts`, `commerce-orders`, `banking-accountBalances`) in words: the family prefix
 * dropped, camel case split. Unknown keys are shown the same way, never dropped.
 */
export function dataTypeLabel(dataType: string): string {
  const words = dataType
    .replace(/^(banking|commerce)-/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The source type whose connections offer a data type: `banking-*` Banking, `commerce-*` Commerce, else Accounting. */
export function dataTypeSource(dataType: string): string {
  if (dataType.startsWith('banking-')) return 'Banking';
  if (dataType.startsWith('commerce-')) return 'Commerce';
  return 'Accounting';
}
