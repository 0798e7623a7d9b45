/**
 * Keyboard and typing habits made safe once for the whole app (issue 12), instead of per field:
 *
 * - **Tab never selects.** antd's Select and AutoComplete pick the highlighted option on Tab
 *   (rc-select treats Tab like Enter). A clerk who picks a village with Enter and tabs on would
 *   silently add the next village. Tab is kept from every select and only moves the focus to the
 *   next field (Shift+Tab the previous one); leaving the field closes the list.
 * - **Full-width letters and digits are half-width.** A Chinese input method types １２３ and ＡＢＣ
 *   as easily as 123 and ABC; on leaving a one-line text field (or a note box) they become ASCII,
 *   so 身份证号, phone numbers and codes are checked and stored as the digits they are. The core's
 *   schemas do the same for the fields whose value is digits (shared/schemas/people.ts).
 */
import { toHalfWidth } from '../../shared/text';
import { installDeskDialogs } from './deskDialogs';

/** Full-width forms of ASCII letters, digits and the signs used in numbers and codes. */
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d\uff0e\uff0b]/g;

const TABBABLE = [
  'input:not([disabled]):not([type=hidden])',
  'textarea:not([disabled])',
  'button:not([disabled])',
  'a[href]',
  '[tabindex]',
].join(', ');

/** The select a key went to, when it is typed in the select's own input. */
function selectOf(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof HTMLElement) || target.getAttribute('role') !== 'combobox') return null;
  return target.closest<HTMLElement>('.ant-select');
}

/**
 * The next (or previous) field outside the select, within its drawer or dialog. Skipping the
 * select's own clear button too: a Tab landing there, and an Enter after it, would empty the field.
 */
function fieldAfter(select: HTMLElement, backwards: boolean): HTMLElement | undefined {
  const scope = select.closest<HTMLElement>('.ant-drawer-section, .ant-modal') ?? document.body;
  const all = [...scope.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && (!select.contains(el) || el.getAttribute('role') === 'combobox'),
  );
  const here = all.findIndex((el) => select.contains(el));
  if (here < 0) return undefined;
  return backwards ? all[here - 1] : all[here + 1];
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
  const select = selectOf(e.target);
  if (!select) return;
  // Capture phase on window runs before React's listeners on the root: the select never sees the
  // Tab, so it selects nothing; the focus moves to the next field, which closes the list.
  e.stopPropagation();
  const next = fieldAfter(select, e.shiftKey);
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

const TEXT_TYPES = new Set(['text', 'search', 'tel', '']);

/** Sets a React-controlled field's value the way typing does, so its onChange sees it. */
function typeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function onFocusOut(e: FocusEvent): void {
  const el = e.target;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  if (el instanceof HTMLInputElement && !TEXT_TYPES.has(el.type)) return;
  if (el.readOnly || el.disabled) return;
  if (el.getAttribute('role') === 'combobox') return; // a select's search text is its own
  const half = el.value.replace(FULL_WIDTH_ALNUM, (c) => toHalfWidth(c));
  if (half !== el.value) typeValue(el, half);
}

let installed = false;

/** Installs these behaviours and the drawers' (deskDialogs.ts) once (renderer/main.tsx). */
export function installDeskKeys(): void {
  if (installed) return;
  installed = true;
  installDeskDialogs();
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('focusout', onFocusOut, true);
}
