/**
 * The queue with JavaScript: select-all without a reload, the selected count, keyboard shortcuts for the
 * common actions, and a badge when new reports arrive (polling the count; the refresh link works without).
 */
import { fmt } from '../../api/i18n/fmt.ts';

const POLL_MS = 30_000;
const typing = (e: Event) => e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]') !== null;

export function enhanceQueue() {
  const table = document.querySelector<HTMLTableElement>('[data-queue-table]');
  const boxes = () => [...document.querySelectorAll<HTMLInputElement>('input[name="sel"]')];
  const rows = () => [...(table?.tBodies[0]?.rows ?? [])];
  const selectAll = document.querySelector<HTMLAnchorElement>('[data-select-all]');
  const countOut = document.querySelector<HTMLElement>('[data-selected-count]');
  const action = document.querySelector<HTMLSelectElement>('#bulk-action');
  const submit = document.querySelector<HTMLButtonElement>('[data-bulk-submit]');

  // Only the chosen action's fields (unit and due time for dispatch, reason for reject).
  const showFields = () => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-bulk-bar] [data-for]')) el.hidden = el.dataset.for !== action?.value;
  };
  action?.addEventListener('change', showFields);
  showFields();

  const update = () => {
    const all = boxes();
    const n = all.filter((b) => b.checked).length;
    if (countOut) countOut.textContent = n ? `✓ ${n}` : '';
    if (selectAll) selectAll.textContent = `${n === all.length && n > 0 ? selectAll.dataset.none : selectAll.dataset.all}（${all.length}）`;
  };
  const setAll = (on: boolean) => { for (const b of boxes()) b.checked = on; update(); };
  selectAll?.addEventListener('click', (e) => {
    e.preventDefault();
    const all = boxes();
    setAll(!all.every((b) => b.checked));
  });
  document.addEventListener('change', (e) => { if ((e.target as HTMLInputElement).name === 'sel') update(); });
  update();

  // Keys: J/K move between rows, X ticks, O shows the case, A/D/R choose accept / accept-and-dispatch / reject.
  let at = Math.max(0, rows().findIndex((r) => r.classList.contains('current')));
  const focusRow = (i: number) => {
    const list = rows();
    if (!list.length) return;
    at = Math.min(list.length - 1, Math.max(0, i));
    list[at]!.querySelector<HTMLAnchorElement>('[data-open]')?.focus();
  };
  const choose = (value: string) => {
    if (!action || !submit) return;
    if (!boxes().some((b) => b.checked)) {
      const box = rows()[at]?.querySelector<HTMLInputElement>('input[name="sel"]');
      if (box) box.checked = true;
      update();
    }
    action.value = value;
    showFields();
    submit.focus(); // Enter confirms; nothing is sent by a single key
  };
  document.addEventListener('keydown', (e) => {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey || !table) return;
    const key = e.key.toLowerCase();
    if (key === 'j') focusRow(at + 1);
    else if (key === 'k') focusRow(at - 1);
    else if (key === 'x') {
      const box = rows()[at]?.querySelector<HTMLInputElement>('input[name="sel"]');
      if (box) { box.checked = !box.checked; update(); }
    } else if (key === 'o') rows()[at]?.querySelector<HTMLAnchorElement>('[data-open]')?.click();
    else if (key === 'a' && e.shiftKey) setAll(true);
    else if (key === 'a') choose('accept');
    else if (key === 'd') choose('dispatch');
    else if (key === 'r') choose('reject');
    else return;
    e.preventDefault();
  });

  // New reports: poll the count; when it grows, the refresh link says how many arrived.
  const status = document.querySelector<HTMLElement>('[data-queue-status]');
  const refresh = status?.querySelector<HTMLAnchorElement>('[data-refresh]');
  if (!status || !refresh) return;
  const total = Number(status.dataset.total);
  const newest = Number(status.dataset.newest);
  const poll = async () => {
    if (document.hidden) return;
    try {
      const res = await fetch(status.dataset.countUrl!, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) return;
      const now = (await res.json()) as { total: number; newest: number | null };
      if ((now.newest ?? 0) > newest && now.total !== total) {
        refresh.textContent = fmt(refresh.dataset.fresh!, { n: Math.max(1, now.total - total) });
        refresh.classList.add('fresh');
      }
    } catch { /* offline for a moment: try again later */ }
  };
  setInterval(poll, POLL_MS);
}
