export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'meshwatch-theme';

/**
 * Runs in <head> before first paint: applies a saved choice as `data-theme` on <html>. Without one,
 * CSS follows `prefers-color-scheme`. Kept tiny and dependency-free on purpose.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}})()`;
