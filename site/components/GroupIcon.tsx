// Small line icons for the category groups (decorative: the text label says the same).
const PATHS: Record<string, string> = {
  environment: 'M6 8h12l-1 12H7L6 8zm3-3h6l1 3H8l1-3zM10 11v6m4-6v6',
  order: 'M4 20V10l8-5 8 5v10M4 12h16M9 20v-5h6v5',
  air: 'M7 18c-2 0-3-1.5-3-3s1.5-3 3-3c0-3 2.5-5 5-5s4.5 1.5 5 4c2 0 3 1.5 3 3.5S18.5 18 17 18H7z',
  ads: 'M4 5h16v10H4zM8 15v5m8-5v5M7 9h10M7 12h6',
  facilities: 'M12 3v4m0 0a5 5 0 0 1 5 5H7a5 5 0 0 1 5-5zM12 12v9M8 21h8',
  greenery: 'M12 21v-7m0 0c-4 0-6-3-6-6 3 0 6 2 6 6zm0 0c4 0 6-3 6-6-3 0-6 2-6 6zm0-6V5',
  other: 'M12 17h.01M12 7a3 3 0 0 1 3 3c0 2-3 2-3 4',
};

export function GroupIcon({ group }: { group: string }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[group] ?? PATHS.other} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
