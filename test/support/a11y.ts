/**
 * Measuring what WCAG asks for, from the rendered page: contrast from computed colours, target sizes from layout
 * boxes, and emulated media features. Everything walks into shadow roots, as a person's eye does.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { text } from './dom.js';

export type Rgba = [number, number, number, number];

/** A computed colour (`rgb(…)`, `rgba(…)` or `color(srgb …)`) as 0–255 channels and alpha. */
export function parseColor(value: string): Rgba {
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(value);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] === undefined ? 1 : +srgb[4]];
  const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(value);
  if (!rgb) throw new Error(`Unparsed colour: ${value}`);
  return [+rgb[1]!, +rgb[2]!, +rgb[3]!, rgb[4] === undefined ? 1 : +rgb[4]];
}

/** `top` painted over `bottom` (which is opaque). */
const over = (top: Rgba, bottom: Rgba): Rgba => [
  top[0] * top[3] + bottom[0] * (1 - top[3]),
  top[1] * top[3] + bottom[1] * (1 - top[3]),
  top[2] * top[3] + bottom[2] * (1 - top[3]),
  1,
];

function luminance([r, g, b]: Rgba): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The parent in the flat tree: the slot an element is assigned to, or the host of a shadow root. */
function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The opaque colour behind `el`: its own and its ancestors' backgrounds composited, over the white canvas. */
export function backgroundBehind(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = flatParent(node)) {
    const colour = parseColor(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] === 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** Every element under `root` (its shadow root, for a host) and in the shadow roots below. */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return found;
}

/** Shown on screen: laid out, not `visibility: hidden`, and not the 1 px visually-hidden pattern. */
export function isShown(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width <= 1 || rect.height <= 1) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.opacity !== '0';
}

export interface TextContrast {
  text: string;
  ratio: number;
  needed: number;
}

/**
 * Contrast of every piece of text shown under `root`: the colour of each element with its own text against the
 * background behind it, and the ratio WCAG 1.4.3 asks for (3:1 for large text, 4.5:1 otherwise).
 */
export function textContrasts(root: ParentNode): TextContrast[] {
  return deepElements(root)
    .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
    .filter(isShown)
    .map((el) => {
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const background = backgroundBehind(el);
      const colour = over(parseColor(style.color), background);
      return {
        text: el.textContent!.replace(/\s+/g, ' ').trim().slice(0, 40),
        ratio: Math.round(contrast(colour, background) * 100) / 100,
        needed: large ? 3 : 4.5,
      };
    });
}

/** The interactive controls shown under `root` (buttons, links, fields, disclosure summaries). */
export function controls(root: ParentNode): HTMLElement[] {
  return deepElements(root)
    .filter((el): el is HTMLElement => el.matches('button, a[href], input, select, textarea, summary'))
    .filter(isShown);
}

/** How a control is named in a failure message. */
export const nameOf = (el: Element): string =>
  `${el.tagName.toLowerCase()}[part=${el.getAttribute('part') ?? ''}] "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;

/**
 * Emulates media features (e.g. `forced-colors: active`) in Chromium; resolves false where the browser cannot
 * (Firefox under WebDriver BiDi). An empty list clears the emulation.
 */
export function emulateMediaFeatures(features: { name: string; value: string }[]): Promise<boolean> {
  return executeServerCommand<boolean, { name: string; value: string }[]>('emulate-media-features', features).then(
    (done) => done === true,
  );
}

/** Text contrast, target sizes and status words of what `root` shows now. */
export function checkState(root: Element, label: string) {
  const texts = textContrasts(root);
  expect(texts.length, `${label}: text found`).to.be.greaterThan(0);
  const low = texts.filter((t) => t.ratio < t.needed);
  expect(low, `${label}: text below its contrast minimum`).to.deep.equal([]);

  // Inline links inside a sentence are exempt from 2.5.8; the kit's own controls are not.
  const small = controls(root)
    .filter((c) => !c.closest('.markdown'))
    .map((c) => ({ c, r: c.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 24 || r.height < 24)
    .map(({ c, r }) => `${nameOf(c)} ${Math.round(r.width)}x${Math.round(r.height)}`);
  expect(small, `${label}: targets under 24 x 24 px`).to.deep.equal([]);

  const wordless = deepElements(root)
    .filter((e) => e.matches('[part~="status"], [part~="badge"], [part~="history-status"]'))
    .filter((e) => text(e) === '');
  expect(wordless.length, `${label}: a status shown by colour alone`).to.equal(0);
}
