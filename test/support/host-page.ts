/**
 * A host page in a same-origin iframe, built up step by step as a CMS or a server template would have it: the test
 * decides the order of the script and the tag. The iframe's requests reach this test page's msw sandbox.
 */
export interface HostPage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  /** `console.warn` calls in the page, joined. */
  warnings: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  /** Appends HTML to the body (or `into`); scripts in it run, and module scripts with a `src` are awaited. */
  add(markup: string, into?: Element): Promise<void>;
}

let count = 0;

export async function hostPage(width = 500, height = 1000): Promise<HostPage> {
  const frame = document.createElement('iframe');
  frame.title = 'Host page';
  frame.width = String(width);
  frame.height = String(height);
  frame.src = `/test/pages/blank.html?page=${++count}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const warnings: string[] = [];
  const errors: string[] = [];
  const warn = win.console.warn.bind(win.console);
  win.console.warn = (...args: unknown[]) => {
    warnings.push(args.join(' '));
    warn(...args);
  };
  win.addEventListener('error', (e) => errors.push(e.message));
  return {
    frame,
    win,
    doc,
    warnings,
    errors,
    async add(markup, into = doc.body) {
      const template = doc.createElement('template');
      template.innerHTML = markup;
      const pending: Promise<unknown>[] = [];
      // Scripts parsed through a template do not run; put fresh copies in their place.
      for (const old of template.content.querySelectorAll('script')) {
        const script = doc.createElement('script');
        for (const { name, value } of old.attributes) script.setAttribute(name, value);
        script.textContent = old.textContent;
        if (script.src) {
          pending.push(
            new Promise((resolve, reject) => {
              script.addEventListener('load', resolve, { once: true });
              script.addEventListener('error', () => reject(new Error(`${script.src} failed to load`)), { once: true });
            }),
          );
        }
        old.replaceWith(script);
      }
      into.append(template.content);
      await Promise.all(pending);
    },
  };
}
