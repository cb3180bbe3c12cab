/** The Vue example: the tags in a Vue template (Vue's full build compiles it in the browser), and an event. */
// snippet: vue
import { createApp, ref } from 'vue';
import 'codat-connections-kit/define.js';
import type { CodatDisconnectEvent } from 'codat-connections-kit';

interface Props {
  baseUrl: string;
  accessToken: string;
  onDisconnect?: (connectionId: string) => void;
}

export function mountConnectedApps(target: Element, { baseUrl, accessToken, onDisconnect }: Props) {
  const app = createApp({
    setup() {
      const log = ref<string[]>([]);
      const disconnected = (event: CodatDisconnectEvent) => {
        log.value.push(`Disconnected ${event.detail.connectionId}`);
        onDisconnect?.(event.detail.connectionId);
      };
      return { baseUrl, accessToken, log, disconnected };
    },
    // `.accessToken` (v-bind with .prop) sets the token as a property, never as an attribute in the DOM.
    template: `
      <codat-connections :base-url="baseUrl" .accessToken="accessToken" :hide-close="true"
        @codat-disconnect="disconnected"></codat-connections>
      <ul aria-label="What happened"><li v-for="line in log" :key="line">{{ line }}</li></ul>`,
  });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('codat-');
  app.mount(target);
  return () => app.unmount();
}
// end snippet

/** Renders the example into `target`; returns a function that unmounts it. */
export const mount = mountConnectedApps;
