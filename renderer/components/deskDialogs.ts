/**
 * Drawers and dialogs behave the same everywhere, whoever wrote them (issue 12, item 7):
 *
 * - **Focus on the first field when one opens**, so the clerk can type at once. Done when its
 *   opening animation ends (the drawer slides, the dialog zooms), unless the clerk has already
 *   put the focus in it.
 * - **Ctrl+Enter saves**: presses the drawer's or dialog's primary button (保存, 确定 …) after
 *   leaving the field being typed in, so that field's value counts (a typed date is read then).
 *   Never in a confirmation: its primary button may be 放弃.
 * - **A confirmation whose OK is dangerous (放弃修改) opens with the focus on the other button
 *   (继续编辑)**, so a reflexive Enter keeps the clerk's typing. useConfirmLeave asks antd for it
 *   (autoFocusButton); this catches the confirmations written elsewhere.
 */

const FIELD = [
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]):not([readonly])',
  'textarea:not([disabled]):not([readonly])',
].join(', ');

function visible(el: HTMLElement): boolean {
  return el.offsetParent !== null && el.getClientRects().length > 0;
}

function focusFirstField(container: HTMLElement): void {
  if (container.contains(document.activeElement) && document.activeElement?.matches(FIELD)) return;
  const body = container.querySelector<HTMLElement>('.ant-drawer-body, .ant-modal-body') ?? container;
  const first = [...body.querySelectorAll<HTMLElement>(FIELD)].find(visible);
  first?.focus();
}

/** The drawer panel or dialog whose opening just finished, if the event says so. */
function opened(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target.matches('.ant-drawer-content-wrapper') && target.closest('.ant-drawer-open')) return target;
  if (target.matches('.ant-modal') && !target.matches('.ant-modal-confirm') && !target.className.includes('leave')) {
    return target.closest('.ant-modal-wrap') instanceof HTMLElement && visible(target) ? target : null;
  }
  return null;
}

function onOpened(e: Event): void {
  const panel = opened(e.target);
  if (panel) focusFirstField(panel);
}

/** The save button of the drawer or dialog holding the focus (never a confirmation's). */
function saveButtonFor(el: Element | null): HTMLButtonElement | null {
  if (!el) return null;
  if (el.closest('.ant-modal-confirm')) return null;
  const container = el.closest('.ant-modal, .ant-drawer-section');
  if (!container) return null;
  // A form with its own save button (a tab of the person's file) saves itself.
  const ownSave = el.closest('.ant-form')?.querySelector<HTMLButtonElement>('.ant-btn-primary:not([disabled])');
  if (ownSave) return ownSave;
  const modal = el.closest('.ant-modal');
  if (modal) return modal.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary:not([disabled])');
  const drawer = el.closest('.ant-drawer-section');
  if (drawer) return drawer.querySelector<HTMLButtonElement>('.ant-drawer-extra .ant-btn-primary:not([disabled])');
  return null;
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.isComposing) return;
  const save = saveButtonFor(document.activeElement);
  if (!save) return;
  e.preventDefault();
  e.stopPropagation();
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  save.click();
}

function onFocusIn(e: FocusEvent): void {
  const target = e.target;
  if (!(target instanceof HTMLElement) || !target.matches('.ant-btn-dangerous')) return;
  const confirm = target.closest<HTMLElement>('.ant-modal-confirm');
  if (!confirm || confirm.dataset.deskFocused) return;
  confirm.dataset.deskFocused = '1';
  confirm.querySelector<HTMLButtonElement>('.ant-modal-confirm-btns .ant-btn:not(.ant-btn-dangerous)')?.focus();
}

export function installDeskDialogs(): void {
  window.addEventListener('transitionend', onOpened, true);
  window.addEventListener('animationend', onOpened, true);
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('focusin', onFocusIn, true);
}
