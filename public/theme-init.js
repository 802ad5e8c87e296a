// Sets data-theme before the first paint so a dark-theme reader never sees a white flash.
// Mirrors resolveTheme() in src/book/appStore.ts; kept as a file because the CSP forbids inline scripts.
(() => {
  let choice = 'system';
  try {
    const saved = JSON.parse(localStorage.getItem('unrolled:prefs') || 'null');
    const theme = saved?.state?.theme;
    if (theme === 'light' || theme === 'dark') choice = theme;
  } catch {
    // A corrupt saved value means the system theme.
  }
  const dark =
    choice === 'dark' || (choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
