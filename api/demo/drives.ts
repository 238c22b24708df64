/**
 * The demo city's Friday drive at 沿江南社区: six past occurrences with attendance and hours, the coming
 * weeks with places left, and the next one full with a waitlist. Deterministic names; phones in a demo range.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Services } from '../services.ts';
import { driveOccurrences, driveSeries, driveSignups } from '../../db/schema.ts';
import { shanghaiDate } from '../shared/time.ts';
import { addDays, isoWeekday, shanghaiInstant } from '../drives/schedule.ts';
import { WEEKS_AHEAD } from '../drives/organise.ts';
import { mulberry32 } from './rng.ts';

const FAMILY = ['陈', '林', '黄', '李', '梁', '吴', '冯', '谭', '关', '莫', '许', '杨', '何', '周', '郑', '邓'];
const GIVEN = ['志强', '丽华', '建国', '秀英', '伟', '敏', '海燕', '俊杰', '晓东', '婷', '国华', '美玲', '家豪', '嘉欣', '永明', '淑芬', '子轩', '思琪'];
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const PAST_WEEKS = 6;

/** The n-th demo volunteer: a name and a phone in 1990662xxxx (never a real subscriber's number). */
export const demoVolunteer = (n: number) => ({
  name: FAMILY[n % FAMILY.length] + GIVEN[(n * 7) % GIVEN.length], phone: `1990662${String(1000 + n).slice(-4)}`,
});

/** A demo signup's confirmation code, derived so the README and tests can name one; real signups get random codes. */
export function demoDriveCode(occurrenceDate: string, phone: string): string {
  const bytes = createHash('sha256').update(`cityloop-demo-drive:${occurrenceDate}:${phone}`).digest();
  return Array.from({ length: 8 }, (_, i) => ALPHABET[bytes[i]! % ALPHABET.length]).join('');
}

export function seedDemoDrives(services: Services, now: Date): { occurrences: number; signups: number } {
  const { db } = services;
  if (db.select({ id: driveSeries.id }).from(driveSeries).limit(1).get()) return { occurrences: 0, signups: 0 };
  const random = mulberry32(0x5a_2026);
  const today = shanghaiDate(now);
  const lastFriday = addDays(today, -((isoWeekday(today) - 5 + 7) % 7 || 7));
  const firstDate = addDays(lastFriday, -7 * (PAST_WEEKS - 1));
  return db.transaction((tx) => {
    const series = tx.insert(driveSeries).values({
      titleZh: '沿江南社区周五志愿清洁', titleEn: 'Friday clean-up at Yanjiangnan community', community: '沿江南社区',
      address: '江城区沿江南路沿江南社区党群服务中心门前', lat: 21.851, lng: 111.983, weekday: 5, startTime: '15:00', endTime: '17:00',
      firstDate, capacity: 30, hours: 2, bring: '手套、长夹、垃圾袋由社区提供；请自带饮用水、穿运动鞋',
      notes: '城市管理人人参与：局机关干部、党员与社区居民一起清理沿江南路沿线暴露垃圾和卫生死角。遇雨顺延，另行通知。',
      unitId: 'sanitation', createdAt: new Date(Date.parse(`${firstDate}T00:00:00+08:00`) - 14 * 86_400_000),
    }).returning().get();
    let signups = 0;
    const dates = Array.from({ length: PAST_WEEKS + WEEKS_AHEAD }, (_, i) => addDays(firstDate, 7 * i));
    dates.forEach((date, week) => {
      const past = date <= lastFriday;
      const startsAt = shanghaiInstant(date, '15:00');
      const occ = tx.insert(driveOccurrences).values({
        seriesId: series.id, date, startsAt, endsAt: shanghaiInstant(date, '17:00'), capacity: 30,
        status: past ? 'closed' : 'scheduled', checkinCode: demoDriveCode(date, 'checkin').slice(0, 6),
        closedAt: past ? shanghaiInstant(date, '17:30') : null, updatedAt: now,
      }).returning().get();
      const upcoming = week - PAST_WEEKS; // 0 = the next Friday
      const n = past ? 16 + Math.floor(random() * 12) : upcoming === 0 ? 34 : Math.max(0, 22 - upcoming * 4 + Math.floor(random() * 4));
      for (let i = 0; i < n; i++) {
        const v = demoVolunteer((week * 11 + i) % 60); // distinct within an occurrence; regulars come back
        const confirmed = i < 30;
        const attended = past && random() < 0.88;
        const team = i % 5 === 0 ? 'party' : i % 7 === 0 ? 'company' : 'individual';
        tx.insert(driveSignups).values({
          occurrenceId: occ.id, code: demoDriveCode(date, v.phone), name: v.name, phone: v.phone, team,
          org: team === 'party' ? '市城市管理和综合执法局机关党支部' : team === 'company' ? '阳江市环卫服务有限公司' : '', ageGroup: 'adult',
          status: confirmed ? 'confirmed' : 'waitlisted', waitSeq: confirmed ? null : i - 29,
          checkedInAt: attended ? new Date(startsAt.getTime() - 10 * 60_000) : null, checkinBy: attended ? 'staff' : null,
          attendance: past ? (attended ? 'attended' : 'no_show') : null, hours: attended ? 2 : null,
          createdAt: new Date(startsAt.getTime() - (2 + (i % 5)) * 86_400_000),
        }).run();
        signups++;
      }
    });
    return { occurrences: dates.length, signups };
  }, { behavior: 'immediate' });
}

export const hasDrives = (services: Services) => services.db.select({ id: driveSeries.id }).from(driveSeries).where(eq(driveSeries.active, true)).limit(1).get() !== undefined;
