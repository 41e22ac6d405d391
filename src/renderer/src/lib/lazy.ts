/**
 * A part of the app in its own file, loaded the first time it is needed and kept from then on
 * (the same promise every time, so a screen shown before comes back at once). A load that fails
 * (the app was rebuilt, the file is gone) is forgotten, so the next try loads it again.
 */
export function lazy<T>(load: () => Promise<{ default: T }>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().then(
      (module) => module.default,
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
}
