/** 常用语: one tap inserts a ready phrase into the note it sits under. Without JavaScript the buttons do nothing; the form still works. */
type Props = { target: string; label: string; phrases: string[] };

function insert(target: string, text: string) {
  const field = document.getElementById(target) as HTMLTextAreaElement | HTMLInputElement | null;
  if (!field) return;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? field.value.length;
  field.value = field.value.slice(0, start) + text + field.value.slice(end);
  field.focus();
  const caret = start + text.length;
  field.setSelectionRange(caret, caret);
}

export default function PhrasePicker({ target, label, phrases }: Props) {
  if (!phrases.length) return null;
  return (
    <div class="phrases" role="group" aria-label={label}>
      {phrases.map((p) => (
        <button type="button" class="phrase" aria-controls={target} onClick={() => insert(target, p)}>{p}</button>
      ))}
    </div>
  );
}
