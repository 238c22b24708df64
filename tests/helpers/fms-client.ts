/**
 * An Open311 client that behaves like FixMyStreet's (mysociety/fixmystreet perllib/Open311.pm):
 * XML endpoints only; form posts that always carry jurisdiction_id and api_key; answers read the way
 * XML::Simple reads them (root dropped, ForceArray on the list tags, SuppressEmpty => undef, so an
 * empty element is "no value"); an id from the POST answer, else its token polled (5 times, 2 s apart);
 * a send that failed or timed out is simply sent again later by the caller, as FixMyStreet's cron does.
 */
import { XMLParser } from 'fast-xml-parser';

const FORCE_ARRAY = new Set(['service', 'attribute', 'value', 'request', 'error', 'request_update']);
const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => FORCE_ARRAY.has(name) });

type Simple = Record<string, unknown>;
/** XML::Simple's XMLin: the root element's content, empty elements as undefined. */
export function xmlSimple(xml: string): Simple | null {
  const suppress = (v: unknown): unknown => {
    if (v === '') return undefined;
    if (Array.isArray(v)) return v.map(suppress);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, suppress(x)]));
    return v;
  };
  try {
    const doc = parser.parse(xml, true) as Simple;
    const root = Object.values(doc)[0];
    return (suppress(root) as Simple) ?? {};
  } catch {
    return null;
  }
}

export type Transport = (path: string, init?: RequestInit) => Response | Promise<Response>;
export type Problem = {
  serviceCode: string; title: string; detail: string; name: string; email?: string; phone?: string;
  lat?: number; lng?: number; postcode?: string; imageUrl?: string; extra?: Record<string, string>;
};
export type Comment = { id: string; problemExternalId: string; text: string; name: string; email?: string; open: boolean; confirmed: Date };

export class FmsClient {
  /** Every wait the client made (token polling), so a test can see it did not need to. */
  readonly sleeps: number[] = [];
  private timeoutNext = false;

  constructor(private opts: { transport: Transport; endpoint?: string; jurisdiction?: string; apiKey?: string }) {}

  /** The next request reaches the server but its answer never comes back (a timeout on the client's side). */
  loseNextAnswer() { this.timeoutNext = true; }

  private url(path: string, params: Record<string, string> = {}) {
    const q = new URLSearchParams({ ...(this.opts.jurisdiction ? { jurisdiction_id: this.opts.jurisdiction } : {}), ...params });
    return `${this.opts.endpoint ?? '/open311/v2/'}${path}${q.size ? `?${q}` : ''}`;
  }

  private async request(path: string, init?: RequestInit): Promise<string | null> {
    const res = await this.opts.transport(path, init);
    const body = await res.text();
    if (this.timeoutNext) { this.timeoutNext = false; return null; }
    return res.ok ? body : null;
  }

  private post(path: string, params: Record<string, string>) {
    const body = new URLSearchParams({
      ...(this.opts.jurisdiction ? { jurisdiction_id: this.opts.jurisdiction } : {}), ...(this.opts.apiKey ? { api_key: this.opts.apiKey } : {}), ...params,
    });
    return this.request(this.url(path).replace(/\?.*$/, ''), { method: 'POST', body });
  }

  async getServiceList() {
    const xml = await this.request(this.url('services.xml'));
    return xml ? xmlSimple(xml) : null;
  }

  /** send_service_request: the id, or 0 when the send failed (the caller sends it again later). */
  async sendServiceRequest(p: Problem): Promise<string | 0> {
    const [first, last] = [p.name.split(/\s+/)[0] ?? '', p.name.split(/\s+/).slice(1).join(' ')];
    const params: Record<string, string> = {
      description: `${p.title}\n\n${p.detail}\n\nhttps://fms.example.org/report/1\n`, service_code: p.serviceCode, first_name: first, last_name: last,
      ...(p.phone ? { phone: p.phone } : {}), ...(p.email ? { email: p.email } : {}),
      ...(p.lat !== undefined ? { lat: String(p.lat), long: String(p.lng) } : { address_string: p.postcode ?? '' }),
      ...(p.imageUrl ? { media_url: p.imageUrl } : {}),
      ...Object.fromEntries(Object.entries(p.extra ?? {}).map(([k, v]) => [`attribute[${k}]`, v])),
    };
    const xml = await this.post('requests.xml', params);
    const obj = xml ? xmlSimple(xml) : null;
    const request = (obj?.request as Simple[] | undefined)?.[0];
    const id = request?.service_request_id;
    if (id && typeof id !== 'object') return String(id);
    if (request?.token) return this.getServiceRequestIdFromToken(String(request.token));
    return 0;
  }

  /** The current client polls a token 5 times, 2 seconds apart, before it gives up. */
  async getServiceRequestIdFromToken(token: string, tries = 5): Promise<string | 0> {
    for (let i = 0; i < tries; i++) {
      if (i > 0) this.sleeps.push(2000);
      const xml = await this.request(this.url(`tokens/${token}.xml`));
      const id = (xmlSimple(xml ?? '')?.request as Simple[] | undefined)?.[0]?.service_request_id;
      if (id && typeof id !== 'object') return String(id);
    }
    return 0;
  }

  async getServiceRequestUpdates(start: Date, end: Date) {
    const xml = await this.request(this.url('servicerequestupdates.xml', { api_key: this.opts.apiKey ?? '', start_date: start.toISOString(), end_date: end.toISOString() }));
    return ((xml ? xmlSimple(xml) : null)?.request_update as Simple[] | undefined) ?? [];
  }

  /** post_service_request_update: the server's update_id, or 0. */
  async postServiceRequestUpdate(c: Comment): Promise<string | 0> {
    const [first, last] = [c.name.split(/\s+/)[0] ?? '', c.name.split(/\s+/).slice(1).join(' ') || '-'];
    const xml = await this.post('servicerequestupdates.xml', {
      updated_datetime: c.confirmed.toISOString().replace(/\.\d{3}Z$/, 'Z'), service_request_id: c.problemExternalId, status: c.open ? 'OPEN' : 'CLOSED',
      description: c.text, last_name: last, first_name: first, ...(c.email ? { email: c.email } : {}), update_id: c.id, update_id_ext: c.id,
    });
    const id = ((xml ? xmlSimple(xml) : null)?.request_update as Simple[] | undefined)?.[0]?.update_id;
    return id && typeof id !== 'object' ? String(id) : 0;
  }
}
