// Masks what looks like personal data in text the public will see. Staff see the original.
// Digits may be split by spaces or dashes, as people type them.
const SEP = '[\\s-]?';
const ID_CARD = new RegExp(`(?<![\\dXx])\\d{6}${SEP}\\d{8}${SEP}\\d{3}[\\dXx](?![\\dXx])`, 'g');
const MOBILE = new RegExp(`(?<!\\d)(?:\\+?86${SEP})?(1[3-9]\\d)${SEP}(\\d{4})${SEP}(\\d{4})(?!\\d)`, 'g');
const LANDLINE = /(?<!\d)(0\d{2,3})[\s-]?(\d{3,4})[\s-]?(\d{4})(?!\d)/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

// Each pattern needs a digit or an @: text with neither (most addresses and descriptions) is already safe as it is.
const MAYBE_PERSONAL = /[\d@]/;

export function maskPersonalData(text: string): string {
  if (!MAYBE_PERSONAL.test(text)) return text;
  return text
    .replace(ID_CARD, (m) => {
      const s = m.replace(/[\s-]/g, '').toUpperCase();
      return `${s.slice(0, 3)}***********${s.slice(-4)}`;
    })
    .replace(MOBILE, (_m, a: string, _b, c: string) => `${a}****${c}`)
    .replace(LANDLINE, (_m, a: string, _b, c: string) => `${a}-****${c}`)
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}

export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length >= 7 ? `${d.slice(0, 3)}****${d.slice(-4)}` : '****';
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
