/** The colour theme: follows the system unless the user picked one; kept in localStorage. */

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const KEY = 'fortnight.theme';

function stored(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(KEY);
    return THEMES.find((t) => t === value) ?? 'system';
  } catch {
    return 'system';
  }
}

class Theme {
  #choice = $state<ThemeChoice>(stored());

  get choice(): ThemeChoice {
    return this.#choice;
  }

  set choice(value: ThemeChoice) {
    this.#choice = value;
    try {
      window.localStorage.setItem(KEY, value);
    } catch {
      // Storage can be unavailable (private mode); the choice still holds for this session.
    }
    this.apply();
  }

  /** The stylesheet reads `data-theme` on <html>; `system` defers to prefers-color-scheme. */
  apply(): void {
    document.documentElement.dataset.theme = this.#choice;
  }
}

export const theme = new Theme();
