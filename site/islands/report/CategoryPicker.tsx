import type { Messages } from '../../i18n/index.ts';
import { GroupIcon } from '../../components/GroupIcon.tsx';

export type CategoryItem = { id: string; name: string };
type Props = {
  t: Messages['report'];
  top: CategoryItem[];
  groups: { id: string; label: string; items: CategoryItem[] }[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
  describedBy?: string;
};

/** The city's most reported kinds as chips, the rest behind "更多类别" in the four groups residents know. Works without JS (details/summary). */
export function CategoryPicker({ t, top, groups, value, onChange, error, describedBy }: Props) {
  const topIds = new Set(top.map((c) => c.id));
  const chip = (c: CategoryItem, first = false) => (
    <label class="chip" key={c.id}>
      <input type="radio" name="category" value={c.id} required defaultChecked={value === c.id} id={first ? 'category-first' : undefined}
        onChange={() => onChange(c.id)} />
      <span>{c.name}</span>
    </label>
  );
  const chosenInMore = value !== '' && !topIds.has(value);
  return (
    <fieldset class={`step ${error ? 'invalid' : ''}`} aria-describedby={describedBy}>
      <legend>{t.stepCategory} *</legend>
      {error && <span class="error" id="category-error">{error}</span>}
      <div class="chips" role="group" aria-label={t.topCategories}>{top.map((c, i) => chip(c, i === 0))}</div>
      <details class="more-categories" open={chosenInMore}>
        <summary>{t.moreCategories}</summary>
        {groups.map((g) => (
          <div class="cat-group" role="group" aria-labelledby={`group-${g.id}`} key={g.id}>
            <p class="cat-group-label" id={`group-${g.id}`}><GroupIcon group={g.id} />{g.label}</p>
            <div class="chips">{g.items.filter((c) => !topIds.has(c.id)).map((c) => chip(c))}</div>
          </div>
        ))}
      </details>
    </fieldset>
  );
}
