import { createHash } from 'node:crypto';
import { html, inlineCode, jsonForScript, SafeHtml } from './html-template.js';

/** What a self-contained report page is made of. */
export interface PageParts {
  /** The page title, escaped here. */
  readonly title: string;
  /** Style sheets and scripts, inlined in this order. */
  readonly styles: readonly string[];
  readonly scripts: readonly string[];
  /** The page's content: header, main and footer. */
  readonly body: SafeHtml;
  /** The data the scripts read, embedded as JSON in `<script type="application/json" id=…>`. */
  readonly data: unknown;
  readonly dataId: string;
}

/**
 * A self-contained HTML page (report.html, capacity.html): the styles and scripts inlined, the
 * data embedded as JSON, and a Content-Security-Policy that lets the page run and style only
 * those inline elements and load nothing at all. Pure: the same parts give the same bytes.
 */
export function renderPage(parts: PageParts): string {
  const styles = parts.styles.map(inlineCode);
  const scripts = parts.scripts.map(inlineCode);
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(scripts, styles)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${parts.title}</title>
<link rel="icon" href="data:,">
${styles.map((css) => html`<style>${new SafeHtml(css)}</style>\n`)}</head>
<body>
${parts.body}
<script type="application/json" id="${parts.dataId}">${new SafeHtml(jsonForScript(parts.data))}</script>
${scripts.map((js) => html`<script>${new SafeHtml(js)}</script>\n`)}</body>
</html>
`;
  return page.markup;
}

/**
 * The policy that lets the page run and style only its own inline elements and load nothing:
 * `scripts` and `styles` are the exact texts of the page's inline elements.
 */
function contentSecurityPolicy(scripts: readonly string[], styles: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256Source).join(' ')}`,
    `style-src ${styles.map(sha256Source).join(' ')}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
