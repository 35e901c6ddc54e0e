/** Webhook deliveries in the shapes common SaaS senders use, with their signature headers. */
import type { Family, GenContext } from '../lib/family.js';
import { entity } from '../lib/entities.js';
import { LOCALE_MIX, makePerson } from '../lib/people.js';
import { message } from '../lib/phrases.js';
import { apiHost } from '../lib/sites.js';
import { encodePairs, multipartBody, slugify, withBody, type WireRequest } from '../lib/wire.js';

type Maker = (ctx: GenContext, host: string) => WireRequest;

const ts = (ctx: GenContext) => ctx.rng.int(1746000000, 1748800000);

const stripe: Maker = (ctx, host) => {
  const { rng, en } = ctx;
  const type = rng.pick(['payment_intent.succeeded', 'charge.refunded', 'customer.subscription.updated', 'invoice.payment_failed', 'checkout.session.completed', 'customer.created']);
  const created = ts(ctx);
  const obj = type.startsWith('customer.created')
    ? { id: `cus_${rng.alnum(14)}`, object: 'customer', email: en.internet.email(), name: en.person.fullName(), metadata: { user_id: String(rng.int(1, 99999)) } }
    : { id: `${({ payment_intent: 'pi', charge: 'ch', customer: 'sub', invoice: 'in', checkout: 'cs_live' } as Record<string, string>)[type.split('.')[0]]}_${rng.alnum(24)}`, object: type.startsWith('customer.') ? 'subscription' : type.startsWith('checkout.') ? 'checkout.session' : type.split('.')[0], amount: rng.int(100, 99999), currency: rng.pick(['usd', 'eur', 'gbp']), customer: `cus_${rng.alnum(14)}`, status: rng.pick(['succeeded', 'requires_payment_method', 'active', 'paid', 'complete']), metadata: { order_id: String(rng.int(1000, 999999)) }, description: rng.chance(0.5) ? `Order #${rng.int(1000, 99999)}` : null, receipt_email: rng.chance(0.5) ? en.internet.email() : null };
  const body = { id: `evt_${rng.alnum(24)}`, object: 'event', api_version: rng.pick(['2024-06-20', '2023-10-16', '2025-03-31.basil']), created, data: { object: obj }, livemode: rng.chance(0.7), pending_webhooks: rng.int(1, 3), request: { id: rng.chance(0.5) ? `req_${rng.alnum(14)}` : null, idempotency_key: rng.chance(0.5) ? rng.uuid() : null }, type };
  return withBody({ method: 'POST', path: rng.pick(['/webhooks/stripe', '/api/stripe/webhook', '/stripe/events', '/hooks/payments']), query: '', headers: { Host: host, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', Accept: '*/*; q=0.5, application/xml', 'Cache-Control': 'no-cache', 'Stripe-Signature': `t=${created},v1=${rng.hex(64)}` } }, 'application/json; charset=utf-8', JSON.stringify(body, null, 2));
};

const github: Maker = (ctx, host) => {
  const { rng, en } = ctx;
  const event = rng.pick(['push', 'pull_request', 'issues', 'issue_comment', 'release']);
  const owner = en.internet.username().toLowerCase();
  const repo = { id: rng.int(1000000, 900000000), name: slugify(en.word.noun()), full_name: '', private: rng.chance(0.5), html_url: '', default_branch: rng.pick(['main', 'master', 'develop']) };
  repo.full_name = `${owner}/${repo.name}`;
  repo.html_url = `https://github.com/${repo.full_name}`;
  const sender = { login: en.internet.username(), id: rng.int(1, 99999999), type: 'User' };
  let body: unknown;
  if (event === 'push') {
    const commits = Array.from({ length: rng.int(1, 4) }, () => ({ id: rng.hex(40), message: rng.chance(0.6) ? `${rng.pick(['fix', 'feat', 'chore', 'docs', 'refactor'])}: ${rng.pick(ctx.text.headings).toLowerCase()}` : rng.pick(ctx.text.sentences), timestamp: en.date.recent({ days: 3 }).toISOString(), author: { name: en.person.fullName(), email: en.internet.email() }, added: [`src/${slugify(en.word.noun())}.ts`], modified: ['README.md', `docs/${slugify(en.word.noun())}.md`], removed: [] as string[] }));
    body = { ref: `refs/heads/${rng.pick(['main', `feature/${slugify(en.hacker.verb())}-${slugify(en.word.noun())}`, `fix/${rng.int(100, 9999)}`])}`, before: rng.hex(40), after: commits[commits.length - 1].id, repository: repo, pusher: { name: sender.login, email: en.internet.email() }, sender, commits, head_commit: commits[commits.length - 1], compare: `${repo.html_url}/compare/${rng.hex(12)}...${rng.hex(12)}` };
  } else if (event === 'release') {
    body = { action: 'published', release: { tag_name: `v${rng.int(0, 9)}.${rng.int(0, 30)}.${rng.int(0, 9)}`, name: rng.pick(ctx.text.headings), body: `## What's changed\n* ${rng.pick(ctx.text.sentences)}\n* ${rng.pick(ctx.text.sentences)}`, draft: false, prerelease: rng.chance(0.2) }, repository: repo, sender };
  } else {
    const issue = { number: rng.int(1, 9000), title: rng.pick(ctx.text.headings), body: `${rng.pick(ctx.text.paragraphs)}\n\n\`\`\`\n${rng.pick(ctx.text.code).code}\n\`\`\``, state: 'open', labels: [{ name: rng.pick(['bug', 'enhancement', 'question']) }], user: sender };
    body = event === 'issue_comment'
      ? { action: 'created', issue, comment: { id: rng.int(1, 2e9), body: rng.pick(ctx.text.paragraphs), user: sender }, repository: repo, sender }
      : { action: rng.pick(['opened', 'edited', 'closed', 'labeled']), [event === 'issues' ? 'issue' : 'pull_request']: issue, repository: repo, sender };
  }
  const headers: Record<string, string> = { Host: host, 'User-Agent': `GitHub-Hookshot/${rng.hex(7)}`, Accept: '*/*', 'X-GitHub-Delivery': rng.uuid(), 'X-GitHub-Event': event, 'X-GitHub-Hook-ID': String(rng.int(1e8, 6e8)), 'X-GitHub-Hook-Installation-Target-ID': String(repo.id), 'X-GitHub-Hook-Installation-Target-Type': 'repository', 'X-Hub-Signature': `sha1=${rng.hex(40)}`, 'X-Hub-Signature-256': `sha256=${rng.hex(64)}` };
  if (rng.chance(0.2)) return withBody({ method: 'POST', path: '/github/webhook', query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([['payload', JSON.stringify(body)]]));
  return withBody({ method: 'POST', path: rng.pick(['/github/webhook', '/hooks/github', '/api/webhooks/github', '/payload', '/ghprbhook/', '/github-webhook/']), query: '', headers }, 'application/json', JSON.stringify(body));
};

const slack: Maker = (ctx, host) => {
  const { rng, en } = ctx;
  const headers = { Host: host, 'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)', 'Accept-Encoding': 'gzip,deflate', Accept: 'application/json,*/*', 'X-Slack-Signature': `v0=${rng.hex(64)}`, 'X-Slack-Request-Timestamp': String(ts(ctx)) };
  const team = `T${rng.alnum(10).toUpperCase()}`;
  const user = `U${rng.alnum(10).toUpperCase()}`;
  if (rng.chance(0.5)) {
    const command = rng.pick(['/deploy', '/standup', '/poll', '/jira', '/oncall', '/remind']);
    const text = command === '/deploy' ? `${slugify(en.word.noun())} ${rng.pick(['staging', 'production'])} --ref ${rng.hex(7)}` : command === '/poll' ? `"${rng.pick(ctx.text.headings)}?" "yes" "no" "maybe"` : command === '/remind' ? `me to ${en.hacker.verb()} the ${en.hacker.noun()} tomorrow at 9am` : rng.pick(ctx.text.sentences);
    return withBody({ method: 'POST', path: '/slack/commands', query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([['token', rng.alnum(24)], ['team_id', team], ['team_domain', slugify(en.company.name())], ['channel_id', `C${rng.alnum(10).toUpperCase()}`], ['channel_name', rng.pick(['general', 'deploys', 'random', 'eng-backend', 'support'])], ['user_id', user], ['user_name', en.internet.username().toLowerCase()], ['command', command], ['text', text], ['api_app_id', `A${rng.alnum(10).toUpperCase()}`], ['is_enterprise_install', 'false'], ['response_url', `https://hooks.slack.com/commands/${team}/${rng.digits(13)}/${rng.alnum(24)}`], ['trigger_id', `${rng.digits(13)}.${rng.digits(12)}.${rng.hex(32)}`]]));
  }
  if (rng.chance(0.5)) {
    const payload = { type: 'block_actions', user: { id: user, username: en.internet.username() }, team: { id: team }, actions: [{ action_id: rng.pick(['approve', 'reject', 'snooze']), block_id: rng.alnum(5), value: rng.pick(['approve_123', 'reject', JSON.stringify({ ticket: rng.int(1, 9999) })]), type: 'button', action_ts: `${ts(ctx)}.${rng.digits(6)}` }], response_url: `https://hooks.slack.com/actions/${team}/${rng.digits(13)}/${rng.alnum(24)}`, message: { text: rng.pick(ctx.text.sentences), ts: `${ts(ctx)}.${rng.digits(6)}` } };
    return withBody({ method: 'POST', path: '/slack/interactive', query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([['payload', JSON.stringify(payload)]]));
  }
  const body = { token: rng.alnum(24), team_id: team, api_app_id: `A${rng.alnum(10).toUpperCase()}`, event: { type: 'message', channel: `C${rng.alnum(10).toUpperCase()}`, user, text: rng.chance(0.5) ? message(rng, rng.weighted(LOCALE_MIX)) : `<@${user}> ${rng.pick(ctx.text.sentences)}`, ts: `${ts(ctx)}.${rng.digits(6)}`, event_ts: `${ts(ctx)}.${rng.digits(6)}`, channel_type: 'channel' }, type: 'event_callback', event_id: `Ev${rng.alnum(10).toUpperCase()}`, event_time: ts(ctx) };
  return withBody({ method: 'POST', path: '/slack/events', query: '', headers }, 'application/json', JSON.stringify(body));
};

const shopify: Maker = (ctx, host) => {
  const { rng, en } = ctx;
  const topic = rng.pick(['orders/create', 'orders/paid', 'customers/update', 'products/update', 'app/uninstalled', 'carts/update']);
  const shop = `${slugify(en.company.name()).slice(0, 20)}.myshopify.com`;
  const obj = topic.startsWith('products') ? entity(ctx, 'products') : topic.startsWith('customers') ? entity(ctx, 'customers') : entity(ctx, 'orders');
  return withBody({ method: 'POST', path: rng.pick([`/webhooks/${topic.replace('/', '_')}`, '/shopify/webhooks', '/api/webhooks']), query: rng.chance(0.3) ? `shop=${shop}` : '', headers: { Host: host, 'User-Agent': 'Shopify-Captain-Hook', Accept: '*/*', 'X-Shopify-Topic': topic, 'X-Shopify-Hmac-Sha256': rng.base64(32), 'X-Shopify-Shop-Domain': shop, 'X-Shopify-API-Version': rng.pick(['2024-04', '2024-07', '2025-01']), 'X-Shopify-Webhook-Id': rng.uuid(), 'X-Shopify-Triggered-At': en.date.recent({ days: 1 }).toISOString() } }, 'application/json', JSON.stringify({ id: rng.int(1e12, 9e12), ...obj, admin_graphql_api_id: `gid://shopify/${topic.startsWith('products') ? 'Product' : 'Order'}/${rng.int(1e12, 9e12)}` }));
};

const twilio: Maker = (ctx, host) => {
  const { rng } = ctx;
  const locale = rng.weighted(LOCALE_MIX);
  const from = makePerson(rng, ctx.fakers, locale);
  const phone = () => `+${rng.pick(['1', '44', '49', '33', '81', '55', '91'])}${rng.digits(10)}`;
  const sms = rng.chance(0.7) ? message(rng, locale) : rng.pick(['STOP', 'YES', 'Y', 'HELP', 'C', '1', 'Ok thanks!', `${from.firstName} here, running 10 min late`]);
  const pairs: [string, string][] = [['ToCountry', rng.pick(['US', 'GB', 'DE'])], ['SmsMessageSid', `SM${rng.hex(32)}`], ['NumMedia', '0'], ['SmsSid', `SM${rng.hex(32)}`], ['SmsStatus', 'received'], ['Body', sms], ['FromCountry', from.country], ['To', phone()], ['NumSegments', '1'], ['MessageSid', `SM${rng.hex(32)}`], ['AccountSid', `AC${rng.hex(32)}`], ['From', phone()], ['ApiVersion', '2010-04-01']];
  return withBody({ method: 'POST', path: rng.pick(['/twilio/sms', '/sms/inbound', '/webhooks/twilio']), query: '', headers: { Host: host, 'User-Agent': 'TwilioProxy/1.1', Accept: '*/*', 'X-Twilio-Signature': rng.base64(20), 'I-Twilio-Idempotency-Token': rng.uuid() } }, 'application/x-www-form-urlencoded', encodePairs(pairs));
};

const sendgrid: Maker = (ctx, host) => {
  const { rng, en } = ctx;
  const events = Array.from({ length: rng.int(1, 5) }, () => {
    const event = rng.pick(['delivered', 'open', 'click', 'bounce', 'processed', 'unsubscribe']);
    return { email: en.internet.email(), timestamp: ts(ctx), 'smtp-id': `<${rng.alnum(22)}@ismtpd0${rng.int(1, 99)}p1mdw1.sendgrid.net>`, event, category: [rng.pick(['newsletter', 'receipt', 'password-reset'])], sg_event_id: rng.base64(22, true), sg_message_id: `${rng.base64(22, true)}.filterdrecv-${rng.hex(10)}-${rng.alnum(5)}-1-${rng.hex(8).toUpperCase()}-${rng.int(1, 99)}-0`, ...(event === 'click' ? { url: `https://${en.internet.domainName()}/${slugify(en.commerce.productName())}?utm_source=newsletter&utm_medium=email`, useragent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36', ip: en.internet.ipv4() } : {}), ...(event === 'bounce' ? { reason: '550 5.1.1 The email account that you tried to reach does not exist.', status: '5.1.1', type: 'bounce' } : {}) };
  });
  return withBody({ method: 'POST', path: rng.pick(['/webhooks/sendgrid', '/email/events', '/sg/events']), query: '', headers: { Host: host, 'User-Agent': 'SendGrid Event API', Accept: '*/*', 'X-Twilio-Email-Event-Webhook-Signature': rng.base64(70), 'X-Twilio-Email-Event-Webhook-Timestamp': String(ts(ctx)) } }, 'application/json', JSON.stringify(events));
};

const mailgunInbound: Maker = (ctx, host) => {
  const { rng, en } = ctx;
  const locale = rng.weighted(LOCALE_MIX);
  const from = makePerson(rng, ctx.fakers, locale);
  const text = `${message(rng, locale)}\n\n--\n${from.fullName}\n${from.phone}`;
  const parts = [
    { name: 'recipient', value: `support@${en.internet.domainName()}` },
    { name: 'sender', value: from.email },
    { name: 'from', value: `${from.fullName} <${from.email}>` },
    { name: 'subject', value: `Re: ${rng.pick(['Your order', 'Ticket', 'Invoice'])} #${rng.int(1000, 99999)}` },
    { name: 'body-plain', value: `${text}\n\nOn Mon, Jun 2, 2025 at 10:14 AM Support <support@example.com> wrote:\n> ${rng.pick(ctx.text.sentences)}` },
    { name: 'stripped-text', value: text },
    { name: 'body-html', value: `<div dir="ltr">${text.replace(/\n/g, '<br>')}</div>` },
    { name: 'timestamp', value: String(ts(ctx)) },
    { name: 'token', value: rng.hex(50) },
    { name: 'signature', value: rng.hex(64) },
    { name: 'message-headers', value: JSON.stringify([['Received', `by mail-${rng.alnum(6)}.google.com with SMTP id ${rng.alnum(12)}`], ['Mime-Version', '1.0'], ['Message-Id', `<${rng.alnum(30)}@mail.gmail.com>`]]) },
  ];
  const mp = multipartBody(rng, parts);
  return withBody({ method: 'POST', path: '/inbound/email', query: '', headers: { Host: host, 'User-Agent': 'mailgun/treq-16.12.0', 'Accept-Encoding': 'gzip' } }, mp.contentType, mp.body);
};

const jira: Maker = (ctx, host) => {
  const { rng, en } = ctx;
  const key = `${rng.alnum(3).toUpperCase().replace(/\d/g, 'X')}-${rng.int(1, 9999)}`;
  const body = { timestamp: ts(ctx) * 1000, webhookEvent: rng.pick(['jira:issue_updated', 'jira:issue_created', 'comment_created']), issue_event_type_name: 'issue_generic', user: { accountId: `${rng.hex(6)}:${rng.uuid()}`, displayName: en.person.fullName() }, issue: { id: String(rng.int(10000, 99999)), key, fields: { summary: rng.pick(ctx.text.headings), description: `h3. ${rng.pick(ctx.text.headings)}\n${rng.pick(ctx.text.paragraphs)}\n{code:${rng.pick(['sql', 'bash', 'java'])}}\n${rng.pick(ctx.text.code).code}\n{code}`, priority: { name: rng.pick(['Major', 'Minor', 'Critical']) }, status: { name: rng.pick(['To Do', 'In Progress', 'Done']) } } }, changelog: { items: [{ field: 'status', fromString: 'To Do', toString: 'In Progress' }] } };
  return withBody({ method: 'POST', path: '/rest/webhooks/jira', query: encodePairs([['issueKey', key], ['user_id', en.internet.username()]]), headers: { Host: host, 'User-Agent': 'Atlassian Webhook HTTP Client', Accept: '*/*', 'X-Atlassian-Webhook-Identifier': String(rng.int(1e6, 9e6)) } }, 'application/json; charset=UTF-8', JSON.stringify(body));
};

export const webhook: Family = {
  name: 'webhook',
  summary: 'SaaS webhook deliveries: Stripe events, GitHub/Jira payloads with markdown and code, Slack commands and interactive payloads (JSON inside urlencoded), Shopify, Twilio SMS, SendGrid event arrays, Mailgun inbound multipart.',
  perScale: 6_000,
  make(ctx) {
    const host = apiHost(ctx.rng, ctx.en);
    const maker = ctx.rng.weighted<Maker>([[stripe, 3], [github, 3], [slack, 2], [shopify, 2], [twilio, 1], [sendgrid, 1], [mailgunInbound, 1], [jira, 1]]);
    return maker(ctx, host);
  },
};
