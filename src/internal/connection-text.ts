/** Words for connection statuses and source types, shared by every element. */
import { msg } from '../localization/localize.js';
import type { ConnectionStatus, DataType, SourceType } from '../api/types.js';
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
      return msg('Data is being shared. New data is read as scheduled.', {
        id: 'status.linked.description',
        desc: 'What the Linked status means',
      });
    case 'Unlinked':
      return msg('Disconnected. No new data is read; data already shared stays available.', {
        id: 'status.unlinked.description',
        desc: 'What the Unlinked status means',
      });
    case 'Deauthorized':
      return msg('Access was revoked or has expired. No new data is read until it is reconnected.', {
        id: 'status.deauthorized.description',
        desc: 'What the Deauthorized status means',
      });
    case 'PendingAuth':
      return msg('Authorization was started but not finished. No data is shared yet.', {
        id: 'status.pending.description',
        desc: 'What the Pending status means',
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

/** The source type in words; `Other` and any type the kit does not know are "Other". */
export function sourceTypeLabel(sourceType: SourceType | string): string {
  switch (sourceType) {
    case 'Accounting':
      return msg('Accounting', {
        id: 'source.accounting',
        desc: 'Group heading and fact: accounting platforms (Xero, QuickBooks)',
      });
    case 'Banking':
      return msg('Banking', { id: 'source.banking', desc: 'Group heading and fact: banks' });
    case 'BankFeed':
      return msg('Bank feeds', { id: 'source.bankfeed', desc: 'Group heading and fact: bank feed platforms' });
    case 'Commerce':
      return msg('Commerce', {
        id: 'source.commerce',
        desc: 'Group heading and fact: commerce platforms (Shopify, Square)',
      });
    case 'Expense':
      return msg('Expenses', { id: 'source.expense', desc: 'Group heading and fact: expense platforms' });
    default:
      return msg('Other', { id: 'source.other', desc: 'Group heading and fact: any other kind of platform' });
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
 * Each data type's name in words, one message per key of the OpenAPI `DataType` enum (`Record` makes the compiler
 * ask for a new key; test/node/catalogue.test.ts checks the enum of the vendored document).
 */
const DATA_TYPE_LABELS: Record<DataType, () => string> = {
  accountTransactions: () =>
    msg('Account transactions', {
      id: 'dataType.accountTransactions',
      desc: 'Type of data. Accounting: money in and out of a bank account, as recorded in the accounting platform',
    }),
  balanceSheet: () =>
    msg('Balance sheet', {
      id: 'dataType.balanceSheet',
      desc: 'Type of data. Accounting: the financial report of assets, liabilities and equity',
    }),
  bankAccounts: () =>
    msg('Bank accounts', {
      id: 'dataType.bankAccounts',
      desc: 'Type of data. Accounting: the bank accounts the accounting platform records',
    }),
  bankTransactions: () =>
    msg('Bank transactions', {
      id: 'dataType.bankTransactions',
      desc: 'Type of data. Accounting: transactions on the bank accounts the accounting platform records',
    }),
  billCreditNotes: () =>
    msg('Bill credit notes', {
      id: 'dataType.billCreditNotes',
      desc: 'Type of data. Accounting: credit notes received from suppliers',
    }),
  billPayments: () =>
    msg('Bill payments', {
      id: 'dataType.billPayments',
      desc: 'Type of data. Accounting: payments made to suppliers against bills',
    }),
  bills: () =>
    msg('Bills', {
      id: 'dataType.bills',
      desc: 'Type of data. Accounting: invoices received from suppliers (accounts payable)',
    }),
  cashFlowStatement: () =>
    msg('Cash flow statement', {
      id: 'dataType.cashFlowStatement',
      desc: 'Type of data. Accounting: the financial report of cash in and out',
    }),
  chartOfAccounts: () =>
    msg('Chart of accounts', {
      id: 'dataType.chartOfAccounts',
      desc: 'Type of data. Accounting: the list of ledger accounts',
    }),
  company: () =>
    msg('Company', {
      id: 'dataType.company',
      desc: 'Type of data. Accounting: the company profile (name, addresses, registration)',
    }),
  creditNotes: () =>
    msg('Credit notes', {
      id: 'dataType.creditNotes',
      desc: 'Type of data. Accounting: credit notes issued to customers',
    }),
  customers: () =>
    msg('Customers', { id: 'dataType.customers', desc: 'Type of data. Accounting: the customers (debtors)' }),
  directCosts: () =>
    msg('Direct costs', {
      id: 'dataType.directCosts',
      desc: 'Type of data. Accounting: money spent without a bill (spend money)',
    }),
  directIncomes: () =>
    msg('Direct incomes', {
      id: 'dataType.directIncomes',
      desc: 'Type of data. Accounting: money received without an invoice (receive money)',
    }),
  invoices: () =>
    msg('Invoices', {
      id: 'dataType.invoices',
      desc: 'Type of data. Accounting: invoices issued to customers (accounts receivable)',
    }),
  itemReceipts: () =>
    msg('Item receipts', {
      id: 'dataType.itemReceipts',
      desc: 'Type of data. Accounting: goods received from suppliers',
    }),
  items: () =>
    msg('Items', { id: 'dataType.items', desc: 'Type of data. Accounting: products and services bought or sold' }),
  journalEntries: () =>
    msg('Journal entries', {
      id: 'dataType.journalEntries',
      desc: 'Type of data. Accounting: the double-entry postings to the ledger',
    }),
  journals: () =>
    msg('Journals', {
      id: 'dataType.journals',
      desc: 'Type of data. Accounting: the journals (books) entries are posted in',
    }),
  paymentMethods: () =>
    msg('Payment methods', {
      id: 'dataType.paymentMethods',
      desc: 'Type of data. Accounting: ways of paying (cash, card, transfer)',
    }),
  payments: () =>
    msg('Payments', {
      id: 'dataType.payments',
      desc: 'Type of data. Accounting: payments received from customers against invoices',
    }),
  profitAndLoss: () =>
    msg('Profit and loss', {
      id: 'dataType.profitAndLoss',
      desc: 'Type of data. Accounting: the financial report of income and expenses (income statement)',
    }),
  purchaseOrders: () =>
    msg('Purchase orders', {
      id: 'dataType.purchaseOrders',
      desc: 'Type of data. Accounting: orders sent to suppliers',
    }),
  salesOrders: () =>
    msg('Sales orders', {
      id: 'dataType.salesOrders',
      desc: 'Type of data. Accounting: orders received from customers',
    }),
  suppliers: () =>
    msg('Suppliers', {
      id: 'dataType.suppliers',
      desc: 'Type of data. Accounting: the suppliers (vendors, creditors)',
    }),
  taxRates: () =>
    msg('Tax rates', { id: 'dataType.taxRates', desc: 'Type of data. Accounting: the sales tax or VAT rates' }),
  trackingCategories: () =>
    msg('Tracking categories', {
      id: 'dataType.trackingCategories',
      desc: 'Type of data. Accounting: categories for analysing figures (cost centres, departments, projects)',
    }),
  transfers: () =>
    msg('Transfers', {
      id: 'dataType.transfers',
      desc: "Type of data. Accounting: money moved between two of the company's own accounts",
    }),
  'banking-accountBalances': () =>
    msg('Account balances', {
      id: 'dataType.banking-accountBalances',
      desc: 'Type of data. Banking: the balance of each bank account',
    }),
  'banking-accounts': () =>
    msg('Accounts', { id: 'dataType.banking-accounts', desc: 'Type of data. Banking: the bank accounts' }),
  'banking-transactionCategories': () =>
    msg('Transaction categories', {
      id: 'dataType.banking-transactionCategories',
      desc: 'Type of data. Banking: the categories the bank gives transactions',
    }),
  'banking-transactions': () =>
    msg('Transactions', {
      id: 'dataType.banking-transactions',
      desc: 'Type of data. Banking: money in and out of the bank accounts',
    }),
  'commerce-companyInfo': () =>
    msg('Company info', {
      id: 'dataType.commerce-companyInfo',
      desc: "Type of data. Commerce: the shop's company details",
    }),
  'commerce-customers': () =>
    msg('Customers', { id: 'dataType.commerce-customers', desc: "Type of data. Commerce: the shop's customers" }),
  'commerce-disputes': () =>
    msg('Disputes', {
      id: 'dataType.commerce-disputes',
      desc: 'Type of data. Commerce: payments a customer disputed (chargebacks)',
    }),
  'commerce-locations': () =>
    msg('Locations', {
      id: 'dataType.commerce-locations',
      desc: "Type of data. Commerce: the shop's places of business (stores, warehouses)",
    }),
  'commerce-orders': () =>
    msg('Orders', { id: 'dataType.commerce-orders', desc: 'Type of data. Commerce: orders placed by customers' }),
  'commerce-paymentMethods': () =>
    msg('Payment methods', {
      id: 'dataType.commerce-paymentMethods',
      desc: 'Type of data. Commerce: ways customers pay (card, wallet)',
    }),
  'commerce-payments': () =>
    msg('Payments', {
      id: 'dataType.commerce-payments',
      desc: 'Type of data. Commerce: payments taken from customers',
    }),
  'commerce-productCategories': () =>
    msg('Product categories', {
      id: 'dataType.commerce-productCategories',
      desc: 'Type of data. Commerce: the categories of the products',
    }),
  'commerce-products': () =>
    msg('Products', { id: 'dataType.commerce-products', desc: 'Type of data. Commerce: the products sold' }),
  'commerce-taxComponents': () =>
    msg('Tax components', {
      id: 'dataType.commerce-taxComponents',
      desc: 'Type of data. Commerce: the parts of the taxes charged (rates per tax)',
    }),
  'commerce-transactions': () =>
    msg('Transactions', {
      id: 'dataType.commerce-transactions',
      desc: "Type of data. Commerce: money in and out of the shop's account with the platform",
    }),
};

/**
 * A data type key (`invoices`, `banking-accountBalances`) in words, in the element's language. A key the kit does
 * not know is shown humanized (family prefix dropped, camel case split), never dropped.
 */
export function dataTypeLabel(dataType: string): string {
  const known = Object.hasOwn(DATA_TYPE_LABELS, dataType) ? DATA_TYPE_LABELS[dataType as DataType] : undefined;
  return known ? known() : humanizeKey(dataType.replace(/^(banking|commerce)-/, ''));
}

/**
 * A key from the API the kit has no text for (`giftCards`, `lastSync_date`) in words: camel case split, dashes,
 * underscores and dots as spaces, the first letter capitalized, at most 60 characters of it read.
 */
export function humanizeKey(key: string): string {
  const words = key
    .slice(0, 60)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/** The source type whose connections offer a data type: `banking-*` Banking, `commerce-*` Commerce, else Accounting. */
export function dataTypeSource(dataType: string): string {
  if (dataType.startsWith('banking-')) return 'Banking';
  if (dataType.startsWith('commerce-')) return 'Commerce';
  return 'Accounting';
}

/**
 * `text` (a platform name, or anything else from the API or the person) ready to be put inside a sentence: between
 * U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so a right-to-left name, or one carrying bidi
 * overrides, keeps its own direction without reordering the words around it. The isolates are invisible format
 * characters that screen readers do not announce. Isolates inside `text` are balanced first (a lone U+2069 dropped,
 * an unclosed isolate closed), so the value cannot end the isolation early or leave it open.
 */
export function isolate(text: string): string {
  let depth = 0;
  let inner = '';
  for (const ch of text) {
    if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') depth++;
    else if (ch === '\u2069') {
      if (!depth) continue;
      depth--;
    }
    inner += ch;
  }
  return `\u2068${inner}${'\u2069'.repeat(depth)}\u2069`;
}
