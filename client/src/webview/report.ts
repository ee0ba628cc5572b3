// Script of the report webview (bundled to dist/report.js, loaded with the CSP nonce). It only forwards
// clicks to the extension; all content is rendered by the extension host.
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

// Webview code runs in the browser, without the DOM lib in our tsconfig: type the little we use.
interface MinimalElement {
  getAttribute(name: string): string | null;
  addEventListener(type: 'click', listener: (event: { preventDefault(): void }) => void): void;
}
declare const document: {
  getElementById(id: string): MinimalElement | null;
  querySelectorAll(selector: string): ArrayLike<MinimalElement>;
};

const vscodeApi = acquireVsCodeApi();

document.getElementById('export')?.addEventListener('click', () => vscodeApi.postMessage({ type: 'export' }));
document.getElementById('refresh')?.addEventListener('click', () => vscodeApi.postMessage({ type: 'rescan' }));
const links = document.querySelectorAll('a.rule');
for (let i = 0; i < links.length; i++) {
  const link = links[i];
  link.addEventListener('click', (event) => {
    event.preventDefault();
    vscodeApi.postMessage({ type: 'openRule', ruleId: link.getAttribute('data-rule') });
  });
}
