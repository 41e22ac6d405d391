/**
 * A component mounted for one test: `show` mounts it (in the page, or in `target`) and runs its
 * effects; after the test it is unmounted and the page emptied.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import { afterEach } from 'vitest';

let shown: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.replaceChildren();
});

export function show<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props,
  target: Element = document.body,
): void {
  shown = mount(component, { target, props });
  flushSync();
}
