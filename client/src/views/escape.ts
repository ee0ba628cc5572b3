// Escaping for the report's HTML/SVG and Markdown output. Every piece of workspace text (messages, resource
// names, paths) goes through one of these: it comes from files the user opened, not from us.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text inside a Markdown table cell: no pipes, no line breaks, no HTML. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline Markdown text: neutralises emphasis, links, code and raw HTML. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`);
}
