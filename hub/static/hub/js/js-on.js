/* Loaded (not deferred) in <head>, before the page paints: styles that need JavaScript
   apply only when it runs. A file, not an inline script, for the Content-Security-Policy. */
document.documentElement.classList.replace("no-js", "js");
