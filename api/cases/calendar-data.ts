/**
 * Public holidays and adjusted working weekends (调休) from the State Council holiday notices
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知), kept as data. Listed holiday ranges are the
 * notice's full "放假" ranges, weekends included, so each line reads like the notice.
 * Dates outside the covered years fall back to plain Mon–Fri: add each year's notice when the
 * State Council publishes it (usually in November of the year before).
 */
import { DEMO_WORKING_PERIODS, type WorkCalendar } from './deadlines.ts';

export type HolidayYear = {
  holidays: string[];
  workdays: string[];
  source: string;
  provisional?: boolean;
};

export const CN_HOLIDAYS: Record<number, HolidayYear> = {
  2025: {
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
    holidays: [
      '2025-01-01', // 元旦
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', // 春节 1/28–2/4
      '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
      '2025-04-04', '2025-04-05', '2025-04-06', // 清明节
      '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', // 劳动节
      '2025-05-31', '2025-06-01', '2025-06-02', // 端午节
      '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', // 国庆节、中秋节 10/1–10/8
      '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
    ],
    workdays: [
      '2025-01-26', '2025-02-08', // 春节
      '2025-04-27', // 劳动节
      '2025-09-28', '2025-10-11', // 国庆节、中秋节
    ],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
    holidays: [
      '2026-01-01', '2026-01-02', '2026-01-03', // 元旦
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', // 春节 2/15–2/23
      '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
      '2026-04-04', '2026-04-05', '2026-04-06', // 清明节
      '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', // 劳动节
      '2026-06-19', '2026-06-20', '2026-06-21', // 端午节
      '2026-09-25', '2026-09-26', '2026-09-27', // 中秋节
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', // 国庆节 10/1–10/7
      '2026-10-05', '2026-10-06', '2026-10-07',
    ],
    workdays: [
      '2026-01-04', // 元旦
      '2026-02-14', '2026-02-28', // 春节
      '2026-05-09', // 劳动节
      '2026-09-20', '2026-10-10', // 国庆节
    ],
  },
  // PROVISIONAL: the 2027 notice was not yet known when this was written. Reconstructed from the
  // rules stated in the 2025 notice (春节 8 days from 除夕, 国庆 7 days from 10/1, 劳动节 5 days,
  // the others 3 days, or only the day itself when it falls on a Wednesday). Admins must
  // confirm every date against the published notice and then drop `provisional`.
  2027: {
    source: 'reconstruction, not a notice — confirm against 国务院办公厅关于2027年部分节假日安排的通知',
    provisional: true,
    holidays: [
      '2027-01-01', '2027-01-02', '2027-01-03', // 元旦 (Fri–Sun)
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', // 春节, 除夕 = 2/5 (Fri)
      '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12',
      '2027-04-03', '2027-04-04', '2027-04-05', // 清明节 4/5 (Mon)
      '2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05', // 劳动节
      '2027-06-09', // 端午节 (Wed: the day only)
      '2027-09-15', // 中秋节 (Wed: the day only)
      '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', // 国庆节
      '2027-10-05', '2027-10-06', '2027-10-07',
    ],
    workdays: [
      '2027-01-31', '2027-02-20', // 春节 (guessed)
      '2027-05-08', // 劳动节 (guessed)
      '2027-09-26', '2027-10-09', // 国庆节 (as in 2021, the last year 10/1 was a Friday)
    ],
  },
};

let demo: WorkCalendar | undefined;

/** The demo city's calendar: every known year plus DEMO_WORKING_PERIODS. Built once, read-only. */
export function demoCalendar(): WorkCalendar {
  const years = Object.values(CN_HOLIDAYS);
  demo ??= {
    periods: DEMO_WORKING_PERIODS,
    holidays: new Set(years.flatMap((y) => y.holidays)),
    workdays: new Set(years.flatMap((y) => y.workdays)),
  };
  return demo;
}
