// Sets data-theme (and the reader's equation form, data-notation) before the first paint, so a dark-theme reader
// never sees a white flash and an equation never changes form under the eye. Mirrors resolveTheme() and the
// notation preference in src/book/appStore.ts. The build inlines it into <head> (a script file there would block
// the first paint for a round trip) and allows exactly this text in the CSP by its SHA-256 hash
// (scripts/vite-plugin-book.ts, themeInitPlugin).
(() => {
  let choice = 'system';
  let notation = 'row';
  try {
    const saved = JSON.parse(localStorage.getItem('unrolled:prefs') || 'null');
    const theme = saved?.state?.theme;
    if (theme === 'light' || theme === 'dark') choice = theme;
    if (saved?.state?.notation === 'column') notation = 'column';
  } catch {
    // A corrupt saved value means the defaults.
  }
  const dark =
    choice === 'dark' || (choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.notation = notation;
})();
