import { ContextConsumer, createContext } from '@lit/context';
import type { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { textContext } from '../context/text-context.js';
import { contextLocales, resolveLocale } from '../internal/locale.js';
import type { TextOptions } from '../internal/text-options.js';
import { inScope, isRtl, loadCatalogue, onLanguageChange, type LocaleScope } from './localize.js';

/**
 * The `locale` of the nearest `<codat-connections-provider>` or `<codat-connections>`, for the elements inside it.
 * The key is global (`Symbol.for`) so two copies of the kit still meet.
 */
export const localeContext = createContext<string | undefined>(Symbol.for('codat-connections-kit/locale'));

/** The locale and text each element last rendered with. */
const scopes = new WeakMap<Element, LocaleScope>();

/**
 * Runs `words` with messages resolved as `element` renders them: for texts made outside its updates, such as an
 * announcement set when a request finishes.
 */
export function inScopeOf<T>(element: Element, words: () => T): T {
  return inScope(scopes.get(element) ?? { locale: resolveLocale(element) }, words);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base constructor takes anything
type Constructor<T> = new (...args: any[]) => T;

/** What `Localized` adds to an element. */
export interface LocalizedMembers {
  locale?: string;
}

/**
 * Makes a kit element speak its locale (`resolveLocale`): every message in its updates is resolved for it, its
 * language's catalogue is loaded before it renders, and it renders again when the locale, a `lang` attribute or
 * the host's text options change. When the locale is the element's own (`locale` attribute or property), the
 * element carries it as its `lang` and, unless the host set one, its `dir` (`rtl` for Arabic); otherwise it
 * inherits both from the page.
 */
export function Localized<T extends Constructor<LitElement>>(Base: T) {
  class LocalizedElement extends Base {
    /**
     * The language of this element's texts, dates and numbers, as a BCP 47 tag (`fr`, `pt-BR`, `ar`). Default: the
     * nearest provider's `locale`, then the nearest `lang` attribute, then the browser's language. The kit ships
     * en, ar, de, es, fr, nl and pt (others show English, with dates and numbers in that locale).
     */
    @property({ reflect: false })
    locale?: string;

    #text = new ContextConsumer(this, {
      context: textContext,
      subscribe: true,
      callback: () => this.requestUpdate(),
    });
    #locale = new ContextConsumer(this, {
      context: localeContext,
      subscribe: true,
      callback: () => this.requestUpdate(),
    });
    #stop?: () => void;
    /** The `lang` and `dir` this element set on itself, to take back when its `locale` goes. */
    #set: { lang?: string; dir?: string } = {};

    override connectedCallback(): void {
      super.connectedCallback();
      this.#stop = onLanguageChange(() => this.requestUpdate());
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      this.#stop?.();
    }

    #resolve(): string {
      contextLocales.set(this, this.#locale.value);
      return resolveLocale(this);
    }

    protected override scheduleUpdate(): void | Promise<unknown> {
      const loading = loadCatalogue(this.#resolve());
      return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
    }

    protected override performUpdate(): void {
      const locale = this.#resolve();
      this.#own('lang', this.locale?.trim() ? locale : undefined);
      this.#own('dir', this.locale?.trim() ? (isRtl(locale) ? 'rtl' : 'ltr') : undefined);
      const text = (this as { text?: TextOptions }).text ?? this.#text.value;
      const scope = { locale, text };
      scopes.set(this, scope);
      inScope(scope, () => super.performUpdate());
    }

    /** Sets (or takes back) an attribute the element owns because its locale is its own; a host's value stays. */
    #own(name: 'lang' | 'dir', value: string | undefined): void {
      const current = this.getAttribute(name);
      if (current !== null && current !== this.#set[name]) return;
      if (value === undefined) {
        if (current !== null) this.removeAttribute(name);
      } else if (current !== value) this.setAttribute(name, value);
      this.#set[name] = value;
    }
  }
  return LocalizedElement as Constructor<LocalizedMembers> & T;
}
