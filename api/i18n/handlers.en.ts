// Words of handlers' send-backs, extension and hold requests, callbacks and staff-entered hotline/patrol cases (issue 11).
export const handlersEn = {
  track: {
    events: {
      send_back: 'Sent back by the unit, to be dispatched again', approve_request: 'Deadline extended (approved)',
      request_extension: 'Unit asked for more time', request_hold: 'Unit asked to put on hold', refuse_request: 'Request refused', callback: 'Callback',
    },
  },
  requestKinds: { extension: 'Extension request', hold: 'Hold request' },
  requestStatus: { pending: 'Pending', approved: 'Approved', refused: 'Refused' },
  callbackResults: { solved: 'Problem solved', unsolved: 'Problem not solved', unreachable: 'Could not reach them' },
  errors: {
    request_reason_required: 'Give a reason for the request.',
    extension_not_later: 'The new due time must be later than now and than the current one.',
    request_pending: 'A request of this kind is already waiting for a dispatcher.',
    request_invalid: 'That request was not found.',
    request_decided: 'That request has already been decided; reload to see it.',
    callback_result_required: 'Choose the callback’s result.',
    contact_none: 'The reporter left no contact details.',
    channel_required: 'Choose where the case came from (hotline or patrol).',
    ticket_too_long: 'The ticket number can be at most 50 characters.',
  } as Record<string, string>,
};
