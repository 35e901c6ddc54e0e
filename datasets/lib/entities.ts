/** Plausible domain objects (orders, customers, products, tasks, ...) for JSON bodies. */
import type { GenContext } from './family.js';
import { LOCALE_MIX, makePerson } from './people.js';
import { message } from './phrases.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function money(ctx: GenContext): number {
  return Math.round(ctx.rng.float() * ctx.rng.pick([20, 200, 2000]) * 100) / 100;
}

function address(ctx: GenContext, locale: string): Json {
  const p = makePerson(ctx.rng, ctx.fakers, locale);
  return { line1: p.street, city: p.city, ...(p.state ? { state: p.state } : {}), postal_code: p.zip, country: p.country };
}

export function entity(ctx: GenContext, kind: string): Record<string, Json> {
  const { rng, en } = ctx;
  const locale = rng.weighted(LOCALE_MIX);
  const f = ctx.fakers.get(locale);
  const iso = () => en.date.recent({ days: 400 }).toISOString();
  switch (kind) {
    case 'orders': {
      const items = Array.from({ length: rng.int(1, 5) }, () => ({ sku: `${rng.alnum(3).toUpperCase()}-${rng.digits(5)}`, name: f.commerce.productName(), quantity: rng.skewed(5), unit_price: money(ctx), ...(rng.chance(0.3) ? { options: { size: rng.pick(['S', 'M', 'L', '42']), color: en.color.human() } } : {}) }));
      const p = makePerson(rng, ctx.fakers, locale);
      return { customer: { email: p.email, name: p.fullName, phone: p.phone }, items, currency: rng.pick(['EUR', 'USD', 'GBP', 'JPY', 'BRL', 'PLN']), shipping_address: address(ctx, locale), notes: rng.chance(0.3) ? message(rng, locale) : null, coupon: rng.chance(0.2) ? rng.alnum(8).toUpperCase() : null, metadata: { channel: rng.pick(['web', 'ios', 'android', 'pos']), cart_id: rng.uuid() } };
    }
    case 'customers': {
      const p = makePerson(rng, ctx.fakers, locale);
      return { first_name: p.firstName, last_name: p.lastName, email: p.email, phone: p.phone, locale: locale.replace('_', '-'), addresses: [address(ctx, locale)], tags: rng.sample(['vip', 'wholesale', 'newsletter', 'b2b', 'returning'], rng.int(0, 3)), accepts_marketing: rng.chance(0.4), birthday: p.birthdate };
    }
    case 'products':
      return { title: f.commerce.productName(), description: f.commerce.productDescription(), price: money(ctx), compare_at_price: rng.chance(0.3) ? money(ctx) : null, sku: `${rng.alnum(4).toUpperCase()}${rng.digits(4)}`, barcode: rng.digits(13), weight_grams: rng.int(50, 5000), tags: [en.commerce.productAdjective().toLowerCase(), en.commerce.department().toLowerCase()], variants: Array.from({ length: rng.int(1, 4) }, () => ({ option1: rng.pick(['S', 'M', 'L', 'XL']), option2: en.color.human(), inventory_quantity: rng.int(0, 500) })), images: [{ src: `https://cdn.${en.internet.domainName()}/products/${rng.hex(12)}.jpg`, alt: f.commerce.productName() }], published: rng.chance(0.8) };
    case 'tasks':
      return { title: rng.pick(ctx.text.headings), description: rng.chance(0.6) ? rng.pick(ctx.text.sentences) : message(rng, locale), status: rng.pick(['todo', 'in_progress', 'review', 'done', 'blocked']), priority: rng.pick(['low', 'medium', 'high', 'urgent']), assignee_ids: Array.from({ length: rng.int(0, 3) }, () => rng.int(1, 5000)), labels: rng.sample(['bug', 'frontend', 'backend', 'docs', 'good first issue', 'regression', 'p1'], rng.int(0, 3)), due_date: rng.chance(0.5) ? en.date.soon({ days: 30 }).toISOString().slice(0, 10) : null, checklist: Array.from({ length: rng.int(0, 3) }, () => ({ text: rng.pick(ctx.text.headings), done: rng.chance(0.5) })) };
    case 'invoices':
      return { number: `INV-${rng.int(2023, 2025)}-${rng.digits(5)}`, customer_id: `cus_${rng.alnum(14)}`, lines: Array.from({ length: rng.int(1, 4) }, () => ({ description: en.commerce.productName(), qty: rng.skewed(10), amount: money(ctx), tax_rate: rng.pick([0, 7, 19, 20, 21, 10]) })), due_date: en.date.soon({ days: 30 }).toISOString().slice(0, 10), currency: rng.pick(['EUR', 'USD', 'CHF']), footer: rng.chance(0.3) ? `IBAN ${en.finance.iban()} · BIC ${en.finance.bic()}` : null };
    case 'events':
      return { name: `${en.company.buzzNoun()} ${rng.pick(['Summit', 'Meetup', 'Workshop', 'Webinar'])} ${rng.int(2024, 2026)}`, starts_at: en.date.soon({ days: 90 }).toISOString(), timezone: en.location.timeZone(), venue: { name: f.company.name(), address: address(ctx, locale), geo: { lat: en.location.latitude(), lng: en.location.longitude() } }, capacity: rng.pick([20, 50, 120, 500]), speakers: Array.from({ length: rng.int(1, 3) }, () => ({ name: f.person.fullName(), title: en.person.jobTitle() })) };
    case 'devices':
      return { device_id: rng.uuid(), platform: rng.pick(['ios', 'android', 'web']), push_token: rng.chance(0.5) ? rng.hex(64) : `${rng.base64(16, true)}:APA91b${rng.base64(100, true)}`, app_version: `${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 9)}`, os_version: `${rng.int(10, 18)}.${rng.int(0, 5)}`, model: rng.pick(['iPhone15,2', 'SM-S918B', 'Pixel 8', 'iPad13,1']), locale: locale.replace('_', '-'), timezone: en.location.timeZone(), settings: { notifications: { orders: rng.chance(0.8), marketing: rng.chance(0.3) }, theme: rng.pick(['dark', 'light', 'system']) } };
    case 'comments':
      return { body: rng.chance(0.5) ? message(rng, locale) : rng.pick(ctx.text.sentences), author_id: rng.int(1, 999999), parent_id: rng.chance(0.3) ? rng.int(1, 999999) : null, mentions: rng.chance(0.2) ? [`@${en.internet.username()}`] : [] };
    case 'bookings':
      return { guest: { name: f.person.fullName(), email: makePerson(rng, ctx.fakers, locale).email }, check_in: en.date.soon({ days: 60 }).toISOString().slice(0, 10), nights: rng.int(1, 14), room_type: rng.pick(['double', 'twin', 'suite', 'single']), guests: { adults: rng.int(1, 4), children: rng.int(0, 3) }, special_requests: rng.chance(0.4) ? message(rng, locale) : '', created_at: iso() };
    default:
      return { name: en.word.words(2), value: rng.int(0, 1000), enabled: rng.chance(0.5), updated_at: iso() };
  }
}

export const RESOURCES = ['orders', 'customers', 'products', 'tasks', 'invoices', 'events', 'devices', 'comments', 'bookings'];
