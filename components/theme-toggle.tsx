'use client';

import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY, type Theme } from './theme';
import styles from './app-header.module.css';

const CHANGE_EVENT = 'meshwatch-theme-change';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    media.removeEventListener('change', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The theme on screen: the saved choice, else the system's. */
function effectiveTheme(): Theme {
  const saved = document.documentElement.dataset.theme;
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

function setTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** A toggle button ("Dark theme", pressed or not); the choice persists in localStorage. */
export function ThemeToggle() {
  // null while server rendering: the server cannot know the visitor's theme.
  const theme = useSyncExternalStore<Theme | null>(subscribe, effectiveTheme, () => null);
  return (
    <button
      type="button"
      className={styles.themeToggle}
      aria-pressed={theme === null ? undefined : theme === 'dark'}
      onClick={() => setTheme(effectiveTheme() === 'dark' ? 'light' : 'dark')}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}
