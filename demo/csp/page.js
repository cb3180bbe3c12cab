/**
 * The strict-CSP demo page's own script (a file: the policy allows no inline script). It loads before the kit and
 * records every CSP violation the browser reports in this document as `window.codatCspViolations`, which the test
 * reads, and shows the count on the page. It also offers the language choice and removes the one-tag element on
 * Close. Only DOM properties and textContent are written here: no HTML strings, no style attributes.
 */
const violations = [];
window.codatCspViolations = violations;

const status = document.querySelector('#violations');
const list = document.querySelector('#violation-list');
const show = () => {
  status.textContent =
    violations.length === 0
      ? 'No CSP violations reported.'
      : `${violations.length} CSP violation${violations.length === 1 ? '' : 's'} reported.`;
};

// Composed: reports from inside the kit's shadow roots reach the document too.
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    const entry = {
      directive: event.effectiveDirective || event.violatedDirective,
      blockedURI: event.blockedURI,
      sample: event.sample,
      sourceFile: event.sourceFile,
      line: event.lineNumber,
    };
    violations.push(entry);
    const item = document.createElement('li');
    item.textContent = `${entry.directive}: ${entry.blockedURI || '(inline)'} ${entry.sample ?? ''} ${entry.sourceFile ?? ''}:${entry.line}`;
    list.append(item);
    show();
  },
  true,
);
show();

const provider = document.querySelector('codat-connections-provider');
const composite = document.querySelector('codat-connections');
const locale = document.querySelector('#locale');
locale.addEventListener('change', () => {
  for (const el of [provider, composite]) el.locale = locale.value || undefined;
});

composite.addEventListener('codat-close', () => {
  composite.remove();
  document.querySelector('#closed').hidden = false;
});
