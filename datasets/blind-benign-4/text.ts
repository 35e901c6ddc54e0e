/** Blind benign set 4: search boxes and APIs with operators, and text in many scripts. */
import type { Rng } from '../lib/rng.js';
import { makePerson, type FakerPool } from '../lib/people.js';
import { b64url, browser, client, form, hex, json, query, uuid, type Draft } from './wire.js';

const SEARCHES = [
  'title:"climate change" AND (author:smith OR author:jones) -draft',
  'site:example.org filetype:pdf "annual report" 2023..2025',
  'price:[10 TO 100] AND brand:(sony OR "bang & olufsen")',
  'te?t* AND roam~2 OR "jakarta apache"~10',
  'headphones noise cancelling -wired -"in-ear" <$200',
  'intitle:"index of" mp3 beatles',
  '"error: could not find or load main class" java -jar',
  'author:"O\'Brien, Patrick" year:>=1990',
  'category:books AND (lang:fr OR lang:de) NOT format:audiobook',
  'recipe chicken (lemon | lime) -coriander',
  '(a OR b) AND NOT c',
  'tags:"c++" score:>10 is:question closed:no',
  '"SELECT DISTINCT" vs "GROUP BY" performance',
  'repo:example/web language:typescript "useEffect(" NOT path:test/',
  'is:pr is:open review-requested:@me label:"needs review" sort:updated-desc',
  'from:(alice@example.com) has:attachment larger:5M older_than:1y -in:chats',
  'project = WEB AND status in ("In Progress", Review) AND assignee = currentUser() ORDER BY priority DESC',
  'is:unresolved level:error !user.email:*@example.com release:2.14.*',
  'index=web sourcetype=nginx status>=500 | stats count by uri_path | sort -count | head 20',
  'host:web-* AND NOT tags:canary AND response_time_ms:>1500',
  'service:checkout @http.status_code:[500 TO 599] -@http.url_details.path:/healthz',
  'level:ERROR AND message:"connection refused" AND kubernetes.namespace:web',
  'where: country == "DE" && orders > 3 || vip == true',
  'C# async await deadlock .ConfigureAwait(false)',
  'how to undo git reset --hard HEAD~1',
  'sed -i "s/foo/bar/g" not working on mac',
  'python list comprehension if else',
  'what does 2>&1 mean in bash',
  '50% off "black friday" tv 65" oled',
  'jeans W32/L34 slim-fit (dark wash)',
  '~/.ssh/config ProxyJump example',
  'max(price) where category = "laptops"',
  'üñíçødé search ¿funciona? «oui»',
  '/r/homelab "10gbe" switch <100w',
  'nearest pharmacy open now 24/7',
  'python "except Exception as e" vs "except:"',
  'AND OR NOT operators Boolean search tips',
  'null island 0,0 coordinates',
  '#hashtag @mention $TICKER',
  'c:\\users\\public\\documents missing windows 11',
];

export function search(rng: Rng): Draft[] {
  const out: Draft[] = [];
  SEARCHES.forEach((q, i) => {
    switch (i % 5) {
      case 0:
        out.push({ method: 'GET', path: '/search', query: query([['q', q], ['page', String(rng.int(1, 5))]]), headers: browser(rng, 'www.example-library.org', 'document') });
        break;
      case 1:
        out.push({ method: 'GET', path: '/api/search', query: `q=${encodeURIComponent(q).replace(/%20/g, '+')}&type=all&sort=relevance&facets=author,year,format`, headers: browser(rng, 'search.example-docs.com', 'xhr') });
        break;
      case 2:
        out.push({ method: 'POST', path: '/1/indexes/*/queries', query: `x-algolia-agent=Algolia%20for%20JavaScript%20(4.24.0)%3B%20Browser%20(lite)%3B%20instantsearch.js%20(4.75.0)&x-algolia-api-key=${hex(rng, 32)}&x-algolia-application-id=${b64url(rng, 10).toUpperCase()}`, headers: browser(rng, 'search.algolia.example', 'xhr', { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' }), body: json({ requests: [{ indexName: 'prod_products', params: query([['query', q], ['hitsPerPage', '24'], ['facetFilters', json([['brand:Sony', 'brand:Bose'], 'in_stock:true'])], ['numericFilters', json(['price>=10', 'price<=500'])], ['filters', '(category:Headphones OR category:Speakers) AND NOT discontinued:true'], ['highlightPreTag', '__ais-highlight__'], ['highlightPostTag', '__/ais-highlight__']]) }] }) });
        break;
      case 3:
        out.push({ method: 'POST', path: '/products/_search', query: '', headers: client('es.example.internal:9200', 'elasticsearch-js/8.16.0 (linux 6.8; Node.js 20.18.0)', { 'Content-Type': 'application/json', Authorization: `ApiKey ${Buffer.from(`${b64url(rng, 20)}:${b64url(rng, 22)}`).toString('base64')}` }), body: json({ query: { bool: { must: [{ query_string: { query: q, default_field: 'title', default_operator: 'AND' } }], filter: [{ range: { price: { gte: 10, lte: 500 } } }, { terms: { 'brand.keyword': ['Sony', 'Bose'] } }], must_not: [{ term: { discontinued: true } }] } }, aggs: { brands: { terms: { field: 'brand.keyword', size: 20 } } }, highlight: { fields: { title: {} }, pre_tags: ['<em>'], post_tags: ['</em>'] }, size: 24 }) });
        break;
      default:
        out.push({ method: 'GET', path: '/search/issues', query: query([['q', q], ['per_page', '50']]), headers: client('api.example-code.com', 'gh/2.63.0', { Authorization: `token gho_${b64url(rng, 36)}` }) });
    }
  });
  out.push({ method: 'POST', path: '/products/_search', query: '', headers: client('es.example.internal:9200', 'elasticsearch-py/8.16.0', { 'Content-Type': 'application/json' }), body: json({ query: { function_score: { query: { regexp: { sku: { value: 'ab[0-9]{3}-.*', flags: 'ALL' } } }, script_score: { script: { source: "Math.log(2 + doc['sales_30d'].value) * params.boost", params: { boost: 1.2 } } } } } }) });
  out.push({ method: 'POST', path: '/logs-*/_search', query: 'filter_path=hits.hits._source,aggregations', headers: client('es.example.internal:9200', 'Kibana/8.16.0', { 'Content-Type': 'application/json', 'kbn-xsrf': 'true' }), body: json({ query: { bool: { filter: [{ range: { '@timestamp': { gte: 'now-15m' } } }, { match_phrase: { message: 'GET /wp-login.php' } }, { wildcard: { 'url.original': '*/.env*' } }] } }, size: 100 }) });
  out.push({ method: 'GET', path: '/solr/catalog/select', query: `q=${encodeURIComponent('name:(ipod OR "mp3 player") AND inStock:true')}&fq=${encodeURIComponent('price:[* TO 400]')}&fq=${encodeURIComponent('{!tag=cat}cat:electronics')}&facet=true&facet.field=${encodeURIComponent('{!ex=cat}cat')}&sort=${encodeURIComponent('score desc, price asc')}&fl=id,name,price,score&wt=json&rows=20&defType=edismax&qf=${encodeURIComponent('name^4 features^1')}`, headers: browser(rng, 'search.example-shop.com', 'xhr') });
  out.push({ method: 'GET', path: '/odata/Products', query: `%24filter=${encodeURIComponent("contains(Name,'kettle') and Price le 80 and (Category/Name eq 'Kitchen' or Category/Name eq 'Home')")}&%24orderby=${encodeURIComponent('Price desc')}&%24select=Id,Name,Price&%24expand=Category(%24select%3DName)&%24top=20&%24count=true`, headers: browser(rng, 'erp.example.com', 'xhr', { 'OData-Version': '4.0' }) });
  out.push({ method: 'GET', path: '/rest/v1/products', query: 'select=id,name,price,categories(name)&price=lt.100&name=ilike.*kettle*&or=(stock.gt.0,backorder.is.true)&order=price.desc.nullslast&limit=20', headers: browser(rng, 'db.example-supa.co', 'xhr', { apikey: `eyJ${b64url(rng, 140)}` }) });
  out.push({ method: 'GET', path: '/api/v1/search', query: query([['query', 'SELECT title, url FROM docs WHERE MATCH(body) AGAINST (\'+postgres -mysql\' IN BOOLEAN MODE) LIMIT 10']]), headers: browser(rng, 'docs-search.example.dev', 'xhr') });
  out.push({ method: 'GET', path: '/catalog', query: 'q=%2A&sort=year+desc&filter=genre%3A%22sci-fi%22+AND+year%3A%5B1980+TO+1999%5D', headers: browser(rng, 'www.example-films.com', 'document') });
  out.push({ method: 'GET', path: '/kusto/query', query: query([['db', 'telemetry'], ['csl', 'requests | where timestamp > ago(1h) and resultCode startswith "5" | summarize count() by bin(timestamp, 5m), name | order by count_ desc']]), headers: browser(rng, 'dataexplorer.example.net', 'xhr') });
  return out;
}

const SCRIPTS: [string, string, string][] = [
  ['ar', 'ar-SA,ar;q=0.9', 'هل يمكنني إرجاع المنتج بعد ١٤ يومًا؟ الطلب رقم #٤٥٢١٧ — شكرًا لكم!'],
  ['he', 'he-IL,he;q=0.9', 'ההזמנה הגיעה שבורה 😞 אפשר החזר כספי? (מס׳ הזמנה 88213)'],
  ['fa', 'fa-IR,fa;q=0.9', 'سلام، آیا ارسال به شیراز هم دارید؟ هزینه‌اش چقدر است؟'],
  ['zh', 'zh-CN,zh;q=0.9', '请问这款羽绒服有XL码吗？我身高180cm，体重75kg，平时穿L。'],
  ['zh-TW', 'zh-TW,zh;q=0.9', '訂單已付款但狀態仍顯示「待處理」，請協助確認，謝謝！'],
  ['ja', 'ja-JP,ja;q=0.9', '配送日時を12月24日（火）午前中に変更できますか？不在の場合は宅配ボックスへお願いします。'],
  ['ko', 'ko-KR,ko;q=0.9', '배송지 변경 부탁드립니다: 서울특별시 강남구 테헤란로 152, 12층 (역삼동)'],
  ['th', 'th-TH,th;q=0.9', 'สินค้ามีสีอื่นไหมคะ อยากได้สีชมพูอ่อน ขนาด M ค่ะ'],
  ['hi', 'hi-IN,hi;q=0.9,en;q=0.8', 'कृपया मेरा ऑर्डर रद्द करें — गलत साइज़ चुन लिया था। धन्यवाद!'],
  ['bn', 'bn-BD,bn;q=0.9', 'আমার অর্ডারটি কবে পৌঁছাবে? ট্র্যাকিং নম্বর কাজ করছে না।'],
  ['ta', 'ta-IN,ta;q=0.9', 'இந்த புத்தகத்தின் இரண்டாம் பதிப்பு கிடைக்குமா?'],
  ['ru', 'ru-RU,ru;q=0.9', 'Здравствуйте! Пришёл не тот цвет (заказывал «графит», пришёл «серебро»). Что делать?'],
  ['uk', 'uk-UA,uk;q=0.9', 'Чи можна оплатити частинами? Цікавить модель 15" з 16 ГБ ОЗП.'],
  ['el', 'el-GR,el;q=0.9', 'Καλησπέρα σας· θα ήθελα να αλλάξω το μέγεθος σε 42. Ευχαριστώ!'],
  ['ka', 'ka-GE,ka;q=0.9', 'გამარჯობა, თბილისში მიწოდება რამდენ ხანს გრძელდება?'],
  ['hy', 'hy-AM,hy;q=0.9', 'Բարև Ձեզ, արդյո՞ք առաքում ունեք Գյումրի։'],
  ['am', 'am-ET,am;q=0.9', 'ሰላም፣ ይህ ምርት በአዲስ አበባ ይገኛል?'],
  ['vi', 'vi-VN,vi;q=0.9', 'Cho mình hỏi áo này còn size S không ạ? Giao về Đà Nẵng mất mấy ngày?'],
  ['tr', 'tr-TR,tr;q=0.9', 'Siparişim hâlâ "kargoya verildi" görünüyor; İstanbul\'a ne zaman ulaşır?'],
  ['pl', 'pl-PL,pl;q=0.9', 'Czy mogę zwrócić buty w paczkomacie? Rozmiar 44 jest za mały — zamówię 45.'],
  ['de', 'de-DE,de;q=0.9', 'Grüß Gott! Die Lieferung für „Müller & Söhne“ bitte an Tor 3 (Hinterhof) — Danke!'],
  ['fr', 'fr-FR,fr;q=0.9', "Bonjour, l'article « pull en laine » est-il lavable à 30 °C ? Merci d'avance !"],
  ['es', 'es-ES,es;q=0.9', '¿Hacéis envíos a Canarias? ¿Cuánto cuesta? ¡Gracias!'],
  ['pt', 'pt-BR,pt;q=0.9', 'Olá! O produto chegou com defeito — a tela não liga. Como faço a troca?'],
  ['emoji', 'en-US,en;q=0.9', 'Love it!! 😍👍🏽 the 👨‍👩‍👧‍👦 family pack is 🔥🔥 — 5/5 ⭐⭐⭐⭐⭐'],
  ['mixed', 'en-GB,en;q=0.9', 'Ordered “Café Crème” (200 g) + naïve-art mug — résumé of issue: lid ≠ mug size ±2 mm'],
  ['zalgo', 'en-US,en;q=0.9', 'Ẅ̈ḧäẗ ä c̈ööl̈ f̈öṅẗ — is this ünicode-safe?'],
  ['rtl-mixed', 'ar-EG,ar;q=0.9,en;q=0.8', 'رقم الطلب: ORD-2026-1187 (iPhone 16 Pro, 256GB) — متى يصل؟'],
  ['my', 'my-MM,my;q=0.9', 'မင်္ဂလာပါ၊ ဒီပစ္စည်း ရန်ကုန်ကို ပို့ပေးလို့ရလား။'],
  ['si', 'si-LK,si;q=0.9', 'ආයුබෝවන්, මෙම නිෂ්පාදනය කොළඹට එවන්න පුළුවන්ද?'],
];

export function i18n(rng: Rng, pool: FakerPool): Draft[] {
  const out: Draft[] = [];
  const shop = 'www.example-global.shop';
  SCRIPTS.forEach(([tag, lang, text], i) => {
    const locale = rng.pick(['ar', 'he', 'ja', 'zh_CN', 'ko', 'ru', 'el', 'th', 'fa', 'ka_GE', 'hy', 'vi', 'tr', 'pl', 'de', 'fr', 'es', 'pt_BR', 'uk', 'ne']);
    const p = makePerson(rng, pool, locale);
    switch (i % 3) {
      case 0:
        out.push({ method: 'POST', path: '/contact', query: '', headers: browser(rng, shop, 'form', { 'Content-Type': 'application/x-www-form-urlencoded' }, lang), body: form([['name', `${p.firstName} ${p.lastName}`], ['email', p.email], ['phone', p.phone], ['order', `#${rng.int(10000, 99999)}`], ['message', `${text}\n\n${p.fullName}\n${p.street}\n${p.zip} ${p.city}`], ['consent', '1'], ['_csrf', b64url(rng, 32)]]) });
        break;
      case 1:
        out.push({ method: 'POST', path: '/api/reviews', query: '', headers: browser(rng, shop, 'xhr', { 'Content-Type': 'application/json; charset=utf-8' }, lang), body: json({ productId: rng.int(1000, 9999), rating: rng.int(1, 5), title: text.slice(0, 24), body: text, author: { displayName: p.fullName, city: p.city, country: p.country }, locale: tag }) });
        break;
      default:
        out.push({ method: 'GET', path: '/search', query: query([['q', text.slice(0, 40)], ['lang', lang.split(',')[0]]]), headers: browser(rng, shop, 'document', {}, lang) });
    }
  });
  for (let i = 0; i < 12; i++) {
    const locale = rng.pick(['ar', 'he', 'ja', 'zh_CN', 'zh_TW', 'ko', 'ru', 'el', 'th', 'fa', 'ka_GE', 'hy', 'vi', 'uk', 'ne', 'en_IN', 'tr', 'cs_CZ']);
    const p = makePerson(rng, pool, locale);
    out.push(rng.pick<Draft>([
      { method: 'POST', path: '/account/addresses', query: '', headers: browser(rng, shop, 'xhr', { 'Content-Type': 'application/json' }), body: json({ fullName: p.fullName, company: p.company, line1: p.street, city: p.city, region: p.state, postalCode: p.zip, country: p.country, phone: p.phone, default: true }) },
      { method: 'POST', path: '/signup', query: '', headers: browser(rng, shop, 'form', { 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['first_name', p.firstName], ['last_name', p.lastName], ['email', p.email], ['username', p.username], ['job_title', p.jobTitle], ['company', p.company], ['password', `${b64url(rng, 10)}!${rng.int(10, 99)}`], ['tos', 'on']]) },
      { method: 'GET', path: '/users', query: query([['name', p.fullName], ['city', p.city]]), headers: browser(rng, shop, 'xhr') },
      { method: 'PATCH', path: '/api/profile', query: '', headers: browser(rng, shop, 'xhr', { 'Content-Type': 'application/merge-patch+json' }), body: json({ displayName: p.fullName, bio: `${p.jobTitle} @ ${p.company} · ${p.city}`, birthdate: p.birthdate }) },
    ]));
  }
  out.push({ method: 'GET', path: '/wiki/' + encodeURIComponent('Ελληνική_γλώσσα'), query: '', headers: browser(rng, 'el.example-pedia.org', 'document', {}, 'el-GR,el;q=0.9') });
  out.push({ method: 'GET', path: '/wiki/' + encodeURIComponent('東京都'), query: 'action=edit&section=3', headers: browser(rng, 'ja.example-pedia.org', 'document', {}, 'ja-JP,ja;q=0.9') });
  out.push({ method: 'POST', path: '/w/api.php', query: '', headers: browser(rng, 'ar.example-pedia.org', 'xhr', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'ar,en;q=0.8'), body: form([['action', 'edit'], ['format', 'json'], ['title', 'القاهرة'], ['section', '2'], ['text', "== التاريخ ==\nتأسست '''القاهرة''' عام [[969]] م.<ref>{{استشهاد بكتاب|عنوان=تاريخ مصر|سنة=1998|صفحة=45}}</ref>\n\n{{مرجع}}"], ['summary', 'تصحيح تاريخ /* التاريخ */'], ['token', `${hex(rng, 32)}+\\`]]) });
  out.push({ method: 'POST', path: '/w/api.php', query: '', headers: browser(rng, 'zh.example-pedia.org', 'xhr', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'zh-CN,zh;q=0.9'), body: form([['action', 'edit'], ['format', 'json'], ['title', '长城'], ['appendtext', "\n\n== 参考文献 ==\n{{Reflist}}\n[[Category:中国世界遗产]]"], ['summary', '补充分类 / 参考文献'], ['token', `${hex(rng, 32)}+\\`]]) });
  out.push({ method: 'POST', path: '/api/translate', query: '', headers: client('translate.example.com', 'i18next-http-backend/2.6', { 'Content-Type': 'application/json' }), body: json({ source: 'en', target: 'ja', texts: ['Your order #{{orderId}} has shipped!', 'You have {count, plural, one {# item} other {# items}} in your cart', '<b>Free</b> returns within 30 days'] }) });
  out.push({ method: 'PUT', path: '/locales/de/translation.json', query: '', headers: client('tms.example.com', 'crowdin-cli/4.4.0', { 'Content-Type': 'application/json' }), body: json({ 'checkout.title': 'Kasse', 'checkout.total': 'Gesamtsumme: {{amount, currency(EUR)}}', 'cart.items_one': '{{count}} Artikel', 'cart.items_other': '{{count}} Artikel', 'errors.network': 'Netzwerkfehler – bitte später erneut versuchen (Code: {{code}})', 'legal.terms': 'Mit Klick auf „Kaufen“ akzeptierst du unsere <1>AGB</1> & <3>Datenschutzerklärung</3>.' }) });
  out.push({ method: 'GET', path: '/' + encodeURIComponent('검색') + '/' + encodeURIComponent('노트북 가방'), query: 'sort=' + encodeURIComponent('낮은가격순'), headers: browser(rng, 'www.example-mall.co.kr', 'document', {}, 'ko-KR,ko;q=0.9') });
  out.push({ method: 'GET', path: '/s', query: `k=${encodeURIComponent('कुर्ता सेट महिलाओं के लिए')}&i=apparel&ref=nb_sb_noss_${rng.int(1, 2)}`, headers: browser(rng, 'www.example-bazaar.in', 'document', {}, 'hi-IN,hi;q=0.9,en-IN;q=0.8') });
  out.push({ method: 'POST', path: '/api/messages', query: '', headers: browser(rng, 'support.example-global.shop', 'xhr', { 'Content-Type': 'application/json' }, 'ja-JP'), body: json({ ticketId: uuid(rng), body: '<p>お世話になっております。</p><p>添付のとおり、<strong>請求書の宛名</strong>を「株式会社サンプル　経理部」に変更お願いします。</p><p>よろしくお願いいたします。</p>', attachments: [{ name: '請求書_2026-11.pdf', size: 183204 }] }) });
  return out;
}
