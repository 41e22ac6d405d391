/** A value a test binds a component's prop to (`bind:`), as a parent's state would hold it. */
export function bound<T>(initial: T): { value: T } {
  let value = $state.raw(initial);
  return {
    get value() {
      return value;
    },
    set value(next: T) {
      value = next;
    },
  };
}
