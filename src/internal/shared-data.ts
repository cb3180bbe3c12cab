import { msg, str } from '../localization/localize.js';
import { isolate } from './connection-text.js';
import { html, nothing } from 'lit';
import { renderInlineMarkdown } from './markdown.js';
import { sharedDataText, type TextOptions } from './text-options.js';

/**
 * "What is shared": the host's list for the connection's source type (the `text` option), each entry rendered
 * through the safe Markdown subset. Nothing when the host gave no list. Include `markdownStyles`.
 */
export function renderSharedData(text: TextOptions | undefined, sourceType: string, platform: string) {
  const items = sharedDataText(text, sourceType);
  if (!items) return nothing;
  return html`<div class="shared-data markdown" part="shared-data">
    <p class="shared-data-title">
      ${msg(str`${isolate(platform)} shares with this app:`, { id: 'shared.title', desc: 'Above the list of what a connection shares; {0} is the platform name' })}
    </p>
    <ul>
      ${items.map((item) => html`<li>${renderInlineMarkdown(item)}</li>`)}
    </ul>
  </div>`;
}
