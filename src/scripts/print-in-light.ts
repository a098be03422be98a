/**
 * Paper is white: a page prints in the light theme whatever the screen shows. In the dark theme the
 * diagrams and the playground draw pale lines and text that would all but vanish on paper. Browsers fire
 * these events around printing (the print dialog and print-to-PDF alike).
 */
const root = document.documentElement;
let screenTheme: string | undefined;

addEventListener('beforeprint', () => {
  screenTheme = root.dataset['theme'];
  root.dataset['theme'] = 'light';
});

addEventListener('afterprint', () => {
  if (screenTheme !== undefined) root.dataset['theme'] = screenTheme;
  screenTheme = undefined;
});
