import type { privacyZh } from './privacy.zh.ts';

export const privacyEn: typeof privacyZh = {
  title: 'Privacy notice',
  link: 'Privacy notice',
  lead: 'CityLoop is run by the city’s Urban Management and Law Enforcement Bureau. This page explains what personal data we collect when you report a problem, why, who sees it and how long it is kept.',
  sections: [
    { h: 'What we collect', p: ['When you report: the kind of problem, its location (a pin on the map or the address you type), your description and photos; and, only if you choose to give them, your name, mobile number and email (all optional: anonymous reports are handled too).', 'Uploaded photos are stripped of camera, time and GPS metadata; if you did not set a pin, the photo’s GPS position places it first, then it is removed.', 'To prevent abuse, the server briefly keeps a digest of the network address a report came from, never linked to your name or number.'] },
    { h: 'Why', p: ['The location, description and photos are used to accept, assign and fix the problem; your contact details only so staff can check details with you and tell you the outcome. We use them for nothing else, and never sell or give them to third parties.'] },
    { h: 'Who sees it', p: ['Your name, phone and email are seen only by authorised staff working on the case; they never appear on any public page, map, download or API.', 'Once accepted, a case’s kind, approximate location, description and progress are public; phone and ID numbers in the text are masked automatically. If you untick “publish my photos and description”, the description and photos are for staff only.', 'Only you have the follow code: do not share links that contain it.'] },
    { h: 'How long it is kept', p: ['{days|day|days} after a case is closed (or not accepted, or merged), a daily job erases the reporter’s name, phone and email; the case itself (kind, location, how it was handled) is kept as a public-service record.', 'Staff activity logs are kept as archive rules require.'] },
    { h: 'Your rights', p: ['Call the 12345 hotline with your tracking number and follow code to see, correct or have your contact details erased earlier.'] },
  ],
  updated: 'Last updated November 2026.',
};
