// Light/dark theme: follows the system (prefers-color-scheme) until the user
// picks one; the choice is kept in localStorage and applied as
// <html data-theme="light|dark">.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'slate.theme';

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function darkQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;
}

function subscribeSystem(cb: () => void): () => void {
  const q = darkQuery();
  if (!q) return () => {};
  q.addEventListener('change', cb);
  return () => q.removeEventListener('change', cb);
}

const systemTheme = (): Theme => (darkQuery()?.matches ? 'dark' : 'light');

function applyChoice(c: ThemeChoice): void {
  const root = document.documentElement;
  if (c === 'system') delete root.dataset.theme;
  else root.dataset.theme = c;
  root.style.colorScheme = c === 'system' ? '' : c;
}

/** applyStoredTheme runs before React renders, so the first paint has the right colours. */
export function applyStoredTheme(): void {
  applyChoice(readChoice());
}

export function useTheme(): { choice: ThemeChoice; theme: Theme; setChoice: (c: ThemeChoice) => void; toggle: () => void } {
  const [choice, setChoiceState] = useState<ThemeChoice>(readChoice);
  const system = useSyncExternalStore(subscribeSystem, systemTheme, () => 'light' as Theme);
  const theme: Theme = choice === 'system' ? system : choice;

  useEffect(() => applyChoice(choice), [choice]);

  const setChoice = useCallback((c: ThemeChoice) => {
    // Apply before the re-render, so components that read the CSS variables while
    // rendering (the charts) see the new theme's colours.
    applyChoice(c);
    setChoiceState(c);
    try {
      if (c === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, c);
    } catch {
      /* private mode: the choice lasts for this page */
    }
  }, []);

  const toggle = useCallback(() => setChoice(theme === 'dark' ? 'light' : 'dark'), [theme, setChoice]);
  return { choice, theme, setChoice, toggle };
}
