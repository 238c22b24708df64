import { apiMessages, mergeCatalogs, type Lang } from '../../api/i18n/index.ts';
import { zh } from './zh.ts';
import { en } from './en.ts';
import { authZh } from './auth.zh.ts';
import { authEn } from './auth.en.ts';
import { consoleZh } from './console.zh.ts';
import { consoleEn } from './console.en.ts';
import { opendataZh } from './opendata.zh.ts';
import { opendataEn } from './opendata.en.ts';
import { statsZh } from './stats.zh.ts';
import { statsEn } from './stats.en.ts';
import { privacyZh } from './privacy.zh.ts';
import { privacyEn } from './privacy.en.ts';
import { drivesZh } from './drives.zh.ts';
import { drivesEn } from './drives.en.ts';
import { handlersZh } from './handlers.zh.ts';
import { handlersEn } from './handlers.en.ts';
import { deskPagesZh } from './desk.zh.ts';
import { deskPagesEn } from './desk.en.ts';
import { gazetteerPagesZh } from './gazetteer.zh.ts';
import { gazetteerPagesEn } from './gazetteer.en.ts';

// The pages' copy, one file per feature, merged over the API's own words (states, errors, roles…).
const zhAll = mergeCatalogs({ ...zh, auth: mergeCatalogs(authZh, { admin: gazetteerPagesZh.admin }), placesAdmin: gazetteerPagesZh.placesAdmin, console: consoleZh, opendata: opendataZh, stats: statsZh, privacy: privacyZh, drivePages: drivesZh, handlers: handlersZh, desk: deskPagesZh }, apiMessages.zh);

export type Messages = typeof zhAll;
export type BaseMessages = typeof zh;
export const messages: Record<Lang, Messages> = {
  zh: zhAll,
  en: mergeCatalogs({ ...en, auth: mergeCatalogs(authEn, { admin: gazetteerPagesEn.admin }), placesAdmin: gazetteerPagesEn.placesAdmin, console: consoleEn, opendata: opendataEn, stats: statsEn, privacy: privacyEn, drivePages: drivesEn, handlers: handlersEn, desk: deskPagesEn }, apiMessages.en),
};

export { fmt, ordinal, LANGS, langFromHeader, localePath, nameIn, splitLang, type Lang } from '../../api/i18n/index.ts';
