/**
 * A form's pending state and its last API error. The error lands next to the field the API
 * names (`error.field`, e.g. `title` or `ownerIds.0`) when the form has that field, else next
 * to the action; focus moves to the invalid field.
 */
import { tick } from 'svelte';
import type { ApiError, Result } from '../../../shared/result.ts';
import { lock, type EditAttributes } from './lock.svelte.ts';

let forms = 0;

/**
 * A refusal's reason, to show beside the field it names: its message without the API's
 * `field: ` in front (the field's label says which), capitalised.
 */
export function reasonAtField(error: ApiError): string {
  const prefix = `${error.field}: `;
  const message =
    error.field && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export interface FieldAttrs extends EditAttributes {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
}

export class FormState<F extends string = string> {
  readonly #fields: readonly F[];
  readonly #prefix: string;
  error = $state.raw<ApiError | null>(null);
  busy = $state(false);

  /** The form field the error is about, or null when it is about the action as a whole. */
  readonly errorField: F | null = $derived.by(() => {
    const field = this.error?.field?.split('.')[0];
    return this.#fields.find((f) => f === field) ?? null;
  });

  /** The error to show next to the action (the submit or delete button). */
  readonly actionError: string | null = $derived(this.error && !this.errorField ? this.error.message : null);

  constructor(name: string, fields: readonly F[] = []) {
    this.#fields = fields;
    this.#prefix = `${name}-${++forms}`;
  }

  id(field: F | 'action'): string {
    return `${this.#prefix}-${field}`;
  }

  errorId(field: F | 'action'): string {
    return `${this.id(field)}-error`;
  }

  /** The message for a field, without the API's `field: ` prefix (the label says which). */
  errorFor(field: F): string | null {
    if (!this.error || this.errorField !== field) return null;
    return reasonAtField(this.error);
  }

  /**
   * What an input needs: its id and name, the ARIA that ties it to its error, and the lock (a
   * field of a read-only workspace is disabled, described by the banner that says why).
   */
  attrs(field: F, describedBy?: string): FieldAttrs {
    const invalid = this.errorField === field;
    const ids = [describedBy, invalid ? this.errorId(field) : undefined].filter(Boolean).join(' ');
    return {
      id: this.id(field),
      name: field,
      'aria-invalid': invalid ? 'true' : undefined,
      ...lock.edit(false, ids),
    };
  }

  clear(): void {
    this.error = null;
  }

  /** Runs an API call; on a refusal keeps the error, moves focus to its field and returns null. */
  async run<T>(action: () => Promise<Result<T>>): Promise<{ value: T } | null> {
    if (this.busy) return null;
    this.busy = true;
    this.error = null;
    const result = await action();
    this.busy = false;
    if (result.ok) return { value: result.value };
    this.error = result.error;
    await tick();
    const field = this.errorField;
    if (field) document.getElementById(this.id(field))?.focus();
    return null;
  }
}
