// The dispatcher's desk (escalation, ready phrases): API words and error messages.
export const deskEn = {
  track: { events: { supervise: 'Escalated' } },
  auth: {
    actions: {
      'case.supervise': 'Escalate a case', 'phrase.create': 'Add a ready phrase', 'phrase.update': 'Edit a ready phrase',
      'phrase.delete': 'Delete a ready phrase',
    } as Record<string, string>,
  },
  errors: {
    supervise_note_required: 'Write what the unit is asked to do.',
    supervise_due_not_allowed: 'A case on hold keeps its planned date; its due time cannot be changed.',
    phrase_action_invalid: 'Choose the action the phrase is for.',
    phrase_text_required: 'Write the phrase in Chinese and in English.',
    phrase_too_long: 'A phrase can be at most 300 characters.',
  } as Record<string, string>,
};
