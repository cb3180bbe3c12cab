/**
 * A drop-in for Codat's Connections SDK: the same constructor, props, callbacks and payloads, rendering this kit's
 * `<codat-connections>` instead of loading Codat's closed UI at run time. Moving over is one changed import:
 *
 *   - import { initCodatConnections } from '@codat/sdk-connections';
 *   + import { initCodatConnections } from 'codat-connections-kit/sdk';
 *
 * Props the kit adds, all optional: `baseUrl` (default `https://api.codat.io`) and `companyId` (read from the token
 * when absent). Programming mistakes (a target that is not an element, props of the wrong type, a missing token)
 * throw a `TypeError` naming the prop; runtime failures are shown in the UI and sent to `onError`.
 */
import type { CodatConnectionsElement } from '../elements/connections/connections.js';
import type { ErrorDetail } from '../events/error.js';
import { cleanTextOptions, type TextOptions } from '../internal/text-options.js';
import type { TokenProvider } from '../api/token.js';
import { registerElements } from '../register.js';

/** The Codat Connections SDK's props, plus the kit's optional `baseUrl` and `companyId`. */
export interface CodatConnectionsProps {
  /** The company access token (`GET /companies/{companyId}/accessToken`); may be left out when `tokenProvider` is given. */
  accessToken?: string;
  /**
   * Gets a new token, the token or `{accessToken, expiresIn}`: for the first one when `accessToken` is left out,
   * before the current one expires, and once after a 401 (the kit's addition).
   */
  tokenProvider?: TokenProvider;
  /** Called when the person presses Close. */
  onClose?: () => void;
  /** Called when an operation fails: `{correlationId, message, errorCode, userRecoverable}`. */
  onError?: (error: Omit<ErrorDetail, 'operation'> & { operation?: ErrorDetail['operation'] }) => void;
  /** Called when the API confirmed a disconnect: `{connectionId}`. */
  onDisconnect?: (connection: { connectionId: string }) => void;
  /** Called when the person goes to authorize a connection again: `{connectionId}`. */
  onReconnect?: (connection: { connectionId: string }) => void;
  /** `text`: the same keys as the Codat Connections SDK (`accounting.connectionDetails.dataTypes`, …). */
  options?: { text?: TextOptions };
  /** The API root, for example your backend's proxy path. Default `https://api.codat.io`. */
  baseUrl?: string;
  /** The company; read from the token's `companyId` claim when absent. */
  companyId?: string;
}

/** What `new CodatConnections(...)` takes, as in Codat's SDK. */
export interface CodatConnectionsInit {
  target: Element;
  props: CodatConnectionsProps;
}

const CALLBACKS = ['onClose', 'onError', 'onDisconnect', 'onReconnect'] as const;
const KNOWN_PROPS = new Set<string>([...CALLBACKS, 'accessToken', 'tokenProvider', 'options', 'baseUrl', 'companyId']);
const KNOWN_OPTIONS = new Set(['text']);

function fail(message: string): never {
  throw new TypeError(`CodatConnections: ${message}`);
}

function checkProps(props: unknown): CodatConnectionsProps {
  if (!props || typeof props !== 'object' || Array.isArray(props)) fail('props must be an object.');
  const p = props as Record<string, unknown>;
  if (p.tokenProvider !== undefined && typeof p.tokenProvider !== 'function')
    fail('props.tokenProvider must be a function.');
  if ((typeof p.accessToken !== 'string' || !p.accessToken.trim()) && !p.tokenProvider) {
    fail('props.accessToken is required: the company access token from GET /companies/{companyId}/accessToken.');
  }
  for (const name of CALLBACKS) {
    if (p[name] !== undefined && typeof p[name] !== 'function') fail(`props.${name} must be a function.`);
  }
  for (const name of ['baseUrl', 'companyId'] as const) {
    if (p[name] !== undefined && typeof p[name] !== 'string') fail(`props.${name} must be a string.`);
  }
  if (p.options !== undefined && (typeof p.options !== 'object' || p.options === null || Array.isArray(p.options))) {
    fail('props.options must be an object such as { text: {...} }.');
  }
  for (const name of Object.keys(p)) {
    if (!KNOWN_PROPS.has(name)) console.warn(`CodatConnections: unknown prop "${name}" was ignored.`);
  }
  for (const name of Object.keys((p.options as object | undefined) ?? {})) {
    if (!KNOWN_OPTIONS.has(name)) console.warn(`CodatConnections: unknown option "${name}" was ignored.`);
  }
  return p as unknown as CodatConnectionsProps;
}

/**
 * Renders connection management into `target`, like Codat's `new CodatConnections({ target, props })`.
 * Call `destroy()` to remove it.
 */
export class CodatConnections {
  /** The element rendered into the target. */
  readonly element: CodatConnectionsElement;
  /** Aborted by `destroy()`, which removes every listener added with its signal. */
  readonly #listening = new AbortController();

  constructor(init: CodatConnectionsInit) {
    if (!init || typeof init !== 'object') fail('pass { target, props }.');
    const { target } = init;
    if (!(target instanceof Element))
      fail('target must be a DOM element, for example document.querySelector("#codat").');
    const props = checkProps(init.props);
    registerElements();
    const element = document.createElement('codat-connections');
    element.accessToken = props.accessToken;
    element.tokenProvider = props.tokenProvider;
    if (props.baseUrl) element.baseUrl = props.baseUrl;
    if (props.companyId) element.companyId = props.companyId;
    const text = cleanTextOptions(props.options?.text, 'props.options.text');
    if (text) element.text = text;
    this.element = element;
    this.#on('codat-close', () => props.onClose?.());
    this.#on('codat-error', (e) => {
      const { message, correlationId, errorCode, userRecoverable, operation } = (e as CustomEvent<ErrorDetail>).detail;
      props.onError?.({ correlationId, message, errorCode, userRecoverable, operation });
    });
    this.#on('codat-disconnect', (e) => props.onDisconnect?.({ connectionId: (e as CustomEvent).detail.connectionId }));
    this.#on('codat-reconnect', (e) => props.onReconnect?.({ connectionId: (e as CustomEvent).detail.connectionId }));
    target.append(element);
  }

  /** Removes the element and its listeners; requests it started are aborted. */
  destroy(): void {
    this.#listening.abort();
    this.element.remove();
  }

  #on(type: string, listener: EventListener): void {
    this.element.addEventListener(type, listener, { signal: this.#listening.signal });
  }
}

/** Codat's `initCodatConnections(target, props)`: `new CodatConnections({ target, props })`. */
export function initCodatConnections(target: Element, props: CodatConnectionsProps): CodatConnections {
  return new CodatConnections({ target, props });
}
