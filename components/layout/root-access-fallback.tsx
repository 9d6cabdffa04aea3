// What the app's root shows for a 404, 403 or 401 raised above the locale layout (an address
// with no locale, which the proxy otherwise sends to one). Next inlines the root's fallbacks in
// every page's flight payload, and its own defaults (inline styles, a style sheet, English
// sentences) were 4 KB of each page's HTML (docs/decisions/036-page-weight.md): these say the
// status and lead to the site, in no language, since no locale is known here.
export function RootAccessFallback({ status }: { status: 401 | 403 | 404 }) {
  return (
    <main id="main">
      <title>{String(status)}</title>
      <h1>{status}</h1>
      {/* A full page load: the proxy sends "/" to the reader's language. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/">Hustings</a>
    </main>
  );
}
