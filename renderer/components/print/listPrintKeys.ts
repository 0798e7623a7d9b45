/**
 * Ctrl+P on a list page prints the list, never the screen (issue 12 item 4): the browser's own
 * print of the window would put the banner, menu and buttons on paper and cut the columns. Every
 * DataTable on screen registers here; one key listener (capture phase, before the browser acts)
 * opens the print view of the list that has the focus, or else of the first list shown (a page
 * with tabs keeps hidden lists mounted). With a print view already open, Ctrl+P is left to the
 * browser: the app is hidden from paper then (print.css), so it prints the sheets.
 */

interface Entry {
  root: () => HTMLElement | null;
  open: () => void;
}

const entries = new Set<Entry>();

function shown(el: HTMLElement | null): el is HTMLElement {
  return el !== null && el.isConnected && el.getClientRects().length > 0;
}

function onKeyDown(e: KeyboardEvent): void {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p') return;
  if (document.body.classList.contains('print-open')) {
    // Sheets still loading would print blank: wait for them (the view's 打印 button says so).
    if (document.querySelector('.print-root[data-ready="false"]')) e.preventDefault();
    return;
  }
  const visible = [...entries].filter((x) => shown(x.root()));
  const active = document.activeElement;
  const target = visible.find((x) => active instanceof Node && x.root()?.contains(active)) ?? visible[0];
  if (!target) return;
  e.preventDefault();
  e.stopPropagation();
  target.open();
}

/** Registers a list for Ctrl+P; returns the function that removes it (on unmount). */
export function registerListPrint(root: () => HTMLElement | null, open: () => void): () => void {
  const entry: Entry = { root, open };
  if (entries.size === 0) window.addEventListener('keydown', onKeyDown, true);
  entries.add(entry);
  return () => {
    entries.delete(entry);
    if (entries.size === 0) window.removeEventListener('keydown', onKeyDown, true);
  };
}
